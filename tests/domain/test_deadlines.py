"""Deadlines as Vietnamese plans write them, read into dates, ranges, recurrences and conditions."""

from datetime import date, timedelta
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.domain.deadlines import RULES, parse_deadline, rule_for
from kehoach.domain.entities import Deadline
from kehoach.domain.periods import Period, roman


def meaning(
    due=None,
    start=None,
    every=None,
    until=None,
    condition=None,
    note=None,
    milestones=(),
):
    """The expected ``to_dict()`` of a deadline, without its text. ``every=None``: no recurrence."""
    return {
        "due": due,
        "start": start,
        "recurrence": None if every is None else {"every": list(every), "until": until},
        "condition": condition,
        "milestones": [{"text": t, "due": d, "condition": c} for t, d, c in milestones],
        "note": note,
        "understood": True,
    }


def read(text, default_year=None):
    deadline = parse_deadline(text, default_year)
    assert deadline.text == text, "the text is kept exactly as written"
    found = deadline.to_dict()
    del found["text"]
    return found


YEARLY = ("year",)

# --------------------------------------------------------------------------------------------
# Every distinct deadline of Phụ lục I of Kế hoạch 86/KH-UBND (Hải Phòng, 2025)

SAMPLE = {
    "Trong năm 2025": meaning(due="2025-12-31"),
    "Hàng tháng, quý trong năm 2025": meaning(due="2025-12-31", every=("month", "quarter"), until="2025-12-31"),
    "Trong năm 2025 và theo yêu cầu, hướng dẫn của Bộ Tài chính": meaning(
        due="2025-12-31", note="theo yêu cầu, hướng dẫn của Bộ Tài chính"
    ),
    "Theo quy định, hướng dẫn của Trung ương": meaning(condition="Theo quy định, hướng dẫn của Trung ương"),
    "Tháng 3/2025": meaning(due="2025-03-31"),
    "Tháng 4/2025": meaning(due="2025-04-30"),
    "Tháng 5/2025": meaning(due="2025-05-31"),
    "Tháng 6/2025": meaning(due="2025-06-30"),
    "Tháng 10/2025": meaning(due="2025-10-31"),
    "Quý II/2025": meaning(due="2025-06-30"),
    "Quý IV/2025": meaning(due="2025-12-31"),
    "Quý I/2026": meaning(due="2026-03-31"),
    "Trong quý II/2025": meaning(due="2025-06-30"),
    "31/01/2026": meaning(due="2026-01-31"),
    "Trong năm 2025 và các năm tiếp theo": meaning(due="2025-12-31", every=YEARLY),
    "Năm 2025 và các năm tiếp theo": meaning(due="2025-12-31", every=YEARLY),
    "Tháng 12/2025 và các năm tiếp theo": meaning(due="2025-12-31", every=YEARLY),
    "Theo quy định và hướng dẫn của Bộ Tài chính": meaning(condition="Theo quy định và hướng dẫn của Bộ Tài chính"),
    "Trong năm 2025 theo kế hoạch cụ thể của từng chương trình": meaning(
        due="2025-12-31", note="theo kế hoạch cụ thể của từng chương trình"
    ),
    "Sau khi có Quyết định ban hành Kế hoạch của Bộ Công Thương": meaning(
        condition="Sau khi có Quyết định ban hành Kế hoạch của Bộ Công Thương"
    ),
    "Sau khi Thủ tướng Chính phủ phê duyệt Chiến lược phát triển công nghiệp văn hóa Việt Nam": meaning(
        condition="Sau khi Thủ tướng Chính phủ phê duyệt Chiến lược phát triển công nghiệp văn hóa Việt Nam"
    ),
    # The second item only refers to the resolution's own schedule: a note, not a condition to wait for.
    "- Hồ sơ trình Ban Thường vụ tháng 6/2025 - Triển khai theo tiến độ yêu cầu của Nghị quyết": meaning(
        due="2025-06-30",
        note="Triển khai theo tiến độ yêu cầu của Nghị quyết",
        milestones=[("Hồ sơ trình Ban Thường vụ", "2025-06-30", None)],
    ),
}


