"""Packages coming back, at the console: File › Import packages (check, review of walk-ins, import, summary),
File › Conflicts (side by side, the version set aside taken and taken back with Ctrl+Z), and where things came
from (the programme page, each sitting's header) — driven through the real menus, dialogs and buttons."""

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QComboBox, QLabel
from pytestqt.qtbot import QtBot

from workshop_desk.domain.ideas import IdeaDraft
from workshop_desk.domain.models import ParticipantDraft, ProgrammeDraft
from workshop_desk.domain.packages import LaptopPlan
from workshop_desk.services.demo_laptop import LAPTOP, round_trip
from workshop_desk.services.workspace import Workspace
from workshop_desk.ui.dialogs.conflicts import ConflictsDialog
from workshop_desk.ui.dialogs.import_packages import ImportPackagesDialog
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.models.import_rows_model import ReviewModel
from workshop_desk.ui.shell import Shell

SANTE = 3  # the demo's Santé workshop, whose work came back from a laptop
METIERS = 2


def laptop_package(window: MainWindow, folder: Path, name: str, sitting_id: int,
                   work: Callable[[Workspace, int], None]) -> Path:
    """A laptop prepared from the open programme, `work(laptop, sitting)` done on it, its package brought back."""
    assert window.document is not None
    folder.mkdir()
    return round_trip(window.document.workspace, folder, name, sitting_id,
                      lambda laptop: work(laptop, laptop.sittings.all()[0].id))


def choose_packages(monkeypatch: pytest.MonkeyPatch, paths: list[Path]) -> None:
    from workshop_desk.ui import prompts

    monkeypatch.setattr(prompts, "open_packages", lambda _parent: paths)


def import_from_menu(qtbot: QtBot, window: MainWindow) -> ImportPackagesDialog:
    window.actions_by_name["import_packages"].trigger()
    dialog = window.findChild(ImportPackagesDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is not dialog.stack.widget(0), timeout=10_000)
    return dialog


def open_choice(qtbot: QtBot, dialog: ImportPackagesDialog, row: int) -> QComboBox:
    view = dialog.review.view
    rect = view.visualRect(dialog.review.model.index(row, ReviewModel.CHOICE_COLUMN))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = view.viewport().findChild(QComboBox)
    assert editor is not None
    return editor


def test_a_walk_in_met_in_the_registry_is_reviewed_without_skip_then_merged(qtbot, window, monkeypatch, tmp_path,
                                                                           shell: Shell):
    document = window.document
    assert document is not None
    known = document.participants()[5]

    def work(laptop: Workspace, sitting_id: int) -> None:
        laptop.attendance.walk_in(sitting_id, ParticipantDraft(known.first_name, known.last_name,
                                                               organisation=known.organisation, role="Walk-in"))
        laptop.ideas.add(sitting_id, IdeaDraft("Une navette entre les ateliers"))

    package = laptop_package(window, tmp_path / "stick", "Atelier Métiers — Julie", METIERS, work)
    not_a_package = tmp_path / "notes.wdpack"
    not_a_package.write_text("not a package")
    choose_packages(monkeypatch, [package, not_a_package])
    backups_before = len(document.workspace.backups.all())

    dialog = import_from_menu(qtbot, window)
    assert dialog.stack.currentWidget() is dialog.review
    assert dialog.refusals.text() == "“notes.wdpack” is not a Workshop Desk package."
    assert dialog.heading.text() == "Check before importing"
    assert "1 person the registry does not know by their badge" in dialog.intro.text()
    model = dialog.review.model
    assert model.rowCount() == 1
    assert model.index(0, 1).data() == "In the registry"
    assert model.index(0, ReviewModel.CHOICE_COLUMN).data() == "Merge ▾"
    assert "cannot be skipped: their sign-ins and votes come with them" in \
        model.index(0, ReviewModel.CHOICE_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert not dialog.review.skip_all_button.isVisible()
    editor = open_choice(qtbot, dialog, 0)
    assert [editor.itemText(i) for i in range(editor.count())] == ["Merge", "Add as new"]
    qtbot.keyClick(editor, Qt.Key.Key_Escape)

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.summary, timeout=10_000)
    assert dialog.heading.text() == "Import finished"
    lines = dialog.summary.text().splitlines()
    assert lines[0] == ("Atelier Métiers — Julie.wdpack: 1 added, 2 updated, 0 deleted, 0 left as they were, "
                        "0 conflicts.")
    assert "A backup copy of the programme was taken just before the import" in lines[-1]
    assert "File › Restore from backup goes back to it" in lines[-1]
    assert len(document.workspace.backups.all()) == backups_before + 1
    assert not dialog.conflicts_button.isVisible()
    assert not document.undo_stack.canUndo()  # not an undo step: the backup is the way back

    # The registry has no second record of the walk-in: they were merged into the one it held, signed in.
    same = [p for p in document.participants() if (p.first_name, p.last_name) == (known.first_name,
                                                                                 known.last_name)]
    assert [p.id for p in same] == [known.id]
    window.select_sitting(METIERS)
    page = window.sitting_page
    assert page is not None
    assert page.origin_label.text().startswith("Last worked on: Atelier Métiers — Julie · ")
    assert any(n.idea.text == "Une navette entre les ateliers" for n in page.board_page.scene.notes.values())
    window.show_programme()
    assert window.programme_page is not None
    assert "2 packages imported · 1 conflict" in window.programme_page.summary.text()
    assert shown_text(window.programme_page.packages.list).startswith("Atelier Métiers — Julie · imported ")
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)


