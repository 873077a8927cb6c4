"""
The trade chart of a partner page, laid out on the server as plain data for an SVG template.

Decisions:

- One slot per dated figure, in year order, on a categorical time axis; where
  years are skipped (1990, 1996, 2000) a break mark on the baseline says so.
- Each slot holds up to three bars side by side: two-way trade (the stated
  total, else exports plus imports), Korea's exports and Korea's imports, each
  only where the source gives it. Nothing is estimated.
- A figure stated as "about" or "more than" is hatched, outlined with a dash,
  and its label carries a marker (≈, >) that the legend explains.
- A figure without a year is not placed on the time axis: a note under the
  chart mentions it. With no dated amount at all there is no chart.
- The value axis starts at zero and ends at a round number; its labels, the
  bar labels and the notes are formatted for the reader's language.
- Right-to-left languages mirror the chart: the earliest year is at the right
  and the value axis on the right. Coordinates are mirrored here; the template
  sets the SVG's ``direction`` so that logical text anchors mirror too.
- The SVG scales with its viewBox; labels that would overlap are left out
  (every value is in the table beside the chart).
"""

import math
from dataclasses import dataclass, field

from babel.numbers import format_compact_decimal
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from .formats import babel_locale, bounded_usd, usd
from .models import TradeFigure

WIDTH = 360
HEIGHT = 240
PAD_TOP = 24
PAD_BOTTOM = 30
PAD_END = 10
FONT_SIZE = 13
LABEL_FONT_SIZE = 12
MAX_BAR_WIDTH = 48
MIN_BAR_WIDTH = 5
# The share of a year's slot that its bars take, the rest is space between years.
GROUP_SHARE = 0.75
BAR_GAP = 3
MAX_INTERVALS = 5

# (series key, how to read its value from a figure)
SERIES = (
    ("total", lambda figure: figure.two_way),
    ("exports", lambda figure: figure.exports),
    ("imports", lambda figure: figure.imports),
)


def series_name(series):
    return {
        "total": _("Two-way trade"),
        "exports": _("Korea's exports"),
        "imports": _("Korea's imports"),
    }[series]


def marked_amount(value, bound, format_type="long"):
    """Say an amount briefly for a label on a bar: its bound as a marker, no currency (the axis has it)."""
    amount = format_compact_decimal(value, format_type=format_type, locale=babel_locale(), fraction_digits=1)
    if bound == TradeFigure.Bound.MORE_THAN:
        # Translators: a chart label for an amount given as "more than"; keep it short.
        return _("> %(amount)s") % {"amount": amount}
    if bound == TradeFigure.Bound.ABOUT:
        # Translators: a chart label for an amount given as "about"; keep it short.
        return _("≈ %(amount)s") % {"amount": amount}
    return amount


def text_width(text, font_size):
    """Estimate the rendered width of a label: wide for CJK, narrower for alphabets."""
    return sum(font_size * (1.0 if ord(char) >= 0x2E80 else 0.56) for char in text)


def nice_scale(largest, max_intervals=MAX_INTERVALS):
    """Return (step, top): a round step (1, 2 or 5 times a power of ten) and the axis top, from zero."""
    if largest <= 0:
        return 1, 1
    raw = math.ceil(largest / max_intervals)
    magnitude = 10 ** (len(str(raw)) - 1)
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    return step, step * math.ceil(largest / step)


@dataclass
class Bar:
    series: str
    year: int
    value: int
    bound: str
    x: float
    y: float
    width: float
    height: float
    tooltip: str

    @property
    def approximate(self):
        return self.bound != TradeFigure.Bound.EXACT


@dataclass
class Label:
    x: float
    y: float
    text: str