def sample_deadline_texts() -> list[str]:
    """Column 6 of every task row of Phụ lục I; continuation rows (first cell empty) are skipped."""
    source = resources.files("kehoach.sample_data").joinpath("ke-hoach-86-KH-UBND-2025.txt")
    lines = source.read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines) if "PHỤ LỤC I*" in line)
    last = next(i for i, line in enumerate(lines) if "PHỤ LỤC II" in line)
    texts = []
    for line in lines[first:last]:
        cells = line.split("\t")
        if len(cells) >= 6 and cells[0].strip() and cells[0].strip() != "STT" and cells[5].strip():
            texts.append(cells[5].strip())
    return texts


def test_the_sample_table_lists_every_distinct_deadline_of_the_document():
    texts = sample_deadline_texts()
    assert len(texts) == 88, "one deadline per task, task 9's page-break continuation not counted"
    assert set(texts) == set(SAMPLE)


@pytest.mark.parametrize(("text", "expected"), SAMPLE.items(), ids=list(SAMPLE))
def test_every_sample_deadline_is_understood(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(("text", "expected"), SAMPLE.items(), ids=list(SAMPLE))
def test_a_default_year_changes_nothing_for_sample_deadlines(text, expected):
    assert read(text, default_year=2030) == expected


# --------------------------------------------------------------------------------------------
# The wider family of forms other provinces' plans use

WIDER = {
    # a month
    "6/2025": meaning(due="2025-06-30"),
    "06/2025": meaning(due="2025-06-30"),
    "Tháng 6 năm 2025": meaning(due="2025-06-30"),
    "tháng 6-2025": meaning(due="2025-06-30"),
    "Tháng 02/2024": meaning(due="2024-02-29"),
    "Tháng 3-6/2025": meaning(start="2025-03-01", due="2025-06-30"),
    "Tháng 5 và tháng 6/2025": meaning(start="2025-05-01", due="2025-06-30"),
    # a quarter, quarters
    "Quý 2/2025": meaning(due="2025-06-30"),
    "Quý II năm 2025": meaning(due="2025-06-30"),
    "Quý III và Quý IV/2025": meaning(start="2025-07-01", due="2025-12-31"),
    "Quý I-II/2025": meaning(start="2025-01-01", due="2025-06-30"),
    "Quý I, II, III/2025": meaning(start="2025-01-01", due="2025-09-30"),
    "Quý IV/2025 - Quý I/2026": meaning(start="2025-10-01", due="2026-03-31"),
    "Từ quý III/2025 đến quý II/2026": meaning(start="2025-07-01", due="2026-06-30"),
    "Từ tháng 3 đến tháng 6/2025": meaning(start="2025-03-01", due="2025-06-30"),
    # halves, nine months
    "6 tháng đầu năm 2025": meaning(due="2025-06-30"),
    "6 tháng năm 2025": meaning(due="2025-06-30"),
    "Nửa đầu năm 2025": meaning(due="2025-06-30"),
    "6 tháng cuối năm 2025": meaning(due="2025-12-31"),
    "9 tháng năm 2025": meaning(due="2025-09-30"),
    # years
    "Năm 2025": meaning(due="2025-12-31"),
    "2025": meaning(due="2025-12-31"),
    "Cả năm 2025": meaning(due="2025-12-31"),
    "Cuối năm 2025": meaning(due="2025-12-31"),
    "2025-2026": meaning(start="2025-01-01", due="2026-12-31"),
    "Giai đoạn 2025-2030": meaning(start="2025-01-01", due="2030-12-31"),
    "Giai đoạn 2025 - 2030": meaning(start="2025-01-01", due="2030-12-31"),
    "Từ năm 2025 đến năm 2030": meaning(start="2025-01-01", due="2030-12-31"),
    "Đến năm 2030": meaning(due="2030-12-31"),
    # days
    "ngày 15/3/2025": meaning(due="2025-03-15"),
    "15/03/2025": meaning(due="2025-03-15"),
    "15-03-2025": meaning(due="2025-03-15"),
    "15.03.2025": meaning(due="2025-03-15"),
    "Ngày 15 tháng 6 năm 2025": meaning(due="2025-06-15"),
    "Chậm nhất ngày 30/6/2025": meaning(due="2025-06-30"),
    "Chậm nhất là ngày 30/6/2025": meaning(due="2025-06-30"),
    "Hoàn thành trong quý III/2025": meaning(due="2025-09-30"),
    # "before": the day before the named day or period starts
    "Trước ngày 15/6/2025": meaning(due="2025-06-14"),
    "Trước 30/6/2025": meaning(due="2025-06-29"),
    "Trước tháng 9/2025": meaning(due="2025-08-31"),
    "Trước tháng 1/2026": meaning(due="2025-12-31"),
    "Trước quý III/2025": meaning(due="2025-06-30"),
    "Trước năm 2026": meaning(due="2025-12-31"),
    # recurrences
    "Hằng năm": meaning(every=YEARLY),
    "Hàng năm": meaning(every=YEARLY),
    "Hằng tháng": meaning(every=("month",)),
    "Định kỳ hàng quý": meaning(every=("quarter",)),
    "Định kỳ 6 tháng": meaning(every=("half",)),
    "Hằng quý, năm": meaning(every=("quarter", "year")),
    "Hàng năm, giai đoạn 2025-2030": meaning(start="2025-01-01", due="2030-12-31", every=YEARLY, until="2030-12-31"),
    "Hằng năm đến năm 2030": meaning(due="2030-12-31", every=YEARLY, until="2030-12-31"),
    "Năm 2025 và hằng năm": meaning(due="2025-12-31", every=YEARLY),
    "Quý IV/2025 và những năm tiếp theo": meaning(due="2025-12-31", every=YEARLY),
    "Hàng tháng, quý trong năm 2025 và các năm tiếp theo": meaning(due="2025-12-31", every=("month", "quarter")),
    # continuous work
    "Thường xuyên": meaning(note="Thường xuyên"),
    "Thường xuyên, liên tục": meaning(note="Thường xuyên, liên tục"),
    "Thường xuyên trong năm 2025": meaning(due="2025-12-31", note="Thường xuyên"),
    # conditions and notes
    "Theo kế hoạch của Bộ Y tế": meaning(condition="Theo kế hoạch của Bộ Y tế"),
    "Ngay sau khi được phê duyệt": meaning(condition="Ngay sau khi được phê duyệt"),
    "Khi có hướng dẫn của Bộ": meaning(condition="Khi có hướng dẫn của Bộ"),
    "Quý III/2025 sau khi Bộ phê duyệt": meaning(due="2025-09-30", condition="sau khi Bộ phê duyệt"),
    "Quý II/2025 (trình HĐND thành phố)": meaning(due="2025-06-30", note="trình HĐND thành phố"),
    "Trong năm 2025 và các năm tiếp theo, theo kế hoạch được duyệt": meaning(
        due="2025-12-31", every=YEARLY, note="theo kế hoạch được duyệt"
    ),
    # milestones
    "- Quý II/2025: hoàn thành dự thảo - Trình HĐND tháng 7/2025": meaning(
        due="2025-07-31",
        milestones=[("hoàn thành dự thảo", "2025-06-30", None), ("Trình HĐND", "2025-07-31", None)],
    ),
    "- Trình UBND trước ngày 15/6/2025\n- Ban hành Quý III/2025": meaning(
        due="2025-09-30",
        milestones=[("Trình UBND", "2025-06-14", None), ("Ban hành", "2025-09-30", None)],
    ),
    "- Quý II/2025": meaning(due="2025-06-30"),
}


@pytest.mark.parametrize(("text", "expected"), WIDER.items(), ids=list(WIDER))
def test_the_wider_family_of_phrasings(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "QUÝ II/2025",
        "quý ii/2025",
        "Quy II/2025",
        "QUY II/2025",
        "Quý II / 2025",
        "  Quý   II/2025  ",
        "Quý II/2025.",
        "Quý II/2025;",
        "Trong quý II/2025.",
        "<i>Quý II/2025</i>",
        "**Quý II/2025**",
        "Quý\u00a0II/2025",
    ],
)
def test_case_diacritics_spaces_markup_and_trailing_punctuation_do_not_matter(text):
    assert read(text) == meaning(due="2025-06-30")


