"""Packages coming back: importing them (off the GUI thread, after a backup copy; not undone) and taking a
conflict's version set aside (undoable: taking it again puts the kept one back)."""

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from workshop_desk.domain.packages import Conflict, PackageReport, kind_label
from workshop_desk.i18n import _, ngettext
from workshop_desk.ui.tasks import run_in_background

if TYPE_CHECKING:
    from workshop_desk.domain.importing_plan import Decisions
    from workshop_desk.services.backups import Backup
    from workshop_desk.services.packages import WalkIns
    from workshop_desk.storage.packages import Package
    from workshop_desk.ui.document import Document

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Imported:
    """What an import did: one report per package, and the copy of the programme taken just before."""

    reports: list[PackageReport]
    backup: "Backup"

    @property
    def changed(self) -> bool:
        return any(report.changed for report in self.reports)

    @property
    def conflicts(self) -> int:
        return sum(report.conflicts for report in self.reports if report.changed)


class PackageCommands(QObject):
    """The import is one transaction of thousands of rows: it is not put on the undo stack (a backup copy taken
    first can be restored instead, and that restore is undoable); taking a conflict's other version is."""

    def __init__(self, document: "Document") -> None:
        super().__init__(document)
        self._document = document

    def import_packages(self, parent: QWidget, packages: Sequence["Package"], walk_ins: "WalkIns",
                        decisions: "Decisions", done: Callable[[Imported], None],
                        failed: Callable[[str], None]) -> None:
        """Back up the programme, then merge the packages, off the GUI thread; once committed every screen reads
        the file again and `done` hears what happened. `failed` gets the sentence when nothing could be written."""
        if self._document.read_only:
            failed(_("This programme is open read-only: nothing can be changed here."))
            return
        workspace = self._document.workspace

        def work() -> Imported:
            backup = workspace.backups.backup_now()
            return Imported(workspace.packages.import_packages(packages, walk_ins, decisions), backup)

        def finished(imported: Imported) -> None:
            if imported.changed:
                self._document.reload(ngettext("Import {n} package", "Import {n} packages",
                                               len(imported.reports)).format(n=len(imported.reports)))
            done(imported)

        label = ngettext("Importing {n} package…", "Importing {n} packages…", len(packages)).format(n=len(packages))
        run_in_background(parent, label, work, finished, lambda error: failed(_failure(error)))

    def take_other(self, conflict: Conflict) -> None:
        """Put the version set aside in place of the one kept; undo (or taking it again) swaps them back."""
        packages = self._document.workspace.packages
        what = conflict.label or kind_label(conflict.table)
        self._document.change(_("Use the version set aside of “{what}”").format(what=what),
                              lambda: packages.take_other(conflict.id), lambda: packages.take_other(conflict.id),
                              self._document.everything_changed)


def _failure(error: Exception) -> str:
    """The sentence for an import that wrote nothing (the file refused it, or something unexpected)."""
    from workshop_desk.services.file_messages import storage_reason
    from workshop_desk.storage.errors import StorageError

    if isinstance(error, StorageError):
        return _("Nothing was imported: {reason}").format(reason=storage_reason(error))
    log.error("package import failed", exc_info=error)
    return _("Nothing was imported: {reason}").format(reason=error)
