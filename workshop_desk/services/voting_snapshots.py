"""Deleting ballots, priorities and actions so that undo can put them back exactly, with their own ids.

A snapshot keeps the deleted rows as plain values (parents first) and the links other rows had to them, which
the delete cleared (ON DELETE SET NULL): a priority's ballot and option, an action's priority. Restoring
re-inserts the rows with their ids, so that every later step on the undo stack still names the right rows.
"""

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, insert, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, SQLModel, col, select

from workshop_desk.domain.validation import ValidationError
from workshop_desk.i18n import _
from workshop_desk.storage.db import Database
from workshop_desk.storage.tables import (
    ActionTable,
    BallotOptionTable,
    BallotTable,
    CriterionTable,
    IndicatorTable,
    PriorityTable,
    VoteTable,
)

Rows = tuple[dict[str, Any], ...]
EDITED = ("title", "settings_json")  # what the ballot dialog changes (status and reveal are live controls)
Link = tuple[str, int, tuple[tuple[str, Any], ...]]  # table, row id, (column, value) pairs


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Deleted rows by table (parents first), and (table, row id, values) links to set again."""

    rows: tuple[tuple[str, Rows], ...]
    links: tuple[Link, ...] = ()


def _table(kind: type[SQLModel]) -> Table:
    return SQLModel.metadata.tables[kind.__tablename__]  # type: ignore[index, return-value]


def _rows(session: Session, kind: type[SQLModel], column: str, ids: Sequence[int]) -> Rows:
    table = _table(kind)
    query = sa_select(table).where(table.c[column].in_(list(ids))).order_by(table.c.id)
    return tuple(dict(row) for row in session.execute(query).mappings())


def _links(session: Session, kind: type[SQLModel], column: str, ids: Sequence[int],
           keep: Sequence[str]) -> tuple[Link, ...]:
    """The rows of `kind` pointing at `ids` through `column`, with the values of `keep` to restore."""
    found = _rows(session, kind, column, ids)
    return tuple((kind.__tablename__, row["id"], tuple((name, row[name]) for name in keep))  # type: ignore[misc]
                 for row in found)


def _renumber_priorities(session: Session, sitting_ids: Collection[int], restored: Collection[int] = ()) -> None:
    """Positions 0, 1, 2… in each sitting; rows put back (`restored`) return to the places they had."""
    for sitting_id in sitting_ids:
        rows = session.exec(select(PriorityTable).where(col(PriorityTable.sitting_id) == sitting_id)).all()
        ordered = sorted((r for r in rows if r.id not in restored), key=lambda r: (r.position, r.id or 0))
        for row in sorted((r for r in rows if r.id in restored), key=lambda r: r.position):
            ordered.insert(min(row.position, len(ordered)), row)
        for position, row in enumerate(ordered):
            if row.position != position:
                row.position = position
                session.add(row)


class SnapshotService:
    """Deletes that return a Snapshot, and `restore` that undoes them."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def delete_ballot(self, ballot_id: int) -> Snapshot:
        """Delete a ballot with its options, criteria and votes (its priorities keep their text)."""
        with self._db.session() as session:
            snapshot = _ballot_snapshot(session, ballot_id)
            session.execute(delete(_table(BallotTable)).where(_table(BallotTable).c.id == ballot_id))
            return snapshot

    def ballot(self, ballot_id: int) -> Snapshot:
        """The ballot as it is now (nothing deleted), for `put_back` to return to."""
        with self._db.session() as session:
            return _ballot_snapshot(session, ballot_id)

    def put_back(self, snapshot: Snapshot) -> None:
        """Return a ballot's edit (title, settings, options, criteria) to a snapshot of it. Its votes, status and
        controls are left as they are now; options and criteria cannot change once votes are in."""
        saved = dict(snapshot.rows)
        ballot_id = saved["ballot"][0]["id"]
        with self._db.session() as session:
            now = dict(_ballot_snapshot(session, ballot_id).rows)
            options_same = all(_same(now[name], saved[name]) for name in ("ballot_option", "criterion"))
            settings_same = now["ballot"][0]["settings_json"] == saved["ballot"][0]["settings_json"]
            if now["vote"] and not (options_same and settings_same):
                raise ValidationError(_("Votes have been cast: the options and settings can no longer change. "
                                        "Clear the votes first."))
            table = _table(BallotTable)
            values = {name: saved["ballot"][0][name] for name in EDITED}
            session.execute(update(table).where(table.c.id == ballot_id).values(values))
            if options_same:
                return
            links = _links(session, PriorityTable, "ballot_id", [ballot_id], ("ballot_id", "option_id"))
            for kind in (BallotOptionTable, CriterionTable):
                session.execute(delete(_table(kind)).where(_table(kind).c.ballot_id == ballot_id))
            _insert(session, Snapshot((("ballot_option", saved["ballot_option"]), ("criterion", saved["criterion"])),
                                      _merged(links, snapshot.links)))

    def delete_priorities(self, priority_ids: Sequence[int]) -> Snapshot:
        """Delete priorities (their actions stay, unlinked until an undo); the lists are renumbered."""
        with self._db.session() as session:
            rows = _rows(session, PriorityTable, "id", priority_ids)
            snapshot = Snapshot((("priority", rows),),
                                _links(session, ActionTable, "priority_id", priority_ids, ("priority_id",)))
            table = _table(PriorityTable)
            session.execute(delete(table).where(table.c.id.in_(list(priority_ids))))
            _renumber_priorities(session, {row["sitting_id"] for row in rows})
            return snapshot

    def delete_action(self, action_id: int) -> Snapshot:
        """Delete an action and its indicators."""
        with self._db.session() as session:
            ids = [action_id]
            snapshot = Snapshot((("action", _rows(session, ActionTable, "id", ids)),
                                 ("indicator", _rows(session, IndicatorTable, "action_id", ids))))
            if not snapshot.rows[0][1]:
                raise LookupError(f"action {action_id}")
            session.execute(delete(_table(ActionTable)).where(_table(ActionTable).c.id == action_id))
            return snapshot

    def restore(self, snapshot: Snapshot) -> None:
        """Put the deleted rows back with their ids, and the links to them."""
        with self._db.session() as session:
            _insert(session, snapshot)


