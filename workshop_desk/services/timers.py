"""The round timer's saved state, one per sitting, so that a crash or a restart resumes the countdown."""

from sqlmodel import select

from workshop_desk.domain.countdown import TimerState
from workshop_desk.services.mapping import to_domain
from workshop_desk.services.writes import writes
from workshop_desk.storage.db import Database
from workshop_desk.storage.tables import SittingTable, TimerTable


class TimerService:
    """Reads and saves a sitting's countdown."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def load(self, sitting_id: int) -> TimerState | None:
        """The saved countdown of a sitting, if one was ever started."""
        with self._db.session() as session:
            row = session.exec(select(TimerTable).where(TimerTable.sitting_id == sitting_id)).first()
            if row is None:
                return None
            return to_domain(row, TimerState, duration_seconds=float(row.duration_seconds))

    @writes
    def save(self, sitting_id: int, state: TimerState, agenda_item_id: int | None = None) -> TimerState:
        """Save the countdown (each start, pause, adjustment and reset)."""
        with self._db.session() as session:
            if session.get(SittingTable, sitting_id) is None:
                raise LookupError(f"sitting {sitting_id}")
            row = session.exec(select(TimerTable).where(TimerTable.sitting_id == sitting_id)).first()
            row = row or TimerTable(sitting_id=sitting_id)
            row.duration_seconds = round(state.duration_seconds)
            row.accumulated_seconds = state.accumulated_seconds
            row.started_at, row.running, row.label = state.started_at, state.running, state.label
            row.agenda_item_id = agenda_item_id
            session.add(row)
            return state
