"""Deleting rows so that an undo puts everything back: one mechanism for every delete in the product.

Before rows go, the snapshot keeps, as plain values: every row the delete takes with them (the ON DELETE CASCADE
closure, found from the schema itself, so a new table is covered the day it is declared), every link the delete
clears (ON DELETE SET NULL, and the few references the schema does not declare), and the positions of the rows'
siblings, which services renumber. Restoring inserts the rows under their own ids — ids are never reused, see
tables.py — and sets the links and positions back.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, insert, select, text, update
from sqlmodel import Session, SQLModel

import workshop_desk.storage.tables  # noqa: F401  (registers the tables on the metadata)

Rows = tuple[dict[str, Any], ...]
Link = tuple[str, int, tuple[tuple[str, Any], ...]]  # table, row id, (column, value) pairs to set again
_CHUNK = 500  # ids per IN (…)

# References the schema does not declare as foreign keys: (table, column, table referred to).
UNDECLARED = (("sitting", "current_item_id", "agenda_item"),)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Deleted rows by table, and the (table, row id, values) to set again on rows that stayed."""

    rows: tuple[tuple[str, Rows], ...]
    links: tuple[Link, ...] = ()

    def of(self, table: str) -> Rows:
        """The deleted rows of one table."""
        return next((rows for name, rows in self.rows if name == table), ())

    @property
    def count(self) -> int:
        return sum(len(rows) for _name, rows in self.rows)


def _tables() -> dict[str, Table]:
    return SQLModel.metadata.tables  # type: ignore[return-value]


def _referrers(table: str) -> list[tuple[str, str, str]]:
    """(table, column, 'CASCADE' or 'SET NULL') for every column that refers to `table`."""
    found = [(other.name, key.parent.name, (key.ondelete or "").upper())
             for other in _tables().values() for key in other.foreign_keys if key.column.table.name == table]
    return found + [(name, column, "SET NULL") for name, column, target in UNDECLARED if target == table]


def _select(session: Session, table: str, column: str, ids: Iterable[int]) -> list[dict[str, Any]]:
    wanted = sorted(set(ids))
    source = _tables()[table]
    rows: list[dict[str, Any]] = []
    for start in range(0, len(wanted), _CHUNK):
        query = select(source).where(source.c[column].in_(wanted[start:start + _CHUNK])).order_by(source.c.id)
        rows += [dict(row) for row in session.execute(query).mappings()]
    return rows


def take(session: Session, table: str, ids: Sequence[int]) -> Snapshot:
    """What deleting these rows would remove and change, without deleting anything."""
    taken = _closure(session, table, ids)
    links: dict[tuple[str, int], dict[str, Any]] = defaultdict(dict)
    for name, rows in taken.items():
        for other, column, action in _referrers(name):
            if action != "SET NULL":
                continue
            for row in _select(session, other, column, rows):
                if row["id"] not in taken.get(other, {}):
                    links[other, row["id"]][column] = row[column]
    for sibling in _siblings(session, table, taken.get(table, {}).values()):
        links[table, sibling["id"]]["position"] = sibling["position"]
    ordered = [name for name in _tables() if taken.get(name)]  # the metadata's order: parents first
    return Snapshot(tuple((name, tuple(taken[name][i] for i in sorted(taken[name]))) for name in ordered),
                    tuple((name, row_id, tuple(sorted(values.items()))) for (name, row_id), values in links.items()))


def _closure(session: Session, table: str, ids: Sequence[int]) -> dict[str, dict[int, dict[str, Any]]]:
    """The rows themselves, and every row that ON DELETE CASCADE would take with them, by table and id."""
    taken: dict[str, dict[int, dict[str, Any]]] = defaultdict(dict)
    queue: list[tuple[str, str, Sequence[int]]] = [(table, "id", ids)]
    while queue:
        name, column, keys = queue.pop()
        new = [row for row in _select(session, name, column, keys) if row["id"] not in taken[name]]
        taken[name].update((row["id"], row) for row in new)
        if new:
            queue += [(other, child_column, [row["id"] for row in new])
                      for other, child_column, action in _referrers(name) if action == "CASCADE"]
    return taken


def _siblings(session: Session, table: str, rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of the same list as `rows` (same owner through a required cascading key) that stay, with positions."""
    source = _tables()[table]
    if "position" not in source.c:
        return []
    owners = [key.parent.name for key in source.foreign_keys
              if (key.ondelete or "").upper() == "CASCADE" and not key.parent.nullable]
    chosen = list(rows)
    gone = {row["id"] for row in chosen}
    scopes = {tuple(row[owner] for owner in owners) for row in chosen}
    found = []
    for scope in scopes:
        query = select(source.c.id, source.c.position).where(*[source.c[o] == v for o, v in zip(owners, scope,
                                                                                                  strict=True)])
        found += [dict(row) for row in session.execute(query).mappings() if row["id"] not in gone]
    return found


Roots = Sequence[tuple[str, Sequence[int]]]  # (table, ids) of the rows a change touches


def take_all(session: Session, roots: Roots) -> Snapshot:
    """One snapshot of several sets of rows (a change that touches rows of more than one table)."""
    rows: dict[str, dict[int, dict[str, Any]]] = defaultdict(dict)
    links: dict[tuple[str, int], tuple[tuple[str, Any], ...]] = {}
    for table, ids in roots:
        if not ids:
            continue
        snapshot = take(session, table, ids)
        for name, found in snapshot.rows:
            rows[name].update((row["id"], row) for row in found)
        links.update(((name, row_id), values) for name, row_id, values in snapshot.links)
    ordered = [name for name in _tables() if rows.get(name)]
    gone = {(name, row_id) for name in ordered for row_id in rows[name]}
    return Snapshot(tuple((name, tuple(rows[name][i] for i in sorted(rows[name]))) for name in ordered),
                    tuple((name, row_id, values) for (name, row_id), values in links.items()
                          if (name, row_id) not in gone))


def replace(session: Session, roots: Roots, snapshot: Snapshot) -> None:
    """Delete the rows of `roots` that exist now, then put the snapshot's rows back: the rows a change touched
    return to the state the snapshot holds (undo and redo of changes that are not a single delete)."""
    for table, ids in roots:
        source = _tables()[table]
        existing = [row_id for (row_id,) in session.execute(select(source.c.id).where(source.c.id.in_(list(ids))))]
        if existing:
            remove(session, table, existing)
    restore(session, snapshot)


def remove(session: Session, table: str, ids: Sequence[int]) -> Snapshot:
    """Delete these rows (the database takes and clears what depends on them); returns what restore() needs.
    LookupError when none of them exists."""
    snapshot = take(session, table, ids)
    if not snapshot.of(table):
        raise LookupError(f"{table} {list(ids)}")
    source = _tables()[table]
    for name, column, target in UNDECLARED:
        if target == table:
            other = _tables()[name]
            session.execute(update(other).where(other.c[column].in_(list(ids))).values({column: None}))
    session.execute(delete(source).where(source.c.id.in_(list(ids))))
    return snapshot


def restore(session: Session, snapshot: Snapshot) -> None:
    """Put deleted rows back under their ids, and the links and positions as they were."""
    # Rows of one table may refer to each other (a note merged into another): check keys at commit, not per row.
    session.execute(text("PRAGMA defer_foreign_keys = ON"))
    tables = _tables()
    for name, rows in snapshot.rows:
        if rows:
            session.execute(insert(tables[name]), list(rows))
    for name, row_id, values in snapshot.links:
        table = tables[name]
        session.execute(update(table).where(table.c.id == row_id).values(dict(values)))
