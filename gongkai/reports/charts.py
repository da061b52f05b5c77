"""Year-over-year charts of a report's main figures: inline SVG for HTML, PNG for DOCX/PDF.

The years shown are the report's own year (its statistics) and the earlier years the body has
figures for, best source first: the statistics frozen in a published report of that year, then
figures imported from an earlier published report (HistoricalStatistic, e.g. by
``report audit --import``), then the records themselves. A year with none of these is left out.
A report that carries its series already (``data["history"]``, e.g. a frozen snapshot) is drawn
from that alone.

Both outputs are drawn from the same list of shapes, so the picture in the DOCX is the one on
the web page. The SVG is an ``img`` with a <title> and a <desc> that states every figure, and a
data table follows it for readers that cannot see the picture.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.html import escape

# How many years before the report's own are looked at.
YEARS_BACK = 4


@dataclass(frozen=True)
class Series:
    key: str
    label: str


@dataclass(frozen=True)
class Chart:
    code: str
    title: str
    unit: str
    series: tuple[Series, ...]


CHARTS: tuple[Chart, ...] = (
    Chart("catalogue", "主动公开政府信息数", "条", (Series("catalogue.total", "主动公开信息"),)),
    Chart(
        "requests", "新收政府信息公开申请数", "件", (Series("requests.new.total", "本年新收申请"),)
    ),
    Chart(
        "outcomes",
        "政府信息公开申请办理结果",
        "件",
        (
            Series("requests.result.3.1.total", "予以公开"),
            Series("requests.result.3.2.total", "部分公开"),
            Series("requests.result.3.3.total", "不予公开"),
            Series("requests.result.3.4.total", "无法提供"),
            Series("requests.result.3.5.total", "不予处理"),
            Series("requests.result.3.6.total", "其他处理"),
        ),
    ),
    Chart(
        "appeals",
        "政府信息公开行政复议、行政诉讼案件数",
        "件",
        (
            Series("appeals.review.total", "行政复议"),
            Series("appeals.litigation.total", "行政诉讼"),
        ),
    ),
    Chart("consultations", "政府信息公开咨询量", "人次", (Series("consultations.total", "咨询"),)),
)
CHART_KEYS = [series.key for chart in CHARTS for series in chart.series]
SOURCES = ("catalogue", "requests", "appeals", "consultations")
# Okabe–Ito colours: told apart with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9")


@dataclass(frozen=True)
class Point:
    value: Decimal
    approximate: bool = False
    source: str = ""


History = dict[int, dict[str, Point]]


def _decimal(raw: object) -> Decimal | None:
    if raw is None or raw == "":
        return None
    try:
        return Decimal(str(raw))
    except InvalidOperation:
        return None


def _points(values: dict[str, Any], source: str) -> dict[str, Point]:
    points = {}
    for key in CHART_KEYS:
        value = _decimal(values.get(key))
        if value is not None:
            points[key] = Point(value, False, source)
    return points


def collect_history(data: dict[str, Any], *, years_back: int = YEARS_BACK) -> History:
    """The figures of the report's year and the earlier years available (see module doc)."""
    from gongkai.organisations.models import Organisation
    from gongkai.reports.models import AnnualReport, HistoricalStatistic
    from gongkai.reports.statistics import compute

    year = int(data["year"])
    history: History = {year: _points(data.get("statistics", {}), "本报告")}
    organisation = Organisation.objects.filter(code=data["organisation"]["code"]).first()
    if organisation is None:
        return history
    first = year - years_back
    published = AnnualReport.objects.filter(
        organisation=organisation,
        year__gte=first,
        year__lt=year,
        status=AnnualReport.Status.PUBLISHED,
    ).order_by("year", "version")
    published_years = set()
    for report in published:  # the latest version of a year wins
        statistics = (report.snapshot or {}).get("statistics") or {}
        points = _points(statistics, f"{report.year}年度已发布报告")
        if points:
            history[report.year] = points
            published_years.add(report.year)
    for row in HistoricalStatistic.objects.filter(
        organisation=organisation, year__gte=first, year__lt=year, key__in=CHART_KEYS
    ):
        if row.year in published_years:
            continue  # a published report of ours for that year is the better record
        history.setdefault(row.year, {})[row.key] = Point(
            row.value, row.approximate, row.source or f"{row.year}年度导入的历史数据"
        )
    organisation_ids = data.get("organisation_ids") or [organisation.pk]
    for earlier in range(first, year):
        if earlier in history:
            continue
        stats = compute(organisation_ids=organisation_ids, year=earlier, sources=SOURCES)
        if not stats.is_empty:
            history[earlier] = _points(dict(stats.values), f"按{earlier}年度记录计算")
    return dict(sorted(history.items()))


def history_as_json(history: History) -> list[dict[str, Any]]:
    """For a frozen snapshot (``data["history"]``)."""
    return [
        {
            "year": year,
            "key": key,
            "value": format(point.value, "f"),
            "approximate": point.approximate,
            "source": point.source,
        }
        for year, points in history.items()
        for key, point in points.items()
    ]


