"""A sitting's room tables as an editable table: name, theme, capacity, host, rapporteur."""

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from workshop_desk.domain.table_plan import RoomTable, TableDraft
from workshop_desk.i18n import _

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NAME = 0
    THEME = 1
    CAPACITY = 2
    HOST = 3
    RAPPORTEUR = 4


class RoomTablesModel(QAbstractTableModel):
    """Edits are requested (`edit_requested(table, draft)`), saved by the page, then the model is reloaded."""

    edit_requested = Signal(object, object)

    def __init__(self) -> None:
        super().__init__()
        self._tables: list[RoomTable] = []
        self._names: dict[int, str] = {}

    def set_tables(self, tables: list[RoomTable], names: dict[int, str]) -> None:
        self.beginResetModel()
        self._tables, self._names = list(tables), dict(names)
        self.endResetModel()

    def table(self, row: int) -> RoomTable:
        return self._tables[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._tables)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [_("Table"), _("Theme"), _("Seats"), _("Host (stays)"), _("Rapporteur")]
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._tables):
            return None
        table, column = self._tables[index.row()], Column(index.column())
        values: dict[Column, Any] = {Column.NAME: table.name, Column.THEME: table.theme,
                                     Column.CAPACITY: table.capacity, Column.HOST: table.host_id,
                                     Column.RAPPORTEUR: table.rapporteur_id}
        if role == Qt.ItemDataRole.EditRole:
            return values[column]
        if role == Qt.ItemDataRole.DisplayRole:
            if column in (Column.HOST, Column.RAPPORTEUR):
                return self._names.get(values[column] or -1, "")
            return values[column]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        table = self._tables[index.row()]
        fields = {"name": table.name, "theme": table.theme, "capacity": table.capacity, "host_id": table.host_id,
                  "rapporteur_id": table.rapporteur_id}
        name = ("name", "theme", "capacity", "host_id", "rapporteur_id")[index.column()]
        fields[name] = int(value) if name == "capacity" else (value or None) if name.endswith("_id") else str(value)
        draft = TableDraft(**fields)  # type: ignore[arg-type]
        if draft != TableDraft(table.name, table.theme, table.capacity, table.host_id, table.rapporteur_id):
            self.edit_requested.emit(table, draft)
        return True
