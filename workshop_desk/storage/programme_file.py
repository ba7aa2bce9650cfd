"""Creating and opening programme files: nothing is written before the file is known to be a sound programme of a
known revision, held by no one else; files that cannot be written are read, never changed, and leave nothing beside.
"""

import logging
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine

from workshop_desk.storage import migrate, wal
from workshop_desk.storage.db import (
    TEMP_PREFIX,
    Database,
    ReadOnlyReason,
    make_engine,
    make_read_only_engine,
    remove_leftovers,
    stamp_new_file,
)
from workshop_desk.storage.errors import StorageError, WriteProblem, classify
from workshop_desk.storage.header import (
    APPLICATION_ID,
    HEAD_REVISION,
    SCHEMA_VERSION,
    FileProblem,
    ProgrammeFileError,
    check_header,
)
from workshop_desk.storage.lock import HeldElsewhere, LeftByCrash, ProgrammeLock, held_elsewhere

log = logging.getLogger(__name__)


def create_file(path: Path, initialise: Callable[[Database], object] | None = None) -> Database:
    """A new programme file at `path`, newest schema, filled by `initialise`, then opened for writing. It is built
    under a temporary name beside and renamed once whole: a crash leaves no half-made file under `path`."""
    if path.exists():
        raise FileExistsError(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=TEMP_PREFIX, suffix=".tmp")
    os.close(fd)
    building = Path(name)
    try:
        stamp_new_file(building)
        migrate.create_schema(building)
        database = Database(building, make_engine(building))
        try:
            if initialise is not None:
                initialise(database)
        finally:
            database.close()  # folds the log in: the file is whole on its own
        _place(building, path)
    finally:
        for leftover in (building, wal.wal_path(building), wal.shm_path(building)):
            leftover.unlink(missing_ok=True)
    return open_file(path, path.parent)


def _place(building: Path, path: Path) -> None:
    """Give the finished file its name, refusing to replace a file that appeared meanwhile."""
    try:
        os.link(building, path)
    except FileExistsError:
        raise
    except OSError:  # no hard links (FAT, exFAT): rename, having checked
        if path.exists():
            raise FileExistsError(path) from None
        os.replace(building, path)
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def open_file(path: Path, backup_dir: Path, *, read_only: bool = False, take_over: bool = False) -> Database:
    """Open a programme file for writing (migrating it after a backup copy if it is older), or for reading when
    asked or when it cannot be written. ProgrammeFileError says why it cannot be opened; OPEN_ELSEWHERE and
    LEFT_OPEN carry the holder, and LEFT_OPEN is taken over when `take_over`."""
    if read_only:
        return read_file(path, ReadOnlyReason.ASKED)
    check_header(path, SCHEMA_VERSION, log_pending=wal.has_log(path))
    reason = _not_writable(path)
    if reason is not None:
        log.info("%s cannot be written (%s): opened read-only", path, reason)
        return read_file(path, reason)
    lock = ProgrammeLock(path)
    try:
        lock.acquire(take_over)
    except HeldElsewhere as exc:
        raise ProgrammeFileError(path, FileProblem.OPEN_ELSEWHERE, owner=exc.owner) from exc
    except LeftByCrash as exc:
        raise ProgrammeFileError(path, FileProblem.LEFT_OPEN, owner=exc.owner) from exc
    except OSError as exc:
        log.info("no lock file beside %s (%s): opened read-only", path, exc)
        return read_file(path, ReadOnlyReason.FOLDER)
    if take_over:
        log.warning("%s was left open by a program that stopped; taken over", path)
    try:
        return _open_for_writing(path, backup_dir, lock)
    except BaseException:
        lock.release()
        raise


def _not_writable(path: Path) -> ReadOnlyReason | None:
    if not os.access(path.parent, os.W_OK):
        return ReadOnlyReason.FOLDER
    if not os.access(path, os.W_OK):
        return ReadOnlyReason.FILE
    return None


