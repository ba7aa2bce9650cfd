"""Agenda items of a sitting: add, edit, delete and restore, reorder."""

from sqlmodel import Session

from workshop_desk.domain import validation
from workshop_desk.domain.agenda import moved
from workshop_desk.domain.models import AgendaItem, ItemDraft
from workshop_desk.i18n import _
from workshop_desk.services.mapping import renumber, to_domain
from workshop_desk.services.sittings import ordered_items
from workshop_desk.services.writes import writes
from workshop_desk.storage import snapshots
from workshop_desk.storage.db import Database
from workshop_desk.storage.snapshots import Snapshot
from workshop_desk.storage.tables import AgendaItemTable, SittingTable


def _clean(draft: ItemDraft) -> dict[str, object]:
    return {
        "title": validation.clean_title(draft.title, _("Item title")),
        "kind": str(draft.kind),
        "planned_minutes": validation.clean_minutes(draft.planned_minutes),
        "notes": validation.clean_text(draft.notes, _("Notes")),
    }


def _renumber(session: Session, sitting_id: int, ordered_ids: list[int]) -> list[AgendaItem]:
    rows = {row.id: row for row in ordered_items(session, sitting_id)}
    return [to_domain(row, AgendaItem) for row in renumber(session, rows, ordered_ids, "item of the sitting")]


class AgendaService:
    """Edits a sitting's agenda."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def items(self, sitting_id: int) -> list[AgendaItem]:
        """The sitting's items in order."""
        with self._db.session() as session:
            return [to_domain(row, AgendaItem) for row in ordered_items(session, sitting_id)]

    @writes
    def add(self, sitting_id: int, draft: ItemDraft, row: int | None = None) -> AgendaItem:
        """A new item at `row` (at the end when None)."""
        values = _clean(draft)
        with self._db.session() as session:
            if session.get(SittingTable, sitting_id) is None:
                raise LookupError(f"sitting {sitting_id}")
            ids = [item.id for item in ordered_items(session, sitting_id)]
            new = AgendaItemTable(sitting_id=sitting_id, position=len(ids), **values)  # type: ignore[arg-type]
            session.add(new)
            session.flush()
            assert new.id is not None
            ids.insert(len(ids) if row is None else max(0, min(row, len(ids))), new.id)
            _renumber(session, sitting_id, [i for i in ids if i is not None])
            return to_domain(new, AgendaItem)

    @writes
    def update(self, item_id: int, draft: ItemDraft) -> AgendaItem:
        """Save an item's edited fields."""
        values = _clean(draft)
        with self._db.session() as session:
            row = session.get(AgendaItemTable, item_id)
            if row is None:
                raise LookupError(f"agenda item {item_id}")
            for name, value in values.items():
                setattr(row, name, value)
            session.add(row)
            return to_domain(row, AgendaItem)

    @writes
    def delete(self, item_id: int) -> Snapshot:
        """Delete an item (the run forgets it if it was the current one); returns what an undo puts back."""
        with self._db.session() as session:
            snapshot = snapshots.remove(session, "agenda_item", [item_id])
            sitting_id = snapshot.of("agenda_item")[0]["sitting_id"]
            remaining = [r.id for r in ordered_items(session, sitting_id) if r.id]
            _renumber(session, sitting_id, remaining)
            return snapshot

    @writes
    def reorder(self, sitting_id: int, ordered_ids: list[int]) -> list[AgendaItem]:
        """Put the sitting's items in this order."""
        with self._db.session() as session:
            return _renumber(session, sitting_id, ordered_ids)

    @writes
    def move(self, sitting_id: int, item_id: int, to_row: int) -> list[AgendaItem]:
        """Move one item to another row."""
        ids = [item.id for item in self.items(sitting_id)]
        return self.reorder(sitting_id, moved(ids, ids.index(item_id), to_row))
