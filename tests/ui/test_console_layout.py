"""The console on a laptop: maximised on a small screen, sidebar and projector panel that collapse and stay so."""

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from workshop_desk.services.settings import load_settings
from workshop_desk.ui.app import place_window
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.shell import Shell

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_the_console_opens_maximised_on_a_laptop_screen(qtbot: QtBot, shell: Shell) -> None:
    window = MainWindow(shell)
    qtbot.addWidget(window)
    place_window(window, "", QSize(1366, 728))
    assert window.windowState() & Qt.WindowState.WindowMaximized


def test_on_a_large_screen_it_opens_at_a_window_size(qtbot: QtBot, shell: Shell) -> None:
    window = MainWindow(shell)
    qtbot.addWidget(window)
    place_window(window, "", QSize(1920, 1040))
    assert not window.windowState() & Qt.WindowState.WindowMaximized
    assert window.size() == QSize(1366, 800)


def test_ctrl_b_collapses_the_sidebar_and_the_choice_is_kept(qtbot: QtBot, window: MainWindow, shell: Shell,
                                                             tmp_path: Path) -> None:
    assert window.sidebar.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert not window.sidebar.isVisible()
    assert not load_settings(tmp_path / "settings.json").sidebar_shown
    reopened = shell.build_window()  # as after a restart, or a change of language
    qtbot.addWidget(reopened)  # closed after the test: its live keys must not answer in the next one
    reopened.show()
    assert not reopened.sidebar.isVisible() and not reopened.actions_by_name["view_sidebar"].isChecked()
    reopened.actions_by_name["view_sidebar"].trigger()  # View › Sidebar
    assert reopened.sidebar.isVisible() and load_settings(tmp_path / "settings.json").sidebar_shown


def test_ctrl_shift_p_collapses_the_projector_panel_and_the_choice_is_kept(qtbot: QtBot, window: MainWindow,
                                                                          shell: Shell, tmp_path: Path) -> None:
    assert window.dock.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL_SHIFT)
    assert not window.dock.isVisible()
    assert not load_settings(tmp_path / "settings.json").projector_panel_shown
    reopened = shell.build_window()
    qtbot.addWidget(reopened)
    reopened.show()
    assert not reopened.dock.isVisible() and not reopened.actions_by_name["view_projector_panel"].isChecked()
    assert shell.settings.sidebar_shown  # the other panel is not touched


def test_the_toolbar_runs_the_sitting_and_names_each_key(qtbot: QtBot, window: MainWindow, shell: Shell) -> None:
    window.select_sitting(2)
    toolbar = window.live_toolbar
    start = window.actions_by_name["run_start"]
    button = toolbar.widgetForAction(start)
    assert isinstance(button, QToolButton) and not button.icon().isNull()
    assert button.toolTip() == "Start or resume the run (Ctrl+Return)"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert shell.document is not None and shell.document.agenda(2).sitting.is_running
    next_tip = toolbar.widgetForAction(window.actions_by_name["run_next"]).toolTip()
    assert next_tip == "Next item (PgDown, Ctrl+Right)"