def history_for(data: dict[str, Any]) -> History:
    if "history" in data:
        history: History = {}
        for entry in data["history"] or []:
            value = _decimal(entry.get("value"))
            if value is not None:
                history.setdefault(int(entry["year"]), {})[entry["key"]] = Point(
                    value, bool(entry.get("approximate")), str(entry.get("source", ""))
                )
        return dict(sorted(history.items()))
    return collect_history(data)


def charts_with_data(history: History) -> list[tuple[Chart, list[int]]]:
    """Charts worth drawing: at least two years with a figure for one of the series, and not
    all of them zero."""
    drawn = []
    for chart in CHARTS:
        years = [
            year for year, points in history.items() if any(s.key in points for s in chart.series)
        ]
        nonzero = any(
            point.value
            for year in years
            for series in chart.series
            if (point := history[year].get(series.key)) is not None
        )
        if len(years) >= 2 and nonzero:
            drawn.append((chart, years))
    return drawn


# --- figures in words ---------------------------------------------------------------------


def _number(point: Point | None) -> str:
    if point is None:
        return "—"
    value = point.value
    text = f"{int(value):,}" if value == value.to_integral_value() else f"{value:,.2f}"
    return f"约{text}" if point.approximate else text


def description(chart: Chart, years: Sequence[int], history: History) -> str:
    parts = []
    for year in years:
        figures = "，".join(
            f"{series.label}{_number(history[year].get(series.key))}"
            if len(chart.series) > 1
            else _number(history[year].get(series.key))
            for series in chart.series
        )
        parts.append(f"{year}年{figures}")
    unit = f"（单位：{chart.unit}）"
    return f"{years[0]}年至{years[-1]}年{chart.title}{unit}：" + "；".join(parts) + "。"


# --- shapes --------------------------------------------------------------------------------

WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 44, 56


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # baseline
    text: str
    size: float
    anchor: str = "middle"  # start | middle | end
    fill: str = "#222222"
    bold: bool = False


Shape = Rect | Line | Text


def _nice_step(maximum: float, ticks: int = 5) -> float:
    raw = maximum / ticks
    if raw <= 1:
        return 1  # counts: never a step below one
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return max(factor * magnitude, 1)
    return 10 * magnitude


def _tick_label(value: float) -> str:
    if value >= 10000 and value % 10000 == 0:
        return f"{int(value // 10000)}万"
    return f"{int(value):,}" if value == int(value) else f"{value:g}"


def layout(chart: Chart, years: Sequence[int], history: History) -> list[Shape]:
    shapes: list[Shape] = [Text(WIDTH / 2, 24, chart.title, 16, bold=True)]
    values = [
        float(point.value)
        for year in years
        for series in chart.series
        if (point := history[year].get(series.key)) is not None
    ]
    step = _nice_step(max(values, default=0))
    top_value = step * max(1, math.ceil(max(values, default=0) / step))
    plot_h = HEIGHT - TOP - BOTTOM
    plot_w = WIDTH - LEFT - RIGHT
    base = TOP + plot_h

    def y_of(value: float) -> float:
        return base - plot_h * value / top_value

    tick = 0.0
    while tick <= top_value + 1e-9:
        y = y_of(tick)
        shapes.append(Line(LEFT, y, WIDTH - RIGHT, y, "#DDDDDD"))
        shapes.append(Text(LEFT - 6, y + 4, _tick_label(tick), 11, anchor="end", fill="#555555"))
        tick += step
    shapes.append(Text(LEFT - 6, TOP - 10, f"（{chart.unit}）", 11, anchor="end", fill="#555555"))
    group_w = plot_w / len(years)
    bar_w = min(48.0, group_w * 0.8 / len(chart.series))
    for index, year in enumerate(years):
        centre = LEFT + group_w * (index + 0.5)
        start = centre - bar_w * len(chart.series) / 2
        for position, series in enumerate(chart.series):
            point = history[year].get(series.key)
            if point is None:
                continue
            x = start + bar_w * position
            y = y_of(float(point.value))
            colour = PALETTE[position % len(PALETTE)]
            shapes.append(Rect(x + 1, y, bar_w - 2, base - y, colour))
            if len(chart.series) <= 2:
                shapes.append(Text(x + bar_w / 2, y - 4, _number(point), 11))
        shapes.append(Text(centre, base + 18, f"{year}年", 12))
    shapes.append(Line(LEFT, base, WIDTH - RIGHT, base, "#333333"))
    if len(chart.series) > 1:
        x = float(LEFT)
        for position, series in enumerate(chart.series):
            colour = PALETTE[position % len(PALETTE)]
            shapes.append(Rect(x, HEIGHT - 22, 12, 12, colour))
            shapes.append(Text(x + 16, HEIGHT - 12, series.label, 12, anchor="start"))
            x += 16 + 13 * len(series.label) + 18
    return shapes


# --- SVG -----------------------------------------------------------------------------------


