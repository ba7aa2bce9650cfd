"""The open programme file: engine, pragmas, unit of work, checkpoints, copies through SQLite's backup API."""

import logging
import os
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from workshop_desk.storage import wal
from workshop_desk.storage.errors import ReadOnlyReason, StorageError, WriteProblem, classify
from workshop_desk.storage.header import APPLICATION_ID
from workshop_desk.storage.lock import ProgrammeLock

log = logging.getLogger(__name__)

CHECKPOINT_BYTES = 4 * 1024 * 1024  # fold the log into the file past this size (SQLite's own default is ~4 MB)
BUSY_TIMEOUT_MS = 5000
TEMP_PREFIX = ".wdesk-"


def make_engine(path: Path, foreign_keys: bool = True) -> Engine:
    """A writing engine on `path` with our pragmas; every transaction takes the write lock when it begins, so that
    a busy file makes it wait (up to the busy timeout) instead of failing at once when it first writes."""
    # URL.create, not an f-string: a '?' or '#' in the file name must not be read as URL syntax.
    engine = create_engine(URL.create("sqlite", database=str(path)), connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Autocommit at the driver level so that pragmas apply; transactions begin below.
        dbapi_connection.isolation_level = None
        with closing(dbapi_connection.cursor()) as cursor:
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
            # Checkpoints are ours (Database.checkpoint), each followed by the log's anchor.
            cursor.execute("PRAGMA wal_autocheckpoint=0")

    _begin_with(engine, "BEGIN IMMEDIATE")
    return engine


def make_read_only_engine(path: Path, immutable: bool) -> Engine:
    """An engine that cannot change the file and leaves nothing beside it. `immutable`: no one else has the file
    open, so SQLite need not look for a log or a shared-memory file (it would create one)."""
    uri = f"file:{quote(str(path))}?{'immutable=1' if immutable else 'mode=ro'}"

    def connect() -> sqlite3.Connection:
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
        connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA query_only=ON")
        return connection

    engine = create_engine("sqlite://", creator=connect)
    _begin_with(engine, "BEGIN")
    return engine


def _begin_with(engine: Engine, statement: str) -> None:
    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # On the driver's connection: SQLAlchemy's execution machinery cost as much as the statement, on every unit
        # of work. An error (busy) comes out as sqlite3's own, which `_storage_errors` sorts like a wrapped one.
        connection.connection.driver_connection.execute(statement)


class Database:
    """One open programme file. `session()` is the unit of work: it commits or rolls back.

    Units of work in this process take turns (the gate), so that a checkpoint and the anchor that follows it are
    never separated by someone else's write. A read-only database has no lock, no checkpoint and no anchor; it may
    read a private copy (`source`) of a file that could not be read in place."""

    def __init__(self, path: Path, engine: Engine, *, read_only: bool = False, lock: ProgrammeLock | None = None,
                 private: Path | None = None) -> None:
        self.path = path
        self.engine = engine
        self.read_only = read_only
        self._lock = lock
        self._private = private  # a temporary folder holding the copy this database reads
        self.read_only_reason: ReadOnlyReason | None = None
        self._changes = 0
        self._gate = threading.RLock()
        self._log = str(wal.wal_path(path))  # looked at after every change
        self._held_back = 0  # the log's size when readers last kept a checkpoint from emptying it
        self._anchored: wal.Anchor | None = None  # the last anchor written; None: the next one reads every page
        self.checkpoint_bytes = CHECKPOINT_BYTES

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits when the block ends without error. Database errors come out as StorageError,
        saying what went wrong (busy, read-only, disk full…), with nothing committed."""
        wrote = False
        with self._gate, _storage_errors(self.path), Session(self.engine, expire_on_commit=False) as session:
            driver = session.connection().connection.dbapi_connection
            assert driver is not None
            changes_before = driver.total_changes
            yield session
            session.flush()
            wrote = driver.total_changes != changes_before
            session.commit()
            if wrote:
                self._changes += 1
        if wrote and not self.read_only:
            self._checkpoint_if_large()

    @property
    def change_count(self) -> int:
        """How many units of work have committed changes since the file was opened (reads don't count)."""
        return self._changes

    def copy_to(self, target: Path) -> None:
        """Write a consistent copy of the open file to `target`, through the backup API."""
        with self._gate, _storage_errors(self.path):
            raw = self.engine.raw_connection()
            try:
                write_copy(raw.driver_connection, target)  # type: ignore[arg-type]
            finally:
                raw.close()

    def replace_contents(self, source: Path) -> None:
        """Make the open file hold what `source` holds, in one transaction (restoring a backup)."""
        if self.read_only:
            raise StorageError(WriteProblem.READ_ONLY, self.path)
        with self._gate, _storage_errors(self.path):
            raw = self.engine.raw_connection()
            try:
                with closing(sqlite3.connect(f"file:{quote(str(source))}?immutable=1", uri=True)) as origin:
                    origin.backup(raw.driver_connection)  # type: ignore[arg-type]
            finally:
                raw.close()
            self._changes += 1
            self._anchored = None  # every page replaced: the next anchor reads them all
            self.checkpoint()  # the anchor came from the backup: a new one, for the file as it is now

    def integrity_problems(self) -> list[str]:
        """What `PRAGMA integrity_check` and `foreign_key_check` report ('ok' is no problem)."""
        with self.engine.connect() as connection:
            rows = connection.exec_driver_sql("PRAGMA integrity_check").fetchall()
            problems = [str(row[0]) for row in rows if row[0] != "ok"]
            keys = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            problems += [f"foreign key: {tuple(row)}" for row in keys]
            connection.rollback()
        return problems

    def checkpoint(self) -> None:
        """Fold the log into the file, then anchor the log to the file as it now is (wal.py). Also when readers kept
        the log from being emptied: SQLite starts it afresh at the next write once they have gone, and a fresh log
        must begin with the anchor (else a crash would leave a log that the file's own check refuses)."""
        if self.read_only:
            return
        with self._gate, _storage_errors(self.path):
            folded = self._log_contents()  # the pages this checkpoint may fold in: those its anchor reads again
            emptied = checkpoint(self.engine, wait=False)
            self._anchor(folded)
        # Held back: try again once the log has grown by as much again, not after every change (each try reads the
        # log and writes an anchor, and a reader that comes and goes would make every badge scan pay for it).
        self._held_back = 0 if emptied else self._log_size()

    def _checkpoint_if_large(self) -> None:
        if self._log_size() > self.checkpoint_bytes + self._held_back:
            self.checkpoint()

    def _log_size(self) -> int:
        try:
            return os.stat(self._log).st_size
        except OSError:
            return 0

    def _log_contents(self) -> wal.LogContents | None:
        if self._anchored is None:  # every page is read anyway
            return None
        try:
            return wal.read_log(self.path)
        except OSError:  # no log (someone else folded it in and removed it): every page is read
            return None

    def _anchor(self, folded: wal.LogContents | None) -> None:
        previous, self._anchored = self._anchored, None  # should anything below fail, the next anchor reads it all
        page_size = _page_size(self.engine)
        digests = wal.next_anchor(self.path, page_size, previous, folded)
        with self.engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT OR REPLACE INTO wal_anchor (id, page_size, digests, written_at) VALUES (1, ?, ?, ?)",
                (page_size, digests, datetime.now(UTC).isoformat()))
        # Read after the anchor's own write: SQLite may have started the log afresh with it.
        generation = wal.log_generation(self.path)
        if generation is not None:
            self._anchored = wal.Anchor(page_size, digests, generation)

    def close(self) -> None:
        """Fold the log into the file, release it and its lock, and forget any private copy."""
        try:
            if not self.read_only:
                with self._gate, _storage_errors(self.path):
                    checkpoint(self.engine)
        finally:
            self.engine.dispose()
            if self._lock is not None:
                self._lock.release()
            if self._private is not None:
                shutil.rmtree(self._private, ignore_errors=True)


@contextmanager
def _storage_errors(path: Path) -> Iterator[None]:
    try:
        yield
    except DBAPIError as exc:
        problem = classify(exc.orig)
        if problem is None:
            raise
        log.warning("database error on %s: %s", path, exc.orig)
        raise StorageError(problem, path, str(exc.orig)) from exc
    except sqlite3.Error as exc:
        problem = classify(exc)
        if problem is None:
            raise
        log.warning("database error on %s: %s", path, exc)
        raise StorageError(problem, path, str(exc)) from exc


def _page_size(engine: Engine) -> int:
    with engine.connect() as connection:
        size = int(connection.exec_driver_sql("PRAGMA page_size").scalar() or 4096)
        connection.rollback()
    return size


def checkpoint(engine: Engine, wait: bool = True) -> bool:
    """Fold the write-ahead log into the main file and empty it; False when readers kept it from finishing. Unless
    `wait`, readers are not waited for: what they still read stays in the log, for a later checkpoint (a checkpoint
    that waits for a reader of another process — a second window, an export — can hold up a change for seconds)."""
    raw = engine.raw_connection()
    driver = raw.driver_connection
    assert driver is not None
    try:
        if not wait:
            driver.execute("PRAGMA busy_timeout=0")
        busy, _log, _done = driver.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        if not wait:
            driver.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        raw.close()
    return busy == 0


def write_copy(origin: sqlite3.Connection, target: Path) -> None:
    """Copy the database `origin` reads to `target` atomically: backup API into a temporary file beside, then rename.
    The copy is a plain file (no log) that opens anywhere."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=TEMP_PREFIX, suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with closing(sqlite3.connect(tmp)) as copy:
            origin.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}-journal").unlink(missing_ok=True)


def remove_leftovers(folder: Path, older_than_seconds: float = 600) -> int:
    """Delete temporary copies (and their journals) that an interrupted copy or creation left in `folder`; recent
    ones may belong to a copy under way in another window. Returns how many files went."""
    now = datetime.now(UTC).timestamp()
    removed = 0
    try:
        found = list(folder.glob(f"{TEMP_PREFIX}*.tmp*")) if folder.is_dir() else []
    except OSError:  # a folder we may not look into: nothing of ours to tidy there
        return 0
    for leftover in found:
        try:
            if now - leftover.stat().st_mtime > older_than_seconds:
                leftover.unlink()
                removed += 1
        except OSError:
            continue
    return removed


def stamp_new_file(path: Path) -> None:
    """Mark a fresh file as ours, in write-ahead-log mode, before anything else is written to it."""
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
        connection.execute("PRAGMA journal_mode=WAL")

