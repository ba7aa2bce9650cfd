"""The open programme file and the services over it; creating and opening files."""

from dataclasses import dataclass
from pathlib import Path

from workshop_desk.domain.clock import WallClock, utc_now
from workshop_desk.domain.models import ProgrammeDraft
from workshop_desk.i18n import _
from workshop_desk.services.agenda import AgendaService
from workshop_desk.services.attendance import AttendanceService
from workshop_desk.services.backups import BackupService
from workshop_desk.services.ideas import IdeaService, ThemeService
from workshop_desk.services.participants import ParticipantService
from workshop_desk.services.priorities import PriorityService
from workshop_desk.services.privacy import PrivacyService
from workshop_desk.services.programmes import ProgrammeService
from workshop_desk.services.questions import QuestionService
from workshop_desk.services.room_tables import RoomTableService
from workshop_desk.services.round_timing import RoundTimingService
from workshop_desk.services.run import RunService
from workshop_desk.services.sittings import SittingService
from workshop_desk.services.speaking import SpeakingService
from workshop_desk.services.timers import TimerService
from workshop_desk.services.voting import BallotService
from workshop_desk.storage import programme_file
from workshop_desk.storage.db import Database
from workshop_desk.storage.header import FileProblem, ProgrammeFileError
from workshop_desk.storage.migrate import SCHEMA_VERSION, head_revision

__all__ = ["FileProblem", "ProgrammeFileError", "Workspace", "describe_file_error"]


@dataclass
class Workspace:
    """Everything the screens need for one open programme file."""

    database: Database
    programmes: ProgrammeService
    sittings: SittingService
    agenda: AgendaService
    run: RunService
    participants: ParticipantService
    attendance: AttendanceService
    privacy: PrivacyService
    timers: TimerService
    speaking: SpeakingService
    backups: BackupService
    ballots: BallotService
    priorities: PriorityService
    ideas: IdeaService
    themes: ThemeService
    questions: QuestionService
    room_tables: RoomTableService
    rounds: RoundTimingService

    @property
    def path(self) -> Path:
        return self.database.path

    @classmethod
    def over(cls, database: Database, backup_root: Path, wall: WallClock = utc_now) -> "Workspace":
        """The services over an open file; `wall` is the clock of recorded times (tests inject one)."""
        return cls(
            database=database,
            programmes=ProgrammeService(database),
            sittings=SittingService(database),
            agenda=AgendaService(database),
            run=RunService(database, wall),
            participants=ParticipantService(database),
            attendance=AttendanceService(database, wall),
            privacy=PrivacyService(database),
            timers=TimerService(database),
            speaking=SpeakingService(database, wall),
            backups=BackupService(database, backup_root, wall),
            ballots=BallotService(database),
            priorities=PriorityService(database),
            ideas=IdeaService(database, wall),
            themes=ThemeService(database),
            questions=QuestionService(database, wall),
            room_tables=RoomTableService(database),
            rounds=RoundTimingService(database, wall),
        )

    @classmethod
    def create(cls, path: Path, draft: ProgrammeDraft, backup_root: Path,
               groups: list[tuple[str, str]] | None = None) -> "Workspace":
        """A new programme file holding one programme (default stakeholder groups unless given)."""
        database = programme_file.create_file(path)
        workspace = cls.over(database, backup_root)
        try:
            workspace.programmes.create(draft, groups)
        except Exception:
            database.close()
            path.unlink(missing_ok=True)
            raise
        return workspace

    @classmethod
    def open(cls, path: Path, backup_root: Path) -> "Workspace":
        """Open an existing programme file (ProgrammeFileError if it cannot be)."""
        database = programme_file.open_file(path, backup_root)
        return cls.over(database, backup_root)

    def close(self) -> None:
        """Take a last backup if anything changed, and close the file."""
        try:
            self.backups.backup_if_changed()
        finally:
            self.database.close()


def describe_file_error(error: ProgrammeFileError) -> str:
    """A sentence for the user saying why the file was not opened (and that it is untouched)."""
    name = error.path.name
    reasons = {
        FileProblem.MISSING: _("The file “{name}” does not exist (any more)."),
        FileProblem.UNREADABLE: _("The file “{name}” cannot be read: {detail}"),
        FileProblem.NOT_SQLITE: _("“{name}” is not a Workshop Desk programme file."),
        FileProblem.FOREIGN: _("“{name}” is a database, but not a Workshop Desk programme file."),
        FileProblem.TRUNCATED: _("“{name}” is incomplete: the file was cut short, perhaps by an "
                                 "interrupted copy. Try a backup (File › Restore from backup)."),
        FileProblem.TOO_NEW: _("“{name}” was written by a newer version of Workshop Desk. "
                               "Update the app to open it."),
        FileProblem.CORRUPT: _("“{name}” is damaged and cannot be opened safely. "
                               "Try a backup (File › Restore from backup)."),
    }
    text = reasons[error.problem].format(name=name, detail=error.detail)
    if error.problem in (FileProblem.MISSING, FileProblem.UNREADABLE):
        return text
    untouched = _("The file was left exactly as it was.")  # not inside the f-string: Babel would miss it
    return f"{text} {untouched}"


def schema_summary() -> str:
    """The schema this version writes, e.g. 'schema 1 (0001)'."""
    return f"schema {SCHEMA_VERSION} ({head_revision()})"
