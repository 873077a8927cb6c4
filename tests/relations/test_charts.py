"""The trade chart on a partner page: an inline SVG drawn on the server, in the reader's language."""

import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from relations.charts import build_trade_chart, nice_scale
from tests.factories import make_partner, make_trade_figure

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
BILLION = 1_000_000_000


def partner_page(client, slug, language="en"):
    response = client.get(f"/{language}/world/{slug}/")
    assert response.status_code == 200
    return response.content.decode()


def chart_of(html):
    """Parse the page's trade chart SVG, or return None when the page has none."""
    match = re.search(r'<svg class="trade-chart__svg".*?</svg>', html, re.S)
    # The SVG is our own server's output in a test, not untrusted input.
    return ET.fromstring(match.group(0)) if match else None  # noqa: S314


def bars_of(svg):
    return [rect for rect in svg.iter(f"{SVG}rect") if rect.get("data-series")]


def texts_in(svg, group_class):
    group = next(g for g in svg.iter(f"{SVG}g") if g.get("class") == group_class)
    return [(float(text.get("x")), text.text) for text in group.iter(f"{SVG}text")]


def baseline_of(svg):
    line = next(line for line in svg.iter(f"{SVG}line") if line.get("class") == "trade-chart__baseline")
    return float(line.get("y1"))


@pytest.fixture
def china():
    partner = make_partner(name_en="China", slug="china")
    make_trade_figure(partner=partner, year=1990, total=900_000_000)
    make_trade_figure(partner=partner, year=1996, total=3_800_000_000)
    make_trade_figure(partner=partner, year=2000, total=31_300_000_000, exports=18_500_000_000, imports=12_800_000_000)
    return partner


def test_bars_match_the_figures(client, china):
    """Each bar stands for one stated amount, its height in proportion to it; exports and imports only where known."""
    svg = chart_of(partner_page(client, "china"))
    bars = bars_of(svg)
    by_year = {}
    for bar in bars:
        by_year.setdefault(bar.get("data-year"), set()).add(bar.get("data-series"))
    assert by_year == {"1990": {"total"}, "1996": {"total"}, "2000": {"total", "exports", "imports"}}

    baseline = baseline_of(svg)
    ratios = {float(bar.get("height")) / int(bar.get("data-value")) for bar in bars}
    assert max(ratios) / min(ratios) < 1.01
    for bar in bars:
        assert float(bar.get("y")) + float(bar.get("height")) == pytest.approx(baseline, abs=0.2)
    assert len({bar.get("width") for bar in bars}) == 1, "a year with one bar draws it as wide as the others"
    values = {(bar.get("data-year"), bar.get("data-series")): int(bar.get("data-value")) for bar in bars}
    assert values[("2000", "exports")] == 18_500_000_000
    assert values[("1990", "total")] == 900_000_000


def test_axis_starts_at_zero_and_ends_at_a_round_number(client, china):
    svg = chart_of(partner_page(client, "china"))
    ticks = [text for _x, text in texts_in(svg, "trade-chart__ticks")]
    assert ticks == ["0", "US$10 billion", "US$20 billion", "US$30 billion", "US$40 billion"]
    years = [text for _x, text in texts_in(svg, "trade-chart__years")]
    assert years == ["1990", "1996", "2000"]
    assert len(list(svg.iter(f"{SVG}path"))) == 2, "the skipped years are marked on the axis twice"


def test_legend_names_only_the_series_drawn(client, china):
    html = partner_page(client, "china")
    legend = re.search(r'<ul class="trade-chart__legend".*?</ul>', html, re.S).group(0)
    assert "Two-way trade" in legend and "Korea&#x27;s exports" in legend and "Korea&#x27;s imports" in legend
    assert "approximate" not in legend

    russia = make_partner(slug="russia")
    make_trade_figure(partner=russia, year=1990, total=900_000_000)
    legend = re.search(r'<ul class="trade-chart__legend".*?</ul>', partner_page(client, "russia"), re.S).group(0)
    assert "Two-way trade" in legend and "exports" not in legend


def test_chart_is_an_accessible_image_with_the_table_beside_it(client, china):
    html = partner_page(client, "china")
    svg = chart_of(html)
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "trade-chart-title"
    assert svg.find(f"{SVG}title").text == "Korea's trade with China, by year"
    assert "from 1990 to 2000" in svg.find(f"{SVG}desc").text
    chart_at, table_at = html.index('class="trade-chart__svg"'), html.index('<table class="trade-table"')
    downloads_at = html.index('class="downloads"')
    assert html.index('id="trade-title"') < chart_at < table_at < downloads_at


