"""A sitting's agenda as an editable table: start, title, kind, minutes, actual, notes."""

from collections.abc import Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from workshop_desk.domain.agenda import TimedItem, timed_items
from workshop_desk.domain.enums import ItemKind, label
from workshop_desk.domain.live import actual_minutes
from workshop_desk.domain.models import AgendaItem, ItemDraft, SittingAgenda
from workshop_desk.i18n import _, format_minutes, format_time
from workshop_desk.ui import theme

Index = QModelIndex | QPersistentModelIndex
MIME = "application/x-workshop-desk-agenda-item"


class Column(IntEnum):
    START = 0
    TITLE = 1
    KIND = 2
    MINUTES = 3
    ACTUAL = 4
    NOTES = 5


_EDITABLE = {Column.TITLE, Column.KIND, Column.MINUTES, Column.NOTES}


class AgendaModel(QAbstractTableModel):
    """Edits are not applied here: `edit_requested` asks the document to commit them, and the
    model is refreshed from the saved agenda afterwards."""

    edit_requested = Signal(object, object)  # AgendaItem, ItemDraft
    move_requested = Signal(int, int)  # item id, destination row

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[TimedItem] = []
        self._current_id: int | None = None
        self._now: datetime | None = None

    def set_agenda(self, agenda: SittingAgenda | None, now: datetime | None = None) -> None:
        self.beginResetModel()
        self._rows = timed_items(agenda.sitting, agenda.items) if agenda else []
        self._current_id = agenda.sitting.current_item_id if agenda and agenda.sitting.is_running else None
        self._now = now
        self.endResetModel()

    def set_now(self, now: datetime) -> None:
        """Refresh the 'actual' column of a live run."""
        self._now = now
        if self._rows:
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, Column.ACTUAL), self.index(last, Column.ACTUAL))

    def item(self, row: int) -> AgendaItem:
        return self._rows[row].item

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {Column.START: _("Start"), Column.TITLE: _("Item"), Column.KIND: _("Kind"),
                  Column.MINUTES: _("Planned"), Column.ACTUAL: _("Actual"), Column.NOTES: _("Notes")}
        return titles.get(Column(section)) if 0 <= section < len(Column) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        flags = base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        if index.column() in _EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        timed = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(timed, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(timed.item, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.START, Column.MINUTES, Column.ACTUAL):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if timed.item.id == self._current_id:
            return self._current_style(role)
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.ACTUAL:
            return self._actual_brush(timed.item)
        return None

    def _display(self, timed: TimedItem, column: Column) -> str:
        item = timed.item
        if column == Column.START:
            return format_time(timed.start) if timed.start else ""
        if column == Column.TITLE:
            return item.title
        if column == Column.KIND:
            return label(item.kind)
        if column == Column.MINUTES:
            return format_minutes(item.planned_minutes)
        if column == Column.ACTUAL:
            minutes = actual_minutes(item, self._now)
            return format_minutes(round(minutes)) if minutes is not None else ""
        return item.notes.split("\n", 1)[0]

    @staticmethod
    def _edit_value(item: AgendaItem, column: Column) -> Any:
        values = {Column.TITLE: item.title, Column.KIND: str(item.kind),
                  Column.MINUTES: item.planned_minutes, Column.NOTES: item.notes}
        return values.get(column)

    @staticmethod
    def _current_style(role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(theme.CURRENT_ROW))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _actual_brush(self, item: AgendaItem) -> QBrush | None:
        minutes = actual_minutes(item, self._now)
        if minutes is not None and minutes > item.planned_minutes + 0.5:
            return QBrush(QColor(theme.WARNING))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in _EDITABLE:
            return False
        item = self._rows[index.row()].item
        fields = {"title": item.title, "kind": item.kind, "planned_minutes": item.planned_minutes,
                  "notes": item.notes}
        column = Column(index.column())
        if column == Column.TITLE:
            fields["title"] = str(value)
        elif column == Column.KIND:
            fields["kind"] = ItemKind(str(value))
        elif column == Column.MINUTES:
            fields["planned_minutes"] = int(value)
        else:
            fields["notes"] = str(value)
        draft = ItemDraft(**fields)  # type: ignore[arg-type]
        if draft != ItemDraft(item.title, item.kind, item.planned_minutes, item.notes):
            self.edit_requested.emit(item, draft)
        return True

    # Drag and drop: rows carry the item id; the drop asks the document to move it.
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        if rows:
            data.setData(MIME, QByteArray(str(self._rows[rows[0]].item.id).encode()))
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME):
            return False
        item_id = int(bytes(data.data(MIME).data()).decode())
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._rows))
        source = next(i for i, timed in enumerate(self._rows) if timed.item.id == item_id)
        self.move_requested.emit(item_id, target - 1 if target > source else target)
        return False  # the document moves the row; returning False stops the view removing it
