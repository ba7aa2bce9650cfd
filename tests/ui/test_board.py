"""The idea board at the console: keyboard capture, drags into themes, merges, themes, and undo/redo of each."""

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from tests.keys import type_text
from tests.ui.conftest import Prompts
from workshop_desk.domain.ideas import ColourBy, Idea, pastel
from workshop_desk.ui.board.board_page import BoardPage
from workshop_desk.ui.board.items import NoteItem, ThemeItem
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.shell import Shell

BREAKFAST, WORKSHOP = 1, 2
CTRL = Qt.KeyboardModifier.ControlModifier


def open_board(window: MainWindow, sitting: int = WORKSHOP) -> BoardPage:
    window.select_sitting(sitting)
    page = window.sitting_page
    assert page is not None
    page.tabs.setCurrentIndex(page.IDEAS_TAB)
    page.board_page.canvas.fit_all()
    return page.board_page


def saved(window: MainWindow, idea_id: int) -> Idea:
    return window.document.workspace.ideas.get_many([idea_id])[0]  # type: ignore[union-attr]


def undo(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)


def redo(qtbot: QtBot, window: MainWindow, shift_z: bool = False) -> None:
    if shift_z:
        qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    else:
        qtbot.keyClick(window, Qt.Key.Key_Y, CTRL)


def drag(qtbot: QtBot, board: BoardPage, start: QPointF, end: QPointF) -> None:
    """Press, move in steps, release, as a hand on the mouse would."""
    viewport, canvas = board.canvas.viewport(), board.canvas
    first, last = canvas.mapFromScene(start), canvas.mapFromScene(end)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=first)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, first + (last - first) * step / 5)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=last)


def select(board: BoardPage, *ids: int) -> None:
    board.scene.clearSelection()
    for idea_id in ids:
        board.scene.notes[idea_id].setSelected(True)


def test_ideas_are_typed_one_after_the_other_keeping_table_group_author_colour(qtbot: QtBot,
                                                                             window: MainWindow) -> None:
    board = open_board(window, BREAKFAST)
    bar = board.capture
    bar.group_combo.setCurrentIndex(bar.group_combo.findText("Élus"))
    bar.colour_combo.setCurrentIndex(2)
    assert bar.item_combo.currentData() is None  # the breakfast has no brainstorm: no item until one is chosen
    bar.item_combo.setCurrentIndex(bar.item_combo.findText("Réactions de la salle"))
    type_text(bar.author_edit, "Aïcha")
    for text in ("Des ateliers à loyer modéré", "Une crèche près de la gare ☀"):
        type_text(bar.text_edit, text)
        qtbot.keyClick(bar.text_edit, Qt.Key.Key_Return)
        assert bar.text_edit.text() == ""
    ideas = list(board.scene.ideas.values())
    assert [i.text for i in ideas] == ["Des ateliers à loyer modéré", "Une crèche près de la gare ☀"]
    group = next(g.id for g in window.document.groups() if g.name == "Élus")  # type: ignore[union-attr]
    assert all(i.group_id == group and i.author == "Aïcha" and i.colour == "#F8BBD0" for i in ideas)
    item = bar.item_combo.currentData()
    assert item is not None and all(i.agenda_item_id == item and not i.hidden for i in ideas)
    assert ideas[0].x != ideas[1].x or ideas[0].y != ideas[1].y
    assert board.summary.text().startswith("2 notes")
    undo(qtbot, window)
    assert [i.text for i in board.scene.ideas.values()] == ["Des ateliers à loyer modéré"]
    redo(qtbot, window)
    assert len(board.scene.notes) == 2


def test_ctrl_z_in_the_capture_field_undoes_typing_first_then_the_last_note(qtbot: QtBot,
                                                                            window: MainWindow) -> None:
    board = open_board(window, BREAKFAST)
    edit = board.capture.text_edit
    edit.setFocus()
    type_text(edit, "Première idée")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    type_text(edit, "Deuxième")
    qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL)
    assert edit.text() != "Deuxième" and len(board.scene.notes) == 1  # the typing went first
    edit.setText("")
    qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL)
    assert board.scene.notes == {}


def test_pasting_lines_gives_one_note_per_line_in_one_undo_step(qtbot: QtBot, window: MainWindow) -> None:
    board = open_board(window, BREAKFAST)
    board.capture.hidden_check.setChecked(True)
    QGuiApplication.clipboard().setText("- Label local\n- Boutique collective\n\n- Apprentissage ✂\n")
    board.capture.text_edit.paste()
    assert sorted(i.text for i in board.scene.ideas.values()) == ["Apprentissage ✂", "Boutique collective",
                                                                  "Label local"]
    assert all(i.hidden for i in board.scene.ideas.values())
    assert board.toolbar.reveal.isEnabled() and board.toolbar.reveal.text() == "Reveal (3)"
    undo(qtbot, window)
    assert board.scene.notes == {}


