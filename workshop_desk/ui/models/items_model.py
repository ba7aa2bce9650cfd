"""A read-only Qt table over a list of domain objects: the base of the console's simple lists."""

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
Display = Qt.ItemDataRole.DisplayRole


class ItemsModel(QAbstractTableModel):
    """Read-only rows over a list of domain objects, with their headings."""

    def __init__(self) -> None:
        super().__init__()
        self._items: list[Any] = []

    def headings(self) -> list[str]:
        raise NotImplementedError

    def text(self, item: Any, column: int) -> str:
        raise NotImplementedError

    def set_items(self, items: Sequence[Any]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> Any:
        return self._items[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headings())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Display) -> Any:
        headings = self.headings()
        if orientation == Qt.Orientation.Horizontal and role == Display and 0 <= section < len(headings):
            return headings[section]
        return None

    def data(self, index: Index, role: int = Display) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Display, Qt.ItemDataRole.ToolTipRole):
            return self.text(item, index.column())
        if role == ID_ROLE:
            return getattr(item, "id", None)
        return None
