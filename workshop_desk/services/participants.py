"""The programme's participants (registry): add, edit, delete, merge two records of one person."""

from collections.abc import Sequence
from dataclasses import asdict

from sqlmodel import Session, col, select

from workshop_desk.domain import validation
from workshop_desk.domain.badges import new_badge_code
from workshop_desk.domain.enums import AttendanceStatus
from workshop_desk.domain.models import Participant, ParticipantDraft
from workshop_desk.domain.people import DRAFT_FIELDS, is_valid_email, tidy_name
from workshop_desk.i18n import _
from workshop_desk.services.mapping import fetch, to_domain
from workshop_desk.services.writes import writes
from workshop_desk.storage import snapshots
from workshop_desk.storage.db import Database
from workshop_desk.storage.snapshots import Snapshot
from workshop_desk.storage.tables import AttendanceTable, ParticipantTable, ProgrammeTable

# When two records merge, the attendance that says the most wins.
_STATUS_RANK = {AttendanceStatus.PRESENT: 4, AttendanceStatus.EXCUSED: 3, AttendanceStatus.ABSENT: 2,
                AttendanceStatus.REGISTERED: 1, AttendanceStatus.INVITED: 0}


def clean_participant(draft: ParticipantDraft) -> dict[str, object]:
    """The draft's fields, tidied and checked (ValidationError in the user's language)."""
    first, last = tidy_name(draft.first_name), tidy_name(draft.last_name)
    if not (first or last):
        raise validation.ValidationError(_("A participant needs a first or last name."))
    if not is_valid_email(draft.email):
        raise validation.ValidationError(_("“{email}” is not a valid e-mail address.").format(email=draft.email))
    values: dict[str, object] = asdict(draft)
    values.update(first_name=validation.clean_text(first, _("First name")),
                  last_name=validation.clean_text(last, _("Last name")),
                  email=draft.email.strip(), notes=validation.clean_text(draft.notes, _("Notes")))
    labels = {"civility": _("Civility"), "organisation": _("Organisation"), "role": _("Role"), "phone": _("Phone")}
    for name, label in labels.items():
        values[name] = validation.clean_text(str(values[name]), label)
    return values


def unique_badge_code(session: Session) -> str:
    """A badge code no one in the file has."""
    while True:
        code = new_badge_code()
        if session.exec(select(ParticipantTable.id).where(ParticipantTable.badge_code == code)).first() is None:
            return code


def _programme_id(session: Session) -> int:
    programme_id = session.exec(select(ProgrammeTable.id)).first()
    if programme_id is None:
        raise LookupError("no programme in this file")
    return programme_id


class ParticipantService:
    """The registry of people taking part in the programme."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def all(self) -> list[Participant]:
        """Everyone in the registry, sorted by last then first name."""
        with self._db.session() as session:
            query = select(ParticipantTable).order_by(col(ParticipantTable.last_name),
                                                      col(ParticipantTable.first_name))
            return [to_domain(row, Participant) for row in session.exec(query)]

    def get(self, participant_id: int) -> Participant:
        with self._db.session() as session:
            return to_domain(self._row(session, participant_id), Participant)

    def by_badge(self, code: str) -> Participant | None:
        """The participant whose badge carries `code` (scanners may add spaces or lower case)."""
        with self._db.session() as session:
            query = select(ParticipantTable).where(ParticipantTable.badge_code == code.strip().upper())
            row = session.exec(query).first()
            return to_domain(row, Participant) if row else None

    @writes
    def add(self, draft: ParticipantDraft) -> Participant:
        return self.add_many([draft])[0]

    @writes
    def add_many(self, drafts: list[ParticipantDraft]) -> list[Participant]:
        """Add participants in one transaction, each with a fresh badge code."""
        with self._db.session() as session:
            programme_id = _programme_id(session)
            rows = [ParticipantTable(programme_id=programme_id, badge_code=unique_badge_code(session),
                                     **clean_participant(draft)) for draft in drafts]  # type: ignore[arg-type]
            session.add_all(rows)
            session.flush()
            return [to_domain(row, Participant) for row in rows]

    @writes
    def update(self, participant_id: int, draft: ParticipantDraft) -> Participant:
        values = clean_participant(draft)
        with self._db.session() as session:
            row = self._row(session, participant_id)
            for name, value in values.items():
                setattr(row, name, value)
            session.add(row)
            return to_domain(row, Participant)

    @writes
    def delete_many(self, participant_ids: Sequence[int]) -> Snapshot:
        """Delete participants with their attendance and seats (their notes and votes stay, anonymous); returns
        what an undo puts back."""
        with self._db.session() as session:
            return snapshots.remove(session, "participant", participant_ids)

    @writes
    def merge(self, keep_id: int, other_id: int) -> Participant:
        """Fold `other` into `keep`: blank fields filled, attendance combined, `other` deleted."""
        if keep_id == other_id:
            raise ValueError("a participant cannot be merged with itself")
        with self._db.session() as session:
            keep, other = self._row(session, keep_id), self._row(session, other_id)
            for name in DRAFT_FIELDS:
                if not getattr(keep, name) and getattr(other, name):
                    setattr(keep, name, getattr(other, name))
            self._merge_attendance(session, keep_id, other_id)
            session.delete(other)
            session.add(keep)
            session.flush()
            return to_domain(keep, Participant)

    @staticmethod
    def _merge_attendance(session: Session, keep_id: int, other_id: int) -> None:
        def rows(pid: int) -> dict[int, AttendanceTable]:
            query = select(AttendanceTable).where(AttendanceTable.participant_id == pid)
            return {row.sitting_id: row for row in session.exec(query)}

        kept = rows(keep_id)
        for sitting_id, row in rows(other_id).items():
            mine = kept.get(sitting_id)
            if mine is None:
                row.participant_id = keep_id
                session.add(row)
            else:
                if _STATUS_RANK[AttendanceStatus(row.status)] > _STATUS_RANK[AttendanceStatus(mine.status)]:
                    mine.status, mine.signed_in_at, mine.left_at = row.status, row.signed_in_at, row.left_at
                    session.add(mine)
                session.delete(row)
        session.flush()

    @staticmethod
    def _row(session: Session, participant_id: int) -> ParticipantTable:
        return fetch(session, ParticipantTable, participant_id)