def _svg_shape(shape: Shape) -> str:
    if isinstance(shape, Rect):
        return (
            f'<rect x="{shape.x:.1f}" y="{shape.y:.1f}" width="{shape.w:.1f}" '
            f'height="{shape.h:.1f}" fill="{shape.fill}"/>'
        )
    if isinstance(shape, Line):
        return (
            f'<line x1="{shape.x1:.1f}" y1="{shape.y1:.1f}" x2="{shape.x2:.1f}" '
            f'y2="{shape.y2:.1f}" stroke="{shape.stroke}"/>'
        )
    weight = ' font-weight="bold"' if shape.bold else ""
    return (
        f'<text x="{shape.x:.1f}" y="{shape.y:.1f}" font-size="{shape.size}" '
        f'text-anchor="{shape.anchor}" fill="{shape.fill}"{weight}>{escape(shape.text)}</text>'
    )


def _data_table(chart: Chart, years: Sequence[int], history: History) -> str:
    head = "".join(f'<th scope="col">{escape(s.label)}</th>' for s in chart.series)
    rows = []
    for year in years:
        cells = "".join(
            f"<td>{escape(_number(history[year].get(s.key)))}</td>" for s in chart.series
        )
        rows.append(f'<tr><th scope="row">{year}年</th>{cells}</tr>')
    return (
        f"<table><caption>{escape(chart.title)}（单位：{escape(chart.unit)}）</caption>"
        f'<thead><tr><th scope="col">年度</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def chart_svg(chart: Chart, years: Sequence[int], history: History) -> str:
    title_id, desc_id = f"chart-{chart.code}-title", f"chart-{chart.code}-desc"
    shapes = "".join(_svg_shape(shape) for shape in layout(chart, years, history))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="100%" style="max-width:{WIDTH}px" aria-labelledby="{title_id} {desc_id}" '
        "font-family=\"'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',sans-serif\">"
        f'<title id="{title_id}">{escape(chart.title)}</title>'
        f'<desc id="{desc_id}">{escape(description(chart, years, history))}</desc>'
        f"{shapes}</svg>"
    )


def year_over_year_svg(report_data: dict[str, Any]) -> str:
    """A section of inline SVG charts, each followed by its data table ("" if there is no
    earlier year to compare with)."""
    history = history_for(report_data)
    drawn = charts_with_data(history)
    if not drawn:
        return ""
    parts = [
        '<section class="charts" aria-labelledby="section-charts">'
        '<h2 id="section-charts">历年主要数据对比</h2>'
    ]
    for chart, years in drawn:
        parts.append(
            f'<figure class="chart">{chart_svg(chart, years, history)}'
            f"<figcaption>{escape(chart_caption(chart, years))}</figcaption>"
            f"<details><summary>数据表</summary>{_data_table(chart, years, history)}</details>"
            "</figure>"
        )
    parts.append("</section>")
    return "".join(parts)


# --- PNG -----------------------------------------------------------------------------------

PNG_SCALE = 3  # 1920 × 960 pixels: sharp at 150 mm wide when printed


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def chart_png(chart: Chart, years: Sequence[int], history: History) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    from gongkai.core.documents import resolve_cjk_font

    fonts = resolve_cjk_font()
    cache: dict[tuple[float, bool], Any] = {}

    def font(size: float, bold: bool) -> Any:
        face = fonts.bold if bold and fonts.bold else fonts.regular
        if (size, bold) not in cache:
            cache[(size, bold)] = ImageFont.truetype(
                str(face.path), round(size * PNG_SCALE), index=face.collection_index
            )
        return cache[(size, bold)]

    s = PNG_SCALE
    image = Image.new("RGB", (WIDTH * s, HEIGHT * s), "white")
    draw = ImageDraw.Draw(image)
    anchors = {"start": "ls", "middle": "ms", "end": "rs"}
    for shape in layout(chart, years, history):
        if isinstance(shape, Rect):
            draw.rectangle(
                (shape.x * s, shape.y * s, (shape.x + shape.w) * s, (shape.y + shape.h) * s),
                fill=_rgb(shape.fill),
            )
        elif isinstance(shape, Line):
            draw.line(
                (shape.x1 * s, shape.y1 * s, shape.x2 * s, shape.y2 * s),
                fill=_rgb(shape.stroke),
                width=s,
            )
        else:
            draw.text(
                (shape.x * s, shape.y * s),
                shape.text,
                fill=_rgb(shape.fill),
                font=font(shape.size, shape.bold),
                anchor=anchors[shape.anchor],
            )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


@dataclass(frozen=True)
class DrawnChart:
    chart: Chart
    years: list[int]
    png: bytes
    caption: str
    description: str  # the figures in words: the picture's alternative text


def year_over_year_png(report_data: dict[str, Any]) -> list[DrawnChart]:
    """Every chart with an earlier year to compare with, as PNG."""
    history = history_for(report_data)
    return [
        DrawnChart(
            chart,
            years,
            chart_png(chart, years, history),
            chart_caption(chart, years),
            description(chart, years, history),
        )
        for chart, years in charts_with_data(history)
    ]


def chart_caption(chart: Chart, years: Sequence[int]) -> str:
    return f"{chart.title}（{years[0]}—{years[-1]}年）"
