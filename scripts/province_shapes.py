"""Write lms/dashboards/data/province_shapes.json: Thailand's 77 provinces as SVG paths.

The shapes come from the npm package @svg-maps/thailand (CC BY 4.0, by the svg-maps
project, based on MapSVG's map of Thailand): 78 locations in a 560 x 1025 viewBox, each
with an id of its own, an English name and a path. This script keys each shape by our
own two-digit province code (lms/centres/provinces.py), matching the English names, and
makes the paths smaller: points that move the outline by less than TOLERANCE units are
dropped (Ramer-Douglas-Peucker), the rest are rounded to one decimal and written as
short relative steps, and islands too small to see at any size the dashboard draws are
left out.

The 78th location is Songkhla Lake (spelled "Lake Songkha" in the package), a lagoon
and not a province: it is kept apart, under "water", so the map can draw it as water.

Run it whenever the source changes:

    cd "$(mktemp -d)" && npm pack @svg-maps/thailand
    .venv/bin/python scripts/province_shapes.py path/to/svg-maps-thailand-X.Y.Z.tgz

It stops with a message when a location matches no province, a province has no shape,
or the package holds something this script does not expect.
"""

import argparse
import json
import math
import re
import sys
import tarfile
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lms.centres.provinces import PROVINCES  # noqa: E402

OUT = ROOT / "lms" / "dashboards" / "data" / "province_shapes.json"
PACKAGE = "@svg-maps/thailand"

# The package's English spellings that differ from ours (lms/centres/provinces.py).
# Only these; any other name that matches nothing stops the script.
SPELLINGS = {
    "Buriram": "Buri Ram",
    "Phangnga": "Phang Nga",
}
# Locations that are not provinces, and what they are.
WATER = {"lksg": ("songkhla_lake", "Lake Songkha")}

# In viewBox units. The dashboard draws the map at most 22rem (352 px) wide, 0.63 px a
# unit, so no outline moves by more than two thirds of a pixel. Half a unit keeps the
# file 75% larger for a difference no one sees at that size.
TOLERANCE = 1.0
# Islands with a smaller area (square units) are left out: under 0.4 px square.
MIN_AREA = 1.0

Point = tuple[float, float]


def read_package(source: Path) -> tuple[dict, str]:
    """The package's map data and version, from the tarball `npm pack` writes or its
    unpacked folder."""
    if source.is_dir():
        index = (source / "index.js").read_text(encoding="utf-8")
        meta = json.loads((source / "package.json").read_text(encoding="utf-8"))
    else:
        with tarfile.open(source) as tar:
            index = tar.extractfile("package/index.js").read().decode("utf-8")
            meta = json.load(tar.extractfile("package/package.json"))
    if meta.get("name") != PACKAGE:
        sys.exit(f"{source} is {meta.get('name')!r}, not {PACKAGE}")
    if meta.get("license") != "CC-BY-4.0":
        sys.exit(f"{PACKAGE} is now licensed {meta.get('license')!r}: check before using it")
    prefix = "export default "
    if not index.startswith(prefix):
        sys.exit(f"{PACKAGE}'s index.js no longer starts with {prefix!r}")
    return json.loads(index[len(prefix) :].strip().rstrip(";")), meta["version"]


def parse_path(d: str) -> list[list[Point]]:
    """Closed rings of absolute points from path data using only M, L, H, V and Z."""
    tokens = re.findall(r"[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?", d)
    rings: list[list[Point]] = []
    ring: list[Point] = []
    x = y = start_x = start_y = 0.0
    command = ""
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.isalpha():
            command = token
            index += 1
            if command in "zZ":
                if ring:
                    rings.append(ring)
                ring = []
                x, y = start_x, start_y
            elif command not in "mMlLhHvV":
                sys.exit(f"path command {command!r} is not handled: extend parse_path")
            continue
        if command in "mMlL":
            dx, dy = float(tokens[index]), float(tokens[index + 1])
            index += 2
            relative = command.islower()
            x, y = (x + dx, y + dy) if relative else (dx, dy)
            if command in "mM":
                if ring:
                    rings.append(ring)
                ring = []
                start_x, start_y = x, y
                # Later pairs after a moveto are linetos of the same kind.
                command = "l" if relative else "L"
            ring.append((x, y))
        elif command in "hHvV":
            value = float(token)
            index += 1
            if command == "h":
                x += value
            elif command == "H":
                x = value
            elif command == "v":
                y += value
            else:
                y = value
            ring.append((x, y))
        else:
            sys.exit(f"number {token!r} before any command in path data")
    if ring:
        rings.append(ring)
    return rings


