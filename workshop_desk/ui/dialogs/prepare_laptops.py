"""File › Prepare laptops…: which sittings go to which laptop, then one package per laptop, written off the GUI
thread into a folder (a USB stick when one is plugged in)."""

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_desk.domain.models import Sitting
from workshop_desk.domain.packages import LaptopPlan, file_name_for
from workshop_desk.i18n import _, ngettext
from workshop_desk.paths import PACKAGE_SUFFIX, removable_drive
from workshop_desk.ui import prompts, theme
from workshop_desk.ui.dialogs.laptops_table import LaptopsTable
from workshop_desk.ui.models.laptops_model import LaptopsModel
from workshop_desk.ui.package_files import show_folder, tell_failure
from workshop_desk.ui.tasks import run_steps
from workshop_desk.ui.translation import key_text

if TYPE_CHECKING:
    from workshop_desk.ui.document import Document


class PrepareLaptopsDialog(QDialog):
    """The programme's sittings, each with the laptop that will run it; `prepare()` writes the packages."""

    def __init__(self, document: "Document", sittings: list[Sitting], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.model = LaptopsModel(sittings)
        self.written: list[Path] = []  # the packages written so far (the worker adds them one by one)
        self._setup_ui()
        self._connect_signals()
        self._on_model_plan_changed()

    def _setup_ui(self) -> None:
        self.setWindowTitle(_("Prepare laptops"))
        self.setMinimumSize(720, 480)
        self.resize(900, 560)
        intro = QLabel(_("Beside each sitting, type the name of the laptop that will run it — or of its facilitator. "
                         "Sittings given the same name go to the same laptop; a sitting without a name stays here."))
        intro.setWordWrap(True)
        self.table = LaptopsTable(self.model)
        self.empty = QLabel(_("This programme has no sitting yet. Add the sittings first (Sitting › New sitting…), "
                              "then prepare the laptops that will run them."))
        self.empty.setWordWrap(True)
        self.empty.setFont(theme.heading_font(1.1))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.prepare_button = self.buttons.addButton(_("&Write the packages"), QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self._plan_area())
        layout.addWidget(self.buttons)
        has_sittings = self.model.rowCount() > 0
        for widget, shown in ((intro, has_sittings), (self.table, has_sittings), (self.plan_area, has_sittings),
                              (self.prepare_button, has_sittings), (self.empty, not has_sittings)):
            widget.setVisible(shown)
        if not has_sittings:  # nothing to write: a short note, closed
            self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
            self.setMinimumSize(480, 200)
            self.resize(560, 220)
        self.table.setFocus()

    def _plan_area(self) -> QWidget:
        """The keys, what will be written, and where."""
        keys = QLabel(_("Type a name to fill the cell · {enter}: next sitting · {space}: leave a sitting out or take "
                        "it back").format(enter=key_text("Return"), space=key_text("Space")))
        keys.setStyleSheet(f"color: {theme.MUTED};")
        self.summary = QLabel()
        self.summary.setFont(theme.heading_font(1.1))
        self.summary.setWordWrap(True)
        self.plan_area = QWidget()
        area = QVBoxLayout(self.plan_area)
        area.setContentsMargins(0, 0, 0, 0)
        area.addWidget(keys)
        area.addWidget(self.summary)
        area.addLayout(self._folder_row())
        return self.plan_area

    def _folder_row(self) -> QHBoxLayout:
        self.folder = QLineEdit(str(prompts.package_folder()))
        self.folder_label = QLabel(_("&Folder:"))
        self.folder_label.setBuddy(self.folder)
        self.choose_button = QPushButton(_("&Choose…"))
        self.stick_note = QLabel(_("(USB stick)"))
        self.stick_note.setVisible(removable_drive() == Path(self.folder.text()))
        row = QHBoxLayout()
        row.addWidget(self.folder_label)
        row.addWidget(self.folder, 1)
        row.addWidget(self.stick_note)
        row.addWidget(self.choose_button)
        return row

    def _connect_signals(self) -> None:
        self.model.plan_changed.connect(self._on_model_plan_changed)
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.folder.textChanged.connect(self._on_model_plan_changed)
        self.buttons.accepted.connect(self.prepare)
        self.buttons.rejected.connect(self.reject)

    # What was chosen -------------------------------------------------------------------------------------------
    def plans(self) -> list[LaptopPlan]:
        return self.model.plans()

    def chosen_folder(self) -> Path:
        return Path(self.folder.text().strip()).expanduser()

    def _on_model_plan_changed(self) -> None:
        plans = self.plans()
        self.summary.setText(summary(plans) if plans else _(
            "No laptop yet: type a name beside each sitting that another laptop will run."))
        self.prepare_button.setEnabled(bool(plans) and bool(self.folder.text().strip()))

    def _on_choose_button_clicked(self) -> None:
        chosen = prompts.choose_folder(self, _("Where to write the packages"), self.chosen_folder())
        if chosen is not None:
            self.folder.setText(str(chosen))
            self.stick_note.setVisible(removable_drive() == chosen)

    # Writing -------------------------------------------------------------------------------------------------
    def prepare(self) -> None:
        """Write one package per laptop off the GUI thread (its progress counted), then say where they are."""
        plans, folder = self.plans(), self.chosen_folder()
        if not plans or not self._folder_ready(folder) or not self._may_replace(plans, folder):
            return
        document, written = self.document, self.written
        written.clear()

        def step(plan: LaptopPlan) -> None:
            written.append(document.prepare_laptop(plan, folder))

        run_steps(self, ngettext("Writing {n} package…", "Writing {n} packages…", len(plans)).format(n=len(plans)),
                  [partial(step, plan) for plan in plans], lambda _results: self._written(folder),
                  lambda error: self._failed(error, folder))

    def _folder_ready(self, folder: Path) -> bool:
        if folder.is_dir():
            return True
        prompts.error(self, _("The folder “{folder}” does not exist (any more). Choose another folder.").format(
            folder=folder))
        return False

    def _may_replace(self, plans: list[LaptopPlan], folder: Path) -> bool:
        """Packages of an earlier preparation are replaced only when the lead says so."""
        there = [name for name in (file_name_for(plan.name, PACKAGE_SUFFIX) for plan in plans)
                 if (folder / name).exists()]
        if not there:
            return True
        return prompts.ask_to(self, ngettext(
            "{n} package is already in this folder (an earlier preparation?): {names}. Replace it?",
            "{n} packages are already in this folder (an earlier preparation?): {names}. Replace them?",
            len(there)).format(n=len(there), names=", ".join(there)), _("Replace"), _("Prepare laptops"))

    def _written(self, folder: Path) -> None:
        self.accept()
        parent = self.parentWidget() or self
        if prompts.offer_folder(parent, written_message(self.written, folder), next_steps()):
            show_folder(folder)

    def _failed(self, error: Exception, folder: Path) -> None:
        tell_failure(self, error, folder)
        if self.written:
            prompts.info(self, ngettext("This package was written before that: {names}.",
                                        "These packages were written before that: {names}.",
                                        len(self.written)).format(names=", ".join(p.name for p in self.written)))


def summary(plans: list[LaptopPlan]) -> str:
    """'3 laptops, 6 sittings'."""
    sittings = sum(len(plan.sitting_ids) for plan in plans)
    return _("{laptops}, {sittings}").format(
        laptops=ngettext("{n} laptop", "{n} laptops", len(plans)).format(n=len(plans)),
        sittings=ngettext("{n} sitting", "{n} sittings", sittings).format(n=sittings))


def next_steps() -> str:
    return _("Next, on each laptop: File › Open a package…, then choose that laptop's package. Later, File › Export "
             "a sitting package… brings its work back.")


def written_message(paths: list[Path], folder: Path) -> str:
    names = "\n".join(f"• {path.name}" for path in paths)
    return ngettext("{n} package written in {folder}:", "{n} packages written in {folder}:", len(paths)).format(
        n=len(paths), folder=folder) + "\n" + names


def open_prepare_laptops(parent: QWidget, document: "Document") -> PrepareLaptopsDialog:
    """Show the dialog (non-blocking) over the programme's sittings."""
    dialog = PrepareLaptopsDialog(document, document.sittings(), parent)
    dialog.open()
    return dialog
