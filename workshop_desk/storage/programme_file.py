"""Creating and opening programme files: checks first, backup before migrating, never harm a bad file."""

from datetime import UTC, datetime
from pathlib import Path

from workshop_desk.storage import migrate
from workshop_desk.storage.db import Database, checkpoint, make_engine, quick_check, stamp_new_file
from workshop_desk.storage.header import FileProblem, ProgrammeFileError, check_header


def create_file(path: Path) -> Database:
    """A new, empty programme file at `path` with the newest schema (an existing file is refused)."""
    if path.exists():
        raise FileExistsError(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
    stamp_new_file(engine)
    migrate.upgrade(engine)
    # Put the application id and schema version in the file's own header now: `open_file` reads them
    # from there, and after a crash the log may not have been folded in.
    checkpoint(engine)
    return Database(path, engine)


def open_file(path: Path, backup_dir: Path) -> Database:
    """Open an existing programme file, migrating it (after a backup copy) if it is older."""
    check_header(path, migrate.SCHEMA_VERSION)
    quick_check(path)
    migrate.refuse_unknown_revision(path)  # before the engine: its pragmas could rewrite the header
    engine = make_engine(path)
    try:
        if migrate.needs_upgrade(engine, path):
            database = Database(path, engine)
            database.copy_to(backup_dir / migrate.backup_name(path, datetime.now(UTC)))
            migrate.upgrade(engine)
            checkpoint(engine)
    except ProgrammeFileError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        raise ProgrammeFileError(path, FileProblem.CORRUPT, str(exc)) from exc
    return Database(path, engine)
