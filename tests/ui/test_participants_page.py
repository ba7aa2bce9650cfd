"""The participant registry page: search as you type, filter, add, edit, delete, merge, invitations."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from tests.keys import type_text
from tests.ui.conftest import Prompts
from workshop_desk.domain.enums import AttendanceStatus
from workshop_desk.ui.dialogs.participant_dialog import ParticipantDialog
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.pages.participants_page import ParticipantsPage


def _page(window: MainWindow) -> ParticipantsPage:
    window.show_participants()
    assert window.participants_page is not None
    return window.participants_page


def _visible_names(page: ParticipantsPage) -> list[str]:
    return [page.proxy.index(row, 0).data() for row in range(page.proxy.rowCount())]


def test_search_ignores_accents_and_case(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(window)
    assert page.proxy.rowCount() == 60
    type_text(page.search_edit, "HELENE")
    names = _visible_names(page)
    assert names and all("Hélène" in name for name in names)
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "pharmacie gare")
    assert page.proxy.rowCount() >= 1
    for row in range(page.proxy.rowCount()):
        assert page.proxy.index(row, 1).data() == "Pharmacie de la Gare"


def test_filter_by_group(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(window)
    elected = next(g for g in window.document.groups() if g.name == "Élus")  # type: ignore[union-attr]
    page.group_combo.setCurrentIndex(page.group_combo.findData(elected.id))
    page.group_combo.activated.emit(page.group_combo.currentIndex())
    assert 0 < page.proxy.rowCount() < 60
    assert {page.proxy.index(r, 3).data() for r in range(page.proxy.rowCount())} == {"Élus"}


def test_add_a_participant_then_undo(qtbot: QtBot, window: MainWindow, monkeypatch: object) -> None:
    page = _page(window)

    def fill(dialog: ParticipantDialog) -> int:
        type_text(dialog.first_edit, "Anaïs")
        type_text(dialog.last_edit, "Kerbrat")
        type_text(dialog.email_edit, "anais@example.fr")
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
        return int(dialog.result())

    monkeypatch.setattr(ParticipantDialog, "exec", fill)  # type: ignore[attr-defined]
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.proxy.rowCount() == 61
    assert page.selected_ids() and window.document.workspace.participants.get(  # type: ignore[union-attr]
        page.selected_ids()[0]).last_name == "Kerbrat"
    window.actions_by_name["undo"].trigger()
    assert page.proxy.rowCount() == 60


def test_a_bad_email_is_refused_in_the_dialog(qtbot: QtBot, window: MainWindow, monkeypatch: object) -> None:
    page = _page(window)
    seen: list[str] = []

    def fill(dialog: ParticipantDialog) -> int:
        type_text(dialog.last_edit, "Martin")
        type_text(dialog.email_edit, "martin@@exemple")
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
        seen.append(dialog.status.text())
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(ParticipantDialog, "exec", fill)  # type: ignore[attr-defined]
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert seen and "not a valid e-mail address" in seen[0]
    assert page.proxy.rowCount() == 60


def test_delete_with_the_key_and_undo(qtbot: QtBot, window: MainWindow, prompts: Prompts) -> None:
    page = _page(window)
    page.view.setFocus()
    page.view.selectRow(0)
    gone = page.selected_ids()[0]
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert page.proxy.rowCount() == 59
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.proxy.rowCount() == 60
    assert window.document.workspace.participants.get(gone)  # type: ignore[union-attr]
    assert window.document.workspace.attendance.statuses(1)[gone]  # type: ignore[union-attr]


def test_merge_two_records(qtbot: QtBot, window: MainWindow, prompts: Prompts) -> None:
    page = _page(window)
    page.view.selectRow(0)
    page.view.selectionModel().select(page.proxy.index(1, 0), page.view.selectionModel().SelectionFlag.Select
                                      | page.view.selectionModel().SelectionFlag.Rows)
    assert page.merge_button.isEnabled()
    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    assert page.proxy.rowCount() == 59


def test_mark_a_selection_as_registered_for_a_sitting(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(window)
    page.sitting_combo.setCurrentIndex(page.sitting_combo.findData(6))
    page.sitting_combo.activated.emit(page.sitting_combo.currentIndex())
    assert not page.view.isColumnHidden(5)
    page.view.selectRow(0)
    page.view.selectionModel().select(page.proxy.index(1, 0), page.view.selectionModel().SelectionFlag.Select
                                      | page.view.selectionModel().SelectionFlag.Rows)
    ids = page.selected_ids()
    qtbot.mouseClick(page.status_buttons[AttendanceStatus.REGISTERED], Qt.MouseButton.LeftButton)
    statuses = window.document.workspace.attendance.statuses(6)  # type: ignore[union-attr]
    assert {statuses[i].status for i in ids} == {AttendanceStatus.REGISTERED}
    assert page.proxy.index(0, 5).data() == "Registered"
    window.actions_by_name["undo"].trigger()
    assert window.document.workspace.attendance.statuses(6) == {}  # type: ignore[union-attr]


def test_export_one_persons_data(qtbot: QtBot, window: MainWindow, prompts: Prompts, tmp_path: object,
                                 monkeypatch: object) -> None:
    import json
    from pathlib import Path

    from workshop_desk.ui import prompts as prompts_module

    page = _page(window)
    page.view.selectRow(0)
    person_id = page.selected_ids()[0]
    target = Path(str(tmp_path)) / "person.json"
    monkeypatch.setattr(prompts_module, "save_as", lambda *_a, **_k: target)  # type: ignore[attr-defined]
    qtbot.mouseClick(page.data_button, Qt.MouseButton.LeftButton)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["participant"]["id"] == person_id
    assert prompts.infos and str(target) in prompts.infos[0]


def test_purge_past_retention_from_the_programme_page(qtbot: QtBot, window: MainWindow, prompts: Prompts) -> None:
    page = window.programme_page
    assert page is not None
    qtbot.mouseClick(page.purge_button, Qt.MouseButton.LeftButton)  # the demo is in 2027: nothing is due
    assert prompts.infos[-1].startswith("No one's data is past the retention period")


def test_the_import_button_opens_the_import_dialog_for_the_chosen_sitting(qtbot: QtBot, window: MainWindow,
                                                                          monkeypatch: object) -> None:
    from workshop_desk.ui.dialogs.import_participants import ImportParticipantsDialog

    page = _page(window)
    page.sitting_combo.setCurrentIndex(page.sitting_combo.findData(3))
    opened: list[ImportParticipantsDialog] = []
    monkeypatch.setattr(ImportParticipantsDialog, "exec", lambda self: opened.append(self) or 0)  # type: ignore[attr-defined]
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and opened[0].sitting_id == 3