def test_packages_that_need_no_review_are_imported_at_once(qtbot, window, monkeypatch, tmp_path):
    def work(laptop: Workspace, sitting_id: int) -> None:
        laptop.ideas.add(sitting_id, IdeaDraft("Une idée du portable"))

    choose_packages(monkeypatch, [laptop_package(window, tmp_path / "stick", "Portable B", METIERS, work)])
    dialog = import_from_menu(qtbot, window)
    assert dialog.stack.currentWidget() is dialog.summary
    assert dialog.summary.text().splitlines()[0] == \
        "Portable B.wdpack: 1 added, 0 updated, 0 deleted, 0 left as they were, 0 conflicts."
    assert not dialog.refusals.isVisible()


def test_packages_all_refused_import_nothing_and_say_why(qtbot, window, monkeypatch, tmp_path):
    assert window.document is not None
    (handout,) = window.document.workspace.packages.prepare([LaptopPlan("Portable C", (METIERS,))], tmp_path)
    imported_before = window.document.workspace.packages.imported()
    choose_packages(monkeypatch, [handout])
    dialog = import_from_menu(qtbot, window)
    assert dialog.heading.text() == "Nothing was imported."
    assert dialog.refusals.text() == ("“Portable C.wdpack” was prepared for a laptop and holds no work yet: open it "
                                      "on that laptop.")
    assert window.document.workspace.packages.imported() == imported_before


def shown_text(label: QLabel) -> str:
    """A rich-text label's text as the reader sees it."""
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText().strip()


def conflicts_from_menu(window: MainWindow) -> ConflictsDialog:
    window.actions_by_name["conflicts"].trigger()
    dialog = window.findChild(ConflictsDialog)
    assert dialog is not None
    return dialog


def role_of(window: MainWindow, name: str) -> str:
    assert window.document is not None
    return next(p.role for p in window.document.participants() if p.full_name == name)


def test_the_conflict_side_by_side_its_other_version_taken_then_taken_back_with_ctrl_z(qtbot, window):
    dialog = conflicts_from_menu(window)
    model = dialog.model
    assert model.rowCount() == 1
    kind, what, kept, other = (model.index(0, column).data() for column in range(4))
    assert (kind, what) == ("Participant", "Hugo Chevalier")
    assert kept.startswith(f"{LAPTOP} · ") and other.startswith("this laptop · ")
    rows = [[dialog.differences.item(0, c).text() for c in range(3)]]
    assert rows == [["Role", "Coordination du contrat local de santé", "Responsable prévention santé"]]
    assert dialog.differences.horizontalHeaderItem(1).text().startswith(f"Kept: {LAPTOP} · ")
    assert role_of(window, "Hugo Chevalier") == "Coordination du contrat local de santé"

    qtbot.mouseClick(dialog.take_button, Qt.MouseButton.LeftButton)
    assert role_of(window, "Hugo Chevalier") == "Responsable prévention santé"
    assert model.index(0, 2).data().startswith("this laptop · ")
    assert dialog.differences.item(0, 1).text() == "Responsable prévention santé"

    dialog.windowHandle().requestActivate()  # the list stays open: Ctrl+Z works in it as in the console
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert role_of(window, "Hugo Chevalier") == "Coordination du contrat local de santé"
    assert model.index(0, 2).data().startswith(f"{LAPTOP} · ")
    qtbot.keyClick(dialog.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert role_of(window, "Hugo Chevalier") == "Responsable prévention santé"
    dialog.close()


def test_a_programme_without_conflicts_says_so(qtbot, shell: Shell, tmp_path):
    Workspace.create(tmp_path / "new.wdesk", ProgrammeDraft(title="Nouveau"), tmp_path / "backups").database.close()
    assert shell.open_path(tmp_path / "new.wdesk")
    assert shell.window is not None and shell.window.programme_page is not None
    assert not shell.window.programme_page.packages.isVisibleTo(shell.window)
    assert not shell.window.programme_page.conflicts_button.isVisibleTo(shell.window)
    dialog = conflicts_from_menu(shell.window)
    assert dialog.stack.currentWidget() is dialog.empty
    assert dialog.empty.text() == "No conflicts: nothing imported was changed on two laptops apart."
    assert not dialog.take_button.isVisibleTo(dialog)
    dialog.close()


def test_the_programme_page_lists_the_package_and_each_sitting_says_where_it_was_last_worked_on(qtbot, window):
    page = window.programme_page
    assert page is not None
    assert page.summary.text() == "8 sittings · 1 package imported · 1 conflict"
    heading, did = shown_text(page.packages.list).splitlines()
    assert heading.startswith(f"{LAPTOP} · imported ") and heading.endswith(" · Sittings: Atelier Santé")
    assert did == f"{LAPTOP}.wdpack: 4 added, 2 updated, 0 deleted, 0 left as they were, 1 conflict."
    qtbot.mouseClick(page.conflicts_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(ConflictsDialog)
    assert dialog is not None and dialog.model.rowCount() == 1
    dialog.close()
    window.select_sitting(SANTE)
    assert window.sitting_page is not None
    assert window.sitting_page.origin_label.text().startswith(f"Last worked on: {LAPTOP} · ")
    window.select_sitting(METIERS)
    assert window.sitting_page.origin_label.text().startswith("Last worked on: this laptop · ")


def test_in_french(qtbot, window, french):
    dialog = conflicts_from_menu(window)
    assert dialog.model.headerData(2, Qt.Orientation.Horizontal) == "Version gardée"
    assert dialog.model.index(0, 3).data().startswith("ce portable · ")
    assert dialog.differences.item(0, 0).text() == "Fonction"
    dialog.close()
    window.select_sitting(SANTE)
    assert window.sitting_page is not None
    assert window.sitting_page.origin_label.text().startswith(f"Dernière modification\u00a0: {LAPTOP} · ")
