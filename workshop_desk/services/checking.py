"""`workshop-desk check`: integrity and schema of a programme file, read without writing anything anywhere."""

from dataclasses import dataclass
from pathlib import Path

from workshop_desk.i18n import _, ngettext
from workshop_desk.services.file_messages import describe_file_error
from workshop_desk.storage import migrate
from workshop_desk.storage.header import SCHEMA_VERSION, ProgrammeFileError
from workshop_desk.storage.programme_file import read_file


@dataclass(frozen=True, slots=True)
class CheckResult:
    ok: bool
    message: str


def check_file(path: Path) -> CheckResult:
    """Whether `path` is a sound programme file, with one line saying why (or why not)."""
    try:
        database = read_file(path, upgrade=False)
    except ProgrammeFileError as error:
        return CheckResult(False, describe_file_error(error))
    try:
        problems = database.integrity_problems()
        with database.engine.connect() as connection:
            revision = migrate.revision_on(connection)
            current = revision == migrate.head_revision()
            differences = migrate.schema_differences(connection) if current else []
            sittings = (connection.exec_driver_sql("SELECT count(*) FROM sitting").scalar()
                        if current and not differences else None)  # an older file may have no such table
            connection.rollback()
    finally:
        database.close()
    return _verdict(problems, revision, differences, sittings or 0)


def _verdict(problems: list[str], revision: str | None, differences: list[object], sittings: int) -> CheckResult:
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
    return CheckResult(True, ngettext("valid: schema {version}, {n} sitting", "valid: schema {version}, {n} sittings",
                                      sittings).format(version=SCHEMA_VERSION, n=sittings))
