"""Schema migrations (Alembic, in-process, batch mode), with a backup copy taken first."""

import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from workshop_desk.storage.db import read_only_connection
from workshop_desk.storage.header import FileProblem, ProgrammeFileError

# Bump with every migration; each migration sets `PRAGMA user_version` to its number.
SCHEMA_VERSION = 1
_SCRIPTS = str(Path(__file__).resolve().parent / "migrations")


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration that runs on `connection` (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", _SCRIPTS)
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision this version of the app knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the file is at (None for a file with no schema yet)."""
    with engine.connect() as connection:
        revision = MigrationContext.configure(connection).get_current_revision()
        connection.rollback()
    return revision


def known_revisions() -> set[str]:
    """Every revision this version of the app knows."""
    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def needs_upgrade(engine: Engine, path: Path) -> bool:
    """True when the file is behind; refuses a revision this version does not know."""
    revision = current_revision(engine)
    if revision is None or revision == head_revision():
        return revision is None
    if revision not in known_revisions():
        raise ProgrammeFileError(path, FileProblem.TOO_NEW, revision)
    return True


def refuse_unknown_revision(path: Path) -> None:
    """TOO_NEW if the file records a revision this version does not know; reads without writing."""
    try:
        with closing(read_only_connection(path)) as connection:
            revisions = [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]
    except sqlite3.OperationalError:  # no alembic_version table: a file from before migrations
        return
    unknown = [revision for revision in revisions if revision not in known_revisions()]
    if unknown:
        raise ProgrammeFileError(path, FileProblem.TOO_NEW, unknown[0])


def upgrade(engine: Engine) -> None:
    """Bring the file to the newest schema, in one transaction."""
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")


def backup_name(path: Path, when: datetime) -> str:
    """File name of the copy taken before migrating `path`."""
    return f"{path.stem}.before-migration.{when:%Y%m%d-%H%M%S}{path.suffix}"


def schema_differences(connection: Connection) -> list[object]:
    """What differs between the file's schema and the table classes (empty when they match)."""
    from alembic.autogenerate import compare_metadata
    from sqlmodel import SQLModel

    import workshop_desk.storage.tables  # noqa: F401  (registers the tables)

    return list(compare_metadata(MigrationContext.configure(connection), SQLModel.metadata))
