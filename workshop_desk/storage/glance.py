"""A first look at a programme file — its title and sittings — read with plain sqlite3, without the ORM, so that the
console can show the last programme while the rest of the app loads."""

import datetime as dt
import logging
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from workshop_desk.domain.enums import SittingKind
from workshop_desk.domain.models import Programme, Sitting
from workshop_desk.storage.header import APPLICATION_ID, SCHEMA_VERSION

log = logging.getLogger(__name__)

_SITTINGS = ("SELECT id, programme_id, title, kind, date, position, run_started_at, run_ended_at FROM sitting "
             "ORDER BY position, id")


@dataclass(frozen=True, slots=True)
class Glance:
    """What the console shows of a programme before it is open: it is replaced by the file's own reading."""

    path: Path
    programme: Programme
    sittings: tuple[Sitting, ...]


def glance(path: Path) -> Glance | None:
    """The programme and its sittings, or None when the file is not one this version reads as it is (missing, of
    another version, damaged): the full opening then says why. Nothing is written — not even SQLite's shared-memory
    file: the file is opened immutable, so that a crash's log not yet replayed is left for the opening to replay."""
    if not path.is_file():
        return None
    try:
        with closing(sqlite3.connect(f"file:{quote(str(path))}?mode=ro&immutable=1", uri=True)) as connection:
            return _read(connection, path)
    except (sqlite3.Error, ValueError, TypeError) as error:  # a damaged or foreign file: the opening will say
        log.info("no first look at %s: %s", path, error)
        return None


def _read(connection: sqlite3.Connection, path: Path) -> Glance | None:
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if application_id != APPLICATION_ID or version != SCHEMA_VERSION:
        return None
    found = connection.execute("SELECT id, title FROM programme ORDER BY id LIMIT 1").fetchone()
    if found is None:
        return None
    sittings = tuple(_sitting(row) for row in connection.execute(_SITTINGS))
    return Glance(path, Programme(found[0], found[1]), sittings)


def _sitting(row: tuple[int, int, str, str, str | None, int, str | None, str | None]) -> Sitting:
    sitting_id, programme_id, title, kind, day, position, started, ended = row
    return Sitting(sitting_id, programme_id, title, SittingKind(kind), dt.date.fromisoformat(day) if day else None,
                   position=position, run_started_at=_moment(started), run_ended_at=_moment(ended))


def _moment(value: str | None) -> dt.datetime | None:
    """A stored moment (UTC, as the file keeps them)."""
    if not value:
        return None
    moment = dt.datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