def test_an_empty_or_too_long_note_is_refused_with_a_message(qtbot: QtBot, window: MainWindow) -> None:
    board = open_board(window, BREAKFAST)
    qtbot.keyClick(board.capture.text_edit, Qt.Key.Key_Return)
    assert board.scene.notes == {}
    board.capture.text_edit.setText("x" * 501)
    qtbot.keyClick(board.capture.text_edit, Qt.Key.Key_Return)
    assert board.scene.notes == {} and "at most 500" in board.status.text()
    assert board.capture.text_edit.text() == "x" * 501  # kept, to be shortened


def test_dragging_a_note_into_a_theme_then_undo_and_redo(qtbot: QtBot, window: MainWindow) -> None:
    board = open_board(window)
    loose = next(item for item in board.scene.notes.values() if item.idea.theme_id is None)
    target = next(iter(board.scene.themes.values()))
    before = (loose.idea.x, loose.idea.y)
    inside = target.pos() + QPointF(target.frame().width / 2, target.frame().height - 40)
    drag(qtbot, board, loose.centre(), inside)
    moved = saved(window, loose.idea.id)
    assert moved.theme_id == target.theme.id and (moved.x, moved.y) != before
    assert window.document.undo_stack.undoText() == f"Put 1 note in “{target.theme.name}”"  # type: ignore[union-attr]
    assert board.scene.notes[loose.idea.id].idea.theme_id == target.theme.id
    undo(qtbot, window)
    back = saved(window, loose.idea.id)
    assert back.theme_id is None and (back.x, back.y) == before
    assert board.scene.notes[loose.idea.id].pos() == QPointF(*before)
    redo(qtbot, window, shift_z=True)
    assert saved(window, loose.idea.id).theme_id == target.theme.id


def test_dragging_a_selection_moves_every_note_in_one_step(qtbot: QtBot, window: MainWindow) -> None:
    board = open_board(window)
    theme = next(iter(board.scene.themes.values()))
    members = [i.id for i in board.scene.ideas.values() if i.theme_id == theme.theme.id and i.on_board][:2]
    select(board, *members)
    count = window.document.undo_stack.count()  # type: ignore[union-attr]
    start = board.scene.notes[members[0]].centre()
    drag(qtbot, board, start, start + QPointF(30, 20))
    assert window.document.undo_stack.count() == count + 1  # type: ignore[union-attr]
    assert all(saved(window, i).theme_id == theme.theme.id for i in members)  # still inside
    undo(qtbot, window)
    assert [board.scene.notes[i].pos() for i in members] == [QPointF(saved(window, i).x, saved(window, i).y)
                                                              for i in members]


def test_moving_a_theme_by_its_header_carries_its_notes_and_its_corner_resizes_it(qtbot: QtBot,
                                                                                  window: MainWindow) -> None:
    board = open_board(window)
    theme = next(iter(board.scene.themes.values()))
    members = [i.id for i in board.scene.ideas.values() if i.theme_id == theme.theme.id and i.on_board]
    before = {i: (saved(window, i).x, saved(window, i).y) for i in members}
    start = theme.frame()
    header = theme.pos() + QPointF(start.width / 2, 15)
    drag(qtbot, board, header, header + QPointF(0, 300))
    dy = window.document.workspace.themes.get(start.theme_id).y - start.y  # type: ignore[union-attr]
    assert dy > 100 and all(saved(window, i).y == pytest.approx(before[i][1] + dy) for i in members)
    undo(qtbot, window)
    assert all((saved(window, i).x, saved(window, i).y) == before[i] for i in members)
    corner = theme.pos() + QPointF(start.width - 6, start.height - 6)
    drag(qtbot, board, corner, corner + QPointF(120, 80))
    resized = window.document.workspace.themes.get(start.theme_id)  # type: ignore[union-attr]
    assert (resized.x, resized.y) == (start.x, start.y) and resized.width > start.width + 100
    assert resized.height > start.height + 60
    assert window.document.undo_stack.undoText().startswith("Resize theme")  # type: ignore[union-attr]
    assert all((saved(window, i).x, saved(window, i).y) == before[i] for i in members)  # notes stay put
    undo(qtbot, window)
    assert board.scene.themes[start.theme_id].frame() == start


