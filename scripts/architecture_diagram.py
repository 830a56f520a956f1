"""Draw the layers of the import-linter contract (pyproject.toml) into docs/architecture.md.

`python scripts/architecture_diagram.py` rewrites the Mermaid diagram between the markers;
`--check` fails when the document no longer matches the contract (`make check` runs it).
"""

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "architecture.md"
START, END = "<!-- layers:start -->", "<!-- layers:end -->"


def layers() -> list[tuple[list[str], bool]]:
    """Top layer first: (modules, independent?) per layer."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    contract = next(c for c in config["contracts"] if c["type"] == "layers")
    out = []
    for layer in contract["layers"]:
        independent = "|" in layer
        modules = [m.strip().strip("()") for m in re.split(r"[|:]", layer)]
        out.append((modules, independent))
    return out


def mermaid() -> str:
    lines = ["```mermaid", "flowchart TB"]
    names = []
    for number, (modules, independent) in enumerate(layers()):
        name = f"L{number}"
        names.append(name)
        label = "independent of each other" if independent and len(modules) > 1 else ""
        lines.append(f'  subgraph {name}["{label}"]')
        lines.append("    direction LR")
        for module in modules:
            node = module.replace(".", "_")
            lines.append(f'    {node}["{module}"]')
        lines.append("  end")
    for upper, lower in zip(names, names[1:], strict=False):
        lines.append(f"  {upper} --> {lower}")
    lines.append("```")
    return "\n".join(lines)


def rendered(text: str) -> str:
    before, rest = text.split(START, 1)
    _old, after = rest.split(END, 1)
    return f"{before}{START}\n{mermaid()}\n{END}{after}"


def main(argv: list[str]) -> int:
    text = DOC.read_text()
    new = rendered(text)
    if "--check" in argv:
        if new != text:
            print(
                f"{DOC.relative_to(ROOT)}: the layer diagram differs from pyproject.toml's "
                "contract; run `python scripts/architecture_diagram.py`"
            )
            return 1
        return 0
    DOC.write_text(new)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
