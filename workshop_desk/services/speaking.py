"""Speaking turns: the speaker list of a sitting, who is speaking, and the time each one had."""

from sqlmodel import Session, col, select

from workshop_desk.domain import validation
from workshop_desk.domain.clock import WallClock, utc_now
from workshop_desk.domain.speaking import SpeakingTurn, next_turn
from workshop_desk.i18n import _
from workshop_desk.services.mapping import fetch, renumber, to_domain
from workshop_desk.services.writes import writes
from workshop_desk.storage import snapshots
from workshop_desk.storage.db import Database
from workshop_desk.storage.snapshots import Snapshot
from workshop_desk.storage.tables import ParticipantTable, SittingTable, SpeakingTurnTable


def _rows(session: Session, sitting_id: int) -> list[SpeakingTurnTable]:
    query = select(SpeakingTurnTable).where(SpeakingTurnTable.sitting_id == sitting_id)
    return list(session.exec(query.order_by(col(SpeakingTurnTable.position), col(SpeakingTurnTable.id))))


class SpeakingService:
    """Each call is one unit of work; times come from the wall clock (recorded for the minutes)."""

    def __init__(self, database: Database, wall: WallClock = utc_now) -> None:
        self._db = database
        self._now = wall

    def turns(self, sitting_id: int) -> list[SpeakingTurn]:
        with self._db.session() as session:
            return [to_domain(row, SpeakingTurn) for row in _rows(session, sitting_id)]

    @writes
    def add(self, sitting_id: int, name: str, allotted_seconds: int = 300,
            participant_id: int | None = None) -> SpeakingTurn:
        """Put a speaker at the end of the list (a participant, or a free name)."""
        if not 10 <= allotted_seconds <= 4 * 3600:
            raise validation.ValidationError(_("A speaking time must be between 10 seconds and 4 hours."))
        with self._db.session() as session:
            if session.get(SittingTable, sitting_id) is None:
                raise LookupError(f"sitting {sitting_id}")
            if participant_id is not None and not name.strip():
                person = session.get(ParticipantTable, participant_id)
                name = f"{person.first_name} {person.last_name}".strip() if person else ""
            row = SpeakingTurnTable(sitting_id=sitting_id, speaker_name=validation.clean_title(name, _("Speaker")),
                                    participant_id=participant_id, allotted_seconds=allotted_seconds,
                                    position=len(_rows(session, sitting_id)))
            session.add(row)
            session.flush()
            return to_domain(row, SpeakingTurn)

    @writes
    def remove(self, turn_id: int) -> Snapshot:
        """Take a speaker off the list; returns what an undo puts back."""
        with self._db.session() as session:
            sitting_id = fetch(session, SpeakingTurnTable, turn_id).sitting_id
            snapshot = snapshots.remove(session, "speaking_turn", [turn_id])
            rows = {row.id: row for row in _rows(session, sitting_id) if row.id is not None}
            renumber(session, rows, [turn_id for turn_id in rows if turn_id is not None], "turn")
            return snapshot

    @writes
    def reorder(self, sitting_id: int, ordered_ids: list[int]) -> list[SpeakingTurn]:
        with self._db.session() as session:
            rows = {row.id: row for row in _rows(session, sitting_id)}
            return [to_domain(row, SpeakingTurn) for row in renumber(session, rows, ordered_ids, "turn")]

    @writes
    def give_floor(self, sitting_id: int, turn_id: int | None = None) -> SpeakingTurn | None:
        """End the current turn and start `turn_id` (by default the next one who has not spoken)."""
        with self._db.session() as session:
            now = self._now()
            rows = _rows(session, sitting_id)
            for row in rows:
                if row.started_at is not None and row.ended_at is None:
                    row.ended_at = now
                    session.add(row)
            turns = [to_domain(row, SpeakingTurn) for row in rows]
            chosen = next((t for t in turns if t.id == turn_id), None) if turn_id else next_turn(turns)
            if chosen is None:
                return None
            row = next(r for r in rows if r.id == chosen.id)
            row.started_at, row.ended_at = now, None
            session.add(row)
            session.flush()
            return to_domain(row, SpeakingTurn)

    @writes
    def end_current(self, sitting_id: int) -> None:
        """The speaker has finished; nobody has the floor."""
        with self._db.session() as session:
            for row in _rows(session, sitting_id):
                if row.started_at is not None and row.ended_at is None:
                    row.ended_at = self._now()
                    session.add(row)