def test_approximate_values_are_hatched_and_marked(client):
    partner = make_partner(slug="japan")
    make_trade_figure(partner=partner, year=2003, total=50 * BILLION, bound="about")
    make_trade_figure(partner=partner, year=2004, total=60 * BILLION, bound="more_than")
    make_trade_figure(partner=partner, year=2005, total=70 * BILLION)
    html = partner_page(client, "japan")
    svg = chart_of(html)
    bounds = {bar.get("data-year"): bar.get("data-bound") for bar in bars_of(svg)}
    assert bounds == {"2003": "about", "2004": "more_than", "2005": "exact"}
    hatches = [rect for rect in svg.iter(f"{SVG}rect") if rect.get("class") == "trade-bar__hatch"]
    assert len(hatches) == 2
    hatched_x = {hatch.get("x") for hatch in hatches}
    exact_bar = next(bar for bar in bars_of(svg) if bar.get("data-bound") == "exact")
    assert exact_bar.get("x") not in hatched_x
    labels = [text for _x, text in texts_in(svg, "trade-chart__values")]
    assert labels == ["≈ 50B", "> 60B", "70B"], "one form for every label, the long one does not fit"
    assert "Hatched: an approximate value (≈ about, &gt; more than)" in html
    tooltips = [bar.find(f"{SVG}title").text for bar in bars_of(svg)]
    assert "2004 · Two-way trade: more than US$60 billion" in tooltips


def test_undated_figure_is_mentioned_under_the_chart_not_on_the_axis(client):
    partner = make_partner(slug="japan")
    make_trade_figure(partner=partner, year=None, total=53 * BILLION, bound="more_than")
    make_trade_figure(partner=partner, year=2003, total=20 * BILLION)
    html = partner_page(client, "japan")
    svg = chart_of(html)
    assert [bar.get("data-year") for bar in bars_of(svg)] == ["2003"]
    assert [text for _x, text in texts_in(svg, "trade-chart__years")] == ["2003"]
    assert (
        "An annual figure with no year given (more than US$53 billion) is not placed on the time axis; see the table."
        in html
    )


def test_no_chart_without_a_dated_figure(client):
    partner = make_partner(slug="japan")
    make_trade_figure(partner=partner, year=None, total=53 * BILLION, bound="more_than")
    html = partner_page(client, "japan")
    assert chart_of(html) is None
    assert "No chart: none of these figures gives both a year and an amount of trade." in html
    assert "Annual (no year given)" in html and "more than US$53 billion" in html


def test_no_chart_and_no_downloads_without_figures(client):
    make_partner(slug="atlantis")
    html = partner_page(client, "atlantis")
    assert chart_of(html) is None
    assert "No trade figures recorded." in html
    assert "No chart" not in html
    assert "Download CSV" not in html


def test_a_single_figure_draws_one_bar(client):
    partner = make_partner(name_en="United States", slug="united-states")
    make_trade_figure(partner=partner, year=2004, total=71_600_000_000)
    svg = chart_of(partner_page(client, "united-states"))
    (bar,) = bars_of(svg)
    assert bar.get("data-year") == "2004"
    assert float(bar.get("width")) <= 48
    assert [text for _x, text in texts_in(svg, "trade-chart__ticks")][-1] == "US$80 billion"
    assert [text for _x, text in texts_in(svg, "trade-chart__values")] == ["71.6 billion"]
    assert not list(svg.iter(f"{SVG}path")), "one year has no skipped years to mark"


def test_a_dated_figure_with_only_a_balance_is_explained(client):
    partner = make_partner(slug="eu")
    make_trade_figure(partner=partner, year=2000, total=30 * BILLION)
    make_trade_figure(partner=partner, year=2001, balance=4_700_000_000, share=Decimal("11.8"))
    html = partner_page(client, "eu")
    assert [bar.get("data-year") for bar in bars_of(chart_of(html))] == ["2000"]
    assert "2001: the source gives no amount of trade to draw; see the table." in html


def test_partner_name_and_source_are_escaped(client):
    partner = make_partner(name_en='<script>alert("name")</script>', slug="evil")
    make_trade_figure(partner=partner, year=2000, total=BILLION, source_en="<img src=x onerror=alert(1)>")
    html = partner_page(client, "evil")
    assert "<script>alert(" not in html
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    svg = chart_of(html)
    assert svg.find(f"{SVG}title").text == """Korea's trade with <script>alert("name")</script>, by year"""


def test_arabic_chart_runs_right_to_left(client, china):
    """In Arabic the earliest year is at the right and the value axis on the right side."""
    english, arabic = chart_of(partner_page(client, "china")), chart_of(partner_page(client, "china", "ar"))
    assert english.get("direction") == "ltr" and arabic.get("direction") == "rtl"

    for svg, rtl in ((english, False), (arabic, True)):
        years = texts_in(svg, "trade-chart__years")
        assert [text for _x, text in years] == ["1990", "1996", "2000"]
        positions = [x for x, _text in years]
        assert positions == sorted(positions, reverse=rtl)
        bars = {bar.get("data-year"): float(bar.get("x")) for bar in bars_of(svg) if bar.get("data-series") == "total"}
        assert (bars["1990"] > bars["2000"]) is rtl
        tick_x = texts_in(svg, "trade-chart__ticks")[0][0]
        assert (tick_x > max(bars.values())) is rtl
        # Within a year, two-way trade comes first in reading order, then exports, then imports.
        group = [float(bar.get("x")) for bar in bars_of(svg) if bar.get("data-year") == "2000"]
        assert group == sorted(group, reverse=rtl)