def _open_for_writing(path: Path, backup_dir: Path, lock: ProgrammeLock) -> Database:
    if wal.has_log(path):
        shutil.rmtree(replayed_copy(path).parent)  # a log that is not this file's is refused here, untouched
        log.warning("%s had changes left in its log (a crash): recovered", path)
    else:
        inspect(path, _in_place(path))
    engine = make_engine(path)
    database = Database(path, engine, lock=lock)
    try:
        if migrate.needs_upgrade(engine, path):
            database.copy_to(backup_dir / migrate.backup_name(path, datetime.now(UTC)))
            migrate.upgrade(path)
            log.info("%s upgraded to schema %s", path, SCHEMA_VERSION)
        database.checkpoint()  # folds a recovered log in, and anchors the new one
    except ProgrammeFileError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        raise _not_opened(path, exc) from exc
    remove_leftovers(path.parent)
    return database


def _not_opened(path: Path, error: Exception) -> Exception:
    """Why a file examined as sound could not be opened for writing: another program keeps SQLite's lock on it
    (BUSY, after the busy timeout), the disk refused (StorageError, as for any change), or it is damaged."""
    problem = error.problem if isinstance(error, StorageError) else classify(getattr(error, "orig", error))
    if problem is WriteProblem.BUSY:
        return ProgrammeFileError(path, FileProblem.BUSY, str(error))
    if isinstance(error, StorageError):
        return error
    return ProgrammeFileError(path, FileProblem.CORRUPT, str(error))


def read_file(path: Path, reason: ReadOnlyReason = ReadOnlyReason.ASKED, upgrade: bool = True) -> Database:
    """Open a programme file for reading only: nothing is written to it or beside it. A file someone is writing is
    read through SQLite's sharing; one left with a log (or, when `upgrade`, at an older schema) is read from a
    private copy."""
    pending = wal.has_log(path)
    check_header(path, SCHEMA_VERSION, log_pending=pending)
    if held_elsewhere(path):
        engine = make_read_only_engine(path, immutable=False)
        return _readable(path, engine, reason, upgrade)
    if pending:
        copy = replayed_copy(path)
        return _readable(path, make_read_only_engine(copy, immutable=True), reason, upgrade, copy.parent)
    inspect(path, _in_place(path))
    return _readable(path, make_read_only_engine(path, immutable=True), reason, upgrade)


def _readable(path: Path, engine: Engine, reason: ReadOnlyReason, upgrade: bool,
              private: Path | None = None) -> Database:
    """A read-only database on `engine`; at an older schema, on a private copy brought up to date instead."""
    try:
        if upgrade and migrate.needs_upgrade(engine, path):
            private, copy = _private_copy(path, engine, private)
            engine.dispose()
            engine = make_read_only_engine(copy, immutable=True)
    except ProgrammeFileError:
        engine.dispose()
        if private is not None:
            shutil.rmtree(private, ignore_errors=True)
        raise
    database = Database(path, engine, read_only=True, private=private)
    database.read_only_reason = reason
    return database


def _private_copy(path: Path, engine: Engine, private: Path | None) -> tuple[Path, Path]:
    """A migrated copy of what `engine` reads, in a temporary folder (the one given, or a new one)."""
    folder = private or Path(tempfile.mkdtemp(prefix="wdesk-read-"))
    copy = folder / f"upgraded-{path.name}"
    raw = engine.raw_connection()
    try:
        with closing(sqlite3.connect(copy)) as target:
            raw.driver_connection.backup(target)  # type: ignore[union-attr]
    finally:
        raw.close()
    migrate.upgrade(copy)
    return folder, copy


def restorable(path: Path) -> Path:
    """A backup checked as a sound programme, at the newest schema: the file itself, or a migrated private copy
    (whose folder the caller removes) when it was taken before a migration."""
    check_header(path, SCHEMA_VERSION)
    inspect(path, _in_place(path))
    engine = make_read_only_engine(path, immutable=True)
    try:
        if not migrate.needs_upgrade(engine, path):
            return path
        _folder, copy = _private_copy(path, engine, None)
        return copy
    finally:
        engine.dispose()


# Validation ------------------------------------------------------------------------------------------------------

def _in_place(path: Path) -> sqlite3.Connection:
    """Reads `path` as it stands (no log to replay), touching nothing beside it."""
    return sqlite3.connect(f"file:{quote(str(path))}?immutable=1", uri=True)


def inspect(path: Path, connection: sqlite3.Connection) -> None:
    """Refuse (ProgrammeFileError) what `connection` reads unless it is an undamaged programme of a known revision
    that holds a programme. Closes the connection."""
    try:
        with closing(connection):
            _inspect(path, connection)
    except sqlite3.DatabaseError as exc:
        raise ProgrammeFileError(path, FileProblem.CORRUPT, str(exc)) from exc


