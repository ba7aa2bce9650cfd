"""A ballot's edit as a whole (title, settings, options, criteria), captured and put back for the dialog's undo."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, SQLModel

from workshop_desk.domain.validation import ValidationError
from workshop_desk.i18n import _
from workshop_desk.services.writes import writes
from workshop_desk.storage import snapshots
from workshop_desk.storage.db import Database
from workshop_desk.storage.snapshots import Rows, Snapshot

EDITED = ("title", "settings_json")  # what the ballot dialog changes (status and reveal are live controls)


class BallotStates:
    """`capture` a ballot before an edit, `put_back` to return to it."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def capture(self, ballot_id: int) -> Snapshot:
        """The ballot as it is now, with its options, criteria and votes and the priorities that name it."""
        with self._db.session() as session:
            return snapshots.take(session, "ballot", [ballot_id])

    @writes
    def put_back(self, state: Snapshot) -> None:
        """Return a ballot's edit (title, settings, options, criteria) to a captured state. Its votes, status and
        controls are left as they are now; options and criteria cannot change once votes are in."""
        ballot = state.of("ballot")[0]
        with self._db.session() as session:
            now = snapshots.take(session, "ballot", [ballot["id"]])
            options_same = all(_same(now.of(name), state.of(name)) for name in ("ballot_option", "criterion"))
            settings_same = now.of("ballot")[0]["settings_json"] == ballot["settings_json"]
            if now.of("vote") and not (options_same and settings_same):
                raise ValidationError(_("Votes have been cast: the options and settings can no longer change. "
                                        "Clear the votes first."))
            table = SQLModel.metadata.tables["ballot"]
            session.execute(update(table).where(table.c.id == ballot["id"]).values({n: ballot[n] for n in EDITED}))
            if not options_same:
                _replace_options(session, now, state)

    @writes
    def put_back_votes(self, state: Snapshot) -> None:
        """Return a ballot's votes to a captured state (undo of clearing or importing them); the rest stays."""
        ballot_id = state.of("ballot")[0]["id"]
        with self._db.session() as session:
            now = snapshots.take(session, "ballot", [ballot_id]).of("vote")
            if now:
                snapshots.remove(session, "vote", [row["id"] for row in now])
            snapshots.restore(session, Snapshot((("vote", state.of("vote")),)))


def _replace_options(session: Session, now: Snapshot, state: Snapshot) -> None:
    """The options and criteria of `state` instead of those of `now`; priorities keep pointing at their options."""
    for name in ("ballot_option", "criterion"):
        ids = [row["id"] for row in now.of(name)]
        if ids:
            snapshots.remove(session, name, ids)
    links = {(table, row_id): values for table, row_id, values in (*now.links, *state.links) if table == "priority"}
    snapshots.restore(session, Snapshot((("ballot_option", state.of("ballot_option")),
                                         ("criterion", state.of("criterion"))),
                                        tuple((table, row_id, values) for (table, row_id), values in links.items())))


def _same(rows: Rows, others: Rows) -> bool:
    return _plain(rows) == _plain(others)


def _plain(rows: Sequence[dict[str, Any]]) -> list[list[tuple[str, Any]]]:
    return [sorted(row.items()) for row in rows]
