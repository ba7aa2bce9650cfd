"""The board on the projector: revealed notes only, one theme, one note in large type; it follows the console."""

from dataclasses import replace

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.keys import type_text
from tests.ui.test_board import open_board, select, undo
from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.domain.ideas import ColourBy
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.projector import painting
from workshop_desk.ui.projector.board_screen import BoardScreen, NoteScreen
from workshop_desk.ui.shell import Shell

WORKSHOP = 2
MAX_PAGES = 12


def shown_texts(shell: Shell) -> set[str]:
    board = shell.projector.window.content.board
    assert board is not None
    return {note.text for note in board.notes}


def painted_pages(shell: Shell) -> set[str]:
    """Every text the projector's current screen draws, on all its pages."""
    projector, drawn = shell.projector, set()
    for page in range(MAX_PAGES):
        with painting.recording() as texts:
            projector.window.show_content(replace(projector.content(), page=page))
            projector.window.grab()
        drawn |= {text.whole for text in texts}
        if page + 1 >= projector.window.screens[projector.mode].pages:
            return drawn
    raise AssertionError("the pages never end")


def test_the_board_on_the_projector_shows_revealed_notes_only_and_follows_capture(qtbot: QtBot, window: MainWindow,
                                                                                  shell: Shell) -> None:
    board = open_board(window)
    hidden = {item.idea.text for item in board.scene.notes.values() if item.idea.hidden}
    board.toolbar.show_board.trigger()
    projector = shell.projector.window
    assert projector.content.mode == ProjectorMode.BOARD
    screen = projector._stack.currentWidget()
    assert isinstance(screen, BoardScreen)
    assert len(shown_texts(shell)) == 17 + 3 and not hidden & shown_texts(shell)  # 3 of them sent from phones
    assert projector.content.board.title == "Idées en petits groupes : freins et leviers"  # type: ignore[union-attr]
    drawn = painted_pages(shell)
    assert shown_texts(shell) <= drawn  # every note on some page, readable (tests/ui/test_projector_readable.py)
    assert {item.theme.name for item in board.scene.themes.values()} <= drawn
    type_text(board.capture.text_edit, "Une idée qui arrive en direct")
    qtbot.keyClick(board.capture.text_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Une idée qui arrive en direct" in shown_texts(shell))
    board.capture.hidden_check.setChecked(True)
    type_text(board.capture.text_edit, "Une idée encore secrète")
    qtbot.keyClick(board.capture.text_edit, Qt.Key.Key_Return)
    qtbot.wait(200)
    assert "Une idée encore secrète" not in shown_texts(shell)
    board.reveal()
    qtbot.waitUntil(lambda: hidden | {"Une idée encore secrète"} <= shown_texts(shell))
    undo(qtbot, window)
    qtbot.waitUntil(lambda: not hidden & shown_texts(shell))
    assert not projector.grab().isNull()


def test_one_theme_on_the_projector_then_one_note_in_large_type(qtbot: QtBot, window: MainWindow,
                                                                shell: Shell) -> None:
    board = open_board(window)
    theme = next(iter(board.scene.themes.values()))
    theme.setSelected(True)
    board.toolbar.show_theme.trigger()
    content = shell.projector.window.content
    assert content.board is not None and content.board.title == theme.theme.name
    assert [t.id for t in content.board.themes] == [theme.theme.id]
    assert {n.theme_id for n in content.board.notes} == {theme.theme.id} and len(content.board.notes) == theme.count
    stacked = max(board.scene.notes.values(), key=lambda item: item.count)
    select(board, stacked.idea.id)
    board.toolbar.show_note.trigger()
    projector = shell.projector.window
    assert isinstance(projector._stack.currentWidget(), NoteScreen)
    focus = projector.content.board
    assert focus is not None and focus.focus is not None and focus.focus.id == stacked.idea.id
    assert focus.focus_count == 2 and focus.focus_theme
    assert not projector.grab().isNull()
    select(board)
    board.toolbar.show_note.trigger()
    assert board.status.text() == "Select one note first."


def test_the_projector_keys_show_the_board_of_the_sitting_and_its_colours(qtbot: QtBot, window: MainWindow,
                                                                        shell: Shell) -> None:
    board = open_board(window)
    qtbot.keyClick(window, Qt.Key.Key_F3)
    projector = shell.projector.window
    assert projector.content.mode == ProjectorMode.BOARD and projector.content.board is not None
    assert window.projector_dock.mode_buttons[ProjectorMode.BOARD].isChecked()
    note = next(n for n in board.scene.notes.values() if n.idea.theme_id is not None and not n.idea.hidden)
    combo = board.toolbar.colour_by_combo
    combo.setCurrentIndex(combo.findData(ColourBy.TABLE))

    def colour_of_note() -> str:
        view = projector.content.board
        assert view is not None
        return dict(zip((n.id for n in view.notes), view.colours, strict=True))[note.idea.id]

    qtbot.waitUntil(lambda: colour_of_note() == note._brush.color().name().upper())
    select(board, note.idea.id)
    qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert projector.content.mode == ProjectorMode.NOTE
    assert projector.content.board.focus.id == note.idea.id  # type: ignore[union-attr]
    qtbot.keyClick(window, Qt.Key.Key_F7)
    assert projector.content.mode == ProjectorMode.AGENDA
