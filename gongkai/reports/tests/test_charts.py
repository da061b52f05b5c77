"""Year-over-year charts: the years and their sources, accessible SVG, PNG in the DOCX."""

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from docx import Document
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from gongkai.organisations.tests.factories import OrganisationFactory
from gongkai.reports import charts
from gongkai.reports.build import build_report
from gongkai.reports.models import AnnualReport, HistoricalStatistic
from gongkai.reports.renderers import render
from gongkai.reports.tests.factories import application, published_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def body():
    return OrganisationFactory(name="某市交通运输局")


def _report(body, year=2023):
    return build_report(
        organisation=body, year=year, format_code="national-2021", run_auditor=False
    )


@pytest.fixture
def three_years(body):
    for year, count in ((2021, 2), (2022, 3), (2023, 5)):
        for day in range(count):
            application(
                body,
                received_on=dt.date(year, 3, 1 + day),
                closed_on=dt.date(year, 4, 1 + day),
            )
        published_item(body, on=dt.date(year, 6, 1))
    return _report(body)


def test_computed_years_are_charted_and_empty_years_left_out(three_years):
    history = charts.history_for(three_years)
    assert list(history) == [2021, 2022, 2023]  # 2019 and 2020 have no records
    assert history[2023]["requests.new.total"].value == 5
    assert history[2021]["requests.new.total"].source == "按2021年度记录计算"
    assert history[2023]["requests.new.total"].source == "本报告"


def test_svg_is_accessible_with_title_description_and_data_table(three_years):
    html = charts.year_over_year_svg(three_years)
    svgs = re.findall(r"<svg .*?</svg>", html)
    assert svgs
    requests_svg = next(s for s in svgs if "新收政府信息公开申请数" in s)
    assert 'role="img"' in requests_svg
    assert 'aria-labelledby="chart-requests-title chart-requests-desc"' in requests_svg
    assert '<title id="chart-requests-title">新收政府信息公开申请数</title>' in requests_svg
    description = re.search(r"<desc[^>]*>(.*?)</desc>", requests_svg).group(1)
    assert (
        description
        == "2021年至2023年新收政府信息公开申请数（单位：件）：2021年2；2022年3；2023年5。"
    )
    # Bars: heights in proportion to the figures.
    heights = [
        float(h) for h in re.findall(r'<rect [^>]*height="([\d.]+)" fill="#0072B2"', requests_svg)
    ]
    assert len(heights) == 3
    assert heights[2] == pytest.approx(heights[0] * 5 / 2, rel=0.02)
    table = re.search(r"<table><caption>新收政府信息公开申请数.*?</table>", html).group(0)
    assert '<th scope="row">2022年</th><td>3</td>' in table
    # Appeals and consultations are all zero (or absent): nothing worth drawing.
    assert "行政复议、行政诉讼案件数" not in html
    assert "政府信息公开咨询量" not in html


def test_the_html_report_carries_the_charts(three_years):
    html = render(three_years, "html").decode()
    assert 'aria-labelledby="section-charts"' in html
    assert html.index("历年主要数据对比") < html.index("</main>")


def test_a_body_without_earlier_years_gets_no_charts(body):
    application(body, received_on=dt.date(2023, 3, 1))
    assert charts.year_over_year_svg(_report(body)) == ""
    document = Document(io.BytesIO(render(_report(body), "docx")))
    assert not document.inline_shapes


def test_imported_and_published_figures_fill_earlier_years(body):
    application(body, received_on=dt.date(2023, 3, 1), closed_on=dt.date(2023, 3, 9))
    HistoricalStatistic.objects.create(
        organisation=body, year=2020, key="consultations.total", value=Decimal("100000"),
        approximate=True, source="2020年度报告",
    )  # fmt: skip
    HistoricalStatistic.objects.create(
        organisation=body, year=2020, key="requests.new.total", value=Decimal("7")
    )
    # A published report of 2021 is the better record than an import of the same year.
    HistoricalStatistic.objects.create(
        organisation=body, year=2021, key="requests.new.total", value=Decimal("99")
    )
    AnnualReport.objects.create(
        organisation=body,
        year=2021,
        format_code="national-2021",
        status=AnnualReport.Status.PUBLISHED,
        snapshot={"statistics": {"requests.new.total": "4"}},
    )
    data = _report(body)
    history = charts.history_for(data)
    assert history[2020]["requests.new.total"].value == 7
    assert history[2021]["requests.new.total"].value == 4
    assert history[2021]["requests.new.total"].source == "2021年度已发布报告"
    html = charts.year_over_year_svg(data)
    assert "2020年约100,000" in html  # an approximate published figure says so
    assert "2020年7；2021年4；2023年1" in html


def test_a_report_carrying_its_history_is_drawn_from_it_alone(body):
    data = _report(body)
    data["history"] = [
        {"year": 2018, "key": "catalogue.total", "value": "40"},
        {"year": 2019, "key": "catalogue.total", "value": "60", "approximate": True},
    ]
    history = charts.history_for(data)
    assert list(history) == [2018, 2019]
    assert "2018年40；2019年约60" in charts.year_over_year_svg(data)
    assert charts.history_for({**data, "history": charts.history_as_json(history)}) == history


def test_png_charts_are_embedded_in_the_docx_and_pdf_with_alternative_text(three_years):
    drawn = charts.year_over_year_png(three_years)
    assert [item.chart.code for item in drawn] == ["catalogue", "requests", "outcomes"]
    with Image.open(io.BytesIO(drawn[1].png)) as picture:
        assert picture.format == "PNG"
        assert picture.size == (charts.WIDTH * charts.PNG_SCALE, charts.HEIGHT * charts.PNG_SCALE)
        # Drawn, not blank: the bars' colour is there.
        assert (0x00, 0x72, 0xB2) in {colour for _, colour in picture.getcolors(1 << 20)}
    document = Document(io.BytesIO(render(three_years, "docx")))
    assert len(document.inline_shapes) == 3
    descriptions = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    assert drawn[1].description in descriptions
    assert b"/Subtype /Image" in render(three_years, "pdf")


@given(st.floats(min_value=0, max_value=1e9, allow_nan=False))
def test_axis_steps_cover_the_largest_figure_in_a_few_ticks(maximum):
    step = charts._nice_step(maximum)
    ticks = max(1, -(-maximum // step))
    assert step > 0
    assert step * ticks >= maximum
    assert ticks <= 10
