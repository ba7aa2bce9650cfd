"""The layering rules of ARCHITECTURE.md, checked by machine."""

import ast
from pathlib import Path

from importlinter.cli import lint_imports

PACKAGE = Path(__file__).resolve().parent.parent / "workshop_desk"


def test_import_linter_contracts_hold() -> None:
    import logging

    loggers = [logger for logger in logging.Logger.manager.loggerDict.values() if isinstance(logger, logging.Logger)]
    try:
        assert lint_imports(config_filename=str(PACKAGE.parent / "pyproject.toml")) == 0
    finally:  # import-linter configures logging with disable_existing_loggers: give the later tests theirs back
        for logger in loggers:
            logger.disabled = False


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


# --- One way for the console to change the programme --------------------------------------------------------------

UI = PACKAGE / "ui"
COMMAND_LAYER = {UI / "document.py", *(UI / "commands").glob("*.py")}
# `--screenshot` stages the demo (a run under way, a ballot revealed) before it renders: a tool, not the console.
STAGING = {UI / "screenshots.py", UI / "voting" / "screenshots.py"}
NOT_SERVICES = {"path", "read_only", "read_only_reason", "close", "copy_to"}  # the file itself, not its content


def _screens() -> list[Path]:
    return [path for path in UI.rglob("*.py") if path not in COMMAND_LAYER | STAGING]


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _service_classes() -> dict[str, type]:
    from typing import get_type_hints

    from workshop_desk.services.workspace import Workspace

    return {name: hint for name, hint in get_type_hints(Workspace).items() if isinstance(hint, type)}


def _is_workspace(node: ast.AST) -> bool:
    return (isinstance(node, ast.Name) and node.id == "workspace") or \
        (isinstance(node, ast.Attribute) and node.attr == "workspace")


def _workspace_uses(path: Path) -> list[str]:
    """Outside the command layer: a service reached through `workspace.<service>.<method>(…)` must be read from,
    never written to, and never kept aside (an alias would hide what is called); the database is not reached."""
    from workshop_desk.services.writes import WRITERS

    services, problems = _service_classes(), []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = _parents(tree)
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and _is_workspace(node.value)) or node.attr in NOT_SERVICES:
            continue
        where = f"{path.relative_to(PACKAGE)}:{node.lineno}"
        method, call = parents.get(node), parents.get(parents.get(node))  # type: ignore[arg-type]
        if node.attr not in services:
            problems.append(f"{where}: workspace.{node.attr}")
        elif not (isinstance(method, ast.Attribute) and isinstance(call, ast.Call) and call.func is method):
            problems.append(f"{where}: workspace.{node.attr} kept aside or passed on")
        elif f"{services[node.attr].__name__}.{method.attr}" in WRITERS:
            problems.append(f"{where}: workspace.{node.attr}.{method.attr}() writes")
    return problems


def test_the_screens_change_the_programme_only_through_the_command_layer() -> None:
    problems = [problem for path in _screens() for problem in _workspace_uses(path)]
    assert problems == [], "write through Document or ui/commands/ (see ARCHITECTURE.md)"


def test_the_screens_neither_build_services_nor_announce_changes_nor_push_undo_steps() -> None:
    import workshop_desk.services as services_package
    from workshop_desk.ui.document import Document

    service_names = {path.stem for path in Path(services_package.__path__[0]).glob("*.py")}
    signals = {name for name in vars(Document) if type(vars(Document)[name]).__name__ == "Signal"}
    problems = []
    for path in _screens():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            where = f"{path.relative_to(PACKAGE)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("workshop_desk.services."):
                problems += [f"{where}: builds {alias.name}" for alias in node.names
                             if alias.name.endswith(("Service", "Results", "States"))
                             and node.module.rsplit(".", 1)[1] in service_names]  # type: ignore[union-attr]
            if isinstance(node, ast.Attribute) and node.attr == "emit" and isinstance(node.value, ast.Attribute) \
                    and node.value.attr in signals and "document" in ast.unparse(node.value.value):
                problems.append(f"{where}: emits the document's {node.value.attr}")
            if isinstance(node, ast.Attribute) and node.attr == "push" and isinstance(node.value, ast.Attribute) \
                    and node.value.attr == "undo_stack":
                problems.append(f"{where}: pushes on the undo stack")
    assert problems == []


def test_only_the_document_pushes_undo_steps() -> None:
    pushes = [str(path.relative_to(PACKAGE)) for path in UI.rglob("*.py")
              if "undo_stack.push(" in path.read_text(encoding="utf-8") and path != UI / "document.py"]
    assert pushes == []


# --- One registration per vote method -------------------------------------------------------------------------------

# Where a vote method may be named: the registries (one entry per method, per layer)...
METHOD_REGISTRIES = {"domain/vote_methods.py", "ui/voting/method_views.py", "ui/projector/result_views.py",
                     "exports/minutes_methods.py"}
# ...and, by count, these: each method's counting module stamps its result with its method (the spec registers
# that count); the demo chooses which methods its ballots use (content, not a branch).
NAMING_A_METHOD = {"domain/counting_simple.py": 4, "domain/counting_ranked.py": 1, "domain/counting_grid.py": 2,
                   "domain/consent.py": 1, "services/demo_votes.py": 2,
                   "services/demo_phones.py": 1}


def test_vote_methods_are_named_only_in_their_registries() -> None:
    """A new method is a spec and one entry per registry: an `if … BallotMethod.X` elsewhere is a place it would be
    forgotten (the registries' completeness is tested in tests/unit/domain/test_vote_methods.py and beside them)."""
    import re

    found = {}
    for path in PACKAGE.rglob("*.py"):
        name = path.relative_to(PACKAGE).as_posix()
        uses = len(re.findall(r"\bBallotMethod\.[A-Z_]+", path.read_text(encoding="utf-8")))
        if uses and name not in METHOD_REGISTRIES:
            found[name] = uses
    assert found == NAMING_A_METHOD