@pytest.mark.parametrize("text", ["Quý I\u2013II/2025", "Quý I\u2014II/2025", "Quý I \u2013 II/2025"])
def test_en_and_em_dashes_read_as_hyphens(text):
    assert read(text) == meaning(start="2025-01-01", due="2025-06-30")


@pytest.mark.parametrize("text", ["Hàng năm", "Hằng năm", "HANG NAM", "hằng  năm"])
def test_hang_and_hang_with_a_breve_are_the_same_word(text):
    assert read(text) == meaning(every=YEARLY)


def test_decomposed_unicode_reads_like_composed():
    import unicodedata

    text = unicodedata.normalize("NFD", "Trong năm 2025 theo kế hoạch")
    deadline = parse_deadline(text)
    assert deadline.due == date(2025, 12, 31)
    assert deadline.note == "theo kế hoạch"  # kept in NFC, diacritics intact


# --------------------------------------------------------------------------------------------
# default_year completes what has no year, and nothing else


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tháng 6", meaning(due="2025-06-30")),
        ("Quý II", meaning(due="2025-06-30")),
        ("Trong quý III", meaning(due="2025-09-30")),
        ("ngày 15/6", meaning(due="2025-06-15")),
        ("Trong năm", meaning(due="2025-12-31")),
        ("6 tháng đầu năm", meaning(due="2025-06-30")),
        ("9 tháng", meaning(due="2025-09-30")),
        ("Hằng năm", meaning(due="2025-12-31", every=YEARLY)),
        ("Hằng tháng", meaning(due="2025-12-31", every=("month",))),
        ("Tháng 12 hàng năm", meaning(due="2025-12-31", every=YEARLY)),
        ("Quý IV/2026", meaning(due="2026-12-31")),
        ("Thường xuyên", meaning(note="Thường xuyên")),
    ],
)
def test_default_year_completes_a_time_written_without_a_year(text, expected):
    assert read(text, default_year=2025) == expected


