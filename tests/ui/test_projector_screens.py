"""What each projector screen says: the selected note, hidden results, every group at the door, empty states."""

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.drawn import drawn_text
from tests.ui.test_board import open_board, select
from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.shell import Shell

BREAKFAST, WORKSHOP = 1, 2


def _press_one_idea(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)


def test_shift_f3_shows_the_note_selected_now_even_while_another_sitting_runs(qtbot: QtBot, window: MainWindow,
                                                                             shell: Shell) -> None:
    window.document.start_run(BREAKFAST)  # type: ignore[union-attr]  # the projector follows the running sitting
    board = open_board(window)
    first, second = [n.idea for n in board.scene.notes.values() if not n.idea.hidden][:2]
    projector = shell.projector.window
    for note in (first, second):  # a second press shows the newly selected note, not the first one again
        select(board, note.id)
        _press_one_idea(qtbot, window)
        assert projector.content.mode == ProjectorMode.NOTE
        assert note.text in drawn_text(projector)
    select(board)
    _press_one_idea(qtbot, window)
    shown = drawn_text(projector)
    assert "No idea chosen — select a note on the board, then press Shift+F3." in shown
    assert second.text not in shown
