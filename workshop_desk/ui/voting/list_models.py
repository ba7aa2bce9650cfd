"""Small Qt models for the vote dialogs: editable pairs (a criterion and its weight, an indicator and its target)
and a list of choices to tick (ideas and themes to vote on, results to promote)."""

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
Display, Edit, Check = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.CheckStateRole


class PairsModel(QAbstractTableModel):
    """Rows of (text, value) edited in place; the value is a number when `numeric` (a weight), else text."""

    def __init__(self, headings: tuple[str, str], numeric: bool = False) -> None:
        super().__init__()
        self._headings = headings
        self._numeric = numeric
        self._rows: list[list[Any]] = []

    def set_rows(self, rows: Sequence[tuple[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = [[name, value] for name, value in rows]
        self.endResetModel()

    def rows(self) -> list[tuple[str, Any]]:
        """The pairs with a name (blank rows are left out)."""
        return [(str(name).strip(), value) for name, value in self._rows if str(name).strip()]

    def add_row(self, name: str = "", value: Any = None) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append([name, 1.0 if value is None and self._numeric else value or ""])
        self.endInsertRows()
        return row

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Display) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Display and 0 <= section < 2:
            return self._headings[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.isValid() else flags

    def data(self, index: Index, role: int = Display) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or role not in (Display, Edit):
            return None
        value = self._rows[index.row()][index.column()]
        if index.column() == 1 and self._numeric and role == Display:
            return f"{float(value):g}"
        return value

    def setData(self, index: Index, value: Any, role: int = Edit) -> bool:
        if not index.isValid() or role != Edit:
            return False
        if index.column() == 1 and self._numeric:
            try:
                value = float(str(value).replace(",", "."))
            except ValueError:
                return False
        self._rows[index.row()][index.column()] = value
        self.dataChanged.emit(index, index, [Display, Edit])
        return True


class CheckListModel(QAbstractListModel):
    """Choices (key, text) with a tick each."""

    def __init__(self) -> None:
        super().__init__()
        self._items: list[tuple[Any, str]] = []
        self._ticked: set[int] = set()

    def set_items(self, items: Sequence[tuple[Any, str]], ticked: Sequence[int] = ()) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._ticked = {row for row in ticked if 0 <= row < len(items)}
        self.endResetModel()

    def ticked(self) -> list[Any]:
        """The keys ticked, in the list's order."""
        return [key for row, (key, _text) in enumerate(self._items) if row in self._ticked]

    def set_ticked(self, row: int, ticked: bool) -> None:
        self.setData(self.index(row), Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked, Check)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.isValid() else flags

    def data(self, index: Index, role: int = Display) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        if role == Display:
            return self._items[index.row()][1]
        if role == Check:
            return Qt.CheckState.Checked if index.row() in self._ticked else Qt.CheckState.Unchecked
        return None

    def setData(self, index: Index, value: Any, role: int = Check) -> bool:
        if not index.isValid() or role != Check:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        (self._ticked.add if checked else self._ticked.discard)(index.row())
        self.dataChanged.emit(index, index, [Check])
        return True