@pytest.mark.parametrize(
    "text", ["Tháng 6", "Quý II", "Trong quý III", "ngày 15/6", "Trong năm", "9 tháng", "Tháng 12 hàng năm"]
)
def test_without_a_default_year_a_time_without_a_year_is_not_understood(text):
    assert parse_deadline(text) == Deadline(text=text, understood=False)


def test_an_open_recurrence_has_no_due_without_a_default_year():
    deadline = parse_deadline("Hằng năm")
    assert deadline.understood
    assert deadline.due is None
    assert deadline.recurrence.until is None


def test_a_recurrence_bound_must_carry_its_own_year():
    assert not parse_deadline("Hằng năm vào tháng 12", default_year=2025).understood


@pytest.mark.parametrize("year", [0, 1899, 2200, True, "2025", 2025.0])
def test_an_invalid_default_year_is_a_programming_error(year):
    with pytest.raises(ValueError, match="default_year"):
        parse_deadline("Quý II", year)


# --------------------------------------------------------------------------------------------
# Never guess


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "-",
        "31/02/2025",
        "30/02/2024",
        "29/02/2025",
        "32/01/2025",
        "15/13/2025",
        "Tháng 13/2025",
        "Tháng 0/2025",
        "13/2025",
        "Quý V/2025",
        "Quý 5/2025",
        "Quý 0/2025",
        "Quý IIII/2025",
        "Quý II-I/2025",
        "Quý III và Quý I/2025",
        "Tháng 6-3/2025",
        "2030-2025",
        "2025-2025",
        "Quý I/2026 - Quý IV/2025",
        "Năm 1850",
        "Năm 2300",
        "6/25",
        "Kế hoạch năm 2025",
        "Nghị quyết 12/2025",
        "Đầu năm 2025",
        "Sớm nhất có thể",
        "Theo",
        "Định kỳ",
        "Trước",
        "Trước hằng năm",
        "Tháng 6/2025; Quý IV/2025",
        "Quý II/2025, trình HĐND",
        "- Hồ sơ trình Ban Thường vụ - Triển khai",
        "- Nghị quyết 12/2025 - Quý II/2025",
        "Trong vòng 3 tháng",
    ],
)
def test_unknown_or_invalid_phrasings_are_not_understood(text):
    assert parse_deadline(text) == Deadline(text=text, understood=False)