def test_merging_two_notes_shows_the_count_keeps_both_texts_undo_redo(qtbot: QtBot, window: MainWindow,
                                                                       prompts: Prompts) -> None:
    board = open_board(window, BREAKFAST)
    board.capture.text_edit.setText("Des locaux abordables\nDes loyers modérés pour les ateliers")
    first, second = sorted(board.scene.notes)
    select(board, first, second)
    qtbot.keyClick(board.canvas, Qt.Key.Key_M, CTRL)
    assert list(board.scene.notes) == [first] and board.scene.notes[first].count == 2
    assert saved(window, second).merged_into_id == first and saved(window, second).text.startswith("Des loyers")
    assert "Des loyers modérés" in board.scene.notes[first].toolTip()
    assert "1 merged into others" in board.summary.text()
    undo(qtbot, window)
    assert sorted(board.scene.notes) == [first, second] and board.scene.notes[first].count == 1
    redo(qtbot, window)
    assert list(board.scene.notes) == [first]
    board.split_selected()
    assert sorted(board.scene.notes) == [first, second]
    undo(qtbot, window)
    assert list(board.scene.notes) == [first]


def test_a_theme_from_the_selection_renamed_recoloured_deleted_each_undone(qtbot: QtBot, window: MainWindow,
                                                                          prompts: Prompts,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from workshop_desk.ui import prompts as prompts_module

    board = open_board(window, BREAKFAST)
    board.capture.text_edit.setText("Un\nDeux\nTrois")
    ids = sorted(board.scene.notes)
    select(board, ids[0], ids[1])
    prompts.text_answer = "Écoles et apprentissage"
    qtbot.keyClick(board.canvas, Qt.Key.Key_G, CTRL)
    (theme,) = board.scene.themes.values()
    assert theme.theme.name == "Écoles et apprentissage" and theme.count == 2
    assert [saved(window, i).theme_id for i in ids] == [theme.theme.id, theme.theme.id, None]
    prompts.text_answer = "Écoles"
    board.rename_theme(theme.theme.id)
    assert board.scene.themes[theme.theme.id].theme.name == "Écoles"
    monkeypatch.setattr(prompts_module, "choose_colour", lambda _parent, _colour: "#90CAF9")
    board.recolour_theme(theme.theme.id)
    assert board.scene.notes[ids[0]]._brush.color().name().upper() == "#90CAF9"  # coloured by theme
    board.delete_theme(theme.theme.id)
    assert board.scene.themes == {} and saved(window, ids[0]).theme_id is None
    undo(qtbot, window)
    assert board.scene.themes[theme.theme.id].theme.colour == "#90CAF9"
    undo(qtbot, window)
    undo(qtbot, window)
    assert board.scene.themes[theme.theme.id].theme.name == "Écoles et apprentissage"
    undo(qtbot, window)
    assert board.scene.themes == {} and saved(window, ids[0]).theme_id is None
    for _ in range(4):
        redo(qtbot, window)
    assert board.scene.themes == {}
    undo(qtbot, window)
    assert board.scene.themes[theme.theme.id].theme.name == "Écoles"


def test_editing_and_deleting_notes_with_undo(qtbot: QtBot, window: MainWindow, prompts: Prompts) -> None:
    board = open_board(window, BREAKFAST)
    board.capture.text_edit.setText("Une idée\nUne autre")
    first, second = sorted(board.scene.notes)
    prompts.text_answer = "Une idée, précisée et bien plus longue qu'avant pour tenir sur trois lignes"
    select(board, first)
    board.canvas.setFocus()
    qtbot.keyClick(board.canvas, Qt.Key.Key_F2)
    item = board.scene.notes[first]
    assert item.idea.text.startswith("Une idée, précisée") and item.size[0] > 170
    undo(qtbot, window)
    assert board.scene.notes[first].idea.text == "Une idée"
    redo(qtbot, window)
    select(board, first, second)
    board.canvas.setFocus()
    qtbot.keyClick(board.canvas, Qt.Key.Key_Delete)
    assert board.scene.notes == {}
    assert window.document.workspace.ideas.get_many([first, second]) == []  # type: ignore[union-attr]
    undo(qtbot, window)
    assert sorted(board.scene.notes) == [first, second]
    redo(qtbot, window)
    assert board.scene.notes == {}


def test_arranging_by_theme_and_by_table_undo_redo(qtbot: QtBot, window: MainWindow) -> None:
    board = open_board(window)
    scene = board.scene
    before = {i: item.pos() for i, item in scene.notes.items()}
    board.toolbar.arrange_table.trigger()
    moved = {i: item.pos() for i, item in scene.notes.items()}
    assert moved != before
    for item in scene.notes.values():  # the notes are still inside their themes
        theme = scene.themes.get(item.idea.theme_id or -1)
        if theme is not None:
            assert theme.frame().contains(item.centre().x(), item.centre().y())
    undo(qtbot, window)
    assert {i: item.pos() for i, item in scene.notes.items()} == before
    redo(qtbot, window)
    assert {i: item.pos() for i, item in scene.notes.items()} == moved


def test_hidden_notes_look_hidden_and_are_revealed_together_undoably(qtbot: QtBot, window: MainWindow) -> None:
    board = open_board(window)
    hidden = sorted(i for i, item in board.scene.notes.items() if item.idea.hidden)
    assert len(hidden) == 2 and board.toolbar.reveal.text() == "Reveal (2)"
    board.toolbar.reveal.trigger()
    assert not any(item.idea.hidden for item in board.scene.notes.values())
    assert not board.toolbar.reveal.isEnabled()
    undo(qtbot, window)
    assert sorted(i for i, item in board.scene.notes.items() if item.idea.hidden) == hidden
    select(board, hidden[0])
    board.set_hidden_selected(False)
    assert not saved(window, hidden[0]).hidden and saved(window, hidden[1]).hidden


def test_search_dims_and_filters_hide_other_notes(qtbot: QtBot, window: MainWindow) -> None:
    board = open_board(window)
    type_text(board.toolbar.search_edit, "metiers d'ART")  # no accent, any case
    dimmed = [item for item in board.scene.notes.values() if item.opacity() < 1]
    bright = [item for item in board.scene.notes.values() if item.opacity() == 1]
    assert [item.idea.text for item in bright] == ["Faire connaître les métiers d'art dans l'orientation scolaire"]
    assert len(dimmed) == len(board.scene.notes) - 1
    board.toolbar.search_edit.clear()
    theme = next(iter(board.scene.themes.values()))
    combo = board.toolbar.filter_combo
    combo.setCurrentIndex(combo.findData(f"theme:{theme.theme.id}"))
    shown = [item for item in board.scene.notes.values() if item.isVisible()]
    assert len(shown) == theme.count and all(item.idea.theme_id == theme.theme.id for item in shown)
    assert board.summary.text().startswith(f"{theme.count} of ")
    combo.setCurrentIndex(combo.findData("hidden"))
    assert all(item.idea.hidden for item in board.scene.notes.values() if item.isVisible())


def test_notes_are_coloured_by_theme_table_or_group(qtbot: QtBot, window: MainWindow) -> None:
    board = open_board(window)
    item = next(n for n in board.scene.notes.values() if n.idea.theme_id is not None)
    combo = board.toolbar.colour_by_combo
    assert item._brush.color().name().upper() == board.scene.themes[item.idea.theme_id].theme.colour  # type: ignore[index]
    combo.setCurrentIndex(combo.findData(ColourBy.GROUP))
    group = next(g for g in window.document.groups() if g.id == item.idea.group_id)  # type: ignore[union-attr]
    assert item._brush.color().name().upper() == pastel(group.colour)
    combo.setCurrentIndex(combo.findData(ColourBy.TABLE))
    tables = {n.idea.table_id: n._brush.color().name() for n in board.scene.notes.values()}
    assert len(set(tables.values())) == 4  # the demo's four tables


def test_zoom_keys_wheel_fit_and_pan(qtbot: QtBot, window: MainWindow) -> None:
    board = open_board(window)
    canvas = board.canvas
    canvas.setFocus()
    start = canvas.scale_factor()
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.scale_factor() == pytest.approx(start * 1.25)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    qtbot.keyClick(canvas, Qt.Key.Key_1)
    assert canvas.scale_factor() == pytest.approx(1.0)
    value = canvas.horizontalScrollBar().value()
    centre = canvas.viewport().rect().center()
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.MiddleButton, pos=centre)
    qtbot.mouseMove(canvas.viewport(), centre - QPoint(100, 0))
    qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.MiddleButton, pos=centre - QPoint(100, 0))
    assert canvas.horizontalScrollBar().value() != value
    qtbot.keyClick(canvas, Qt.Key.Key_0)
    rect = canvas.mapFromScene(board.scene.content_rect()).boundingRect()
    assert canvas.viewport().rect().adjusted(-2, -2, 2, 2).contains(rect)


