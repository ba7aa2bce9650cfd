"""People the sign-in desk can find as the name is typed: the sitting's roster first, then the registry."""

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from workshop_desk.domain.attendance import RosterEntry, is_in_room
from workshop_desk.domain.clock import local
from workshop_desk.domain.models import Participant, StakeholderGroup
from workshop_desk.domain.people import fold, search_text
from workshop_desk.i18n import _, format_time

Index = QModelIndex | QPersistentModelIndex
MAX_MATCHES = 50  # more than a screenful helps no one at the door


class RosterModel(QAbstractListModel):
    """Holds everyone in memory (folded once), and shows the matches of the current query."""

    def __init__(self) -> None:
        super().__init__()
        self._entries: dict[int, RosterEntry] = {}
        self._folded: dict[int, str] = {}
        self._groups: dict[int, StakeholderGroup] = {}
        self._matches: list[int] = []

    def set_people(self, people: list[Participant], roster: list[RosterEntry], groups: list[StakeholderGroup]) -> None:
        """Everyone in the registry; those with an attendance row come with it."""
        expected = {entry.participant.id: entry for entry in roster}
        self._entries = {p.id: expected.get(p.id, RosterEntry(p, None)) for p in people}
        self._folded = {pid: search_text(entry.participant) for pid, entry in self._entries.items()}
        self._groups = {group.id: group for group in groups}

    def update_entry(self, entry: RosterEntry) -> None:
        """One person's attendance changed (signed in, undone, left)."""
        pid = entry.participant.id
        self._entries[pid] = entry
        self._folded[pid] = search_text(entry.participant)
        if pid in self._matches:
            row = self._matches.index(pid)
            self.dataChanged.emit(self.index(row), self.index(row))

    def entries(self) -> list[RosterEntry]:
        return list(self._entries.values())

    def entry(self, participant_id: int) -> RosterEntry | None:
        return self._entries.get(participant_id)

    def group(self, group_id: int | None) -> StakeholderGroup | None:
        return self._groups.get(group_id or -1)

    def search(self, query: str) -> None:
        """Show who matches every word of `query`: people not yet in the room first (Enter signs in the top
        one), those expected before walk-ins, then by name; people already here come last, marked."""
        words = fold(query).split()
        self.beginResetModel()
        if not words:
            self._matches = []
        else:
            found = [pid for pid, text in self._folded.items() if all(w in text for w in words)]
            found.sort(key=lambda pid: (is_in_room(self._entries[pid].attendance),
                                        self._entries[pid].attendance is None,
                                        fold(self._entries[pid].participant.sort_name)))
            self._matches = found[:MAX_MATCHES]
        self.endResetModel()

    def participant_id(self, row: int) -> int:
        return self._matches[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._matches)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._matches):
            return None
        entry = self._entries[self._matches[index.row()]]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._line(entry)
        if role == Qt.ItemDataRole.DecorationRole:
            group = self.group(entry.participant.group_id)
            return QColor(group.colour) if group else QColor("#BDBDBD")
        if role == Qt.ItemDataRole.ForegroundRole and is_in_room(entry.attendance):
            return QColor("#2E7D32")
        return None

    @staticmethod
    def _line(entry: RosterEntry) -> str:
        person = entry.participant
        text = f"{person.last_name.upper()} {person.first_name}"
        if person.organisation:
            text += f" — {person.organisation}"
        if is_in_room(entry.attendance) and entry.attendance and entry.attendance.signed_in_at:
            since = format_time(local(entry.attendance.signed_in_at).time())
            text = "✔ " + text + "   " + _("here since {time}").format(time=since)  # the mark first: seen at once
        elif entry.attendance is None:
            text += "   " + _("(not on the list)")
        return text
