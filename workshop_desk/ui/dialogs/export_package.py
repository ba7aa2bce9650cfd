"""File › Export a sitting package…: the work of this laptop's sittings in one file for the lead, written off the GUI
thread (on a USB stick when one is plugged in). It only reads the programme: a file open read-only exports too."""

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_desk.domain.models import Sitting
from workshop_desk.domain.packages import PackageInfo, file_name_for
from workshop_desk.i18n import _, format_date, ngettext
from workshop_desk.paths import PACKAGE_SUFFIX
from workshop_desk.ui import prompts, theme
from workshop_desk.ui.package_files import show_folder, tell_failure
from workshop_desk.ui.tasks import run_in_background

if TYPE_CHECKING:
    from workshop_desk.services.workspace import Workspace

MANY = 4  # more sittings than a laptop runs in a day (a workshop's three): only the current one is ticked


class ExportPackageDialog(QDialog):
    """Tick the sittings whose work goes back; `export()` asks where, then writes the package."""

    def __init__(self, workspace: "Workspace", sittings: list[Sitting], current_sitting_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.laptop_name = workspace.packages.laptop_name()
        self._setup_ui(sittings, current_sitting_id)
        self._connect_signals()
        self._on_sittings_item_changed()

    def _setup_ui(self, sittings: list[Sitting], current_sitting_id: int | None) -> None:
        self.setWindowTitle(_("Export a sitting package"))
        self.setMinimumSize(520, 360)
        self.resize(640, 420)
        intro = QLabel(_("The work of the sittings ticked — sign-ins, ideas, votes, priorities and actions — goes "
                         "into one file, for the lead to bring into the whole programme."))
        intro.setWordWrap(True)
        self.sittings = _sittings_list(sittings, current_sitting_id)
        self.summary = QLabel()
        self.summary.setFont(theme.heading_font(1.1))
        laptop = QLabel(_("Sent from the laptop “{name}”.").format(name=self.laptop_name))
        laptop.setStyleSheet(f"color: {theme.MUTED};")
        laptop.setVisible(bool(self.laptop_name))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(_("&Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        for widget in (intro, self.sittings, self.summary, laptop, self.buttons):
            layout.addWidget(widget, 1 if widget is self.sittings else 0)

    def _connect_signals(self) -> None:
        self.sittings.itemChanged.connect(self._on_sittings_item_changed)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)

    # What was chosen -------------------------------------------------------------------------------------------
    def sitting_ids(self) -> list[int]:
        items = (self.sittings.item(row) for row in range(self.sittings.count()))
        return [int(item.data(Qt.ItemDataRole.UserRole)) for item in items
                if item.checkState() == Qt.CheckState.Checked]

    def suggested_name(self) -> str:
        """'<laptop> — <date>.wdpack': this laptop's name (the programme's title on a file no package made)."""
        laptop = self.laptop_name or self.workspace.programmes.get().title
        return file_name_for(f"{laptop} — {dt.date.today().isoformat()}", PACKAGE_SUFFIX)

    def _on_sittings_item_changed(self, _item: QListWidgetItem | None = None) -> None:
        count = len(self.sitting_ids())
        self.summary.setText(ngettext("{n} sitting ticked", "{n} sittings ticked", count).format(n=count) if count
                             else _("Tick the sittings whose work goes back to the lead."))
        self.export_button.setEnabled(count > 0)

    # Writing -------------------------------------------------------------------------------------------------
    def export(self) -> None:
        """Ask where, then write the package in the background (the dialog closes at once)."""
        sitting_ids = self.sitting_ids()
        target = prompts.save_package(self, _("Export a sitting package"), self.suggested_name())
        if not sitting_ids or target is None:
            return
        workspace, parent = self.workspace, self.parentWidget() or self
        run_in_background(parent, _("Writing {name}…").format(name=target.name),
                          lambda: workspace.packages.export(sitting_ids, target),
                          lambda info: _written(parent, target, info),
                          lambda error: tell_failure(parent, error, target.parent))
        self.accept()


def _sittings_list(sittings: list[Sitting], current_sitting_id: int | None) -> QListWidget:
    """Every sitting ticked, or only the current one in a file of many; the current one selected."""
    shown = QListWidget()
    shown.setUniformItemSizes(True)
    only_current = len(sittings) >= MANY and any(s.id == current_sitting_id for s in sittings)
    for sitting in sittings:
        shown.addItem(_item(sitting, not only_current or sitting.id == current_sitting_id))
    shown.setCurrentRow(next((n for n, s in enumerate(sittings) if s.id == current_sitting_id), 0))
    return shown


def _item(sitting: Sitting, ticked: bool) -> QListWidgetItem:
    when = format_date(sitting.date) if sitting.date else "—"
    item = QListWidgetItem(f"{sitting.title}  —  {when}")
    item.setData(Qt.ItemDataRole.UserRole, sitting.id)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
    return item


def _written(parent: QWidget, target: Path, info: PackageInfo) -> None:
    if prompts.offer_folder(parent, written_message(target, info), next_steps()):
        show_folder(target.parent)


def next_steps() -> str:
    return _("Give this file to the lead: on the lead's laptop, File › Import packages… brings it into the "
             "programme.")


def written_message(target: Path, info: PackageInfo) -> str:
    """'“Julie — 2025-06-12.wdpack” is written in E:\\ : 2 sittings, 45 people, 120 ideas, 300 votes.'"""
    counts = [ngettext("{n} sitting", "{n} sittings", len(info.sittings)).format(n=len(info.sittings)),
              ngettext("{n} person", "{n} people", info.people).format(n=info.people),
              ngettext("{n} idea", "{n} ideas", info.ideas).format(n=info.ideas),
              ngettext("{n} vote", "{n} votes", info.votes).format(n=info.votes)]
    return _("“{name}” is written in {folder}: {counts}.").format(name=target.name, folder=target.parent,
                                                                  counts=", ".join(counts))


def open_export_package(parent: QWidget, workspace: "Workspace", sittings: list[Sitting],
                        current_sitting_id: int | None) -> ExportPackageDialog:
    """Show the dialog (non-blocking), the sittings ticked as the module says."""
    dialog = ExportPackageDialog(workspace, sittings, current_sitting_id, parent)
    dialog.open()
    return dialog