def test_the_board_reopened_after_a_restart_shows_the_same_layout(qtbot: QtBot, window: MainWindow, shell: Shell,
                                                                  demo_path: Path) -> None:
    board = open_board(window)
    loose = next(item for item in board.scene.notes.values() if item.idea.theme_id is None)
    drag(qtbot, board, loose.centre(), loose.centre() + QPointF(-60, 45))
    layout = {i: (item.pos(), item.idea.theme_id, item.count) for i, item in board.scene.notes.items()}
    themes = {i: (item.pos(), item.frame()) for i, item in board.scene.themes.items()}
    shell.close_programme()
    assert shell.open_path(demo_path)
    assert shell.window is not None
    board = open_board(shell.window)
    assert {i: (item.pos(), item.idea.theme_id, item.count) for i, item in board.scene.notes.items()} == layout
    assert {i: (item.pos(), item.frame()) for i, item in board.scene.themes.items()} == themes


def test_item_kinds_on_the_board(qtbot: QtBot, window: MainWindow) -> None:
    board = open_board(window)
    assert all(isinstance(item, NoteItem | ThemeItem) for item in board.scene.items())
    assert len(board.scene.themes) == 4 and len(board.scene.notes) == 19 + 3  # and 3 sent from phones


def _rect(item: NoteItem | ThemeItem) -> "object":
    return item.sceneBoundingRect()


