"""scripts/province_shapes.py: every province matched by name or refused, outlines kept."""

import importlib.util
import io
import json
import math
import sys
import tarfile
from pathlib import Path

import pytest

from lms.centres.provinces import PROVINCES

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "province_shapes.py"
spec = importlib.util.spec_from_file_location("province_shapes_script", SCRIPT)
script = importlib.util.module_from_spec(spec)
spec.loader.exec_module(script)

SQUARE = "m 10,10 10,0 0,10 -10,0 z"
# The package's own spellings of the two names that differ from ours.
THEIRS = {"Buri Ram": "Buriram", "Phang Nga": "Phangnga"}


def _locations() -> list[dict]:
    locations = [
        {"id": f"p{code}", "name": THEIRS.get(name_en, name_en), "path": SQUARE}
        for code, _th, name_en, _region in PROVINCES
    ]
    return [*locations, {"id": "lksg", "name": "Lake Songkha", "path": SQUARE}]


def _package(folder: Path, locations: list[dict], *, licence: str = "CC-BY-4.0") -> Path:
    """A tarball laid out as `npm pack` writes it."""
    index = "export default " + json.dumps(
        {"label": "Map of Thailand", "viewBox": "0 0 560 1025", "locations": locations}
    )
    meta = json.dumps({"name": "@svg-maps/thailand", "version": "9.9.9", "license": licence})
    path = folder / "svg-maps-thailand-9.9.9.tgz"
    with tarfile.open(path, "w:gz") as tar:
        for name, text in (("package/index.js", index), ("package/package.json", meta)):
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def _run(monkeypatch, *arguments: str) -> None:
    monkeypatch.setattr(sys, "argv", ["province_shapes.py", *arguments])
    script.main()


def test_writes_every_province_by_our_code_and_the_lake_apart(tmp_path, monkeypatch, capsys):
    out = tmp_path / "shapes.json"
    _run(monkeypatch, str(_package(tmp_path, _locations())), "--out", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data["provinces"]) == {code for code, *_rest in PROVINCES}
    assert data["provinces"]["31"] == "M10 10l10 0 0 10-10 0z"  # Buri Ram, as "Buriram"
    assert set(data["water"]) == {"songkhla_lake"}
    assert "9.9.9" in data["source"] and "CC BY 4.0" in data["licence"]
    assert "77 provinces" in capsys.readouterr().out


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda ls: ls[0].update(name="Bangkok Metropolis"), "'Bangkok Metropolis' matches no"),
        (lambda ls: ls.pop(5), "province 15 Ang Thong has no shape"),
        (lambda ls: ls[1].update(name="Bangkok"), "second shape for province 10"),
        (lambda ls: ls.pop(), "lksg (songkhla_lake) is no longer in the package"),
    ],
    ids=["unknown name", "missing province", "province twice", "no lake"],
)
def test_refuses_a_package_that_does_not_match_our_provinces(
    tmp_path, monkeypatch, change, message
):
    locations = _locations()
    change(locations)
    out = tmp_path / "shapes.json"
    with pytest.raises(SystemExit) as stopped:
        _run(monkeypatch, str(_package(tmp_path, locations)), "--out", str(out))
    assert message in str(stopped.value)
    assert not out.exists()  # nothing half-written


def test_refuses_a_package_under_another_licence(tmp_path, monkeypatch):
    with pytest.raises(SystemExit, match="licensed 'MIT'"):
        _run(monkeypatch, str(_package(tmp_path, _locations(), licence="MIT")))


def test_a_move_after_close_starts_from_the_ring_it_closed():
    # The second "m" is relative to the first ring's start (10, 10), not its last point.
    rings = script.parse_path("m 10,10 5,0 0,5 z m 100,0 5,0 0,5 z")
    assert rings == [[(10, 10), (15, 10), (15, 15)], [(110, 10), (115, 10), (115, 15)]]
    with pytest.raises(SystemExit, match="'c' is not handled"):
        script.parse_path("m 0,0 c 1,1 2,2 3,3 z")


def test_simplified_outline_stays_within_the_tolerance_and_reads_back():
    # A wobbly circle of 400 points: far fewer are kept, none far from the original.
    ring = [
        (
            100 + (50 + 0.2 * math.sin(i)) * math.cos(2 * math.pi * i / 400),
            100 + (50 + 0.2 * math.sin(i)) * math.sin(2 * math.pi * i / 400),
        )
        for i in range(400)
    ]
    kept = script.simplify_ring(ring, 1.0)
    assert 8 < len(kept) < 60
    assert all(point in ring for point in kept)
    d = script.path_data([kept])
    back = script.parse_path(d)[0]
    assert len(back) == len(kept)
    for (x, y), (bx, by) in zip(kept, back, strict=True):
        # Rounded once, to a tenth: the relative steps add no error along the way.
        assert abs(x - bx) <= 0.05 + 1e-9 and abs(y - by) <= 0.05 + 1e-9
    # Every original point lies within the tolerance of the kept outline.
    for point in ring:
        nearest = min(
            script._distance(point, a, b) if _between(point, a, b) else math.dist(point, a)
            for a, b in zip(kept, kept[1:] + kept[:1], strict=True)
        )
        assert nearest <= 1.0 + 1e-9


def _between(point, a, b) -> bool:
    """The point's projection falls on the segment a-b."""
    (px, py), (ax, ay), (bx, by) = point, a, b
    length = (bx - ax) ** 2 + (by - ay) ** 2
    t = ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / length if length else 0
    return 0 <= t <= 1


def test_islands_too_small_to_see_are_left_out():
    d, kept, dropped = script.shape("m 0,0 20,0 0,20 -20,0 z m 50,50 0.5,0 0,0.5 -0.5,0 z", 1.0)
    assert (kept, dropped) == (1, 1)
    assert d.count("M") == 1