def _inspect(path: Path, connection: sqlite3.Connection) -> None:
    if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        raise ProgrammeFileError(path, FileProblem.FOREIGN)
    problems = [row[0] for row in connection.execute("PRAGMA quick_check")]
    if problems != ["ok"]:
        raise ProgrammeFileError(path, FileProblem.CORRUPT, "; ".join(map(str, problems[:5])))
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "alembic_version" in tables:
        unknown = [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")
                   if row[0] != HEAD_REVISION and row[0] not in migrate.known_revisions()]
        if unknown:
            raise ProgrammeFileError(path, FileProblem.TOO_NEW, unknown[0])
    if "programme" not in tables or connection.execute("SELECT count(*) FROM programme").fetchone()[0] == 0:
        raise ProgrammeFileError(path, FileProblem.NO_PROGRAMME)


def replayed_copy(path: Path) -> Path:
    """The file with its log replayed, in a private temporary folder — if the log belongs to the file and the result
    is a sound programme; else FOREIGN_LOG (or the file's own problem). Neither the file nor its sidecars change."""
    folder = Path(tempfile.mkdtemp(prefix="wdesk-check-"))
    try:
        return _replay(path, folder)
    except ProgrammeFileError as exc:
        log.warning("the log beside %s was not replayed: %s %s", path, exc.problem, exc.detail)
        shutil.rmtree(folder, ignore_errors=True)
        raise
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def _replay(path: Path, folder: Path) -> Path:
    if wal.read_log(path) is None:
        raise ProgrammeFileError(path, FileProblem.FOREIGN_LOG, "not a write-ahead log")
    copy = folder / path.name
    shutil.copyfile(path, copy)
    shutil.copyfile(wal.wal_path(path), wal.wal_path(copy))
    main_alone = _identity(_in_place(path))
    try:
        with closing(sqlite3.connect(copy)) as connection:  # SQLite replays the log into the copy
            # A passive checkpoint first says how many frames SQLite found whole (checksums) and committed: a
            # frame after the last commit, or after a torn one, is never replayed, here or in place.
            _busy, frames, _done = connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.execute("PRAGMA journal_mode=DELETE")
            anchor = _anchor(connection)
        inspect(path, _in_place(copy))
    except ProgrammeFileError as exc:
        raise ProgrammeFileError(path, FileProblem.FOREIGN_LOG, f"{exc.problem} {exc.detail}".strip()) from exc
    except sqlite3.DatabaseError as exc:
        raise ProgrammeFileError(path, FileProblem.FOREIGN_LOG, str(exc)) from exc
    contents = wal.read_log(path, frames)
    assert contents is not None
    _require_belonging(path, contents, anchor, main_alone, _identity(_in_place(copy)))
    return copy


def _require_belonging(path: Path, contents: wal.LogContents, anchor: bytes | None,
                       before: tuple[object, ...] | None, after: tuple[object, ...] | None) -> None:
    """A log that commits nothing changes nothing (a kill before the first transaction of a fresh log was whole). The
    log's own anchor decides when it has one (logs written by this version); otherwise the programme the file holds
    must be the same one with or without the log."""
    if not contents.pages:
        return
    if anchor is not None:
        if not wal.log_belongs(path, contents, anchor):
            raise ProgrammeFileError(path, FileProblem.FOREIGN_LOG, "pages differ from the log's anchor")
    elif before is not None and before != after:
        raise ProgrammeFileError(path, FileProblem.FOREIGN_LOG, "another programme's log")


def _anchor(connection: sqlite3.Connection) -> bytes | None:
    try:
        row = connection.execute("SELECT digests FROM wal_anchor WHERE id = 1").fetchone()
    except sqlite3.OperationalError:  # a file from before anchors
        return None
    return bytes(row[0]) if row else None


def _identity(connection: sqlite3.Connection) -> tuple[object, ...] | None:
    """Which programme a file holds (None when it cannot be read without its log)."""
    try:
        with closing(connection):
            row = connection.execute("SELECT id, created_at FROM programme ORDER BY id LIMIT 1").fetchone()
    except sqlite3.DatabaseError:
        return None
    return tuple(row) if row else None
