"""Import participants from a spreadsheet: choose the file, match its columns, review the cases, import."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from workshop_desk.domain.importing import Target, carry_mapping, cell_text, has_name, target_label
from workshop_desk.domain.importing_notes import Note, column_notes, import_notes, row_remarks
from workshop_desk.domain.importing_plan import Decisions, summary_lines
from workshop_desk.domain.validation import ValidationError
from workshop_desk.i18n import _, ngettext
from workshop_desk.ui import prompts, theme
from workshop_desk.ui.dialogs.import_notes import ImportNotes
from workshop_desk.ui.dialogs.import_review import CaseReview, table_view
from workshop_desk.ui.document import Document
from workshop_desk.ui.models.import_rows_model import PreviewModel
from workshop_desk.ui.widgets.form_status import FormStatus

if TYPE_CHECKING:  # the services load after the first window is shown
    from workshop_desk.domain.importing import Mapping, SourceTable
    from workshop_desk.domain.importing_plan import ImportPlan, ImportSummary

T = TypeVar("T")


@contextmanager
def _busy() -> Iterator[None]:
    """A wait cursor while a 10,000-row file is read, checked or imported (about a second each)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class ImportParticipantsDialog(QWizard):
    """Four steps; the import itself is one transaction, confirmed on screen only once committed."""

    def __init__(self, document: Document, sitting_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document  # its workspace reads, checks and plans; the import itself is a command
        self.sitting_id = sitting_id
        self.path: Path | None = None
        self.table: SourceTable | None = None
        self.mapping: Mapping = ()
        self.guessed: Mapping = ()  # the mapping first proposed: a column left out was not recognised, or chosen
        self.plan: ImportPlan | None = None
        self.decisions = Decisions()
        self.summary: ImportSummary | None = None
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.setWindowTitle(_("Import participants"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.resize(980, 640)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.review_page = ReviewPage(self)
        self.done_page = DonePage(self)
        for page in (self.file_page, self.mapping_page, self.review_page, self.done_page):
            self.addPage(page)
        # QWizard's header keeps two lines for a page's subtitle, whatever the width: narrower, they are cut.
        self.setMinimumWidth(760)

    def attempt(self, status: FormStatus, work: Callable[[], T]) -> T | None:
        """Run `work` under a wait cursor; a refused file or row shows its message under the page."""
        status.clear_error()
        try:
            with _busy():
                return work()
        except ValidationError as error:
            status.show_error(str(error))
            return None

    def load(self, path: Path, status: FormStatus, encoding: str | None = None) -> bool:
        """Read `path` (a CSV file in `encoding` if given) and guess its columns; where the file is read again,
        the user's choice stays for each column whose heading reads the same. False if it cannot be read."""
        table = self.attempt(status, lambda: self.document.workspace.imports.read(path, encoding))
        if table is None:
            return False
        guessed = self.document.workspace.imports.guess(table)
        before = self.table if path == self.path else None
        self.mapping = carry_mapping(before, self.mapping, table, guessed) if before is not None else guessed
        self.path, self.table, self.guessed = path, table, guessed
        return True

    def notes(self) -> list[Note]:
        """What to tell the user about the file before importing it."""
        return import_notes(self.table, self.mapping, self.guessed) if self.table is not None else []

    def remarks(self) -> dict[int, str]:
        """What reading the file found on each row's line (lines that look misread, quotation marks)."""
        return row_remarks(self.table) if self.table is not None else {}

    def apply(self, plan: "ImportPlan", sitting_id: int | None) -> "ImportSummary":
        """Through the command layer: one transaction, one undo step; the screens hear of it once committed."""
        self.summary = self.document.people.import_participants(plan, self.decisions, sitting_id)
        return self.summary

    def sittings(self) -> list[tuple[int, str]]:
        return [(sitting.id, sitting.title) for sitting in self.document.sittings()]


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportParticipantsDialog) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(_("Choose the spreadsheet"))
        self.setSubTitle(_("An Excel workbook (.xlsx) or a CSV file, as a registration tool exports it. Title rows, "
                           "blank lines, accents and upper-case names are taken care of."))
        self.choose_button = QPushButton(_("&Choose a file…"))
        self.file_label = QLabel(_("No file chosen yet."))
        self.file_label.setWordWrap(True)
        self.notes = ImportNotes(offer_always=True)
        self.notes.hide()
        self.status = FormStatus()
        layout = QVBoxLayout(self)
        layout.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.file_label)
        layout.addWidget(self.notes)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.notes.encoding_chosen.connect(self._on_notes_encoding_chosen)

    def isComplete(self) -> bool:
        return self._wizard.table is not None

    def _on_choose_button_clicked(self) -> None:
        path = prompts.open_spreadsheet(self)
        if path is None:
            return
        self._wizard.table = None
        self._wizard.load(path, self.status)
        self._show(path)

    def _on_notes_encoding_chosen(self, encoding: str | None) -> None:
        """Read the file again in that encoding (if it cannot be, it stays as it was read, with the reason)."""
        path = self._wizard.path
        if path is not None:
            self._wizard.load(path, self.status, encoding)
            self._show(path)

    def _show(self, path: Path) -> None:
        table = self._wizard.table
        if table is not None:
            rows = len(table.rows)
            text = ngettext("“{name}”: {n} row below the header (row {header}).",
                            "“{name}”: {n} rows below the header (row {header}).", rows).format(
                name=path.name, n=f"{rows:,}", header=table.header_line)
            self.file_label.setText(f"{text} {table.details}".strip())
        else:
            self.file_label.setText(path.name)
        self.notes.show_notes(table, self._wizard.notes())
        self.completeChanged.emit()


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportParticipantsDialog) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(_("Match the columns"))
        self.setSubTitle(_("Each column of the file goes into a field of the registry. Check the guesses; "
                           "columns you do not need are not imported."))
        self.columns = QTableWidget(0, 3)
        self.columns.setHorizontalHeaderLabels([_("Column in the file"), _("Examples"), _("Import as")])
        self.columns.verticalHeader().setVisible(False)
        self.columns.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.combos: list[QComboBox] = []
        self.preview_model = PreviewModel()
        self.preview = table_view(self.preview_model)
        self.columns_note = QLabel()
        self.columns_note.setWordWrap(True)
        self.columns_note.setStyleSheet(f"color: {theme.CAUTION};")
        self.status = FormStatus()
        layout = QVBoxLayout(self)
        layout.addWidget(self.columns, 3)
        layout.addWidget(self.columns_note)
        layout.addWidget(QLabel(_("The first rows, as they will be imported:")))
        layout.addWidget(self.preview, 2)
        layout.addWidget(self.status)

    def initializePage(self) -> None:
        table = self._wizard.table
        assert table is not None
        self.columns.setRowCount(len(table.headers))
        self.combos = []
        for column, header in enumerate(table.headers):
            examples = [cell_text(cells[column]) for _line, cells in table.rows[:5] if column < len(cells)]
            self.columns.setItem(column, 0, _fixed_item(header))
            self.columns.setItem(column, 1, _fixed_item(" · ".join(e[:40] for e in examples if e)))
            self.combos.append(self._combo(self._wizard.mapping[column]))
            self.columns.setCellWidget(column, 2, self.combos[-1])
        self.columns.resizeColumnToContents(0)
        self.columns.setColumnWidth(2, 220)
        self._on_combo_changed()

    def _combo(self, target: Target | None) -> QComboBox:
        combo = QComboBox()
        for choice in (None, *Target):
            combo.addItem(target_label(choice), str(choice) if choice else "")
        combo.setCurrentIndex(combo.findData(str(target) if target else ""))
        combo.currentIndexChanged.connect(self._on_combo_changed)
        return combo

    def _on_combo_changed(self) -> None:
        self._wizard.mapping = tuple(Target(c.currentData()) if c.currentData() else None for c in self.combos)
        table = self._wizard.table
        if table is not None:
            self.preview_model.set_rows(self._wizard.document.workspace.imports.preview(table, self._wizard.mapping))
            self.preview.resizeColumnsToContents()
            notes = column_notes(table, self._wizard.mapping, self._wizard.guessed)
            self.columns_note.setText("\n".join(note.text for note in notes))
            self.columns_note.setVisible(bool(notes))
        if has_name(self._wizard.mapping):
            self.status.clear_error()
        else:
            self.status.show_error(_("Choose the column that holds the names (last name, first name or full name)."))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return has_name(self._wizard.mapping)

    def validatePage(self) -> bool:
        wizard = self._wizard
        assert wizard.table is not None
        table = wizard.table
        plan = wizard.attempt(self.status, lambda: wizard.document.workspace.imports.plan(table, wizard.mapping))
        if plan is None:
            return False
        wizard.plan, wizard.decisions = plan, Decisions()
        return True


