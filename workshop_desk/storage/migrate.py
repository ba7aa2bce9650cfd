"""Schema migrations (Alembic, in-process, batch mode), with a backup copy taken first."""

from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

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


def needs_upgrade(engine: Engine, path: Path) -> bool:
    """True when the file is behind; refuses a revision this version does not know."""
    revision = current_revision(engine)
    if revision is None or revision == head_revision():
        return revision is None
    known = {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if revision not in known:
        raise ProgrammeFileError(path, FileProblem.TOO_NEW, revision)
    return True


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
