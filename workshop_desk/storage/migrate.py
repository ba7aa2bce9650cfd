"""Schema migrations (Alembic, in-process, batch mode), with a backup copy taken first."""

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

from workshop_desk.storage.db import make_engine
from workshop_desk.storage.header import HEAD_REVISION, SCHEMA_VERSION, FileProblem, ProgrammeFileError

if TYPE_CHECKING:
    from alembic.config import Config

_SCRIPTS = str(Path(__file__).resolve().parent / "migrations")


def alembic_config(connection: Connection | None = None) -> "Config":
    """An Alembic configuration that runs on `connection` (no alembic.ini needed)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", _SCRIPTS)
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision this version of the app knows."""
    return HEAD_REVISION


def scripts_head() -> str | None:
    """The newest revision of the migration scripts themselves (what HEAD_REVISION must say)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The revision the file is at (None for a file with no schema yet), read as Alembic stores it."""
    with engine.connect() as connection:
        revision = revision_on(connection)
        connection.rollback()
    return revision


def revision_on(connection: Connection) -> str | None:
    """The revision of the file open on `connection`, as Alembic stores it (None: no schema yet)."""
    stored = connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").first()
    row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first() if stored else None
    return str(row[0]) if row else None


def known_revisions() -> set[str]:
    """Every revision this version of the app knows."""
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def needs_upgrade(engine: Engine, path: Path) -> bool:
    """True when the file is behind; refuses a revision this version does not know."""
    revision = current_revision(engine)
    if revision is None or revision == head_revision():
        return revision is None
    if revision not in known_revisions():
        raise ProgrammeFileError(path, FileProblem.TOO_NEW, revision)
    return True


def upgrade(path: Path) -> None:
    """Bring the file to the newest schema, in one transaction. Foreign keys are off meanwhile: a batch migration
    rebuilds a table by dropping it, and with them on SQLite would delete every row that refers to it."""
    from alembic import command

    from workshop_desk.storage import sync_schema

    engine = make_engine(path, foreign_keys=False)
    try:
        with engine.begin() as connection:
            sync_schema.remove(connection)
            command.upgrade(alembic_config(connection), "head")
            sync_schema.install(connection)
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise ProgrammeFileError(path, FileProblem.CORRUPT, f"foreign keys after migrating: {broken[:5]}")
    finally:
        engine.dispose()


def create_schema(path: Path) -> None:
    """Give a new, empty file the newest schema straight from the table classes, stamped at the newest revision
    (running every migration from the first would take a second; a test checks both give the same schema)."""
    from alembic import command
    from sqlmodel import SQLModel

    from workshop_desk.storage import sync_schema

    engine = make_engine(path)
    try:
        with engine.begin() as connection:
            SQLModel.metadata.create_all(connection)
            sync_schema.install(connection)
            command.stamp(alembic_config(connection), "head")
            connection.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
    finally:
        engine.dispose()


def install_sync(path: Path) -> None:
    """Give a file built outside the app (a package made a programme) its triggers and a laptop."""
    from workshop_desk.storage import sync_schema

    engine = make_engine(path)
    try:
        with engine.begin() as connection:
            sync_schema.install(connection)
    finally:
        engine.dispose()


def backup_name(path: Path, when: datetime) -> str:
    """File name of the copy taken before migrating `path`."""
    return f"{path.stem}.before-migration.{when:%Y%m%d-%H%M%S}{path.suffix}"


def schema_differences(connection: Connection) -> list[object]:
    """What differs between the file's schema and the table classes (empty when they match)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlmodel import SQLModel

    import workshop_desk.storage.tables  # noqa: F401  (registers the tables)

    return list(compare_metadata(MigrationContext.configure(connection), SQLModel.metadata))
