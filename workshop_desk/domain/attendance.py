"""Sign-in outcomes and head counts: what the door desk and the projector report."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

from workshop_desk.domain.enums import AttendanceStatus
from workshop_desk.domain.models import Attendance, Participant


class SignInOutcome(StrEnum):
    SIGNED_IN = "signed_in"
    ALREADY = "already"  # signed in earlier: nothing changes
    UNKNOWN = "unknown"  # no participant has that badge code


@dataclass(frozen=True, slots=True)
class SignIn:
    """The result of a scan or a pick at the door; `previous` lets the desk undo it."""

    outcome: SignInOutcome
    participant: Participant | None = None
    attendance: Attendance | None = None
    previous: Attendance | None = None  # the row before the sign-in (None: there was none)
    code: str = ""


@dataclass(frozen=True, slots=True)
class RosterEntry:
    participant: Participant
    attendance: Attendance | None


@dataclass(frozen=True, slots=True)
class HeadCount:
    """People present now (signed in and not left), overall and by stakeholder group."""

    present: int = 0
    expected: int = 0  # invited, registered or present
    by_group: dict[int | None, int] = field(default_factory=dict)


EXPECTED = (AttendanceStatus.INVITED, AttendanceStatus.REGISTERED, AttendanceStatus.PRESENT)


def head_count(entries: list[RosterEntry]) -> HeadCount:
    """Count who is in the room from a sitting's roster."""
    present = [e for e in entries if e.attendance and e.attendance.status == AttendanceStatus.PRESENT
               and e.attendance.left_at is None]
    expected = sum(1 for e in entries if e.attendance and e.attendance.status in EXPECTED)
    groups = Counter(e.participant.group_id for e in present)
    return HeadCount(len(present), expected, dict(groups))


def is_in_room(attendance: Attendance | None) -> bool:
    return bool(attendance and attendance.status == AttendanceStatus.PRESENT and attendance.left_at is None)


def signed_in_at(attendance: Attendance | None) -> dt.datetime | None:
    return attendance.signed_in_at if attendance and attendance.status == AttendanceStatus.PRESENT else None
