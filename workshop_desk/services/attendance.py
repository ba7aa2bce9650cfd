"""Who is expected at a sitting, and signing people in at the door."""

from dataclasses import asdict
from typing import Any

from sqlalchemy import Row, Table, bindparam, insert, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, select

from workshop_desk.domain.attendance import HeadCount, RosterEntry, SignIn, SignInOutcome, head_count
from workshop_desk.domain.clock import WallClock, utc_now
from workshop_desk.domain.enums import AttendanceStatus, Source
from workshop_desk.domain.models import Attendance, Participant, ParticipantDraft
from workshop_desk.services.mapping import to_domain
from workshop_desk.services.participants import _programme_id, clean_participant, unique_badge_code
from workshop_desk.services.writes import writes
from workshop_desk.storage.db import Database
from workshop_desk.storage.tables import AttendanceTable, ParticipantTable, SittingTable

# The desk's statements, built once: a scan comes every second or two at the door of an 800-person seminar, and
# building a statement (or going through the ORM's bookkeeping) cost more than running it.
_ATTENDANCE: Table = AttendanceTable.__table__  # type: ignore[attr-defined]
_PARTICIPANT: Table = ParticipantTable.__table__  # type: ignore[attr-defined]
_HOLDER = sa_select(_PARTICIPANT).where(_PARTICIPANT.c.badge_code == bindparam("code"))
_PRESENCE = sa_select(_ATTENDANCE).where(_ATTENDANCE.c.sitting_id == bindparam("sitting"),
                                         _ATTENDANCE.c.participant_id == bindparam("person"))
_ARRIVAL = insert(_ATTENDANCE).returning(*_ATTENDANCE.c)
_RETURN = update(_ATTENDANCE).where(_ATTENDANCE.c.id == bindparam("key")).returning(*_ATTENDANCE.c)
# A sitting's roster as plain rows, the attendance's columns prefixed: an 800-person plenary's in a fraction of the
# time table objects take (a programme's deliverables read every sitting's).
_ROSTER = (sa_select(_PARTICIPANT, *(column.label(f"attendance_{column.name}") for column in _ATTENDANCE.c))
           .join(_ATTENDANCE, _ATTENDANCE.c.participant_id == _PARTICIPANT.c.id)
           .where(_ATTENDANCE.c.sitting_id == bindparam("sitting")))


def _attendance_row(session: Session, sitting_id: int, participant_id: int) -> AttendanceTable | None:
    query = select(AttendanceTable).where(AttendanceTable.sitting_id == sitting_id,
                                          AttendanceTable.participant_id == participant_id)
    return session.exec(query).first()


def _attendance(row: Row[Any]) -> Attendance:
    """The attendance half of a roster row (its columns prefixed with "attendance_")."""
    return Attendance(row.attendance_id, row.attendance_sitting_id, row.attendance_participant_id,
                      AttendanceStatus(row.attendance_status), row.attendance_signed_in_at, row.attendance_left_at,
                      Source(row.attendance_source), row.attendance_gid)


