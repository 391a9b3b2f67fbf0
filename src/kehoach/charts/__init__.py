"""Charts: one definition (``definitions``), rendered by matplotlib (``render``) as SVG for the web
pages and as PNG for the Word reports. No Django here; nothing is fetched at run time."""

from kehoach.charts.definitions import Chart, Series, disbursement_chart, sparkline, trajectory_chart
from kehoach.charts.render import to_png, to_svg

__all__ = ["Chart", "Series", "disbursement_chart", "sparkline", "to_png", "to_svg", "trajectory_chart"]
