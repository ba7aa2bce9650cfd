"""One registry of projector screens: every mode has one entry, and the window, the panel and the menu follow it."""

import ast
from pathlib import Path

from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from workshop_desk import i18n
from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.projector import registry
from workshop_desk.ui.projector.window import ProjectorWindow

PACKAGE = Path(__file__).resolve().parents[2] / "workshop_desk"
REGISTRY = PACKAGE / "ui" / "projector" / "registry.py"


def test_every_mode_has_exactly_one_entry_with_its_own_screen_label_and_key() -> None:
    modes = [entry.mode for entry in registry.ENTRIES]
    assert sorted(modes) == sorted(ProjectorMode) and len(set(modes)) == len(modes)
    assert len({entry.screen for entry in registry.ENTRIES}) == len(modes)
    keys = [entry.key for entry in registry.on_panel()] + [registry.PAUSE_TIME_KEY]
    assert len(set(keys)) == len(keys)
    for language in ("en", "fr"):
        i18n.set_language(language)
        labels = [registry.label(mode) for mode in ProjectorMode]
        assert all(labels) and len(set(labels)) == len(labels)
    assert registry.label(ProjectorMode.NOTE) == "Une idée"


def test_the_window_the_panel_and_the_menu_follow_the_registry(qtbot: QtBot, window: MainWindow) -> None:
    projector = ProjectorWindow()
    qtbot.addWidget(projector)
    assert {mode: type(screen) for mode, screen in projector.screens.items()} == \
        {entry.mode: entry.screen for entry in registry.ENTRIES}
    dock, actions = window.projector_dock, window.actions_by_name
    assert list(dock.mode_buttons) == [entry.mode for entry in registry.on_panel()]
    for entry in registry.on_panel():
        button = dock.mode_buttons[entry.mode]  # the key in its tooltip: two buttons a row fit a laptop's panel
        assert (button.text(), button.toolTip()) == (registry.label(entry.mode),
                                                      f"{registry.label(entry.mode)} ({entry.key})")
        assert actions[f"projector_{entry.mode}"].shortcut() == QKeySequence(entry.key)
    assert actions["projector_blank_toggle"].shortcuts() == [QKeySequence("B"), QKeySequence(".")]
    taken = [key.toString() for action in window.actions() for key in action.shortcuts()]
    assert len(set(taken)) == len(taken), "a key does two things"


def _mode_maps(tree: ast.AST) -> list[int]:
    """Lines of dict literals keyed by projector modes (the registry's job)."""
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Dict)
            and any(key is not None and "ProjectorMode." in ast.unparse(key) for key in node.keys)]


def _screens_built(tree: ast.AST) -> list[int]:
    names = {entry.screen.__name__ for entry in registry.ENTRIES}
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name) and node.func.id in names]


def _keys_spelt(tree: ast.AST) -> list[int]:
    keys = {entry.key for entry in registry.ENTRIES if entry.key} | {registry.PAUSE_TIME_KEY}
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Constant) and node.value in keys]


def test_no_other_module_maps_modes_to_screens_labels_or_keys() -> None:
    problems = []
    for path in PACKAGE.rglob("*.py"):
        if path == REGISTRY:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(PACKAGE)
        problems += [f"{where}:{line}: a map of projector modes" for line in _mode_maps(tree)]
        problems += [f"{where}:{line}: builds a projector screen" for line in _screens_built(tree)]
        problems += [f"{where}:{line}: spells a projector key" for line in _keys_spelt(tree)]
    assert problems == [], "projector screens, labels and keys belong to ui/projector/registry.py"
