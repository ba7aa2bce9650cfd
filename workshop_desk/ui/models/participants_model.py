"""The registry as a table (name, organisation, role, group, e-mail, status at a sitting), and its filter."""

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from workshop_desk.domain.enums import AttendanceStatus, label
from workshop_desk.domain.models import Attendance, Participant, StakeholderGroup
from workshop_desk.domain.people import fold, search_text
from workshop_desk.i18n import _
from workshop_desk.ui.tooltips import typed_tip

Index = QModelIndex | QPersistentModelIndex
PARTICIPANT_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3


class Column(IntEnum):
    NAME = 0
    ORGANISATION = 1
    ROLE = 2
    GROUP = 3
    EMAIL = 4
    STATUS = 5


class ParticipantsModel(QAbstractTableModel):
    """Read-only rows over domain objects; edits go through the document."""

    def __init__(self) -> None:
        super().__init__()
        self._people: list[Participant] = []
        self._search: list[str] = []
        self._groups: dict[int, StakeholderGroup] = {}
        self._statuses: dict[int, Attendance] = {}

    def set_data(self, people: list[Participant], groups: list[StakeholderGroup],
                 statuses: dict[int, Attendance] | None = None) -> None:
        self.beginResetModel()
        self._people = list(people)
        self._search = [search_text(person) for person in self._people]  # folded once, not per keystroke
        self._groups = {group.id: group for group in groups}
        self._statuses = statuses or {}
        self.endResetModel()

    def person(self, row: int) -> Participant:
        return self._people[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [_("Name"), _("Organisation"), _("Role"), _("Group"), _("E-mail"), _("Status")]
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        person = self._people[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(person, Column(index.column()))
        if role == Qt.ItemDataRole.ToolTipRole:
            return typed_tip(self._text(person, Column(index.column()))) or None
        if role == Qt.ItemDataRole.DecorationRole and index.column() == Column.GROUP:
            group = self._groups.get(person.group_id or -1)
            return QColor(group.colour) if group else None
        if role == PARTICIPANT_ROLE:
            return person.id
        if role == GROUP_ROLE:
            return person.group_id
        if role == SEARCH_ROLE:
            return self._search[index.row()]
        return None

    def _text(self, person: Participant, column: Column) -> str:
        if column == Column.NAME:
            return f"{person.last_name.upper()} {person.first_name}".strip()
        if column == Column.GROUP:
            group = self._groups.get(person.group_id or -1)
            return group.name if group else ""
        if column == Column.STATUS:
            attendance = self._statuses.get(person.id)
            return label(AttendanceStatus(attendance.status)) if attendance else ""
        values = {Column.ORGANISATION: person.organisation, Column.ROLE: person.role, Column.EMAIL: person.email}
        return values[column]


class ParticipantsFilter(QSortFilterProxyModel):
    """Search as you type (accents and case ignored, every word must match) and a group filter."""

    ALL_GROUPS = -1

    def __init__(self) -> None:
        super().__init__()
        self._words: list[str] = []
        self._group: int | None = self.ALL_GROUPS
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortLocaleAware(True)

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange()

    def set_group(self, group_id: int | None) -> None:
        """Only this group (None: people with no group; ALL_GROUPS: everyone)."""
        self.beginFilterChange()
        self._group = group_id
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self._group != self.ALL_GROUPS and model.data(index, GROUP_ROLE) != self._group:
            return False
        haystack = model.data(index, SEARCH_ROLE) or ""
        return all(word in haystack for word in self._words)