def test_a_milestone_date_needs_a_time_word():
    deadline = parse_deadline("- Ban hành Nghị quyết 12/2025 - Quý II/2025")
    assert not deadline.understood


# --------------------------------------------------------------------------------------------
# The rule table documents itself


@pytest.mark.parametrize(("rule", "example"), [(rule.name, example) for rule in RULES for example in rule.examples])
def test_every_rule_example_is_read_by_its_own_rule(rule, example):
    assert rule_for(example).name == rule
    assert parse_deadline(example, default_year=2025).understood


def test_composite_and_unknown_texts_have_no_single_rule():
    assert rule_for("Trong năm 2025 và các năm tiếp theo") is None
    assert rule_for("Kế hoạch năm 2025") is None


def test_rule_names_are_unique():
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


# --------------------------------------------------------------------------------------------
# Properties

years = st.integers(min_value=1900, max_value=2199)
months = st.integers(min_value=1, max_value=12)
quarters = st.integers(min_value=1, max_value=4)


@given(years, months)
def test_a_month_is_due_on_its_last_day(year, month):
    expected = Period.month_of(date(year, month, 1)).end
    assert parse_deadline(f"Tháng {month}/{year}").due == expected
    assert parse_deadline(f"{month:02d}/{year}").due == expected
    assert parse_deadline(f"tháng {month} năm {year}").due == expected
    assert (expected + timedelta(days=1)).day == 1


@given(years, quarters)
def test_a_quarter_is_due_at_its_end(year, quarter):
    expected = Period.of_quarter(year, quarter).end
    assert parse_deadline(f"Quý {roman(quarter)}/{year}").due == expected
    assert parse_deadline(f"Trong quý {roman(quarter).lower()}/{year}").due == expected
    assert parse_deadline(f"Quý {quarter} năm {year}").due == expected


@given(st.dates(min_value=date(1900, 1, 2), max_value=date(2199, 12, 31)), st.sampled_from("/-."))
def test_a_day_is_due_that_day_and_before_it_the_day_before(day, sep):
    written = f"{day.day}{sep}{day.month:02d}{sep}{day.year}"
    assert parse_deadline(written).due == day
    assert parse_deadline(f"Chậm nhất ngày {written}").due == day
    assert parse_deadline(f"Trước ngày {written}").due == day - timedelta(days=1)


@given(years, st.integers(1, 12))
def test_before_a_month_is_the_end_of_the_previous_month(year, month):
    start = date(year, month, 1)
    if start > date(1900, 1, 1):
        assert parse_deadline(f"Trước tháng {month}/{year}").due == start - timedelta(days=1)


@given(years, years)
def test_a_range_of_years_runs_from_january_to_december(a, b):
    deadline = parse_deadline(f"Giai đoạn {a}-{b}")
    if a < b:
        assert (deadline.start, deadline.due) == (date(a, 1, 1), date(b, 12, 31))
    else:
        assert not deadline.understood


@given(years, months)
def test_every_year_after_a_month(year, month):
    deadline = parse_deadline(f"Tháng {month}/{year} và các năm tiếp theo")
    assert deadline.due == Period.of_month(year, month).end
    assert deadline.recurrence.every == ["year"]
    assert deadline.recurrence.until is None


@given(st.text())
def test_any_text_is_read_without_an_exception(text):
    deadline = parse_deadline(text)
    assert deadline.text == text
    assert deadline.understood or deadline.due is None


_pieces = st.sampled_from(
    ["Quý", "II", "/", "2025", "-", "tháng", "6", "năm", "và", "các", "năm tiếp theo", "theo", "trước", "ngày",
     "hàng", "đến", "(", ")", ",", " ", "- ", "Từ", "sau khi", "15/6/2025", "Thường xuyên"]
)  # fmt: skip


@given(st.lists(_pieces, max_size=14).map(" ".join), st.none() | years)
def test_any_arrangement_of_deadline_words_is_read_without_an_exception(text, default_year):
    deadline = parse_deadline(text, default_year)
    assert deadline.text == text
    if deadline.due is not None and deadline.start is not None:
        assert deadline.start <= deadline.due
    if not deadline.understood:
        assert deadline == Deadline(text=text, understood=False)
