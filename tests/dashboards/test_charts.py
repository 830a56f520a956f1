"""Chart geometry: bars in proportion, labels that fit a phone, the map's 77 provinces."""

import re

from lms.centres.provinces import PROVINCES
from lms.dashboards.charts import (
    bar_list,
    column_chart,
    province_map,
    province_shapes,
    quantile_bounds,
)


def test_columns_are_in_proportion_and_the_year_shows_where_it_changes():
    chart = column_chart(
        title="t", points=[("พ.ย. 68", 2), ("ธ.ค. 68", 4), ("ม.ค. 69", 0), ("ก.พ. 69", 1)]
    )
    heights = [bar.height for bar in chart.bars]
    assert heights[1] == 120 and heights[0] == 60 and heights[2] == 0 and heights[3] == 30
    assert all(bar.y + bar.height == chart.baseline for bar in chart.bars)
    assert [bar.axis_label for bar in chart.bars] == ["พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ."]
    assert [bar.axis_sublabel for bar in chart.bars] == ["68", "", "69", ""]
    assert chart.rows[0] == ("พ.ย. 68", 2)  # the table keeps the whole label
    # Bars never overlap and stay inside the drawing.
    for left, right in zip(chart.bars, chart.bars[1:], strict=False):
        assert left.x + left.width < right.x
    assert chart.bars[-1].x + chart.bars[-1].width <= chart.width


def test_empty_figures_draw_flat_bars_not_an_error():
    chart = column_chart(title="t", points=[("ม.ค. 69", 0), ("ก.พ. 69", 0)])
    assert [bar.height for bar in chart.bars] == [0, 0]


def test_bar_list_draws_the_completed_part_inside_the_bar():
    chart = bar_list(
        title="t",
        items=[("ก", 10, 5, ""), ("ข", 4, 4, ""), ("ค", 0, 0, "")],
        value_heading="v",
        part_heading="p",
    )
    first, second, third = chart.rows
    assert first.length == chart.track
    assert first.part_length == first.length / 2
    assert second.part_length == second.length
    assert third.length == 0 and third.part_length == 0


def _box(d: str) -> tuple[float, float, float, float]:
    """min x, min y, max x, max y of a path (absolute M, relative l, as the file holds)."""
    xs, ys = [], []
    for ring in re.findall(r"M([^l]+)l([^z]*)z", d):
        start, steps = (numbers(part) for part in ring)
        x, y = start
        xs.append(x), ys.append(y)
        for dx, dy in zip(steps[::2], steps[1::2], strict=True):
            x, y = x + dx, y + dy
            xs.append(x), ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


def numbers(text: str) -> list[float]:
    return [float(n) for n in re.findall(r"-?(?:\d+\.?\d*|\.\d+)", text)]


def test_every_province_has_one_outline_where_it_lies():
    data = province_shapes()
    assert set(data["provinces"]) == {code for code, *_rest in PROVINCES}
    assert set(data["water"]) == {"songkhla_lake"}  # the source's 78th shape: not a province
    assert "CC BY 4.0" in data["licence"] and "MapSVG" in data["source"]
    _x, _y, width, height = numbers(data["viewBox"])
    boxes = {code: _box(d) for code, d in data["provinces"].items()}
    for code, (left, top, right, bottom) in boxes.items():
        assert 0 <= left < right <= width and 0 <= top < bottom <= height, code
    # Keyed right: Chiang Rai is the northernmost, Narathiwat or Yala the southernmost,
    # Ubon Ratchathani the easternmost, Mae Hong Son the westernmost of the north.
    assert min(boxes, key=lambda code: boxes[code][1]) == "57"
    assert max(boxes, key=lambda code: boxes[code][3]) in {"95", "96"}
    assert max(boxes, key=lambda code: boxes[code][2]) == "34"
    north = [code for code, *_r, region in PROVINCES if region == "north"]
    assert min(north, key=lambda code: boxes[code][0]) == "58"
    # Nong Khai is north-east of Bangkok; the lake lies within Songkhla's and
    # Phatthalung's reach.
    assert boxes["43"][3] < boxes["10"][1] and boxes["43"][0] > boxes["10"][2]
    lake = _box(data["water"]["songkhla_lake"])
    assert boxes["93"][0] < lake[0] and lake[2] < boxes["90"][2]


def test_quantile_classes_hold_about_as_many_provinces_each():
    assert quantile_bounds([1, 2, 3, 4, 5, 6, 7, 8]) == [2, 4, 6, 8]
    assert quantile_bounds([10, 1, 5]) == [1, 5, 10]
    # Equal figures share one class; a single figure is one class.
    assert quantile_bounds([1, 1, 1, 9]) == [1, 9]
    assert quantile_bounds([3]) == [3]
    assert quantile_bounds([]) == []


def test_province_map_shades_each_province_by_its_class():
    names = {code: th for code, th, _en, _region in PROVINCES}
    values = {"43": 40, "40": 1, "10": 5, "50": 7, "34": 2, "90": 12, "30": 3, "65": 9}
    drawn = province_map(
        title="t",
        values=values,
        names=names,
        value_heading="v",
        legend_heading="l",
        none_label="ยังไม่มี",
    )
    assert len(drawn.shapes) == 77 and len({shape.d for shape in drawn.shapes}) == 77
    levels = {shape.code: shape.level for shape in drawn.shapes}
    # Eight figures, four classes of two: 1–2, 3–5, 7–9, 12–40.
    assert [levels[code] for code in ("40", "34")] == [1, 1]
    assert [levels[code] for code in ("30", "10")] == [2, 2]
    assert [levels[code] for code in ("50", "65")] == [3, 3]
    assert [levels[code] for code in ("90", "43")] == [4, 4]
    assert sum(1 for level in levels.values() if level == 0) == 77 - 8
    assert [(step.level, step.label) for step in drawn.legend] == [
        (0, "ยังไม่มี"),
        (1, "1–2"),
        (2, "3–5"),
        (3, "6–9"),
        (4, "10–40"),
    ]
    assert [shape.name for shape in drawn.rows[:3]] == ["หนองคาย", "สงขลา", "พิษณุโลก"]
    assert drawn.lake.startswith("M")


def test_fewer_distinct_figures_keep_the_top_class_darkest():
    names = {code: code for code, *_rest in PROVINCES}
    one = province_map(
        title="t",
        values={"43": 2},
        names=names,
        value_heading="v",
        legend_heading="l",
        none_label="-",
    )
    assert {s.code: s.level for s in one.shapes if s.level} == {"43": 4}
    assert [step.label for step in one.legend] == ["-", "1–2"]
    two = province_map(
        title="t",
        values={"43": 2, "40": 1, "10": 0},
        names=names,
        value_heading="v",
        legend_heading="l",
        none_label="-",
    )
    assert {s.code: s.level for s in two.shapes if s.level} == {"43": 4, "40": 2}
    none = province_map(
        title="t",
        values={},
        names=names,
        value_heading="v",
        legend_heading="l",
        none_label="-",
    )
    assert {s.level for s in none.shapes} == {0} and len(none.legend) == 1
