"""The import dialog, driven with real clicks and keys: file, mapping, review with choices, import, summary."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QWizard
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.factories import make_workspace
from tests.spreadsheets import messy_rows, people_rows, write_csv, write_xlsx
from workshop_desk.domain.importing_plan import Choice, Decisions, RowKind
from workshop_desk.domain.models import ParticipantDraft
from workshop_desk.services.workspace import Workspace
from workshop_desk.ui import prompts as prompts_module
from workshop_desk.ui.dialogs.import_participants import ImportParticipantsDialog
from workshop_desk.ui.document import Document
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.models.import_rows_model import PreviewModel, ReviewModel


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    """Two sittings, and Léa Moreau already in the registry."""
    ws = make_workspace(tmp_path, sittings=2)
    ws.participants.add(ParticipantDraft("Léa", "Moreau", organisation="Région", email="lea@region.fr"))
    yield ws
    ws.database.close()


@pytest.fixture
def document(workspace: Workspace) -> Document:
    return Document(workspace)


@pytest.fixture
def chosen_file(monkeypatch: pytest.MonkeyPatch) -> list[Path | None]:
    """What the file chooser answers: set `chosen_file[0]`."""
    answer: list[Path | None] = [None]
    monkeypatch.setattr(prompts_module, "open_spreadsheet", lambda _parent: answer[0])
    return answer


def open_dialog(qtbot: QtBot, document: Document, sitting_id: int | None) -> ImportParticipantsDialog:
    dialog = ImportParticipantsDialog(document, sitting_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click(qtbot: QtBot, dialog: ImportParticipantsDialog, which: QWizard.WizardButton) -> None:
    button = dialog.button(which)
    assert button.isEnabled() and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose_in_review(qtbot: QtBot, dialog: ImportParticipantsDialog, line: int, key: Qt.Key) -> None:
    """Click the 'What to do' cell of a row: its combo opens; a key picks, Return confirms."""
    page = dialog.review_page
    index = page.cases.model.index(page.cases.model.row_of(line), ReviewModel.CHOICE_COLUMN)
    page.cases.view.scrollTo(index)
    rect = page.cases.view.visualRect(index)
    qtbot.mouseClick(page.cases.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = page.cases.view.viewport().findChild(QComboBox)
    assert editor is not None
    qtbot.keyClick(editor, key)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_the_whole_import_with_real_clicks(qtbot, document, workspace, chosen_file, prompts, tmp_path):
    chosen_file[0] = write_xlsx(tmp_path / "inscrits.xlsx", messy_rows())
    sitting = workspace.sittings.all()[1].id
    dialog = open_dialog(qtbot, document, sitting)
    assert not dialog.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.mouseClick(dialog.file_page.choose_button, Qt.MouseButton.LeftButton)
    assert "“inscrits.xlsx”: 7 rows below the header (row 3)." in dialog.file_page.file_label.text()
    click(qtbot, dialog, QWizard.WizardButton.NextButton)

    # Mapping: the guesses are preselected; "Inscrit le" (not imported) goes to the notes.
    page = dialog.mapping_page
    assert [c.currentText() for c in page.combos[:3]] == ["Civility", "Last name", "First name"]
    assert page.combos[8].currentText() == "(do not import)"
    assert page.columns_note.text() == "Column I “Inscrit le” was not recognised and will not be imported."
    page.combos[8].setFocus()
    qtbot.keyClick(page.combos[8], Qt.Key.Key_End)
    assert page.combos[8].currentText() == "Notes"
    assert page.columns_note.isHidden()
    assert page.preview_model.index(0, 7).data() == "2027-01-03"
    click(qtbot, dialog, QWizard.WizardButton.NextButton)

    # Review: row 7 repeats row 6 (merge suggested): skip it; Léa, in the registry, is merged as suggested.
    review = dialog.review_page
    assert review.cases.model.rowCount() == 5
    assert review.sitting_combo.currentData() == sitting
    assert review.cases.model.index(review.cases.model.row_of(7), ReviewModel.CHOICE_COLUMN).data() == "Merge ▾"
    choose_in_review(qtbot, dialog, 7, Qt.Key.Key_End)
    assert review.cases.model.index(review.cases.model.row_of(7), ReviewModel.CHOICE_COLUMN).data() == "Skip ▾"
    qtbot.mouseClick(review.groups_check, Qt.MouseButton.LeftButton, pos=QPoint(8, review.groups_check.height() // 2))
    assert not review.groups_check.isChecked()
    with qtbot.waitSignals([document.participants_changed, document.attendance_changed]):
        click(qtbot, dialog, QWizard.WizardButton.CommitButton)

    assert dialog.currentPage() is dialog.done_page
    assert dialog.done_page.totals.text() == "Added: 4 · merged: 1 · skipped: 2"
    assert "Skipped, repeated in the file: 1 (row 7)" in dialog.done_page.summary.text()
    people = {p.last_name: p for p in workspace.participants.all()}
    assert sorted(people) == ["Bernard", "Dupont", "Le Goff", "Martin", "Moreau"]
    assert people["Le Goff"].notes == "2027-01-03"
    assert people["Moreau"].role == "Directrice"  # merged: the blank filled
    assert people["Dupont"].group_id is None  # groups not created, as chosen
    statuses = workspace.attendance.statuses(sitting)
    assert len(statuses) == 5 and {str(a.status) for a in statuses.values()} == {"registered"}
    assert prompts.errors == []
    click(qtbot, dialog, QWizard.WizardButton.FinishButton)


def test_a_name_column_is_required_before_going_on(qtbot, document, chosen_file, tmp_path):
    chosen_file[0] = write_csv(tmp_path / "inscrits.csv", messy_rows(), ";", "utf-8", bom=True)
    dialog = open_dialog(qtbot, document, None)
    qtbot.mouseClick(dialog.file_page.choose_button, Qt.MouseButton.LeftButton)
    assert "UTF-8, semicolons" in dialog.file_page.file_label.text()
    click(qtbot, dialog, QWizard.WizardButton.NextButton)
    page = dialog.mapping_page
    for column in (1, 2):  # last and first names → not imported
        page.combos[column].setFocus()
        qtbot.keyClick(page.combos[column], Qt.Key.Key_Home)
    assert not dialog.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "column that holds the names" in page.status.text()
    qtbot.keyClick(page.combos[1], Qt.Key.Key_Down)  # civility… then the next choices
    qtbot.keyClick(page.combos[1], Qt.Key.Key_Down)
    qtbot.keyClick(page.combos[1], Qt.Key.Key_Down)
    assert page.combos[1].currentText() == "Last name"
    assert dialog.button(QWizard.WizardButton.NextButton).isEnabled()
    assert page.status.isHidden()


def test_a_file_that_cannot_be_read_is_explained_and_blocks_the_next_step(qtbot, document, chosen_file, tmp_path):
    chosen_file[0] = tmp_path / "vide.xlsx"
    chosen_file[0].write_bytes(b"")
    dialog = open_dialog(qtbot, document, None)
    qtbot.mouseClick(dialog.file_page.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.file_page.status.text() == "“vide.xlsx” is empty."
    assert not dialog.button(QWizard.WizardButton.NextButton).isEnabled()
    chosen_file[0] = None  # the chooser cancelled: nothing changes
    qtbot.mouseClick(dialog.file_page.choose_button, Qt.MouseButton.LeftButton)
    assert not dialog.button(QWizard.WizardButton.NextButton).isEnabled()


def test_merge_all_then_skip_all(qtbot, document, workspace, chosen_file, tmp_path):
    chosen_file[0] = write_xlsx(tmp_path / "inscrits.xlsx", messy_rows())
    dialog = open_dialog(qtbot, document, None)
    qtbot.mouseClick(dialog.file_page.choose_button, Qt.MouseButton.LeftButton)
    click(qtbot, dialog, QWizard.WizardButton.NextButton)
    click(qtbot, dialog, QWizard.WizardButton.NextButton)
    review = dialog.review_page
    qtbot.mouseClick(review.cases.merge_all_button, Qt.MouseButton.LeftButton)
    assert review.cases.model.index(review.cases.model.row_of(10), ReviewModel.CHOICE_COLUMN).data() == "Merge ▾"
    qtbot.mouseClick(review.cases.skip_all_button, Qt.MouseButton.LeftButton)
    model = review.cases.model
    texts = {model.index(row, ReviewModel.CHOICE_COLUMN).data() for row in range(model.rowCount())}
    assert texts == {"Skip ▾", "Skip"}
    with qtbot.waitSignal(document.participants_changed):
        click(qtbot, dialog, QWizard.WizardButton.CommitButton)
    assert dialog.done_page.totals.text() == "Added: 2 · merged: 0 · skipped: 5"
    assert len(workspace.participants.all()) == 3


def test_a_failed_import_stays_on_the_review_page_and_writes_nothing(qtbot, document, workspace, chosen_file,
                                                                     tmp_path):
    chosen_file[0] = write_xlsx(tmp_path / "inscrits.xlsx", messy_rows())
    dialog = open_dialog(qtbot, document, workspace.sittings.all()[0].id)
    qtbot.mouseClick(dialog.file_page.choose_button, Qt.MouseButton.LeftButton)
    click(qtbot, dialog, QWizard.WizardButton.NextButton)
    click(qtbot, dialog, QWizard.WizardButton.NextButton)
    workspace.participants.delete_many([workspace.participants.all()[0].id])  # Léa, whom the file matched
    before = workspace.participants.all()
    click(qtbot, dialog, QWizard.WizardButton.CommitButton)
    assert dialog.currentPage() is dialog.review_page
    assert "deleted from the registry meanwhile" in dialog.review_page.status.text()
    assert workspace.participants.all() == before


def test_into_the_demo_programme_from_the_console(qtbot, window: MainWindow, chosen_file, tmp_path):
    document = window.document
    assert document is not None
    before = len(document.workspace.participants.all())
    chosen_file[0] = write_xlsx(tmp_path / "inscrits.xlsx", people_rows(20))
    dialog = ImportParticipantsDialog(document, None, window)
    dialog.show()
    qtbot.mouseClick(dialog.file_page.choose_button, Qt.MouseButton.LeftButton)
    click(qtbot, dialog, QWizard.WizardButton.NextButton)
    click(qtbot, dialog, QWizard.WizardButton.NextButton)
    assert dialog.review_page.cases.filter_combo.currentText() == "All rows (20)"  # nothing to look at
    click(qtbot, dialog, QWizard.WizardButton.CommitButton)
    assert len(document.workspace.participants.all()) == before + 20
    dialog.close()


def test_five_thousand_rows_make_one_table_model_not_widgets(qtbot, document, chosen_file, tmp_path):
    chosen_file[0] = write_csv(tmp_path / "big.csv", people_rows(5_000) + people_rows(10)[1:], "\t")
    dialog = open_dialog(qtbot, document, None)
    qtbot.mouseClick(dialog.file_page.choose_button, Qt.MouseButton.LeftButton)
    click(qtbot, dialog, QWizard.WizardButton.NextButton)
    click(qtbot, dialog, QWizard.WizardButton.NextButton)
    review = dialog.review_page
    assert review.cases.model.rowCount() == 10
    review.cases.filter_combo.setCurrentIndex(1)
    assert review.cases.model.rowCount() == 5_010
    assert len(review.cases.view.viewport().findChildren(QComboBox)) == 0
    assert review.cases.model.planned(0).kind == RowKind.OK


def test_models_pass_qts_checks(qtmodeltester: ModelTester, document, tmp_path):
    from workshop_desk.services.importing import ImportService

    service = ImportService(document.workspace.database)
    table = service.read(write_xlsx(tmp_path / "inscrits.xlsx", messy_rows()))
    preview = PreviewModel()
    preview.set_rows(service.preview(table, service.guess(table)))
    qtmodeltester.check(preview)
    review = ReviewModel(Decisions())
    review.set_rows(list(service.plan(table, service.guess(table)).rows))
    qtmodeltester.check(review)
    index = review.index(review.row_of(7), ReviewModel.CHOICE_COLUMN)
    assert review.setData(index, "skip") and review.decisions.choices == {7: Choice.SKIP}
    assert not review.setData(review.index(review.row_of(8), ReviewModel.CHOICE_COLUMN), "add")  # nameless
    assert not review.setData(index, "nonsense")


def _mixed_csv(path: Path) -> Path:
    """Header and one person in UTF-8, two people in Windows-1252, a quotation mark never closed, a date column."""
    lines = [("Nom;Prénom;Structure;Inscrit le", "utf-8"), ("Moreau;Léa;Région;lundi", "cp1252"),
             ("Le Goff;Éloïse;CCI;mardi", "utf-8"), ('Dupont;"Jérôme;Mairie;mardi', "cp1252"),
             ("Martin;Chloé;Asso;mercredi", "utf-8")]
    path.write_bytes(b"".join((text + "\r\n").encode(encoding) for text, encoding in lines))
    return path


def choose_encoding(qtbot: QtBot, combo: QComboBox, key: Qt.Key) -> None:
    """Pick in the 'Read the file as' list with the keyboard, as a user would."""
    combo.setFocus()
    qtbot.keyClick(combo, key)


def test_lines_that_look_misread_are_shown_and_the_file_read_again_in_the_chosen_encoding(
        qtbot, document, workspace, chosen_file, prompts, tmp_path):
    chosen_file[0] = _mixed_csv(tmp_path / "inscrits.csv")
    dialog = open_dialog(qtbot, document, None)
    qtbot.mouseClick(dialog.file_page.choose_button, Qt.MouseButton.LeftButton)
    notes = dialog.file_page.notes
    assert notes.isVisible() and notes.lines.isVisible()
    assert "mixes two encodings (UTF-8 + Windows-1252)" in notes.text.text()
    assert "Line 4 opens a quotation mark that is never closed" in notes.text.text()
    assert [notes.lines.item(n).text() for n in range(notes.lines.count())] == [
        "2: Moreau;Léa;Région;lundi", "4: Dupont;\"Jérôme;Mairie;mardi"]  # the rarer encoding's lines
    assert notes.encoding_combo.currentText() == "Automatic (detected: UTF-8 + Windows-1252)"

    choose_encoding(qtbot, notes.encoding_combo, Qt.Key.Key_Down)  # UTF-8: Windows-1252 bytes become �
    assert notes.encoding_combo.currentData() == "utf-8"
    assert "UTF-8, semicolons" in dialog.file_page.file_label.text()
    assert notes.lines.item(0).text() == "2: Moreau;L\ufffda;R\ufffdgion;lundi"
    choose_encoding(qtbot, notes.encoding_combo, Qt.Key.Key_Down)  # Windows-1252: 'Prénom' unrecognised
    assert "Windows-1252, semicolons" in dialog.file_page.file_label.text()
    assert "Columns B “PrÃ©nom”, D “Inscrit le” were not recognised" in notes.text.text()
    assert dialog.table is not None and dialog.table.headers[1] == "PrÃ©nom"
    assert dialog.mapping[1] is None
    choose_encoding(qtbot, notes.encoding_combo, Qt.Key.Key_Home)  # back to what the bytes suggest
    assert dialog.table.headers[1] == "Prénom" and dialog.mapping[1] is not None  # type: ignore[union-attr]
    click(qtbot, dialog, QWizard.WizardButton.NextButton)

    mapping = dialog.mapping_page
    assert mapping.columns_note.text() == "Column D “Inscrit le” was not recognised and will not be imported."
    click(qtbot, dialog, QWizard.WizardButton.NextButton)

    review = dialog.review_page
    assert review.notes.isVisible() and "mixes two encodings" in review.notes.text.text()
    assert review.cases.filter_combo.currentText() == "Rows to look at (2)"  # Léa (in the registry) and Jérôme
    model = review.cases.model
    why = {model.planned(row).line: model.index(row, 5).data() for row in range(model.rowCount())}
    assert why[4] == "Some characters may be misread. A quotation mark never closed here was left out."
    assert why[2] == "Already in the registry: Léa Moreau (Région). Some characters may be misread."
    choose_encoding(qtbot, review.notes.encoding_combo, Qt.Key.Key_End)  # DOS: checked again at once
    assert review.notes.encoding_combo.currentData() == "cp850"
    assert dialog.plan is not None and dialog.plan.rows[0].row.draft.first_name == ""  # "Prénom" misread
    assert "B “Pr├®nom”" in dialog.mapping_page.columns_note.text()  # what "Back" would show
    choose_encoding(qtbot, review.notes.encoding_combo, Qt.Key.Key_Home)
    with qtbot.waitSignal(document.participants_changed):
        click(qtbot, dialog, QWizard.WizardButton.CommitButton)
    assert sorted(p.first_name for p in workspace.participants.all()) == ["Chloé", "Jérôme", "Léa", "Éloïse"]
    assert prompts.errors == []


def test_an_encoding_that_loses_the_header_is_refused_and_the_file_stays_as_read(
        qtbot, document, workspace, chosen_file, tmp_path):
    path = tmp_path / "inscrits.csv"
    path.write_bytes("Identité;Courriel\r\n".encode() + "Léa Petit;lea@x.fr\r\nZoé Roux;zoe@x.fr\r\n".encode("cp1252"))
    chosen_file[0] = path
    dialog = open_dialog(qtbot, document, None)
    qtbot.mouseClick(dialog.file_page.choose_button, Qt.MouseButton.LeftButton)
    click(qtbot, dialog, QWizard.WizardButton.NextButton)
    click(qtbot, dialog, QWizard.WizardButton.NextButton)
    review = dialog.review_page
    plan = dialog.plan
    choose_encoding(qtbot, review.notes.encoding_combo, Qt.Key.Key_End)  # DOS: 'Identité' becomes 'Identit├®'
    assert review.status.text().startswith("No header row was found in “inscrits.csv”")
    assert dialog.plan is plan and dialog.table is not None and dialog.table.headers[0] == "Identité"
    assert review.notes.encoding_combo.currentText() == "Automatic (detected: UTF-8 + Windows-1252)"
    with qtbot.waitSignal(document.participants_changed):
        click(qtbot, dialog, QWizard.WizardButton.CommitButton)
    assert sorted(p.email for p in workspace.participants.all()) == ["lea@region.fr", "lea@x.fr", "zoe@x.fr"]
    assert {p.full_name for p in workspace.participants.all()} == {"Léa Moreau", "Léa Petit", "Zoé Roux"}