def test_a_new_theme_lands_in_free_space_not_on_notes(qtbot: QtBot, window: MainWindow, prompts: Prompts) -> None:
    board = open_board(window)
    frames = [item.frame() for item in board.scene.themes.values()]
    top = min(f.y for f in frames)
    old_spot = QPointF(max(f.x + f.width for f in frames if f.y < top + 1) + 60, top)  # where themes used to land
    loose = next(item for item in board.scene.notes.values() if item.idea.theme_id is None)
    drag(qtbot, board, loose.centre(), old_spot + QPointF(120, 80))
    board.scene.clearSelection()
    prompts.text_answer = "Nouveau thème"
    qtbot.keyClick(board.canvas, Qt.Key.Key_G, CTRL)
    new = next(item for item in board.scene.themes.values() if item.theme.name == "Nouveau thème")
    for note in board.scene.notes.values():
        assert not _rect(new).intersects(_rect(note)), note.idea.text  # type: ignore[attr-defined]
    for other in board.scene.themes.values():
        assert other is new or not _rect(new).intersects(_rect(other))  # type: ignore[attr-defined]


def test_a_theme_grows_as_a_note_is_dropped_at_its_edge_in_one_undo_step(qtbot: QtBot, window: MainWindow) -> None:
    board = open_board(window)
    loose = next(item for item in board.scene.notes.values() if item.idea.theme_id is None)
    target = next(iter(board.scene.themes.values()))
    before = target.frame()
    corner = target.pos() + QPointF(before.width - 10, before.height - 10)  # the note's centre just inside
    drag(qtbot, board, loose.centre(), corner)
    note, grown = board.scene.notes[loose.idea.id], board.scene.themes[target.theme.id]
    assert note.idea.theme_id == target.theme.id
    assert grown.frame().width > before.width and grown.frame().height > before.height
    assert _rect(grown).contains(_rect(note))  # type: ignore[attr-defined]
    saved_theme = window.document.workspace.themes.get(target.theme.id)  # type: ignore[union-attr]
    assert (saved_theme.width, saved_theme.height) == (grown.frame().width, grown.frame().height)
    assert window.document.undo_stack.undoText() == f"Put 1 note in “{target.theme.name}”"  # type: ignore[union-attr]
    undo(qtbot, window)
    assert board.scene.themes[target.theme.id].frame() == before
    assert saved(window, loose.idea.id).theme_id is None


def test_note_text_at_the_console_is_at_least_11_pixels(qtbot: QtBot, window: MainWindow) -> None:
    from workshop_desk.domain.ideas import ArrangeBy

    window.resize(1366, 768)
    window.select_sitting(WORKSHOP)
    page = window.sitting_page
    assert page is not None
    page.tabs.setCurrentIndex(page.IDEAS_TAB)  # shown as the page frames it by itself
    board = page.board_page
    qtbot.waitUntil(lambda: not board._fit_pending)

    def smallest_seen() -> float:
        board.canvas.viewport().grab()  # painted: each note has chosen its font
        seen = board.canvas.mapToScene(board.canvas.viewport().rect()).boundingRect()
        shown = [n for n in board.scene.notes.values() if seen.intersects(n.sceneBoundingRect()) and n.isVisible()]
        assert shown
        return min(n._font_px for n in shown) * board.canvas.scale_factor()

    assert smallest_seen() >= 11.0
    board.arrange(ArrangeBy.THEME)
    assert smallest_seen() >= 11.0
