"""The conflicts list: what was changed on two laptops, the version kept and the version set aside."""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from workshop_desk.domain.packages import Conflict, kind_label
from workshop_desk.i18n import _, format_stamp, pgettext

Index = QModelIndex | QPersistentModelIndex


def version_text(laptop: str, at: str, here: bool) -> str:
    """'Karim's laptop · Thursday 4 December 2026 · 16:42' ('this laptop' for this file's own)."""
    who = _("this laptop") if here or not laptop else laptop
    return f"{who} · {format_stamp(at)}" if at else who


def kept_text(conflict: Conflict) -> str:
    return version_text(conflict.kept_laptop, conflict.kept_at, conflict.kept_here)


def other_text(conflict: Conflict) -> str:
    return version_text(conflict.other_laptop, conflict.other_at, conflict.other_here)


class ConflictsModel(QAbstractTableModel):
    """Read-only rows over `Conflict`s, latest import first."""

    def __init__(self) -> None:
        super().__init__()
        self.conflicts: list[Conflict] = []
        self._headers = [_("Kind"), pgettext("conflict", "What"), _("Version kept"), _("Version set aside")]

    def set_conflicts(self, conflicts: list[Conflict]) -> None:
        self.beginResetModel()
        self.conflicts = list(conflicts)
        self.endResetModel()

    def row_of(self, conflict_id: int) -> int:
        return next((row for row, c in enumerate(self.conflicts) if c.id == conflict_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.conflicts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.conflicts):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        conflict = self.conflicts[index.row()]
        values = (kind_label(conflict.table), conflict.label or "—", kept_text(conflict), other_text(conflict))
        return values[index.column()]
