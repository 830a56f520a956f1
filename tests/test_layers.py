"""Apps talk across layers only at module level, where the layer contract sees it.

`make check` runs the import-linter contracts of pyproject.toml, which read every import,
including those inside functions. An import placed inside a function to dodge an import
cycle still hides a dependency from a reader, so none may cross from one app into another.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("lms", "curricula", "assessments")


def _app(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] == "lms":
        return ".".join(parts[:2]) if len(parts) > 1 else "lms"
    if parts[0] in PACKAGES:
        return parts[0]
    return None


def _module_of(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def _imports_inside_functions(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import):
                    for alias in inner.names:
                        yield inner.lineno, alias.name
                elif isinstance(inner, ast.ImportFrom) and inner.level == 0 and inner.module:
                    yield inner.lineno, inner.module


def cross_app_function_imports() -> list[str]:
    found = set()
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            own = _app(_module_of(path))
            for line, target in _imports_inside_functions(ast.parse(path.read_text())):
                other = _app(target)
                if other and other != own:
                    found.add(f"{path.relative_to(ROOT)}:{line} imports {target}")
    return sorted(found)


def test_no_app_imports_another_inside_a_function():
    assert cross_app_function_imports() == []


def test_the_check_sees_an_import_hidden_in_a_function():
    tree = ast.parse("def f():\n    from lms.certificates.services import x\n")
    assert list(_imports_inside_functions(tree)) == [(2, "lms.certificates.services")]
    assert _app("lms.certificates.services") != _app("lms.learning.services")
    assert _app("curricula.models") == "curricula"
