"""Value objects handed from the services to the screens and the exports."""

import datetime as dt
from dataclasses import dataclass, field

from workshop_desk.domain.enums import AttendanceStatus, ItemKind, SittingKind, Source


@dataclass(frozen=True, slots=True)
class Programme:
    id: int
    title: str
    client: str = ""
    territory: str = ""
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    objectives: str = ""
    logo: bytes | None = None
    privacy_notice: str = ""  # empty: the default notice (domain/privacy.py)
    retention_years: int = 3
    named_contributions: bool = False  # the minutes name who asked or spoke (the default notice says which)


@dataclass(frozen=True, slots=True)
class StakeholderGroup:
    id: int
    programme_id: int
    name: str
    colour: str
    position: int = 0


@dataclass(frozen=True, slots=True)
class Sitting:
    id: int
    programme_id: int
    title: str
    kind: SittingKind = SittingKind.WORKSHOP
    date: dt.date | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    venue: str = ""
    facilitators: str = ""
    expected_headcount: int = 0
    objectives: str = ""
    position: int = 0
    current_item_id: int | None = None
    run_started_at: dt.datetime | None = None
    run_ended_at: dt.datetime | None = None

    @property
    def is_running(self) -> bool:
        return self.run_started_at is not None and self.run_ended_at is None


@dataclass(frozen=True, slots=True)
class AgendaItem:
    id: int
    sitting_id: int
    position: int
    title: str
    kind: ItemKind = ItemKind.OTHER
    planned_minutes: int = 10
    notes: str = ""
    actual_start: dt.datetime | None = None
    actual_end: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class SittingDraft:
    """The editable fields of a sitting, as a form gives them."""

    title: str
    kind: SittingKind = SittingKind.WORKSHOP
    date: dt.date | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    venue: str = ""
    facilitators: str = ""
    expected_headcount: int = 0
    objectives: str = ""


@dataclass(frozen=True, slots=True)
class ItemDraft:
    """The editable fields of an agenda item."""

    title: str
    kind: ItemKind = ItemKind.OTHER
    planned_minutes: int = 10
    notes: str = ""


@dataclass(frozen=True, slots=True)
class ProgrammeDraft:
    """The editable fields of a programme."""

    title: str
    client: str = ""
    territory: str = ""
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    objectives: str = ""
    logo: bytes | None = None
    privacy_notice: str = ""
    retention_years: int = 3
    named_contributions: bool = False


@dataclass(frozen=True, slots=True)
class SittingAgenda:
    """A sitting with its ordered agenda: what the run screen and the projector show."""

    sitting: Sitting
    items: tuple[AgendaItem, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Participant:
    id: int
    programme_id: int
    first_name: str
    last_name: str
    badge_code: str
    civility: str = ""
    organisation: str = ""
    role: str = ""
    group_id: int | None = None
    email: str = ""
    phone: str = ""
    notes: str = ""
    consent_contact: bool = False
    consent_photos: bool = False
    anonymised: bool = False

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def sort_name(self) -> str:
        """'LAST First', the way attendance sheets are ordered."""
        return f"{self.last_name} {self.first_name}".strip()


@dataclass(frozen=True, slots=True)
class ParticipantDraft:
    """The editable fields of a participant."""

    first_name: str
    last_name: str
    civility: str = ""
    organisation: str = ""
    role: str = ""
    group_id: int | None = None
    email: str = ""
    phone: str = ""
    notes: str = ""
    consent_contact: bool = False
    consent_photos: bool = False


@dataclass(frozen=True, slots=True)
class Attendance:
    """A participant's status for one sitting (invited, registered, present, excused, absent)."""

    id: int
    sitting_id: int
    participant_id: int
    status: AttendanceStatus = AttendanceStatus.INVITED
    signed_in_at: dt.datetime | None = None
    left_at: dt.datetime | None = None
    source: Source = Source.CONSOLE
    gid: str | None = None  # its id on every laptop: an undo that puts the row back gives it the same one


def programme_draft(programme: Programme) -> ProgrammeDraft:
    """The editable fields of a saved programme."""
    return ProgrammeDraft(programme.title, programme.client, programme.territory, programme.start_date,
                          programme.end_date, programme.objectives, programme.logo, programme.privacy_notice,
                          programme.retention_years, programme.named_contributions)
