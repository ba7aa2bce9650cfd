"""The layering rules of ARCHITECTURE.md, checked by machine."""

import ast
from pathlib import Path

from importlinter.cli import lint_imports

PACKAGE = Path(__file__).resolve().parent.parent / "workshop_desk"


def test_import_linter_contracts_hold() -> None:
    assert lint_imports(config_filename=str(PACKAGE.parent / "pyproject.toml")) == 0


def test_qt_is_imported_only_under_ui() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path}: {name}" for name in names if name.split(".")[0] == "PySide6"]
    assert offenders == []


def test_every_module_starts_with_a_docstring() -> None:
    missing = [str(p) for p in PACKAGE.rglob("*.py")
               if p.stat().st_size and ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) is None
               and "versions" not in p.parts]
    assert missing == []


def test_the_verbs_the_app_recognises_without_importing_them_are_all_the_verbs() -> None:
    from workshop_desk import cli

    assert {command.words[0] for command in cli.commands()} == cli.VERBS
