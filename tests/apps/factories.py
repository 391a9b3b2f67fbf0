"""Hand-built parse results: what the importer would produce for small made-up documents."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from kehoach.domain.entities import (
    Agency,
    AgencyKind,
    Comparator,
    Deadline,
    Direction,
    Document,
    Finding,
    Indicator,
    IndicatorGroup,
    Leader,
    Location,
    MeasureKind,
    Milestone,
    ParseResult,
    Project,
    Recurrence,
    ReportedFigure,
    ScenarioValue,
    Target,
    TargetBasis,
    Task,
    TaskGroup,
    Value,
)

SCOPE = "Hải Phòng (trước 01/07/2025)"
PLAN_FILE = "ke-hoach-10-KH-UBND-2025.txt"


def number(text: str) -> Value:
    """A plain number written the Vietnamese way ("12,5")."""
    return Value(
        text=text, comparator=Comparator.EQ, low=Decimal(text.replace(",", ".")), high=Decimal(text.replace(",", "."))
    )


def grdp() -> Indicator:
    return Indicator(
        key="grdp_growth",
        name="Tốc độ tăng trưởng GRDP",
        unit="%",
        kind=MeasureKind.GROWTH,
        direction=Direction.HIGHER,
        group=IndicatorGroup.ECONOMY,
        monitoring_agencies=["Sở Tài chính"],
        publication=["quarter", "year"],
        publication_text="Quý, năm",
        aliases={"Tăng trưởng GRDP"},
    )


def revenue() -> Indicator:
    return Indicator(
        key="budget_revenue",
        name="Tổng thu ngân sách nhà nước",
        unit="tỷ đồng",
        kind=MeasureKind.FLOW,
        group=IndicatorGroup.ECONOMY,
    )


def domestic_revenue() -> Indicator:
    return Indicator(
        key="budget_revenue_domestic",
        name="Thu nội địa",
        unit="tỷ đồng",
        kind=MeasureKind.FLOW,
        group=IndicatorGroup.ECONOMY,
        parent="budget_revenue",
    )


def plan(
    *,
    number_: str = "10/KH-UBND",
    file: str = PLAN_FILE,
    on: date = date(2025, 3, 31),
    grdp_target: str = "12,5",
    basis: TargetBasis = TargetBasis.STRETCH,
    with_second_task: bool = True,
    first_deadline: str = "Tháng 6/2025",
) -> ParseResult:
    """A plan of the People's Committee: targets, a scenario, figures, tasks and a project."""
    doc = Document(
        kind="Kế hoạch",
        number=number_,
        issuer="Ủy ban nhân dân thành phố Hải Phòng",
        date=on,
        title="Kế hoạch tăng trưởng năm 2025",
        signer="Nguyễn Văn A",
        signer_title="Chủ tịch",
        place="Hải Phòng",
        file=file,
        scope=SCOPE,
    )
    key = doc.key
    group = TaskGroup(code="I", title="Hoàn thiện thể chế")
    tasks = [
        Task(
            number=1,
            code="1.",
            group=group,
            content="Hoàn thành Đề án Khu Thương mại tự do",
            result="Đề án",
            lead=["Sở Tài chính"],
            support=["Sở Xây dựng", "UBND các quận, huyện"],
            deadline=Deadline(
                text=first_deadline,
                due=date(2025, 6, 30),
                milestones=[Milestone("Trình HĐND", date(2025, 5, 31)), Milestone("Ban hành")],
            ),
            leader="Chủ tịch UBND thành phố",
            document=key,
            location=Location(file, 40),
        ),
    ]
    if with_second_task:
        tasks.append(
            Task(
                number=2,
                code="2.",
                group=TaskGroup(code="II", title="Hạ tầng"),
                content="Báo cáo hằng quý",
                result="Báo cáo",
                lead=["Sở Xây dựng"],
                support=[],
                deadline=Deadline(
                    text="Hằng quý", recurrence=Recurrence(every=["quarter"], until=None), understood=True
                ),
                leader=None,
                document=key,
                location=Location(file, 41),
            )
        )
    return ParseResult(
        documents=[doc],
        indicators=[grdp(), revenue(), domestic_revenue()],
        targets=[
            Target(
                indicator="grdp_growth",
                year=2025,
                value=number(grdp_target),
                document=key,
                basis=basis,
                scope=SCOPE,
                source_unit="%",
                location=Location(file, 10),
            ),
            Target(
                indicator="budget_revenue",
                year=2025,
                value=Value(
                    text="100.000-105.000", comparator=Comparator.RANGE, low=Decimal("100000"), high=Decimal("105000")
                ),
                document=key,
                basis=basis,
                scope=SCOPE,
                source_unit="tỷ đồng",
                location=Location(file, 11),
            ),
        ],
        scenarios=[
            ScenarioValue(
                indicator="grdp_growth",
                period="2025-Q1",
                value=number("11,05"),
                document=key,
                scope=SCOPE,
                location=Location(file, 60),
            ),
            ScenarioValue(
                indicator="grdp_growth",
                period="2025-H1",
                value=number("11,8"),
                document=key,
                scope=SCOPE,
                location=Location(file, 61),
            ),
        ],
        figures=[
            ReportedFigure(
                indicator="budget_revenue",
                period="2024",
                value=number("98765,4"),
                qualifier="ước",
                document=key,
                scope=SCOPE,
                source_unit="tỷ đồng",
                location=Location(file, 12),
            ),
        ],
        tasks=tasks,
        projects=[
            Project(
                number=1,
                name="Cầu Nguyễn Trãi",
                group="khanh_thanh",
                group_title="Công trình khánh thành",
                funding="ngan_sach",
                funding_title="Vốn ngân sách",
                approvals="QĐ 123/QĐ-UBND",
                value_million_vnd=Decimal("2051.3"),
                value_text="2.051,3",
                notes=["TMĐT 2.051,3 tỷ"],
                components=[("Cầu chính", Decimal("1500.1"))],
                document=key,
            ),
        ],
        agencies=[
            Agency(name="Sở Tài chính", kind=AgencyKind.DEPARTMENT, short_name="STC", aliases={"Sở TC"}),
            Agency(name="Sở Xây dựng", kind=AgencyKind.DEPARTMENT),
            Agency(name="UBND các quận, huyện", kind=AgencyKind.LOCAL),
        ],
        leaders=[Leader(name="Chủ tịch UBND thành phố", title="Chủ tịch")],
        warnings=[
            Finding("deadline-unknown", "the deadline 'sớm' is not understood", Location(file, 40, 5)),
            Finding("sum-mismatch", "the quarters do not add up to the year", Location(file, 61)),
        ],
    )


def resolution(
    *, number_: str = "20/NQ-HĐND", on: date = date(2024, 12, 6), grdp_target: str = "11", basis=TargetBasis.STRETCH
) -> ParseResult:
    """A second document setting the 2025 GRDP target (earlier than the plan by default)."""
    doc = Document(
        kind="Nghị quyết",
        number=number_,
        issuer="Hội đồng nhân dân thành phố Hải Phòng",
        date=on,
        title="Nghị quyết về kế hoạch năm 2025",
        place="Hải Phòng",
        file="nghi-quyet-20.txt",
        scope=SCOPE,
    )
    return ParseResult(
        documents=[doc],
        indicators=[grdp()],
        targets=[
            Target(
                indicator="grdp_growth",
                year=2025,
                value=number(grdp_target),
                document=doc.key,
                basis=basis,
                scope=SCOPE,
                location=Location(doc.file, 5),
            )
        ],
        agencies=[Agency(name="Sở Tài chính", kind=AgencyKind.DEPARTMENT)],
    )


def files_for(result: ParseResult, content: bytes = b"version 1") -> dict[str, bytes]:
    return {d.file: content + d.file.encode() for d in result.documents}
