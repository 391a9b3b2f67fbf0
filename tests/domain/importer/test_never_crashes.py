"""Whatever a file holds, the importer answers with a result or an ImportFailure, never a traceback."""

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach.domain.importer import ImportFailure, inspect_files

from .conftest import KE_HOACH_86

FRAGMENTS = [
    "Số: 86/KH-UBND", "## KẾ HOẠCH", "Hải Phòng, ngày 31 tháng 3 năm 2025", "STT", "Nội dung", "Chỉ tiêu",
    "Đơn vị tính", "Kỳ công bố", "Quý I", "Tháng 1", "6 tháng", "Cơ quan chủ trì", "Thời gian hoàn thành",
    "<b>I</b>", "1.", "1.1", "-", "12,5", "451-479,8", "1.765-1.741", "> 10.000", "Dưới 3,5", "Quý II/2025",
    "Sau khi", "Các Sở, ngành, đơn vị, địa phương", "Tên dự án", "Giá trị (triệu đồng)", "716,495", "",
    "Kế hoạch năm 2025", "Kèm theo Báo cáo số 1-BC/TU, ngày 01/01/2025 của Thành ủy X", "TM. ỦY BAN NHÂN DÂN",
]
line = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), min_size=1, max_size=8).map("\t".join)


def _inspect(tmp_path, text):
    path = tmp_path / "fuzz.txt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        inspect_files([path])
    except ImportFailure as failure:
        assert failure.location is not None and failure.location.file == "fuzz.txt"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(line, max_size=30))
def test_document_like_noise(tmp_path, lines):
    _inspect(tmp_path, "Số: 9/KH-UBND\nHà Nội, ngày 1 tháng 2 năm 2025\n" + "\n".join(lines))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), cuts=st.integers(1, 40))
def test_the_real_plan_cut_and_shuffled(tmp_path, seed, cuts):
    lines = KE_HOACH_86.read_text(encoding="utf-8").split("\n")
    rng = random.Random(seed)
    for _ in range(cuts):
        i = rng.randrange(len(lines))
        lines[i] = lines[i][: rng.randrange(len(lines[i]) + 1)]
    rng.shuffle(lines[200:])
    _inspect(tmp_path, "\n".join(lines))
