"""The pause screen says the return time the facilitator set: preset to now + the next break, changed with Shift+F8."""

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt, QTime
from pytestqt.qtbot import QtBot

from tests.ui.drawn import drawn_text
from workshop_desk.domain.clock import local, utc_now
from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.ui.dialogs.pause_time import PauseTimeDialog
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.shell import Shell

WORKSHOP = 2  # its agenda: ... a 35-minute brainstorm, then a 10-minute break


def _on_the_brainstorm(window: MainWindow) -> None:
    document = window.document
    assert document is not None
    window.select_sitting(WORKSHOP)
    document.start_run(WORKSHOP)
    for _ in range(3):
        document.step_run(WORKSHOP, 1)


def test_f8_during_a_brainstorm_says_now_plus_the_break_not_the_end_of_the_brainstorm(
        qtbot: QtBot, window: MainWindow, shell: Shell) -> None:
    _on_the_brainstorm(window)
    before = utc_now()
    qtbot.keyClick(window, Qt.Key.Key_F8)
    projector = shell.projector.window
    assert projector.content.mode == ProjectorMode.PAUSE
    back = projector.content.resume_at
    assert back is not None and back.minute % 5 == 0
    assert before + timedelta(minutes=9) <= back <= before + timedelta(minutes=15)  # the 10-minute break, to 5 min
    brainstorm_end = local(utc_now() + timedelta(minutes=35)).strftime("%H:%M")
    shown = drawn_text(projector)
    assert f"We resume at {local(back).strftime('%H:%M')}" in shown and brainstorm_end not in shown


def test_shift_f8_sets_the_return_time_on_the_pause_screen_and_the_panel(
        qtbot: QtBot, window: MainWindow, shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    _on_the_brainstorm(window)
    presets: list[QTime] = []
    later = local(utc_now()) + timedelta(minutes=40)  # a time still to come whenever the test runs
    typed = QTime(later.hour, later.minute - later.minute % 5)
    shown = typed.toString("HH:mm")

    def type_a_time(dialog: PauseTimeDialog) -> int:
        presets.append(dialog.time_edit.time())
        dialog.time_edit.setTime(typed)
        return 1

    monkeypatch.setattr(PauseTimeDialog, "exec", type_a_time)
    qtbot.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert presets and presets[0].minute() % 5 == 0  # preset: now + the break, rounded
    projector = shell.projector.window
    assert projector.content.mode == ProjectorMode.PAUSE
    assert f"We resume at {shown}" in drawn_text(projector)
    assert window.projector_dock.pause_time_button.text() == f"Back at {shown}…  (Shift+F8)"
    qtbot.keyClick(window, Qt.Key.Key_F7)
    qtbot.keyClick(window, Qt.Key.Key_F8)  # the time set stays, back on the pause screen
    assert f"We resume at {shown}" in drawn_text(projector)


def test_the_dialog_takes_a_time_typed_over_its_preset(qtbot: QtBot) -> None:
    preset = datetime.now().astimezone().replace(hour=10, minute=35)
    dialog = PauseTimeDialog(preset)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.time_edit.hasFocus)  # the field has the keyboard as the dialog opens: type at once
    assert dialog.time_edit.time() == QTime(10, 35)
    qtbot.keyClicks(dialog.time_edit, "1145")
    assert dialog.resume_at().strftime("%H:%M") == "11:45"