class ReviewPage(QWizardPage):
    def __init__(self, wizard: ImportParticipantsDialog) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(_("Check before importing"))
        self.setSubTitle(_("For each row listed, choose to merge the person into the record that already exists, "
                           "to add them as someone new, or to skip the row. Nothing is saved before “Import”."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, _("&Import"))
        self.notes = ImportNotes(offer_always=False)
        self.cases = CaseReview()
        self.groups_check = QCheckBox()
        self.sitting_combo = QComboBox()
        self.status = FormStatus()
        self._setup_layout()
        self.notes.encoding_chosen.connect(self._on_notes_encoding_chosen)

    def _setup_layout(self) -> None:
        sitting = QHBoxLayout()
        sitting.addWidget(QLabel(_("Mark them as registered for:")))
        sitting.addWidget(self.sitting_combo, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notes)
        layout.addWidget(self.cases, 1)
        layout.addWidget(self.groups_check)
        layout.addLayout(sitting)
        layout.addWidget(self.status)

    def initializePage(self) -> None:
        plan = self._wizard.plan
        assert plan is not None
        self.notes.show_notes(self._wizard.table, self._wizard.notes())
        self.cases.show_plan(plan, self._wizard.decisions, self._wizard.remarks())
        self.groups_check.setVisible(bool(plan.unknown_groups))
        self.groups_check.setChecked(True)
        self.groups_check.setText(_("Create the stakeholder groups the programme lacks: {names} (otherwise these "
                                    "people get no group)").format(names=", ".join(plan.unknown_groups[:8])))
        self._fill_sittings()

    def _fill_sittings(self) -> None:
        self.sitting_combo.clear()
        self.sitting_combo.addItem(_("(no sitting)"), None)
        for sitting_id, title in self._wizard.sittings():
            self.sitting_combo.addItem(title, sitting_id)
        found = self.sitting_combo.findData(self._wizard.sitting_id)
        self.sitting_combo.setCurrentIndex(max(0, found) if self._wizard.sitting_id is not None else 0)

    def _on_notes_encoding_chosen(self, encoding: str | None) -> None:
        """Read the file again in that encoding and check it again (the choices made so far start over); if
        it cannot be checked (no name column any more), the file stays as it was read, with the reason."""
        wizard = self._wizard
        before = wizard.table, wizard.mapping, wizard.guessed
        if wizard.path is not None and wizard.load(wizard.path, self.status, encoding):
            table = wizard.table
            assert table is not None
            plan = wizard.attempt(self.status, lambda: wizard.document.workspace.imports.plan(table, wizard.mapping))
            if plan is not None:
                wizard.plan, wizard.decisions = plan, Decisions()
                wizard.mapping_page.initializePage()  # what "Back" shows: the headings as read now
                self.initializePage()
                return
            wizard.table, wizard.mapping, wizard.guessed = before
        self.notes.show_notes(wizard.table, wizard.notes())  # the encoding shown: the one the rows were read in

    def validatePage(self) -> bool:
        wizard = self._wizard
        assert wizard.plan is not None
        plan, sitting_id = wizard.plan, self.sitting_combo.currentData()
        wizard.decisions.create_groups = self.groups_check.isChecked()
        summary = wizard.attempt(self.status, lambda: wizard.apply(plan, sitting_id))
        return summary is not None


class DonePage(QWizardPage):
    def __init__(self, wizard: ImportParticipantsDialog) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(_("Import finished"))
        self.setSubTitle(_("The registry is saved. Imported people are on the participants page."))
        self.totals = QLabel()
        self.totals.setFont(theme.heading_font(1.2))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.totals)
        layout.addWidget(self.summary)
        layout.addStretch(1)

    def initializePage(self) -> None:
        summary = self._wizard.summary
        lines = summary_lines(summary) if summary else [""]
        self.totals.setText(lines[-1])  # the totals first, then one line per reason
        self.summary.setText("\n".join(lines[:-1]))
        self.totals.setStyleSheet("" if summary and summary.imported else f"color: {theme.WARNING};")


def _fixed_item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item