@dataclass
class TradeChart:
    title: str
    description: str
    rtl: bool
    width: int = WIDTH
    height: int = HEIGHT
    plot_start: float = 0
    plot_end: float = 0
    baseline: float = 0
    bars: list = field(default_factory=list)
    gridlines: list = field(default_factory=list)
    value_labels: list = field(default_factory=list)
    year_labels: list = field(default_factory=list)
    breaks: list = field(default_factory=list)
    legend: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    font_size: int = FONT_SIZE
    label_font_size: int = LABEL_FONT_SIZE

    @property
    def plot_left(self):
        return round(WIDTH - self.plot_end if self.rtl else self.plot_start, 1)

    @property
    def plot_right(self):
        return round(WIDTH - self.plot_start if self.rtl else self.plot_end, 1)

    @property
    def has_approximate(self):
        return any(bar.approximate for bar in self.bars)


def chartable(figure):
    return [(series, value(figure)) for series, value in SERIES if value(figure) is not None]


def build_trade_chart(partner_name, figures, *, rtl=None):
    """Lay out the chart of ``figures`` (one partner's, any order); return None when nothing can be drawn."""
    rtl = get_language_bidi() if rtl is None else rtl
    figures = sorted(figures, key=lambda figure: (figure.year is None, figure.year or 0))
    dated = [figure for figure in figures if figure.year is not None]
    slots = [(figure, chartable(figure)) for figure in dated if chartable(figure)]
    if not slots:
        return None
    notes = []
    per_slot = max(len(values) for _figure, values in slots)
    if per_slot > 1 and bar_width_for(plot_width(slots), len(slots), per_slot) < MIN_BAR_WIDTH:
        # Too many years for bars side by side: draw two-way trade alone, the table has the rest.
        slots = [(figure, values[:1]) for figure, values in slots if values[0][0] == "total"]
        notes.append(_("With this many years only two-way trade is drawn; the table gives exports and imports."))
        if not slots:
            return None

    chart = TradeChart(
        title=_("Korea's trade with %(partner)s, by year") % {"partner": partner_name},
        description=chart_description(partner_name, slots[0][0].year, slots[-1][0].year),
        rtl=rtl,
    )
    step, top = nice_scale(largest_value(slots))
    ticks = list(range(0, top + 1, step))
    tick_texts = [tick_text(tick) for tick in ticks]
    chart.plot_start, chart.plot_end = WIDTH - PAD_END - plot_width(slots), WIDTH - PAD_END
    chart.baseline = HEIGHT - PAD_BOTTOM
    plot_height = chart.baseline - PAD_TOP
    slot_width = plot_width(slots) / len(slots)
    per_slot = max(len(values) for _figure, values in slots)
    bar_width = bar_width_for(plot_width(slots), len(slots), per_slot)

    def y_of(value):
        return chart.baseline - plot_height * value / top

    def place(x, width=0):
        """Mirror a box's start (or a point) for right-to-left pages."""
        return round(WIDTH - x - width if rtl else x, 1)

    for tick, text in zip(ticks, tick_texts, strict=True):
        chart.gridlines.append(Label(x=place(chart.plot_start - 6), y=round(y_of(tick), 1), text=text))

    year_step = max(1, math.ceil((text_width("0000", FONT_SIZE) + 6) / slot_width))
    groups = []
    for index, (figure, values) in enumerate(slots):
        slot_start = chart.plot_start + index * slot_width
        slot_centre = slot_start + slot_width / 2
        if index % year_step == 0:
            chart.year_labels.append(Label(x=place(slot_centre), y=chart.baseline + 18, text=str(figure.year)))
        if index and figure.year - slots[index - 1][0].year > 1:
            chart.breaks.append(place(slot_start))
        group_start = slot_centre - (len(values) * (bar_width + BAR_GAP) - BAR_GAP) / 2
        bars = []
        for position, (series, value) in enumerate(values):
            y = y_of(value)
            bars.append(
                Bar(
                    series=series,
                    year=figure.year,
                    value=value,
                    bound=figure.bound,
                    x=place(group_start + position * (bar_width + BAR_GAP), bar_width),
                    y=round(y, 1),
                    width=round(bar_width, 1),
                    height=round(chart.baseline - y, 1),
                    tooltip=_("%(year)s · %(series)s: %(amount)s")
                    % {
                        "year": figure.year,
                        "series": series_name(series),
                        "amount": bounded_usd(value, figure.bound),
                    },
                )
            )
        chart.bars.extend(bars)
        groups.append((place(slot_centre), bars))
    label_room = slot_width if per_slot == 1 else bar_width + BAR_GAP
    chart.value_labels = value_labels(groups, label_room, slot_width)

    present = {bar.series for bar in chart.bars}
    chart.legend = [{"series": series, "label": series_name(series)} for series, _value in SERIES if series in present]
    if chart.has_approximate:
        chart.legend.append(
            {"series": "approximate", "label": _("Hatched: an approximate value (≈ about, > more than)")}
        )
    if chart.breaks:
        chart.legend.append({"series": "break", "label": _("Years with no figure are left out")})
    chart.notes = notes + [note for figure in figures if (note := left_off_note(figure))]
    return chart


