"""Driving the console as a facilitator would: programme, sittings, agenda, undo."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from tests.keys import type_text
from tests.ui.conftest import Prompts
from workshop_desk.domain.models import ItemDraft
from workshop_desk.ui.dialogs.new_sitting import NewSittingDialog
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.models.agenda_model import Column
from workshop_desk.ui.shell import Shell


def _add_sitting_from_template(qtbot: QtBot, window: MainWindow, monkeypatch: object, key: str,
                               title: str) -> None:
    def fill_and_accept(dialog: NewSittingDialog) -> int:
        dialog.template_combo.setCurrentIndex(dialog.template_combo.findData(key))
        dialog.title_edit.clear()
        type_text(dialog.title_edit, title)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewSittingDialog, "exec", fill_and_accept)  # type: ignore[attr-defined]
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def test_create_a_programme_and_a_sitting_from_a_template(
    qtbot: QtBot, shell: Shell, prompts: Prompts, tmp_path: Path, monkeypatch: object
) -> None:
    window = shell.window
    assert window is not None
    prompts.text_answer = "Démarche Gare-Confluence"
    prompts.save_answer = tmp_path / "gare.wdesk"
    qtbot.mouseClick(window.start_page.new_button, Qt.MouseButton.LeftButton)
    assert window.programme_page is not None
    assert window.programme_page.title_edit.text() == "Démarche Gare-Confluence"
    assert window.no_sittings.isVisible()

    _add_sitting_from_template(qtbot, window, monkeypatch, "world_cafe", "Café des entrepreneurs 🚀")

    assert window.sittings_model.rowCount() == 1
    assert window.sitting_page is not None and window.pages.currentWidget() is window.sitting_page
    assert window.sitting_page.heading.text() == "Café des entrepreneurs 🚀"
    titles = [window.sitting_page.agenda_editor.model.item(r).title for r in range(8)]
    assert titles[2] == "Round 1"
    saved = shell.document.workspace.sittings.all()  # type: ignore[union-attr]
    assert [s.title for s in saved] == ["Café des entrepreneurs 🚀"]


def test_reorder_agenda_items_with_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    window.select_sitting(2)
    editor = window.sitting_page.agenda_editor  # type: ignore[union-attr]
    first, second = editor.model.item(0), editor.model.item(1)
    editor.view.setFocus()
    editor.view.selectRow(0)
    qtbot.keyClick(editor.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    saved = window.document.workspace.agenda.items(2)  # type: ignore[union-attr]
    assert [saved[0].id, saved[1].id] == [second.id, first.id]
    assert editor.selected_row() == 1
    # The computed start times follow the new order.
    assert editor.model.index(0, Column.START).data() == "14:00"
    assert editor.model.index(1, Column.START).data() == f"14:{second.planned_minutes:02d}"

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    saved = window.document.workspace.agenda.items(2)  # type: ignore[union-attr]
    assert [saved[0].id, saved[1].id] == [first.id, second.id]


def test_edit_an_item_title_in_place_then_undo_and_redo(qtbot: QtBot, window: MainWindow) -> None:
    window.select_sitting(2)
    editor = window.sitting_page.agenda_editor  # type: ignore[union-attr]
    index = editor.model.index(2, Column.TITLE)
    editor.view.setCurrentIndex(index)
    editor.view.edit(index)
    line = editor.view.viewport().findChild(QLineEdit)
    assert line is not None
    line.selectAll()
    type_text(line, "Diagnostic partagé ✔")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    agenda = window.document.workspace.agenda  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: agenda.items(2)[2].title == "Diagnostic partagé ✔")  # the view commits queued
    assert editor.model.index(2, Column.TITLE).data() == "Diagnostic partagé ✔"

    window.actions_by_name["undo"].trigger()
    assert agenda.items(2)[2].title == "Diagnostic de la filière métiers d'art"
    window.actions_by_name["redo"].trigger()
    assert agenda.items(2)[2].title == "Diagnostic partagé ✔"


def test_an_empty_sitting_title_is_refused_and_nothing_changes(qtbot: QtBot, window: MainWindow) -> None:
    window.select_sitting(3)
    page = window.sitting_page
    assert page is not None
    page.form.title_edit.setFocus()
    page.form.title_edit.selectAll()
    qtbot.keyClick(page.form.title_edit, Qt.Key.Key_Delete)
    qtbot.keyClick(page.form.title_edit, Qt.Key.Key_Tab)
    assert page.status.isVisible()
    assert "empty" in page.status.text()
    assert window.document.agenda(3).sitting.title == "Atelier Santé"  # type: ignore[union-attr]


def test_ten_thousand_characters_in_objectives_are_refused_with_a_message(qtbot: QtBot, window: MainWindow) -> None:
    page = window.programme_page
    assert page is not None
    before = window.document.programme().objectives  # type: ignore[union-attr]
    page.objectives_edit.setFocus()
    page.objectives_edit.setPlainText("x" * 10_001)
    page.title_edit.setFocus()
    assert page.status.isVisible() and "too long" in page.status.text()
    assert window.document.programme().objectives == before  # type: ignore[union-attr]


def test_agenda_over_the_available_time_shows_a_warning(qtbot: QtBot, window: MainWindow) -> None:
    window.select_sitting(2)
    editor = window.sitting_page.agenda_editor  # type: ignore[union-attr]
    assert not editor.budget_label.text().startswith("⚠")
    window.document.add_item(2, ItemDraft("Témoignage", planned_minutes=25))  # type: ignore[union-attr]
    assert editor.budget_label.text().startswith("⚠")
    assert "25 min over" in editor.budget_label.text()
    assert "16:55" in editor.budget_label.text()


def test_add_and_delete_items_with_keys(qtbot: QtBot, window: MainWindow) -> None:
    window.select_sitting(2)
    editor = window.sitting_page.agenda_editor  # type: ignore[union-attr]
    editor.view.setFocus()
    editor.view.selectRow(0)
    qtbot.keyClick(editor.view, Qt.Key.Key_Insert)
    line = editor.view.viewport().findChild(QLineEdit)
    assert line is not None and line.text() == "New item"  # the new item opens for editing
    qtbot.keyClick(line, Qt.Key.Key_Escape)
    items = window.document.workspace.agenda.items(2)  # type: ignore[union-attr]
    assert len(items) == 10 and items[1].title == "New item"
    editor.view.setFocus()
    editor.view.selectRow(1)
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    assert len(window.document.workspace.agenda.items(2)) == 9  # type: ignore[union-attr]


def test_duplicate_delete_and_undo_a_sitting(qtbot: QtBot, window: MainWindow, prompts: Prompts) -> None:
    window.select_sitting(2)
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    names = [window.sittings_model.sitting(r).title for r in range(window.sittings_model.rowCount())]
    assert names[2] == "Atelier Métiers d'art (copy)"
    copy_id = window.current_sitting_id()
    window.actions_by_name["delete_sitting"].trigger()
    assert window.sittings_model.row_of(copy_id) == -1  # type: ignore[arg-type]
    window.actions_by_name["undo"].trigger()
    assert window.sittings_model.row_of(copy_id) == 2  # type: ignore[arg-type]
    assert len(window.document.agenda(copy_id).items) == 9  # type: ignore[arg-type, union-attr]


def test_move_a_sitting_with_alt_down(qtbot: QtBot, window: MainWindow) -> None:
    window.select_sitting(1)
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [s.id for s in window.document.sittings()][:2] == [2, 1]  # type: ignore[union-attr]
    assert window.current_sitting_id() == 1


def test_choose_a_logo_then_a_bad_one_then_remove_it(
    qtbot: QtBot, window: MainWindow, prompts: Prompts, tmp_path: Path, monkeypatch: object
) -> None:
    from PySide6.QtGui import QColor, QImage

    from workshop_desk.ui import prompts as prompts_module

    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#E53935"))
    logo = tmp_path / "logo.png"
    image.save(str(logo))
    page = window.programme_page
    assert page is not None
    monkeypatch.setattr(prompts_module, "open_image", lambda _p: logo)  # type: ignore[attr-defined]
    qtbot.mouseClick(page.logo_button, Qt.MouseButton.LeftButton)
    assert window.document.programme().logo == logo.read_bytes()  # type: ignore[union-attr]
    assert page.logo_label.pixmap() is not None and not page.logo_label.pixmap().isNull()

    not_an_image = tmp_path / "notes.txt"
    not_an_image.write_text("bonjour")
    monkeypatch.setattr(prompts_module, "open_image", lambda _p: not_an_image)  # type: ignore[attr-defined]
    qtbot.mouseClick(page.logo_button, Qt.MouseButton.LeftButton)
    assert "PNG, JPEG or SVG" in page.status.text()
    assert window.document.programme().logo == logo.read_bytes()  # type: ignore[union-attr]

    qtbot.mouseClick(page.logo_remove_button, Qt.MouseButton.LeftButton)
    assert window.document.programme().logo is None  # type: ignore[union-attr]


def test_keyboard_shortcuts_are_listed_with_f1(qtbot: QtBot, window: MainWindow, monkeypatch: object) -> None:
    from workshop_desk.ui.dialogs.shortcuts import ShortcutsDialog

    shown: list[ShortcutsDialog] = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda self: shown.append(self) or 0)  # type: ignore[attr-defined]
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert len(shown) == 1
    table = shown[0].table
    rows = {table.item(r, 1).text(): table.item(r, 0).text() for r in range(table.rowCount())}
    assert rows["Show or hide the projector"] == "F5"
    assert rows["Next item"].startswith("PgDown")
    assert "Ctrl+Z" in rows["Undo"]
