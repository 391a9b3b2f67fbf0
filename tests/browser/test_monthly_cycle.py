"""The monthly cycle in a real browser (issue 15's "done when"): an officer of Sở Công Thương
enters a figure and a task update through the pre-filled "Nhập" forms and uploads the Excel
template with one bad row (the valid row goes ahead, the bad one stays in the preview); Sở Tài
chính returns one entry with a reason and approves the rest in bulk; the officer reads the reason,
corrects and resubmits; Sở Tài chính approves and publishes; the public page shows the figure.
The steps are ``tests/browser/cycle.py``'s, which ``bench/bench_cycle.py`` times."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.browser import cycle

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_monthly_cycle_from_entry_to_the_public_page(page, people, tmp_path):
    tally = cycle.Tally()
    stages = cycle.run(page, tally, tmp_path)

    stage, state = next(stages)
    assert stage == "entered"
    assert (state["iip"].review_status, state["iip"].low) == ("submitted", Decimal("118.4"))
    assert (state["update"].review_status, state["update"].status) == ("submitted", "completed")

    stage, state = next(stages)
    assert stage == "uploaded"
    assert f"{state['bad']}" in state["preview"]  # the bad row stays in the preview, its row named
    assert [(f.review_status, f.low) for f in state["uploaded"]] == [("submitted", Decimal(1500))]  # the valid one

    stage, state = next(stages)
    assert stage == "reviewed"
    assert (state["returned"].review_status, state["returned"].return_reason) == ("returned", cycle.RETURN_REASON)
    assert (state["iip"].review_status, state["update"].review_status) == ("approved", "approved")

    stage, state = next(stages)
    assert stage == "resubmitted"
    assert cycle.RETURN_REASON in state["inbox"]
    assert (state["resubmitted"].review_status, state["resubmitted"].low) == ("submitted", Decimal(1520))

    stage, state = next(stages)
    assert stage == "published"
    assert [(f.review_status, f.public) for f in state["figures"]] == [("approved", True)] * 2

    stage, state = next(stages)
    assert stage == "public"
    assert "18,4" in state["text"]

    assert tally.clicks[cycle.OFFICER] > 0 and tally.clicks[cycle.FINANCE] > 0
    print("\n".join(tally.lines()))
