"""The type-package contract's boundaries, read from the code's own import statements.

A type package (`parsers/<type>/`) may import `parsers.common`, `parsers.result` and itself, never
another type; code outside every type package reaches a type only through `parsers/registry.py`
(or the package's faces, `from parsers import scorecard`), never one of its parts.
"""
from __future__ import annotations

import ast
from pathlib import Path

from parsers.registry import TYPE_PACKAGES

ROOT = Path(__file__).resolve().parents[1]
TYPES = {package.__name__.split(".")[-1] for package in TYPE_PACKAGES}


def _imported_modules(path: Path) -> list[str]:
    """Every module an `import` or `from ... import` in the file names, at any depth of the file."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
            # `from parsers.scorecard import figures` reaches a part as surely as a dotted import.
            found += [f"{node.module}.{alias.name}" for alias in node.names]
    return found


def _type_part(module: str) -> str | None:
    """The type whose part a module name reaches (`parsers.scorecard.rows` -> scorecard), else None.

    `parsers.scorecard` alone is the package's faces; a third name is a part when it is a module of
    the package, as `from parsers.scorecard import rows` would be.
    """
    parts = module.split(".")
    if len(parts) < 3 or parts[0] != "parsers" or parts[1] not in TYPES:
        return None
    folder = ROOT / "parsers" / parts[1]
    return parts[1] if (folder / f"{parts[2]}.py").exists() or (folder / parts[2]).is_dir() else None


def _home(path: Path, root: Path) -> str | None:
    """The type package a file belongs to, if any."""
    parts = path.relative_to(root).parts
    return parts[1] if len(parts) >= 3 and parts[0] == "parsers" else None


def _reaches(paths: list[Path], root: Path = ROOT) -> set[tuple[str, str]]:
    """(file, part) for each import of a type's part from outside that type's package."""
    return {
        (path.relative_to(root).as_posix(), ".".join(module.split(".")[:3]))
        for path in paths
        for module in _imported_modules(path)
        if (kind := _type_part(module)) and kind != _home(path, root)
    }


def _sources() -> list[Path]:
    folders = ("extract", "parsers", "schemas")
    return [ROOT / "cli.py", *(path for folder in folders for path in sorted((ROOT / folder).rglob("*.py")))]


def test_the_type_list_is_what_the_boundaries_are_checked_against():
    assert {"ofsted_inspection", "monitoring_letter", "minutes", "scorecard", "aip_dashboard",
            "improvement_grid"} <= TYPES


def test_no_module_reaches_into_a_type_package_it_is_not_part_of():
    assert sorted(_reaches(_sources())) == []


def test_the_boundary_check_sees_each_way_of_reaching_a_part(tmp_path):
    (tmp_path / "parsers" / "minutes").mkdir(parents=True)
    (tmp_path / "extract").mkdir()
    outside = tmp_path / "extract" / "tool.py"
    outside.write_text("from parsers.scorecard.rows import Row\nimport parsers.aip_dashboard.months\n"
                       "from parsers.ofsted_inspection import titles\nfrom parsers import scorecard\n"
                       "from parsers.common.figures import parse_figure\n"
                       "def later():\n    from parsers.monitoring_letter.blocks import Block\n")
    inside = tmp_path / "parsers" / "minutes" / "part.py"
    inside.write_text("from parsers.minutes.lines import MinutesLine\nfrom parsers.scorecard.columns import Column\n")
    assert _reaches([outside, inside], tmp_path) == {
        ("extract/tool.py", "parsers.scorecard.rows"),
        ("extract/tool.py", "parsers.aip_dashboard.months"),
        ("extract/tool.py", "parsers.ofsted_inspection.titles"),
        ("extract/tool.py", "parsers.monitoring_letter.blocks"),
        ("parsers/minutes/part.py", "parsers.scorecard.columns"),
    }