def _distance(point: Point, start: Point, end: Point) -> float:
    (px, py), (ax, ay), (bx, by) = point, start, end
    length = math.hypot(bx - ax, by - ay)
    if not length:
        return math.hypot(px - ax, py - ay)
    return abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Ramer-Douglas-Peucker on an open line (iterative, so long borders do not recurse deep)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        far, far_index = 0.0, 0
        for index in range(first + 1, last):
            distance = _distance(points[index], points[first], points[last])
            if distance > far:
                far, far_index = distance, index
        if far > tolerance:
            keep[far_index] = True
            stack += [(first, far_index), (far_index, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def simplify_ring(ring: list[Point], tolerance: float) -> list[Point]:
    # A closed ring is split at its first point and the point farthest from it, so that
    # both ends of each half stay fixed.
    if ring[0] == ring[-1]:
        ring = ring[:-1]
    if len(ring) < 4:
        return ring
    far = max(range(len(ring)), key=lambda i: math.dist(ring[0], ring[i]))
    first = simplify(ring[: far + 1], tolerance)
    second = simplify(ring[far:] + ring[:1], tolerance)
    return first[:-1] + second[:-1]


def area(ring: list[Point]) -> float:
    return (
        abs(
            sum(
                x1 * y2 - x2 * y1
                for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)
            )
        )
        / 2
    )


def _number(tenths: int) -> str:
    """Tenths of a unit as short SVG: 12.0 → "12", 0.5 → ".5", -0.5 → "-.5"."""
    sign = "-" if tenths < 0 else ""
    whole, tenth = divmod(abs(tenths), 10)
    if not tenth:
        return f"{sign}{whole}"
    return f"{sign}{whole or ''}.{tenth}"


def _join(numbers: list[str]) -> str:
    # A minus sign separates two numbers by itself; so does a point after a decimal.
    text = numbers[0]
    for previous, number in pairwise(numbers):
        if number.startswith("-") or (number.startswith(".") and "." in previous):
            text += number
        else:
            text += " " + number
    return text


def path_data(rings: list[list[Point]]) -> str:
    """Absolute start, then relative steps, computed on the rounded points so that
    rounding errors do not add up along a border."""
    parts = []
    for ring in rings:
        tenths = [(round(x * 10), round(y * 10)) for x, y in ring]
        steps = [tenths[0]]
        for (x1, y1), (x2, y2) in pairwise(tenths):
            if (x1, y1) != (x2, y2):
                steps.append((x2 - x1, y2 - y1))
        if len(steps) < 3:
            continue
        numbers = [_number(value) for step in steps[1:] for value in step]
        parts.append(f"M{_join([_number(tenths[0][0]), _number(tenths[0][1])])}l{_join(numbers)}z")
    return "".join(parts)


def shape(d: str, tolerance: float) -> tuple[str, int, int]:
    """Simplified path data, and the rings kept and dropped."""
    rings = [simplify_ring(ring, tolerance) for ring in parse_path(d)]
    kept = [ring for ring in rings if len(ring) >= 3 and area(ring) >= MIN_AREA]
    return path_data(kept), len(kept), len(rings) - len(kept)


def match(locations: list[dict]) -> tuple[dict[str, dict], dict[str, dict]]:
    """Each location by province code, and the water by our key; stops on any mismatch."""
    codes = {name_en: code for code, _th, name_en, _region in PROVINCES}
    provinces: dict[str, dict] = {}
    water: dict[str, dict] = {}
    problems = []
    for location in locations:
        if location["id"] in WATER:
            key, expected_name = WATER[location["id"]]
            if location["name"] != expected_name:
                problems.append(f"{location['id']} is now named {location['name']!r}")
            water[key] = location
            continue
        name = SPELLINGS.get(location["name"], location["name"])
        code = codes.get(name)
        if code is None:
            problems.append(f"{location['id']} {location['name']!r} matches no province")
        elif code in provinces:
            problems.append(f"{location['name']!r} is a second shape for province {code}")
        else:
            provinces[code] = location
    for code, _th, name_en, _region in PROVINCES:
        if code not in provinces:
            problems.append(f"province {code} {name_en} has no shape")
    for location_id, (key, _name) in WATER.items():
        if key not in water:
            problems.append(f"{location_id} ({key}) is no longer in the package")
    if problems:
        sys.exit("\n".join(problems))
    return provinces, water


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="the .tgz from `npm pack`, or its folder")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--tolerance", type=float, default=TOLERANCE)
    arguments = parser.parse_args()

    package, version = read_package(arguments.source)
    provinces, water = match(package["locations"])
    dropped = 0

    def convert(location: dict) -> str:
        nonlocal dropped
        d, _kept, left_out = shape(location["path"], arguments.tolerance)
        dropped += left_out
        return d

    data = {
        "about": (
            "Thailand's 77 provinces as SVG path data, keyed by the official two-digit "
            "province code (lms/centres/provinces.py), and Songkhla Lake, which is water and "
            "not a province. Written by scripts/province_shapes.py from the source below: "
            f"outlines simplified to within {arguments.tolerance} viewBox units, points rounded to one "
            f"decimal, islands under {MIN_AREA} square units left out."
        ),
        "source": (
            f"{PACKAGE} {version} (https://github.com/VictorCazanave/svg-maps), by the "
            "svg-maps project, based on the map of Thailand by MapSVG (https://mapsvg.com)"
        ),
        "licence": "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)",
        "viewBox": package["viewBox"],
        "provinces": {code: convert(provinces[code]) for code in sorted(provinces)},
        "water": {key: convert(location) for key, location in sorted(water.items())},
    }
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    arguments.out.write_text(text, encoding="utf-8")

    before = sum(len(location["path"]) for location in package["locations"])
    after = sum(len(d) for d in (*data["provinces"].values(), *data["water"].values()))
    print(
        f"{len(data['provinces'])} provinces and {len(data['water'])} lake written to "
        f"{arguments.out}\npath data: {before:,} characters before, {after:,} after "
        f"({100 * after / before:.0f}%); {dropped} islands left out; "
        f"file {len(text.encode()):,} bytes"
    )


if __name__ == "__main__":
    main()
