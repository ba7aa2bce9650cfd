"""The open programme file and the services over it; creating and opening files."""

from dataclasses import dataclass
from pathlib import Path

from workshop_desk.domain.clock import WallClock, utc_now
from workshop_desk.domain.models import ProgrammeDraft
from workshop_desk.services.agenda import AgendaService
from workshop_desk.services.attendance import AttendanceService
from workshop_desk.services.backups import BackupService
from workshop_desk.services.ballot_states import BallotStates
from workshop_desk.services.ideas import IdeaService, ThemeService
from workshop_desk.services.importing import ImportService
from workshop_desk.services.packages import PackageService
from workshop_desk.services.participants import ParticipantService
from workshop_desk.services.phones import PhoneService
from workshop_desk.services.priorities import PriorityService
from workshop_desk.services.privacy import PrivacyService
from workshop_desk.services.programmes import ProgrammeService
from workshop_desk.services.questions import QuestionService
from workshop_desk.services.room_tables import RoomTableService
from workshop_desk.services.round_timing import RoundTimingService
from workshop_desk.services.run import RunService
from workshop_desk.services.sittings import SittingService
from workshop_desk.services.snapshots import SnapshotService
from workshop_desk.services.speaking import SpeakingService
from workshop_desk.services.timers import TimerService
from workshop_desk.services.voting import BallotService
from workshop_desk.storage import programme_file
from workshop_desk.storage.db import Database
from workshop_desk.storage.errors import ReadOnlyReason, StorageError
from workshop_desk.storage.header import SCHEMA_VERSION, FileProblem, ProgrammeFileError
from workshop_desk.storage.migrate import head_revision

__all__ = ["FileProblem", "ProgrammeFileError", "ReadOnlyReason", "StorageError", "Workspace"]


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
    snapshots: SnapshotService
    ballot_states: BallotStates
    imports: ImportService
    phones: PhoneService
    packages: PackageService

    @property
    def path(self) -> Path:
        return self.database.path

    @classmethod
    def over(cls, database: Database, backup_root: Path, wall: WallClock = utc_now) -> "Workspace":
        """The services over an open file; `wall` is the clock of recorded times (tests inject one)."""
        ideas, questions = IdeaService(database, wall), QuestionService(database, wall)
        ballots, participants = BallotService(database), ParticipantService(database)
        return cls(
            database=database,
            programmes=ProgrammeService(database),
            sittings=SittingService(database),
            agenda=AgendaService(database),
            run=RunService(database, wall),
            participants=participants,
            attendance=AttendanceService(database, wall),
            privacy=PrivacyService(database),
            timers=TimerService(database),
            speaking=SpeakingService(database, wall),
            backups=BackupService(database, backup_root, wall),
            ballots=ballots,
            priorities=PriorityService(database),
            ideas=ideas,
            themes=ThemeService(database),
            questions=questions,
            room_tables=RoomTableService(database),
            rounds=RoundTimingService(database, wall),
            snapshots=SnapshotService(database),
            ballot_states=BallotStates(database),
            imports=ImportService(database),
            phones=PhoneService(database, ideas, questions, ballots, participants, wall),
            packages=PackageService(database),
        )

    @classmethod
    def create(cls, path: Path, draft: ProgrammeDraft, backup_root: Path,
               groups: list[tuple[str, str]] | None = None) -> "Workspace":
        """A new programme file holding one programme (default stakeholder groups unless given). The file appears
        under `path` only once the programme is in it."""
        database = programme_file.create_file(
            path, lambda building: ProgrammeService(building).create(draft, groups))
        workspace = cls.over(database, backup_root)
        workspace.backups.mark_unsaved()
        return workspace

    @classmethod
    def open(cls, path: Path, backup_root: Path, *, read_only: bool = False, take_over: bool = False) -> "Workspace":
        """Open an existing programme file (ProgrammeFileError if it cannot be): for writing, unless `read_only` or
        it cannot be written; `take_over` a file that a program which stopped left open (FileProblem.LEFT_OPEN)."""
        database = programme_file.open_file(path, backup_root, read_only=read_only, take_over=take_over)
        workspace = cls.over(database, backup_root)
        if not workspace.read_only:  # a file opened read-only changes nothing, not even beside its backups
            workspace.backups.remove_leftovers()
        return workspace

    @property
    def read_only(self) -> bool:
        return self.database.read_only

    @property
    def read_only_reason(self) -> ReadOnlyReason | None:
        """Why the file is open read-only (None: it is open for writing)."""
        return self.database.read_only_reason

    def copy_to(self, target: Path) -> None:
        """A consistent copy of the open file at `target` (Save a copy; the open file is not changed)."""
        self.database.copy_to(target)

    def close(self) -> None:
        """Take a last backup if anything changed, and close the file."""
        try:
            self.backups.backup_if_changed()
        finally:
            self.database.close()


def schema_summary() -> str:
    """The schema this version writes, e.g. 'schema 1 (0001)'."""
    return f"schema {SCHEMA_VERSION} ({head_revision()})"