def largest_value(slots):
    return max(value for _figure, values in slots for _series, value in values)


def plot_width(slots):
    """The width left for the bars once the value axis has room for its longest label."""
    step, top = nice_scale(largest_value(slots))
    longest = max(text_width(tick_text(tick), FONT_SIZE) for tick in range(0, top + 1, step))
    return WIDTH - PAD_END - min(longest + 10, WIDTH * 0.45)


def bar_width_for(width, slot_count, per_slot):
    """One width for every bar of the chart, so that a year with one bar looks like a year with three."""
    room = width / slot_count * GROUP_SHARE - (per_slot - 1) * BAR_GAP
    return min(MAX_BAR_WIDTH, room / per_slot)


def tick_text(amount):
    """An axis label: the baseline is a bare 0, which reads the same in every language."""
    return "0" if amount == 0 else usd(amount)


def value_labels(groups, label_room, slot_width):
    """
    Label the bars with their values, in one form for the whole chart: the longest that fits.

    Every bar is labelled if every label fits over its bar ("31.3 billion", else
    "31.3B"); else only the two-way totals, each over its year; else none.
    """
    for format_type in ("long", "short"):
        labels = [(bar, marked_amount(bar.value, bar.bound, format_type)) for _centre, bars in groups for bar in bars]
        if all(text_width(text, LABEL_FONT_SIZE) <= label_room - 2 for _bar, text in labels):
            return [Label(x=round(bar.x + bar.width / 2, 1), y=round(bar.y - 5, 1), text=text) for bar, text in labels]
    totals = [(centre, bars[0]) for centre, bars in groups if bars[0].series == "total"]
    for format_type in ("long", "short"):
        labels = [(centre, bar, marked_amount(bar.value, bar.bound, format_type)) for centre, bar in totals]
        if all(text_width(text, LABEL_FONT_SIZE) <= slot_width - 2 for _centre, _bar, text in labels):
            return [Label(x=centre, y=round(bar.y - 5, 1), text=text) for centre, bar, text in labels]
    return []


def chart_description(partner_name, first, last):
    if first == last:
        summary = _("A bar chart of Korea's trade with %(partner)s in %(year)s.") % {
            "partner": partner_name,
            "year": first,
        }
    else:
        summary = _("A bar chart of Korea's trade with %(partner)s from %(first)s to %(last)s.") % {
            "partner": partner_name,
            "first": first,
            "last": last,
        }
    return " ".join(
        (
            summary,
            _("It shows two-way trade, and Korea's exports and imports where the source gives them."),
            _("The table that follows gives every figure."),
        )
    )


def left_off_note(figure):
    """Say why a figure is not on the time axis, or return None when it is."""
    if figure.year is None:
        if figure.two_way is None:
            return _("An annual figure with no year given is not placed on the time axis; see the table.")
        return _("An annual figure with no year given (%(amount)s) is not placed on the time axis; see the table.") % {
            "amount": bounded_usd(figure.two_way, figure.bound)
        }
    if not chartable(figure):
        return _("%(year)s: the source gives no amount of trade to draw; see the table.") % {"year": figure.year}
    return None
