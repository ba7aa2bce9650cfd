"""File › Import packages: the packages checked, their walk-ins reviewed as a spreadsheet's rows are, the import
(after a backup copy), then what each package did."""

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_desk.domain.importing_plan import Decisions
from workshop_desk.i18n import _, format_stamp, ngettext
from workshop_desk.ui import prompts, theme
from workshop_desk.ui.commands.packages import Imported
from workshop_desk.ui.dialogs.import_review import CaseReview
from workshop_desk.ui.tasks import run_in_background

if TYPE_CHECKING:
    from workshop_desk.services.packages import CheckedPackages, WalkIns
    from workshop_desk.ui.document import Document
    from workshop_desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)
Checked = tuple["CheckedPackages", "WalkIns"]


def import_packages(window: "MainWindow") -> "ImportPackagesDialog | None":
    """Ask for the packages, then check them in the dialog that takes them through (None: nothing chosen)."""
    document = window.document
    if document is None:
        return None
    paths = prompts.open_packages(window)
    if not paths:
        return None
    dialog = ImportPackagesDialog(document, paths, window)
    dialog.open()
    dialog.start()
    return dialog


class ImportPackagesDialog(QDialog):
    """Three steps on one dialog: checking (off the GUI thread), the review of walk-ins when some need a look,
    then the summary. The packages' private copies go when it closes."""

    def __init__(self, document: "Document", paths: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._paths = list(dict.fromkeys(paths))  # a file chosen twice is read once
        self.checked: CheckedPackages | None = None
        self.walk_ins: WalkIns | None = None
        self.decisions = Decisions()
        self.imported: Imported | None = None
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.setWindowTitle(_("Import packages"))
        self.resize(1000, 600)  # the review's columns, its choices included, on a 1280-pixel screen
        self.heading = QLabel(ngettext("Checking {n} package…", "Checking {n} packages…", len(self._paths)).format(
            n=len(self._paths)))
        self.heading.setFont(theme.heading_font(1.2))
        self.heading.setWordWrap(True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.refusals = _sentences_label(f"color: {theme.WARNING};")
        self.review = CaseReview(no_skip=_("A package's people cannot be skipped: their sign-ins and votes come "
                                           "with them. Merge them into the registry's record, or add them."))
        self.summary = _sentences_label("")
        self.stack = QStackedWidget()
        self.stack.addWidget(QWidget())  # while the packages are read
        self.stack.addWidget(self.review)
        self.stack.addWidget(self.summary)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(_("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.conflicts_button = self.buttons.addButton(_("Show the &conflicts…"),
                                                       QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.hide()
        self.conflicts_button.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.refusals)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.conflicts_button.clicked.connect(self._on_conflicts_button_clicked)
        self.close_button.clicked.connect(self.reject)
        self.finished.connect(self._on_finished)

    def start(self) -> None:
        """Read and check the packages off the GUI thread."""
        workspace = self._document.workspace
        paths = self._paths

        def work() -> Checked:
            checked = workspace.packages.check(paths)
            try:
                return checked, workspace.packages.walk_ins(checked.usable)
            except Exception:
                checked.discard()
                raise

        run_in_background(self, self.heading.text(), work, self._on_checked, self._on_check_failed)

    def _on_checked(self, result: Checked) -> None:
        self.checked, self.walk_ins = result
        refused = [refusal.sentence() for refusal in self.checked.refused]
        self.refusals.setText("\n".join(refused))
        self.refusals.setVisible(bool(refused))
        if not self.checked.usable:
            self._show_summary(_("Nothing was imported."), [])
        elif self.walk_ins.plan.cases():
            self._show_review()
        else:
            self._import()

    def _on_check_failed(self, error: Exception) -> None:
        self._show_summary(_("The packages could not be read: {reason}").format(reason=error), [])

    def _show_review(self) -> None:
        assert self.walk_ins is not None
        people = len(self.walk_ins.plan.rows)
        self.heading.setText(_("Check before importing"))
        self.intro.show()
        self.intro.setText(ngettext(
            "The packages bring {n} person the registry does not know by their badge. Check the rows listed: "
            "merge each into the record that already exists, or add them as someone new. Nothing is saved before "
            "“Import”.",
            "The packages bring {n} people the registry does not know by their badge. Check the rows listed: "
            "merge each into the record that already exists, or add them as someone new. Nothing is saved before "
            "“Import”.", people).format(n=people))
        self.review.show_plan(self.walk_ins.plan, self.decisions)
        self.stack.setCurrentWidget(self.review)
        self.import_button.show()
        self.import_button.setDefault(True)

    def _on_import_button_clicked(self) -> None:
        self.import_button.setEnabled(False)
        self._import()

    def _import(self) -> None:
        assert self.checked is not None and self.walk_ins is not None
        self._document.packages.import_packages(self, self.checked.usable, self.walk_ins, self.decisions,
                                                self._on_imported, self._on_import_failed)

    def _on_imported(self, imported: Imported) -> None:
        self.imported = imported
        self._discard()
        taken = format_stamp(imported.backup.taken_at.isoformat())
        backup = (_("A backup copy of the programme was taken just before the import ({when}): File › Restore from "
                    "backup goes back to it.").format(when=taken) if imported.changed else
                  _("Nothing new: the programme is unchanged."))
        self._show_summary(_("Import finished"), [report.sentence() for report in imported.reports] + ["", backup])
        self.conflicts_button.setVisible(imported.conflicts > 0)

    def _on_import_failed(self, sentence: str) -> None:
        self._discard()
        self._show_summary(sentence, [])

    def _show_summary(self, heading: str, lines: list[str]) -> None:
        self.heading.setText(heading)
        self.intro.hide()
        self.summary.setText("\n".join(lines))
        self.stack.setCurrentWidget(self.summary)
        self.import_button.hide()
        self.close_button.setText(_("&Close"))
        self.close_button.setDefault(True)

    def _on_conflicts_button_clicked(self) -> None:
        from workshop_desk.ui.dialogs.conflicts import ConflictsDialog

        ConflictsDialog(self._document, self.parentWidget()).open()
        self.accept()

    def _on_finished(self, _result: int) -> None:
        self._discard()

    def _discard(self) -> None:
        """The packages' private copies (taken when they were read) are no longer needed."""
        if self.checked is not None:
            self.checked.discard()  # again when the dialog closes: it removes what is left, if anything


def _sentences_label(style: str) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(style)
    return label
