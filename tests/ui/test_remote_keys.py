"""The projector owns no keyboard: a presenter remote's keys work whichever window had them."""

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.keys import type_text
from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.shell import Shell

WORKSHOP = 2
Key = Qt.Key


def _current_index(window: MainWindow) -> int:
    agenda = window.document.agenda(WORKSHOP)  # type: ignore[union-attr]
    return next(n for n, item in enumerate(agenda.items) if item.id == agenda.sitting.current_item_id)


def _running_console(qtbot: QtBot, window: MainWindow, shell: Shell) -> QWidget:
    window.select_sitting(WORKSHOP)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.actions_by_name["run_start"].trigger()
    qtbot.keyClick(window, Key.Key_F5)
    projector = shell.projector.window
    assert projector.isVisible()
    return projector


def test_showing_the_projector_leaves_the_keyboard_to_the_console(qtbot: QtBot, window: MainWindow,
                                                                  shell: Shell) -> None:
    projector = _running_console(qtbot, window, shell)
    assert projector.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert projector.windowFlags() & Qt.WindowType.WindowStaysOnTopHint  # one screen: a rehearsal window on top
    assert QApplication.activeWindow() is window
    qtbot.keyClick(window, Key.Key_F7)  # switching screens neither
    qtbot.mouseClick(window.sittings_view.viewport(), Qt.MouseButton.LeftButton)  # nor clicking the console
    assert projector.isVisible() and QApplication.activeWindow() is window
    assert shell.projector.mode == ProjectorMode.AGENDA


def test_remote_keys_sent_to_the_projector_drive_the_console(qtbot: QtBot, window: MainWindow, shell: Shell) -> None:
    projector = _running_console(qtbot, window, shell)
    assert _current_index(window) == 0
    qtbot.keyClick(projector, Key.Key_PageDown)
    qtbot.keyClick(projector, Key.Key_PageDown)
    assert _current_index(window) == 2
    qtbot.keyClick(projector, Key.Key_PageUp)
    assert _current_index(window) == 1
    qtbot.keyClick(window, Key.Key_F7)
    for key, mode in ((Key.Key_B, ProjectorMode.BLANK), (Key.Key_B, ProjectorMode.AGENDA),
                      (Key.Key_Period, ProjectorMode.BLANK), (Key.Key_W, ProjectorMode.WHITE),
                      (Key.Key_W, ProjectorMode.AGENDA), (Key.Key_F4, ProjectorMode.TIMER)):
        qtbot.keyClick(projector, key)
        assert shell.projector.mode == mode, key
    assert window.projector_dock.mode_buttons[ProjectorMode.TIMER].isChecked()
    qtbot.keyClick(projector, Key.Key_Escape)
    assert not projector.isVisible() and not window.projector_dock.toggle_button.isChecked()
    qtbot.keyClick(window, Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert projector.isVisible()
    qtbot.keyClick(window, Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)  # "show" again keeps it shown
    assert projector.isVisible()
    qtbot.keyClick(projector, Key.Key_F5)
    assert not projector.isVisible()


def test_a_key_the_projector_receives_itself_reaches_the_console(qtbot: QtBot, window: MainWindow,
                                                                 shell: Shell) -> None:
    """A window manager that ignores the no-focus hint gives the projector the key event itself."""
    projector = _running_console(qtbot, window, shell)
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(projector, QKeyEvent(kind, Key.Key_PageDown, Qt.KeyboardModifier.NoModifier))
    assert _current_index(window) == 1
    QApplication.sendEvent(projector, QKeyEvent(QEvent.Type.KeyPress, Key.Key_B, Qt.KeyboardModifier.NoModifier, "b"))
    assert shell.projector.mode == ProjectorMode.BLANK


def test_live_keys_work_from_another_window_of_the_app(qtbot: QtBot, window: MainWindow, shell: Shell) -> None:
    _running_console(qtbot, window, shell)
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other)
    qtbot.keyClick(other, Key.Key_PageDown)
    assert _current_index(window) == 1
    qtbot.keyClick(other, Key.Key_B)
    assert shell.projector.mode == ProjectorMode.BLANK


def test_letters_typed_in_a_field_stay_in_the_field(qtbot: QtBot, window: MainWindow, shell: Shell) -> None:
    _running_console(qtbot, window, shell)
    page = window.sitting_page
    assert page is not None
    page.tabs.setCurrentIndex(page.SIGNIN_TAB)
    field = page.signin_desk.field
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "bw.")
    qtbot.keyClick(field, Key.Key_Escape)
    type_text(field, "é")
    assert field.text() == "bw.é"
    assert shell.projector.mode == ProjectorMode.AGENDA and shell.projector.window.isVisible()


@pytest.mark.usefixtures("french")
def test_the_projector_panel_names_keys_in_the_users_language(qtbot: QtBot) -> None:
    from workshop_desk.ui.projector_dock import ProjectorDock

    screen = QWidget()
    qtbot.addWidget(screen)
    dock = ProjectorDock(screen)
    qtbot.addWidget(dock)
    assert dock.mode_buttons[ProjectorMode.NOTE].toolTip() == "Une idée (Maj+F3)"
    assert dock.mode_buttons[ProjectorMode.TIMER].toolTip() == "Minuteur (F4)"
    assert dock.toggle_button.text() == "Afficher le projecteur (F5)"


def test_a_letter_typed_on_a_table_cell_starts_editing_it(qtbot: QtBot, window: MainWindow, shell: Shell) -> None:
    from PySide6.QtWidgets import QAbstractItemView, QLineEdit

    _running_console(qtbot, window, shell)
    page = window.sitting_page
    assert page is not None
    page.tabs.setCurrentIndex(page.PLAN_TAB)
    view = page.agenda_editor.view
    assert view.editTriggers() & QAbstractItemView.EditTrigger.AnyKeyPressed
    view.setFocus()
    view.setCurrentIndex(view.model().index(2, 1))
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Key.Key_B)
    assert shell.projector.mode == ProjectorMode.AGENDA  # not blanked
    editor = view.viewport().findChild(QLineEdit)
    assert editor is not None and editor.text() == "b"
