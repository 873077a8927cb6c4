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
BASELINE = HEIGHT - PAD_BOTTOM
PLOT_HEIGHT = BASELINE - PAD_TOP

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


@dataclass(frozen=True)
class Layout:
    """
    The chart's geometry, worked out once from the slots it draws and passed to each part that places something.

    ``step`` and ``top`` are the value axis; the plot runs from ``plot_start``
    to the end pad, one slot per year, every bar ``bar_width`` wide.
    Coordinates are left to right; ``place`` mirrors them for right-to-left pages.
    """

    step: int
    top: int
    plot_start: float
    slot_width: float
    per_slot: int
    bar_width: float
    rtl: bool = False

    @classmethod
    def of(cls, slots, rtl=False):
        step, top = nice_scale(largest_value(slots))
        width = plot_width(step, top)
        per_slot = max(len(values) for _figure, values in slots)
        return cls(
            step=step,
            top=top,
            plot_start=WIDTH - PAD_END - width,
            slot_width=width / len(slots),
            per_slot=per_slot,
            bar_width=bar_width_for(width, len(slots), per_slot),
            rtl=rtl,
        )

    @property
    def ticks(self):
        return range(0, self.top + 1, self.step)

    @property
    def label_room(self):
        """The width a bar's value label may take: the whole slot for a lone bar, else the bar and its gap."""
        return self.slot_width if self.per_slot == 1 else self.bar_width + BAR_GAP

    def slot_start(self, index):
        return self.plot_start + index * self.slot_width

    def slot_centre(self, index):
        return self.slot_start(index) + self.slot_width / 2

    def y_of(self, value):
        return BASELINE - PLOT_HEIGHT * value / self.top

    def place(self, x, width=0):
        """Mirror a box's start (or a point) for right-to-left pages."""
        return round(WIDTH - x - width if self.rtl else x, 1)


def build_trade_chart(partner_name, figures, *, rtl=None):
    """Lay out the chart of ``figures`` (one partner's, any order); return None when nothing can be drawn."""
    rtl = get_language_bidi() if rtl is None else rtl
    figures = sorted(figures, key=lambda figure: (figure.year is None, figure.year or 0))
    slots, layout, notes = laid_out_slots(figures, rtl)
    if not slots:
        return None
    chart = TradeChart(
        title=_("Korea's trade with %(partner)s, by year") % {"partner": partner_name},
        description=chart_description(partner_name, slots[0][0].year, slots[-1][0].year),
        rtl=rtl,
        plot_start=layout.plot_start,
        plot_end=WIDTH - PAD_END,
        baseline=BASELINE,
    )
    chart.gridlines = gridlines(layout)
    groups = [bar_group(index, figure, values, layout) for index, (figure, values) in enumerate(slots)]
    chart.bars = [bar for _centre, bars in groups for bar in bars]
    chart.year_labels = year_labels(slots, layout)
    chart.breaks = breaks(slots, layout)
    chart.value_labels = value_labels(groups, layout.label_room, layout.slot_width)
    chart.legend = legend(chart)
    chart.notes = notes + [note for figure in figures if (note := left_off_note(figure))]
    return chart


def laid_out_slots(figures, rtl):
    """
    Return (slots, layout, notes): one slot (figure, [(series, value), ...]) per dated figure with an amount.

    When the years are too many for bars side by side, only two-way trade is
    drawn, in a layout of its own, and a note says so: the table has the rest.
    """
    slots = [(figure, values) for figure in figures if figure.year is not None and (values := chartable(figure))]
    if not slots:
        return [], None, []
    layout = Layout.of(slots, rtl)
    if layout.per_slot == 1 or layout.bar_width >= MIN_BAR_WIDTH:
        return slots, layout, []
    slots = [(figure, values[:1]) for figure, values in slots if values[0][0] == "total"]
    note = _("With this many years only two-way trade is drawn; the table gives exports and imports.")
    return slots, Layout.of(slots, rtl) if slots else None, [note]


def gridlines(layout):
    """One gridline per tick of the value axis, with its label at the plot's start."""
    x = layout.place(layout.plot_start - 6)
    return [Label(x=x, y=round(layout.y_of(tick), 1), text=tick_text(tick)) for tick in layout.ticks]


def bar_group(index, figure, values, layout):
    """Return (the slot's centre, its bars): the year's bars side by side, centred in its slot."""
    slot_centre = layout.slot_centre(index)
    group_start = slot_centre - (len(values) * (layout.bar_width + BAR_GAP) - BAR_GAP) / 2
    bars = [
        series_bar(figure, series, value, group_start + position * (layout.bar_width + BAR_GAP), layout)
        for position, (series, value) in enumerate(values)
    ]
    return layout.place(slot_centre), bars


def series_bar(figure, series, value, x, layout):
    """One bar of a series, starting at ``x`` (left to right), its height in proportion to its value."""
    y = layout.y_of(value)
    return Bar(
        series=series,
        year=figure.year,
        value=value,
        bound=figure.bound,
        x=layout.place(x, layout.bar_width),
        y=round(y, 1),
        width=round(layout.bar_width, 1),
        height=round(BASELINE - y, 1),
        tooltip=_("%(year)s · %(series)s: %(amount)s")
        % {"year": figure.year, "series": series_name(series), "amount": bounded_usd(value, figure.bound)},
    )


def year_labels(slots, layout):
    """Label the years under their slots; where slots are too narrow for every year, every second or third."""
    year_step = max(1, math.ceil((text_width("0000", FONT_SIZE) + 6) / layout.slot_width))
    return [
        Label(x=layout.place(layout.slot_centre(index)), y=BASELINE + 18, text=str(figure.year))
        for index, (figure, _values) in enumerate(slots)
        if index % year_step == 0
    ]


def breaks(slots, layout):
    """Mark the baseline where years are skipped between two slots."""
    return [
        layout.place(layout.slot_start(index))
        for index, (figure, _values) in enumerate(slots)
        if index and figure.year - slots[index - 1][0].year > 1
    ]


def legend(chart):
    """Name the series drawn, then explain the hatching and the break marks where the chart has them."""
    present = {bar.series for bar in chart.bars}
    items = [{"series": series, "label": series_name(series)} for series, _value in SERIES if series in present]
    if chart.has_approximate:
        items.append({"series": "approximate", "label": _("Hatched: an approximate value (≈ about, > more than)")})
    if chart.breaks:
        items.append({"series": "break", "label": _("Years with no figure are left out")})
    return items


def largest_value(slots):
    return max(value for _figure, values in slots for _series, value in values)


def plot_width(step, top):
    """The width left for the bars once the value axis has room for its longest label."""
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
