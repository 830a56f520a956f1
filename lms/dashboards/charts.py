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
class Tile:
    code: str
    name: str
    value: int
    level: int  # 0 (none) … 4 (most)
    x: int
    y: int


@dataclass(frozen=True)
class LegendStep:
    level: int
    label: str


@dataclass
class ProvinceMap:
    title: str
    tiles: list[Tile]
    legend: list[LegendStep]
    width: int
    height: int
    tile: int
    value_heading: str

    @property
    def rows(self) -> list[Tile]:
        """Provinces with a figure first (most first), then the rest by name."""
        return sorted(self.tiles, key=lambda t: (-t.value, t.name))


@cache
def province_tiles() -> dict:
    with (DATA / "province_tiles.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def _levels(peak: int) -> list[int]:
    """Upper bounds of levels 1–4 for values 1…peak (four equal steps, at least 1 wide)."""
    step = max(-(-peak // 4), 1)
    return [min(step * level, peak) for level in range(1, 5)]


def province_map(
    *,
    title: str,
    values: dict[str, int],
    names: dict[str, str],
    value_heading: str,
    none_label: str,
    tile: int = 28,
) -> ProvinceMap:
    """A tile-grid map: one square per province, shaded by `values` (keyed by province code)."""
    grid = province_tiles()
    peak = max(values.values(), default=0)
    bounds = _levels(peak) if peak else []
    tiles = []
    for code, (column, row) in grid["tiles"].items():
        value = values.get(code, 0)
        level = 0 if not value else next(i + 1 for i, b in enumerate(bounds) if value <= b)
        tiles.append(
            Tile(
                code=code,
                name=names.get(code, code),
                value=value,
                level=level,
                x=column * tile,
                y=row * tile,
            )
        )
    legend = [LegendStep(0, none_label)]
    low = 1
    for index, high in enumerate(bounds):
        if low > high:
            continue
        legend.append(LegendStep(index + 1, f"{low}–{high}" if low != high else str(low)))
        low = high + 1
    return ProvinceMap(
        title=title,
        tiles=tiles,
        legend=legend,
        width=grid["columns"] * tile,
        height=grid["rows"] * tile,
        tile=tile,
        value_heading=value_heading,
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
