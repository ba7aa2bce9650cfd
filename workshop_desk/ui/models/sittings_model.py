"""The programme's sittings as a list: date, kind and title on each row."""

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from workshop_desk.domain.enums import label
from workshop_desk.domain.models import Sitting
from workshop_desk.i18n import format_date

Index = QModelIndex | QPersistentModelIndex
SITTING_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SittingsModel(QAbstractListModel):
    """Read-only list of sittings; `set_sittings` replaces them after each committed change."""

    def __init__(self) -> None:
        super().__init__()
        self._sittings: list[Sitting] = []

    def set_sittings(self, sittings: list[Sitting]) -> None:
        self.beginResetModel()
        self._sittings = list(sittings)
        self.endResetModel()

    def sitting(self, row: int) -> Sitting:
        return self._sittings[row]

    def row_of(self, sitting_id: int) -> int:
        return next((row for row, s in enumerate(self._sittings) if s.id == sitting_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sittings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._sittings):
            return None
        sitting = self._sittings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            when = format_date(sitting.date) if sitting.date else "—"
            running = " ●" if sitting.is_running else ""
            return f"{sitting.title}{running}\n{when} · {label(sitting.kind)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return sitting.title
        if role == SITTING_ID_ROLE:
            return sitting.id
        return None
