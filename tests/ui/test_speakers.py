"""Speaking turns at the console: add speakers, give the floor, the projector shows who speaks."""

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.keys import type_text
from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.shell import Shell

ASSISES = 6


def test_a_round_table_with_two_speakers(qtbot: QtBot, window: MainWindow, shell: Shell) -> None:
    window.select_sitting(ASSISES)
    page = window.sitting_page
    assert page is not None
    page.tabs.setCurrentIndex(page.TIMER_TAB)
    speakers = page.speakers_panel
    before = speakers.list.count()  # the demo's round table already had its speakers
    type_text(speakers.name_edit, "Hélène Caron")
    qtbot.keyClick(speakers.name_edit, Qt.Key.Key_Return)
    speakers.minutes_spin.setValue(3)
    type_text(speakers.name_edit, "Un habitant")
    qtbot.keyClick(speakers.name_edit, Qt.Key.Key_Return)
    assert speakers.list.count() == before + 2

    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert speakers.list.item(before).text().startswith(f"▶ {before + 1}. Hélène Caron")
    content = shell.projector.window.content
    assert content.mode == ProjectorMode.TIMER
    assert content.countdown is not None and content.countdown.speaker == "Hélène Caron"
    assert content.countdown.remaining_seconds > 4 * 60  # five minutes allotted
    turns = shell.document.workspace.speaking.turns(ASSISES)  # type: ignore[union-attr]
    assert turns[before].participant_id is not None  # matched to the registry

    qtbot.mouseClick(speakers.next_button, Qt.MouseButton.LeftButton)
    assert shell.projector.window.content.countdown.speaker == "Un habitant"  # type: ignore[union-attr]
    assert shell.projector.window.content.countdown.remaining_seconds <= 180  # type: ignore[union-attr]
    assert "Speaking time" in speakers.totals_label.text()
    qtbot.mouseClick(speakers.end_button, Qt.MouseButton.LeftButton)
    assert not page.timer_panel.countdown.running