class AttendanceService:
    """Invitations per sitting, and the sign-in desk's operations."""

    def __init__(self, database: Database, wall: WallClock = utc_now) -> None:
        self._db = database
        self._now = wall

    def roster(self, sitting_id: int) -> list[RosterEntry]:
        """Everyone with an attendance row for the sitting, sorted by last name."""
        with self._db.session() as session:
            entries = [RosterEntry(to_domain(row, Participant), _attendance(row))
                       for row in session.execute(_ROSTER, {"sitting": sitting_id}).all()]
        return sorted(entries, key=lambda e: (e.participant.last_name.casefold(), e.participant.first_name.casefold()))

    def statuses(self, sitting_id: int) -> dict[int, Attendance]:
        """Attendance by participant id, for one sitting."""
        with self._db.session() as session:
            query = select(AttendanceTable).where(AttendanceTable.sitting_id == sitting_id)
            return {row.participant_id: to_domain(row, Attendance) for row in session.exec(query)}

    def head_count(self, sitting_id: int) -> HeadCount:
        return head_count(self.roster(sitting_id))

    @writes
    def set_status(self, sitting_id: int, participant_ids: list[int], status: AttendanceStatus) -> None:
        """Set the status of several participants at once (inviting those not yet expected)."""
        with self._db.session() as session:
            if session.get(SittingTable, sitting_id) is None:
                raise LookupError(f"sitting {sitting_id}")
            now = self._now()
            for participant_id in participant_ids:
                row = _attendance_row(session, sitting_id, participant_id) or AttendanceTable(
                    sitting_id=sitting_id, participant_id=participant_id)
                row.status = str(status)
                if status == AttendanceStatus.PRESENT and row.signed_in_at is None:
                    row.signed_in_at = now
                session.add(row)

    @writes
    def put_back(self, sitting_id: int, participant_id: int, state: Attendance | None) -> None:
        """Make one person's attendance at a sitting exactly `state` (None: no row at all) — for undo and redo."""
        with self._db.session() as session:
            row = _attendance_row(session, sitting_id, participant_id)
            if state is None:
                if row is not None:
                    session.delete(row)
                return
            values = asdict(state)
            values.update(status=str(state.status), source=str(state.source))
            if values["gid"] is None:
                del values["gid"]
            if row is None:
                session.add(AttendanceTable(**values))
                return
            for name, value in values.items():
                setattr(row, name, value)
            session.add(row)

    @writes
    def uninvite(self, sitting_id: int, participant_ids: list[int]) -> None:
        """No longer expected at this sitting."""
        with self._db.session() as session:
            for participant_id in participant_ids:
                row = _attendance_row(session, sitting_id, participant_id)
                if row is not None:
                    session.delete(row)

    @writes
    def scan(self, sitting_id: int, code: str) -> SignIn:
        """Sign in the holder of a badge code; an unknown code changes nothing."""
        with self._db.session() as session:
            row = session.execute(_HOLDER, {"code": code.strip().upper()}).first()
            if row is None:
                return SignIn(SignInOutcome.UNKNOWN, code=code.strip())
            return self._sign_in(session, sitting_id, row)

    @writes
    def sign_in(self, sitting_id: int, participant_id: int) -> SignIn:
        """Sign in a participant picked by name."""
        with self._db.session() as session:
            row = session.get(ParticipantTable, participant_id)
            if row is None:
                raise LookupError(f"participant {participant_id}")
            return self._sign_in(session, sitting_id, row)

    @writes
    def walk_in(self, sitting_id: int, draft: ParticipantDraft) -> SignIn:
        """Add someone who was not on the list and sign them in, in one transaction."""
        with self._db.session() as session:
            row = ParticipantTable(programme_id=_programme_id(session), badge_code=unique_badge_code(session),
                                   **clean_participant(draft))  # type: ignore[arg-type]
            session.add(row)
            session.flush()
            return self._sign_in(session, sitting_id, row)

    @writes
    def mark_left(self, sitting_id: int, participant_id: int, left: bool = True) -> Attendance:
        """Record that someone left early (or, with left=False, that they came back)."""
        with self._db.session() as session:
            row = _attendance_row(session, sitting_id, participant_id)
            if row is None or row.status != AttendanceStatus.PRESENT:
                raise ValueError("only someone present can leave")
            row.left_at = self._now() if left else None
            session.add(row)
            session.flush()
            return to_domain(row, Attendance)

    def _sign_in(self, session: Session, sitting_id: int, person: Any) -> SignIn:
        """Sign in `person` (a participant row, ORM or not)."""
        participant = to_domain(person, Participant)
        found = session.execute(_PRESENCE, {"sitting": sitting_id, "person": participant.id}).first()
        previous = to_domain(found, Attendance) if found else None
        if previous is not None and previous.status == AttendanceStatus.PRESENT and previous.left_at is None:
            return SignIn(SignInOutcome.ALREADY, participant, previous, previous)
        values = {"status": str(AttendanceStatus.PRESENT), "signed_in_at": self._now(), "left_at": None,
                  "source": str(Source.CONSOLE)}
        if found is None:
            row = session.execute(_ARRIVAL, {"sitting_id": sitting_id, "participant_id": participant.id, **values})
        else:
            row = session.execute(_RETURN, {"key": found.id, **values})
        return SignIn(SignInOutcome.SIGNED_IN, participant, to_domain(row.one(), Attendance), previous)
