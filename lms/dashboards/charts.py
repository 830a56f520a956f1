"""Chart geometry for the dashboards, drawn as inline SVG by the templates.

Pure functions: figures in, shapes out. Every chart keeps its figures (`rows`) so
the template can give screen readers the same numbers as a table. Sizes are SVG
user units; the SVG scales to the panel's width, and the units are chosen so that
labels stay readable on a 360 px phone.
"""

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"

# The colours come from CSS classes in the template (light and dark themes).
SERIES = ("primary", "secondary", "tertiary")


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float
    axis_label: str = ""  # under the bar: "ม.ค." of "ม.ค. 69"
    axis_sublabel: str = ""  # under that: "69", only where the year changes

    @property
    def label_x(self) -> float:
        return round(self.x + self.width / 2, 1)

    @property
    def value_y(self) -> float:
        return round(self.y - 4, 1)


@dataclass
class ColumnChart:
    """Vertical bars, one per period (month), with the value above each bar."""

    title: str
    bars: list[Bar]
    width: int
    height: int
    baseline: float
    series: str = "primary"
    unit: str = ""

    @property
    def rows(self) -> list[tuple[str, int]]:
        return [(bar.label, bar.value) for bar in self.bars]

    @property
    def total(self) -> int:
        return sum(bar.value for bar in self.bars)

    @property
    def label_y(self) -> float:
        return self.baseline + 14

    @property
    def sublabel_y(self) -> float:
        return self.baseline + 28


def column_chart(
    *,
    title: str,
    points: list[tuple[str, int]],
    series: str = "primary",
    unit: str = "",
    width: int = 320,
    plot_height: int = 120,
) -> ColumnChart:
    top, bottom = 16, 34  # room for the value above a bar and two label lines under it
    slot = width / max(len(points), 1)
    bar_width = slot * 0.7
    peak = max((value for _label, value in points), default=0) or 1
    baseline = top + plot_height
    bars = []
    previous_year = None
    for index, (label, value) in enumerate(points):
        height = plot_height * value / peak
        # "ม.ค. 69": the month under each bar, the year only where it changes, so that
        # twelve labels fit side by side on a phone.
        month, _space, year = label.rpartition(" ")
        if not month:
            month, year = year, ""
        bars.append(
            Bar(
                label=label,
                value=value,
                x=round(index * slot + (slot - bar_width) / 2, 1),
                y=round(baseline - height, 1),
                width=round(bar_width, 1),
                height=round(height, 1),
                axis_label=month,
                axis_sublabel=year if year != previous_year else "",
            )
        )
        previous_year = year
    return ColumnChart(
        title=title,
        bars=bars,
        width=width,
        height=top + plot_height + bottom,
        baseline=baseline,
        series=series,
        unit=unit,
    )


@dataclass(frozen=True)
class Row:
    label: str
    value: int
    part: int | None  # the share of `value` drawn darker (e.g. completed of enrolled)
    y: float
    length: float
    part_length: float
    note: str = ""
    track: float = 0

    @property
    def percent(self) -> float:
        """The bar's length as a share of the longest one's track (0–100)."""
        return round(100 * self.length / self.track, 1) if self.track else 0

    @property
    def part_percent(self) -> float:
        return round(100 * self.part_length / self.track, 1) if self.track else 0

    @property
    def label_y(self) -> float:
        return self.y + 13

    @property
    def bar_y(self) -> float:
        return self.y + 18

    @property
    def value_x(self) -> float:
        return round(self.length + 4, 1)

    @property
    def value_y(self) -> float:
        return self.y + 30


@dataclass
class BarList:
    """Horizontal bars, each with its label on the line above: long Thai names fit."""

    title: str
    rows_: list[Row]
    width: int
    height: int
    value_heading: str
    part_heading: str = ""

    @property
    def rows(self) -> list[Row]:
        return self.rows_

    @property
    def track(self) -> int:
        return self.width - 60


