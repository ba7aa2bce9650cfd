"""Export the deliverables: the Word minutes and/or the Excel synthesis, of a sitting or of the whole programme."""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from workshop_desk import i18n
from workshop_desk.domain import report
from workshop_desk.domain.models import Sitting
from workshop_desk.domain.report import ReportOptions
from workshop_desk.i18n import _
from workshop_desk.ui import prompts
from workshop_desk.ui.tasks import run_in_background

if TYPE_CHECKING:
    from workshop_desk.services.workspace import Workspace

WORD, EXCEL, BOTH = "docx", "xlsx", "both"


def _section_labels() -> dict[str, str]:
    return {report.ATTENDANCE: _("Attendance"), report.AGENDA: _("Agenda as run and timings"),
            report.CONTRIBUTIONS: _("Contributions (ideas, speakers, questions)"),
            report.VOTES: _("Votes and results"), report.PRIORITIES: _("Priorities"),
            report.ACTIONS: _("Action plan"), report.ANNEXES: _("Annexes: every contribution")}


class ExportDialog(QDialog):
    """Choose what to export; `export()` then asks where, writes off the GUI thread and offers to open the file."""

    def __init__(self, workspace: "Workspace", sittings: list[Sitting], current_sitting_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(_("Export minutes and synthesis"))
        self.scope = QComboBox()
        self.scope.addItem(_("The whole programme"), None)
        for sitting in sittings:
            self.scope.addItem(sitting.title, sitting.id)
        if current_sitting_id is not None and self.scope.findData(current_sitting_id) >= 0:
            self.scope.setCurrentIndex(self.scope.findData(current_sitting_id))
        self.language = QComboBox()
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.language())))
        self.sections: dict[str, QCheckBox] = {}
        sections_box = QGroupBox(_("Sections"))
        sections_layout = QVBoxLayout(sections_box)
        for key, text in _section_labels().items():
            box = QCheckBox(text)
            box.setChecked(True)
            self.sections[key] = box
            sections_layout.addWidget(box)
        self.anonymise = QCheckBox(_("Leave names out (attendance as counts only, speakers unnamed)"))
        self.word = QRadioButton(_("Word minutes (.docx)"))
        self.excel = QRadioButton(_("Excel synthesis (.xlsx)"))
        self.both = QRadioButton(_("Both"))
        self.both.setChecked(True)
        formats = QGroupBox(_("Format"))
        formats_layout = QVBoxLayout(formats)
        for button in (self.word, self.excel, self.both):
            formats_layout.addWidget(button)
        form = QFormLayout()
        form.addRow(_("Export:"), self.scope)
        form.addRow(_("Language:"), self.language)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(_("&Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(sections_box)
        layout.addWidget(self.anonymise)
        layout.addWidget(formats)
        layout.addWidget(self.buttons)

    # What was chosen -------------------------------------------------------------------------------
    def sitting_id(self) -> int | None:
        value = self.scope.currentData()
        return int(value) if value is not None else None

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def options(self) -> ReportOptions:
        return ReportOptions(frozenset(key for key, box in self.sections.items() if box.isChecked()),
                             self.anonymise.isChecked())

    def chosen_format(self) -> str:
        return WORD if self.word.isChecked() else EXCEL if self.excel.isChecked() else BOTH

    def suggested_name(self) -> str:
        sitting_id = self.sitting_id()
        title = self.scope.currentText() if sitting_id is not None else self.workspace.programmes.get().title
        stem = _("Minutes") if self.chosen_format() == WORD else _("Synthesis") if self.chosen_format() == EXCEL \
            else _("Minutes")
        cleaned = "".join(c for c in f"{stem} — {title}" if c not in '<>:"/\\|?*').strip()
        return cleaned[:120]

    # Writing --------------------------------------------------------------------------------------
    def export(self) -> None:
        """Ask where, then write the chosen files in the background (the dialog closes at once)."""
        kind = self.chosen_format()
        suffix = ".xlsx" if kind == EXCEL else ".docx"
        file_filter = _("Excel workbook (*.xlsx)") if kind == EXCEL else _("Word document (*.docx)")
        start = Path.home() / f"{self.suggested_name()}{suffix}"
        target = prompts.save_as(self, _("Export minutes and synthesis"), start, file_filter, suffix)
        if target is None:
            return
        workspace, sitting_id, language, options = self.workspace, self.sitting_id(), self.chosen_language(), \
            self.options()

        def work() -> Path:
            from workshop_desk.services import deliverables

            if kind in (WORD, BOTH):
                deliverables.export_minutes(workspace, target, language, sitting_id, options)
            if kind in (EXCEL, BOTH):
                deliverables.export_synthesis(workspace, synthesis_beside(target), language, sitting_id, options)
            return target

        parent = self.parentWidget() or self
        run_in_background(parent, _("Writing {name}…").format(name=target.name), work,
                          lambda path: _written(parent, Path(path), kind),
                          lambda error: prompts.error(parent, _("The document could not be written: {error}").format(
                              error=error)))
        self.accept()


def synthesis_beside(minutes: Path) -> Path:
    """The workbook written with the minutes: “Synthesis — X.xlsx” beside “Minutes — X.docx”."""
    stem, prefix = minutes.stem, _("Minutes")
    name = _("Synthesis") + stem[len(prefix):] if stem.startswith(prefix) else stem
    return minutes.with_name(name + ".xlsx")


def _written(parent: QWidget, path: Path, kind: str) -> None:
    if kind == BOTH:
        message = _("{name} and {other} are ready.").format(name=path.name, other=synthesis_beside(path).name)
    else:
        message = _("{name} is ready.").format(name=path.name)
    choice = prompts.open_or_folder(parent, message)
    if choice == "file":
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    elif choice == "folder":
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def open_export_dialog(parent: QWidget, workspace: "Workspace", sittings: list[Sitting],
                       current_sitting_id: int | None) -> ExportDialog:
    """Show the dialog (non-blocking) with the current sitting preselected."""
    dialog = ExportDialog(workspace, sittings, current_sitting_id, parent)
    dialog.open()
    return dialog
