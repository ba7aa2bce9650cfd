"""`workshop-desk check`: integrity and schema of a programme file, read-only."""

from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine

from workshop_desk.i18n import _, ngettext
from workshop_desk.services.workspace import describe_file_error
from workshop_desk.storage import migrate
from workshop_desk.storage.db import quick_check, read_only_connection
from workshop_desk.storage.header import ProgrammeFileError, check_header


@dataclass(frozen=True, slots=True)
class CheckResult:
    ok: bool
    message: str


def check_file(path: Path) -> CheckResult:
    """Whether `path` is a sound programme file, with one line saying why (or why not)."""
    try:
        check_header(path, migrate.SCHEMA_VERSION)
        quick_check(path)
        migrate.refuse_unknown_revision(path)
    except ProgrammeFileError as error:
        return CheckResult(False, describe_file_error(error))
    engine = create_engine("sqlite://", creator=lambda: read_only_connection(path))
    try:
        with closing(engine.connect()) as connection:
            integrity = connection.exec_driver_sql("PRAGMA integrity_check")
            problems = [row[0] for row in integrity if row[0] != "ok"]
            problems += [str(tuple(row)) for row in connection.exec_driver_sql("PRAGMA foreign_key_check")]
            revision = migrate.MigrationContext.configure(connection).get_current_revision()
            current = revision == migrate.head_revision()
            differences = migrate.schema_differences(connection) if current else []
            sittings = (connection.exec_driver_sql("SELECT count(*) FROM sitting").scalar()
                        if current and not differences else None)  # an older file may have no such table
    finally:
        engine.dispose()
    if problems:
        return CheckResult(False, _("damaged: {problems}").format(problems="; ".join(problems[:5])))
    if revision != migrate.head_revision():
        return CheckResult(False, _("older schema ({revision}): open it in the app to update it").format(
            revision=revision))
    if differences:
        count = len(differences)
        return CheckResult(False, ngettext("the schema differs from this version's in {n} place",
                                           "the schema differs from this version's in {n} places",
                                           count).format(n=count))
    count = sittings or 0
    return CheckResult(True, ngettext("valid: schema {version}, {n} sitting", "valid: schema {version}, {n} sittings",
                                      count).format(version=migrate.SCHEMA_VERSION, n=count))
