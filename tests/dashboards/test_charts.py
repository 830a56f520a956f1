"""Chart geometry: bars in proportion, labels that fit a phone, the map's 77 squares."""

from lms.centres.provinces import PROVINCES
from lms.dashboards.charts import bar_list, column_chart, province_map, province_tiles


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


def test_province_map_has_every_province_once_and_shades_by_figure():
    tiles = province_tiles()["tiles"]
    assert set(tiles) == {code for code, *_rest in PROVINCES}
    assert len({tuple(position) for position in tiles.values()}) == 77  # no two on one square
    names = {code: th for code, th, _en, _region in PROVINCES}
    drawn = province_map(
        title="t",
        values={"43": 10, "40": 1, "10": 5},
        names=names,
        value_heading="v",
        none_label="ยังไม่มี",
    )
    levels = {tile.code: tile.level for tile in drawn.tiles}
    assert levels["43"] == 4 and levels["40"] == 1 and levels["50"] == 0
    assert 1 < levels["10"] < 4
    assert [tile.name for tile in drawn.rows[:3]] == ["หนองคาย", "กรุงเทพมหานคร", "ขอนแก่น"]
    assert drawn.legend[0].label == "ยังไม่มี" and drawn.legend[-1].label.endswith("10")