def bar_list(
    *,
    title: str,
    items: list[tuple[str, int, int | None, str]],
    value_heading: str,
    part_heading: str = "",
    width: int = 320,
) -> BarList:
    """`items`: (label, value, part or None, note shown after the value)."""
    line = 40  # label line and bar line
    track = width - 60  # room for the figure at the end of the longest bar
    peak = max((value for _l, value, _p, _n in items), default=0) or 1
    rows = []
    for index, (label, value, part, note) in enumerate(items):
        length = track * value / peak
        rows.append(
            Row(
                label=label,
                value=value,
                part=part,
                y=index * line,
                length=round(length, 1),
                part_length=round(length * (part or 0) / value, 1) if value else 0,
                note=note,
                track=track,
            )
        )
    return BarList(
        title=title,
        rows_=rows,
        width=width,
        height=max(len(rows), 1) * line,
        value_heading=value_heading,
        part_heading=part_heading,
    )


@dataclass(frozen=True)
class ProvinceShape:
    code: str
    name: str
    value: int
    level: int  # 0 (none) … 4 (most)
    d: str  # SVG path data in the map's viewBox


@dataclass(frozen=True)
class LegendStep:
    level: int
    label: str


@dataclass
class ProvinceMap:
    title: str
    shapes: list[ProvinceShape]
    legend: list[LegendStep]
    view_box: str
    lake: str  # Songkhla Lake, drawn as water over the provinces around it
    value_heading: str
    legend_heading: str

    @property
    def rows(self) -> list[ProvinceShape]:
        """Provinces with a figure first (most first), then the rest by name."""
        return sorted(self.shapes, key=lambda s: (-s.value, s.name))


@cache
def province_shapes() -> dict:
    """The provinces' outlines (scripts/province_shapes.py writes the file, with its
    source and licence)."""
    with (DATA / "province_shapes.json").open(encoding="utf-8") as handle:
        return json.load(handle)


SHADES = 4


def quantile_bounds(values: list[int], classes: int = SHADES) -> list[int]:
    """Upper bounds of up to `classes` classes holding about as many of `values` (all
    above 0) each. Equal values stay in one class, so fewer distinct values give fewer
    classes: [1, 1, 1, 9] gives [1, 9], not a class of 1s twice over."""
    ordered = sorted(values)
    bounds: list[int] = []
    if not ordered:
        return bounds
    for step in range(1, classes + 1):
        bound = ordered[-(-len(ordered) * step // classes) - 1]  # nearest rank
        if not bounds or bound > bounds[-1]:
            bounds.append(bound)
    return bounds


def province_map(
    *,
    title: str,
    values: dict[str, int],
    names: dict[str, str],
    value_heading: str,
    legend_heading: str,
    none_label: str,
) -> ProvinceMap:
    """Every province's outline, shaded by its quantile class of `values` (keyed by
    province code); provinces without a figure stay unshaded."""
    data = province_shapes()
    bounds = quantile_bounds([value for value in values.values() if value > 0])
    # With fewer classes than shades, spread them so the top class is always darkest.
    shades = [round(SHADES * (index + 1) / len(bounds)) for index in range(len(bounds))]

    def level(value: int) -> int:
        if value <= 0:
            return 0
        return next(shade for bound, shade in zip(bounds, shades, strict=True) if value <= bound)

    shapes = [
        ProvinceShape(
            code=code,
            name=names.get(code, code),
            value=values.get(code, 0),
            level=level(values.get(code, 0)),
            d=d,
        )
        for code, d in data["provinces"].items()
    ]
    legend = [LegendStep(0, none_label)]
    low = 1
    for bound, shade in zip(bounds, shades, strict=True):
        legend.append(LegendStep(shade, f"{low}–{bound}" if low != bound else str(low)))
        low = bound + 1
    return ProvinceMap(
        title=title,
        shapes=shapes,
        legend=legend,
        view_box=data["viewBox"],
        lake=data["water"]["songkhla_lake"],
        value_heading=value_heading,
        legend_heading=legend_heading,
    )


@dataclass
class Figure:
    """One big number with what it counts, and where to act on it."""

    label: str
    value: int | str
    url: str = ""
    note: str = ""
    tone: str = ""  # "warning" when the figure asks for action
    extra: dict = field(default_factory=dict)
