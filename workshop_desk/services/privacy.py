"""Personal data: anonymising people past the retention period, and everything held about one person."""

import datetime as dt
import json
from dataclasses import asdict
from pathlib import Path

from sqlmodel import Session, col, select

from workshop_desk.domain.badges import new_badge_code
from workshop_desk.domain.models import Participant
from workshop_desk.domain.privacy import retention_ends
from workshop_desk.services.mapping import to_domain
from workshop_desk.services.writes import writes
from workshop_desk.storage.db import Database
from workshop_desk.storage.tables import (
    AttendanceTable,
    IdeaTable,
    ParticipantTable,
    ProgrammeTable,
    QuestionTable,
    SittingTable,
    VoteTable,
)

# What anonymising clears: everything that names or reaches the person. The group and the
# attendance rows stay, so that counts by stakeholder group remain true.
_PERSONAL = ("civility", "first_name", "last_name", "organisation", "role", "email", "phone", "notes")


class PrivacyService:
    """Retention and the rights of the people in the registry."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def past_retention(self, today: dt.date) -> list[Participant]:
        """People whose data should be purged: last seen more than the retention period ago."""
        with self._db.session() as session:
            years = session.exec(select(ProgrammeTable.retention_years)).first() or 3
            people = session.exec(select(ParticipantTable).where(col(ParticipantTable.anonymised).is_(False)))
            return [to_domain(p, Participant) for p in people
                    if retention_ends(self._last_seen(session, p), years) < today]

    @writes
    def anonymise(self, participant_ids: list[int]) -> int:
        """Clear names and contacts of these people (keeping groups and attendance); returns how many."""
        with self._db.session() as session:
            count = 0
            for participant_id in participant_ids:
                row = session.get(ParticipantTable, participant_id)
                if row is None or row.anonymised:
                    continue
                for name in _PERSONAL:
                    setattr(row, name, "")
                row.consent_contact = row.consent_photos = False
                row.badge_code, row.anonymised = f"X{new_badge_code()}", True  # the old badge no longer works
                session.add(row)
                count += 1
            return count

    def person_data(self, participant_id: int) -> dict[str, object]:
        """Everything the file holds about one person, as plain data (for a subject-access request)."""
        with self._db.session() as session:
            row = session.get(ParticipantTable, participant_id)
            if row is None:
                raise LookupError(f"participant {participant_id}")
            return {
                "participant": {k: _plain(v) for k, v in asdict(to_domain(row, Participant)).items()},
                "attendance": self._attendance(session, participant_id),
                "contributions": self._contributions(session, participant_id),
            }

    def export_person(self, participant_id: int, target: Path) -> None:
        """Write `person_data` as readable JSON (UTF-8), atomically."""
        data = json.dumps(self.person_data(participant_id), ensure_ascii=False, indent=2)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_text(data, encoding="utf-8")
        tmp.replace(target)

    @staticmethod
    def _last_seen(session: Session, person: ParticipantTable) -> dt.date:
        query = (select(col(SittingTable.date))
                 .join(AttendanceTable, col(AttendanceTable.sitting_id) == col(SittingTable.id))
                 .where(AttendanceTable.participant_id == person.id))
        dates = [day for day in session.exec(query) if day is not None]
        return max(dates, default=person.created_at.date())

    @staticmethod
    def _attendance(session: Session, participant_id: int) -> list[dict[str, object]]:
        query = (select(SittingTable, AttendanceTable)
                 .join(AttendanceTable, col(AttendanceTable.sitting_id) == col(SittingTable.id))
                 .where(AttendanceTable.participant_id == participant_id))
        return [{"sitting": s.title, "date": _plain(s.date), "status": a.status, "signed_in_at": _plain(a.signed_in_at),
                 "left_at": _plain(a.left_at)} for s, a in session.exec(query)]

    @staticmethod
    def _contributions(session: Session, participant_id: int) -> dict[str, list[str]]:
        ideas = session.exec(select(IdeaTable.text).where(IdeaTable.participant_id == participant_id)).all()
        questions = session.exec(select(QuestionTable.text).where(QuestionTable.participant_id == participant_id)).all()
        votes = session.exec(select(VoteTable.id).where(VoteTable.participant_id == participant_id)).all()
        return {"ideas": list(ideas), "questions": list(questions), "votes": [str(v) for v in votes]}


def _plain(value: object) -> object:
    """JSON-friendly: dates as ISO text, bytes left out."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return None if isinstance(value, bytes) else value