def _same(rows: Rows, others: Rows) -> bool:
    return [sorted(row.items()) for row in rows] == [sorted(row.items()) for row in others]


def _ballot_snapshot(session: Session, ballot_id: int) -> Snapshot:
    ids = [ballot_id]
    snapshot = Snapshot(
        (("ballot", _rows(session, BallotTable, "id", ids)),
         ("ballot_option", _rows(session, BallotOptionTable, "ballot_id", ids)),
         ("criterion", _rows(session, CriterionTable, "ballot_id", ids)),
         ("vote", _rows(session, VoteTable, "ballot_id", ids))),
        _links(session, PriorityTable, "ballot_id", ids, ("ballot_id", "option_id")))
    if not snapshot.rows[0][1]:
        raise LookupError(f"ballot {ballot_id}")
    return snapshot


def _merged(current: Sequence[Link], saved: Sequence[Link]) -> tuple[Link, ...]:
    """The links of both, the saved ones winning for a row named in both."""
    found = {(name, row_id): link for name, row_id, link in current}
    found.update({(name, row_id): link for name, row_id, link in saved})
    return tuple((name, row_id, link) for (name, row_id), link in found.items())


def _insert(session: Session, snapshot: Snapshot) -> None:
    """The snapshot's rows inserted with their ids, its links set again, priority lists renumbered."""
    tables = SQLModel.metadata.tables
    for name, rows in snapshot.rows:
        if rows:
            session.execute(insert(tables[name]), list(rows))
    for name, row_id, values in snapshot.links:
        table = tables[name]
        session.execute(update(table).where(table.c.id == row_id).values(dict(values)))
    restored = [row for name, rows in snapshot.rows if name == "priority" for row in rows]
    if restored:
        _renumber_priorities(session, {row["sitting_id"] for row in restored}, {row["id"] for row in restored})
