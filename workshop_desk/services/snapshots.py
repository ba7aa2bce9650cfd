"""Undoing a delete: the one restore for every snapshot that a service's delete returned (storage/snapshots.py)."""

from workshop_desk.services.writes import writes
from workshop_desk.storage import snapshots
from workshop_desk.storage.db import Database
from workshop_desk.storage.snapshots import Roots, Snapshot

__all__ = ["Roots", "Snapshot", "SnapshotService"]


class SnapshotService:
    """Puts deleted rows back."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def capture(self, roots: Roots) -> Snapshot:
        """The rows of `roots` as they are now, with everything that depends on them (nothing is deleted)."""
        with self._db.session() as session:
            return snapshots.take_all(session, roots)

    @writes
    def replace(self, roots: Roots, snapshot: Snapshot) -> None:
        """The rows of `roots` (those that exist) deleted, then the snapshot's rows put back; one unit of work."""
        with self._db.session() as session:
            snapshots.replace(session, roots, snapshot)

    @writes
    def restore(self, snapshot: Snapshot) -> None:
        """Every row of the snapshot back under its id, with the links and positions it had; one unit of work."""
        with self._db.session() as session:
            snapshots.restore(session, snapshot)