def test_right_to_left_mirrors_every_bar(china):
    figures = list(china.trade_figures.all())
    with translation.override("ar"):
        ltr, rtl = build_trade_chart("China", figures, rtl=False), build_trade_chart("China", figures, rtl=True)
    for left, right in zip(ltr.bars, rtl.bars, strict=True):
        assert right.x == pytest.approx(ltr.width - left.x - left.width, abs=0.2)
        assert (right.y, right.height) == (left.y, left.height)
    assert [label.x for label in rtl.year_labels] == [pytest.approx(ltr.width - label.x) for label in ltr.year_labels]


def test_french_labels_use_french_numbers_and_plain_coordinates(client):
    partner = make_partner(slug="russia")
    make_trade_figure(partner=partner, year=1996, total=3_800_000_000)
    html = partner_page(client, "russia", "fr")
    svg = chart_of(html)
    ticks = [text for _x, text in texts_in(svg, "trade-chart__ticks")]
    # The words around the numbers come from the catalogue; the numbers are Babel's French.
    assert len(ticks) == 5
    assert "1 milliard" in ticks[1] and "4 milliards" in ticks[4]
    assert [text for _x, text in texts_in(svg, "trade-chart__values")] == ["3,8 milliards"]
    assert "3,8 milliards" in bars_of(svg)[0].find(f"{SVG}title").text
    # Coordinates are never localised ("12,5" would break the drawing).
    for element in svg.iter():
        for name in ("x", "y", "width", "height", "x1", "x2", "y1", "y2"):
            if element.get(name) is not None:
                float(element.get(name))


def test_partner_page_queries_do_not_grow_with_figures(client, django_assert_max_num_queries):
    few, many = make_partner(slug="few"), make_partner(slug="many")
    make_trade_figure(partner=few, year=2000, total=BILLION)
    for year in range(2000, 2020):
        make_trade_figure(partner=many, year=year, total=year * 10_000_000, exports=year * 6_000_000)
    with CaptureQueriesContext(connection) as one_figure:
        partner_page(client, "few")
    with django_assert_max_num_queries(len(one_figure.captured_queries)):
        html = partner_page(client, "many")
    # Twenty years leave no room for bars side by side: two-way trade alone is drawn.
    assert {bar.get("data-series") for bar in bars_of(chart_of(html))} == {"total"}
    assert len(bars_of(chart_of(html))) == 20
    assert "With this many years only two-way trade is drawn; the table gives exports and imports." in html


def test_many_years_keep_their_labels_apart(client):
    partner = make_partner(slug="many")
    for year in range(1990, 2020):
        make_trade_figure(partner=partner, year=year, total=(year - 1980) * BILLION)
    svg = chart_of(partner_page(client, "many"))
    assert len(bars_of(svg)) == 30
    years = [x for x, _text in texts_in(svg, "trade-chart__years")]
    assert 2 < len(years) < 30
    assert min(b - a for a, b in zip(years, years[1:], strict=False)) >= 30


def test_partner_list_gives_the_latest_two_way_trade(client):
    russia, japan = make_partner(name_en="Russia", slug="russia"), make_partner(name_en="Japan", slug="japan")
    make_trade_figure(partner=russia, year=1996, total=3_800_000_000)
    make_trade_figure(partner=russia, year=2000, total=2_800_000_000)
    make_trade_figure(partner=japan, year=None, total=53 * BILLION, bound="more_than")
    make_partner(slug="atlantis")
    html = client.get("/en/world/").content.decode()
    assert "Two-way trade: US$2.8 billion in 2000" in html
    assert "US$3.8 billion" not in html
    assert "Two-way trade: more than US$53 billion a year" in html
    assert html.count("partner__trade") == 2


@pytest.mark.parametrize(
    ("largest", "step", "top"),
    [
        (3_800_000_000, BILLION, 4 * BILLION),
        (31_300_000_000, 10 * BILLION, 40 * BILLION),
        (71_600_000_000, 20 * BILLION, 80 * BILLION),
        (900_000_000, 200_000_000, BILLION),
        (40 * BILLION, 10 * BILLION, 40 * BILLION),
        (7, 2, 8),
        (0, 1, 1),
    ],
)
def test_value_axis_is_rounded(largest, step, top):
    """The value axis rises in steps of 1, 2 or 5 times a power of ten, to the first that reaches the largest value."""
    assert nice_scale(largest) == (step, top)
