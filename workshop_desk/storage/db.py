"""The open programme file: engine, pragmas, unit of work, copies through SQLite's backup API."""

import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import URL, Engine, create_engine, event
from sqlmodel import Session

from workshop_desk.storage.header import APPLICATION_ID, FileProblem, ProgrammeFileError


def make_engine(path: Path, foreign_keys: bool = True) -> Engine:
    """An engine on `path` with our pragmas, and real transactions (DDL included)."""
    # URL.create, not an f-string: a '?' or '#' in the file name must not be read as URL syntax.
    url = URL.create("sqlite", database=str(path))
    engine = create_engine(url, connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Autocommit at the driver level so that pragmas apply; transactions begin below.
        dbapi_connection.isolation_level = None
        with closing(dbapi_connection.cursor()) as cursor:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
            cursor.execute("PRAGMA busy_timeout=5000")

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


class Database:
    """One open programme file. `session()` is the unit of work: it commits or rolls back."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._changes = 0
        self._lock = threading.Lock()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits when the block ends without error."""
        with Session(self.engine, expire_on_commit=False) as session:
            driver = session.connection().connection.dbapi_connection
            assert driver is not None
            changes_before = driver.total_changes
            yield session
            session.flush()
            wrote = driver.total_changes != changes_before
            session.commit()
        if wrote:
            with self._lock:
                self._changes += 1

    @property
    def change_count(self) -> int:
        """How many units of work have committed changes since the file was opened (reads don't count)."""
        return self._changes

    def copy_to(self, target: Path) -> None:
        """Write a consistent copy of the open file to `target`, through the backup API."""
        copy_database(self.path, target)

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
        """Fold the write-ahead log into the file itself."""
        checkpoint(self.engine)

    def close(self) -> None:
        """Fold the write-ahead log into the file and release it."""
        try:
            self.checkpoint()
        finally:
            self.engine.dispose()


def checkpoint(engine: Engine) -> None:
    """Fold the write-ahead log into the main file (whose header the open checks read directly)."""
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.rollback()


def copy_database(source: Path, target: Path) -> None:
    """Copy an SQLite file, open or not, to `target` atomically (backup API, then rename)."""
    if not source.is_file():  # sqlite3.connect would create an empty database and copy that
        raise FileNotFoundError(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".wdesk-", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with closing(sqlite3.connect(source)) as origin, closing(sqlite3.connect(tmp)) as copy:
            origin.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def read_only_connection(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file and, when it is closed, leaves no -wal/-shm beside it."""
    if Path(f"{path}-wal").exists():  # open elsewhere, or left by a crash: read through the log
        return sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
    return sqlite3.connect(f"file:{quote(str(path))}?immutable=1", uri=True)


def quick_check(path: Path) -> None:
    """Raise CORRUPT if SQLite's quick check finds damage; opens the file read-only."""
    try:
        with closing(read_only_connection(path)) as connection:
            rows = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise ProgrammeFileError(path, FileProblem.CORRUPT, str(exc)) from exc
    if [row[0] for row in rows] != ["ok"]:
        raise ProgrammeFileError(path, FileProblem.CORRUPT, "; ".join(str(row[0]) for row in rows[:5]))


def stamp_new_file(engine: Engine) -> None:
    """Mark a fresh file as ours before anything else is written to it."""
    with engine.connect() as connection:
        connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
        connection.commit()
