"""Agenda items of a sitting: add, edit, delete and restore, reorder."""

from sqlmodel import Session

from workshop_desk.domain import validation
from workshop_desk.domain.agenda import moved
from workshop_desk.domain.models import AgendaItem, ItemDraft
from workshop_desk.i18n import _
from workshop_desk.services.mapping import renumber, to_domain
from workshop_desk.services.sittings import ordered_items
from workshop_desk.storage.db import Database
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

    def delete(self, item_id: int) -> AgendaItem:
        """Delete an item; returns it, for undo."""
        with self._db.session() as session:
            row = session.get(AgendaItemTable, item_id)
            if row is None:
                raise LookupError(f"agenda item {item_id}")
            item = to_domain(row, AgendaItem)
            session.delete(row)
            session.flush()
            sitting = session.get(SittingTable, item.sitting_id)
            if sitting is not None and sitting.current_item_id == item_id:
                sitting.current_item_id = None
                session.add(sitting)
            remaining = [r.id for r in ordered_items(session, item.sitting_id) if r.id]
            _renumber(session, item.sitting_id, remaining)
            return item

    def restore(self, item: AgendaItem) -> AgendaItem:
        """Put a deleted item back with its id and at its position (undo of delete)."""
        with self._db.session() as session:
            session.add(AgendaItemTable(
                id=item.id, sitting_id=item.sitting_id, position=item.position, title=item.title,
                kind=str(item.kind), planned_minutes=item.planned_minutes, notes=item.notes,
                actual_start=item.actual_start, actual_end=item.actual_end))
            session.flush()
            ids = [r.id for r in ordered_items(session, item.sitting_id)
                   if r.id is not None and r.id != item.id]
            ids.insert(min(item.position, len(ids)), item.id)
            _renumber(session, item.sitting_id, ids)
            return item

    def reorder(self, sitting_id: int, ordered_ids: list[int]) -> list[AgendaItem]:
        """Put the sitting's items in this order."""
        with self._db.session() as session:
            return _renumber(session, sitting_id, ordered_ids)

    def move(self, sitting_id: int, item_id: int, to_row: int) -> list[AgendaItem]:
        """Move one item to another row."""
        ids = [item.id for item in self.items(sitting_id)]
        return self.reorder(sitting_id, moved(ids, ids.index(item_id), to_row))
