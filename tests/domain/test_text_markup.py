"""Markup left by conversion is removed without changing the text it wrapped."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.domain.text import clean


@pytest.mark.parametrize(("raw", "text"), [
    ("hạ tầng thông minh IOC)*, nhiệm vụ thường xuyên", "hạ tầng thông minh IOC), nhiệm vụ thường xuyên"),
    ("trên nền tảng *“Bình dân học vụ số”*; sau đào tạo", "trên nền tảng “Bình dân học vụ số”; sau đào tạo"),
    ("**Tập**trung", "Tập trung"),
    ("**KẾ HOẠCH**", "KẾ HOẠCH"),
    ("** II**", "II"),
])
def test_emphasis_markers_stand_for_nothing_next_to_punctuation_and_for_a_space_between_words(raw, text):
    assert clean(raw) == text


words = st.text(alphabet="abcđêươ0123456789ẠẾỘ", min_size=1, max_size=8)


@given(words, words, st.sampled_from(["*", "**", "***"]))
def test_a_marker_between_two_words_keeps_them_apart(a, b, marker):
    assert clean(f"{a}{marker}{b}") == f"{a} {b}"


@given(words, st.sampled_from(list(",;.:)”")), st.sampled_from(["*", "**"]))
def test_a_marker_before_punctuation_leaves_no_space(a, punctuation, marker):
    assert clean(f"{a}{marker}{punctuation}") == f"{a}{punctuation}"
