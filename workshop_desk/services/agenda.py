"""Agenda items of a sitting: add, edit, delete and restore, reorder."""

from collections.abc import Sequence
from dataclasses import fields, replace
from typing import Any

from sqlalchemy import Table, bindparam, insert, select, update
from sqlmodel import Session

from workshop_desk.domain import validation
from workshop_desk.domain.agenda import moved
from workshop_desk.domain.enums import ItemKind
from workshop_desk.domain.models import AgendaItem, ItemDraft
from workshop_desk.i18n import _
from workshop_desk.services.mapping import fetch, to_domain
from workshop_desk.services.writes import writes
from workshop_desk.storage import snapshots
from workshop_desk.storage.db import Database
from workshop_desk.storage.snapshots import Snapshot
from workshop_desk.storage.tables import AgendaItemTable, SittingTable

# Statements built once, rows read as plain tuples: every agenda edit on the console is one of these, and building
# statements and ORM rows cost more than running them.
_ITEMS: Table = AgendaItemTable.__table__  # type: ignore[attr-defined]
_SITTINGS: Table = SittingTable.__table__  # type: ignore[attr-defined]
_FIELDS = tuple(_ITEMS.c[field.name] for field in fields(AgendaItem))  # in the order AgendaItem takes them
_KIND = [field.name for field in fields(AgendaItem)].index("kind")
_SITTING = select(_SITTINGS.c.id).where(_SITTINGS.c.id == bindparam("sitting"))
_ORDERED = select(*_FIELDS).where(_ITEMS.c.sitting_id == bindparam("sitting")).order_by(_ITEMS.c.position)
_NEW = insert(_ITEMS).returning(*_FIELDS)
_EDIT = update(_ITEMS).where(_ITEMS.c.id == bindparam("key")).returning(*_FIELDS)
_PLACE = update(_ITEMS).where(_ITEMS.c.id == bindparam("key")).values(position=bindparam("place"))


def _clean(draft: ItemDraft) -> dict[str, object]:
    return {
        "title": validation.clean_title(draft.title, _("Item title")),
        "kind": str(draft.kind),
        "planned_minutes": validation.clean_minutes(draft.planned_minutes),
        "notes": validation.clean_text(draft.notes, _("Notes")),
    }


def _item(row: Sequence[Any]) -> AgendaItem:
    values = list(row)
    values[_KIND] = ItemKind(values[_KIND])
    return AgendaItem(*values)


def _ordered(session: Session, sitting_id: int) -> list[AgendaItem]:
    return [_item(row) for row in session.execute(_ORDERED, {"sitting": sitting_id})]


def _place(session: Session, items: list[AgendaItem], ordered_ids: list[int]) -> list[AgendaItem]:
    """The sitting's `items` at the positions of `ordered_ids`, which must list every one once; only the items whose
    position changes are written."""
    by_id = {item.id: item for item in items}
    if sorted(by_id) != sorted(ordered_ids):
        raise ValueError("the new order must list every item of the sitting once")
    changed = [{"key": item_id, "place": place} for place, item_id in enumerate(ordered_ids)
               if by_id[item_id].position != place]
    if changed:
        session.execute(_PLACE, changed)
    return [replace(by_id[item_id], position=place) for place, item_id in enumerate(ordered_ids)]


class AgendaService:
    """Edits a sitting's agenda."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def get(self, item_id: int) -> AgendaItem:
        """One item (LookupError when the file has none)."""
        with self._db.session() as session:
            return to_domain(fetch(session, AgendaItemTable, item_id), AgendaItem)

    def items(self, sitting_id: int) -> list[AgendaItem]:
        """The sitting's items in order."""
        with self._db.session() as session:
            return _ordered(session, sitting_id)

    @writes
    def add(self, sitting_id: int, draft: ItemDraft, row: int | None = None) -> AgendaItem:
        """A new item at `row` (at the end when None)."""
        values = _clean(draft)
        with self._db.session() as session:
            items = _ordered(session, sitting_id)  # a sitting that has items exists
            if not items and session.execute(_SITTING, {"sitting": sitting_id}).first() is None:
                raise LookupError(f"sitting {sitting_id}")
            at = len(items) if row is None else max(0, min(row, len(items)))
            new = session.execute(_NEW, {"sitting_id": sitting_id, "position": at, **values}).one()
            items.insert(at, _item(new))
            return _place(session, items, [item.id for item in items])[at]

    @writes
    def update(self, item_id: int, draft: ItemDraft) -> AgendaItem:
        """Save an item's edited fields."""
        values = _clean(draft)
        with self._db.session() as session:
            row = session.execute(_EDIT, {"key": item_id, **values}).first()
            if row is None:
                raise LookupError(f"agenda item {item_id}")
            return _item(row)

    @writes
    def delete(self, item_id: int) -> Snapshot:
        """Delete an item (the run forgets it if it was the current one); returns what an undo puts back."""
        with self._db.session() as session:
            snapshot = snapshots.remove(session, "agenda_item", [item_id])
            remaining = _ordered(session, snapshot.of("agenda_item")[0]["sitting_id"])
            _place(session, remaining, [item.id for item in remaining])
            return snapshot

    @writes
    def reorder(self, sitting_id: int, ordered_ids: list[int]) -> list[AgendaItem]:
        """Put the sitting's items in this order."""
        with self._db.session() as session:
            return _place(session, _ordered(session, sitting_id), ordered_ids)

    @writes
    def move(self, sitting_id: int, item_id: int, to_row: int) -> list[AgendaItem]:
        """Move one item to another row."""
        ids = [item.id for item in self.items(sitting_id)]
        return self.reorder(sitting_id, moved(ids, ids.index(item_id), to_row))
