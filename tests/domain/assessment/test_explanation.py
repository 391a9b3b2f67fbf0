"""The rule "this entry needs nguyên nhân, khó khăn, đề xuất" (domain/assessment/explanation.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.domain.assessment.explanation import EXPLANATION_FIELDS, missing_explanation, needs_explanation
from kehoach.domain.assessment.model import TaskStatus
from kehoach.domain.assessment.rules import Rating


@pytest.mark.parametrize(("rating", "needed"), [
    (Rating.DAT, False), (Rating.CHAM_NHE, False), (Rating.CHAM, True), (Rating.NGUY_CO, True),
    (Rating.KHONG_SO_SANH, False), (Rating.CHUA_CO_SO_LIEU, False), (None, False),
])
def test_a_figure_rated_cham_or_worse_needs_its_explanation(rating, needed):
    assert needs_explanation(rating) is needed
    if rating is not None:
        assert needs_explanation(rating.value) is needed  # as stored: the rating's code


@pytest.mark.parametrize("status", list(TaskStatus))
def test_a_task_overdue_or_about_to_be_needs_its_explanation(status):
    expected = status.is_overdue or status == TaskStatus.SAP_DEN_HAN
    assert needs_explanation(status) is expected
    assert needs_explanation(status.value) is expected


def test_an_unknown_judgement_is_refused():
    with pytest.raises(ValueError):
        needs_explanation("tot")


@given(st.fixed_dictionaries({name: st.one_of(st.none(), st.text(max_size=5)) for name in EXPLANATION_FIELDS}))
def test_the_missing_fields_are_the_blank_ones_in_order(texts):
    missing = missing_explanation(texts)
    assert missing == [name for name in EXPLANATION_FIELDS if not (texts[name] or "").strip()]


def test_all_three_given_nothing_is_missing():
    assert missing_explanation({"cause": "Mưa bão", "difficulties": "Thiếu vốn", "proposals": "Gia hạn"}) == []
    assert missing_explanation({}) == list(EXPLANATION_FIELDS)
