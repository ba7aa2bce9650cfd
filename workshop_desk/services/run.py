"""Running a sitting live: start, next, previous, stop; actual times saved as they happen."""

from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from workshop_desk.domain.clock import WallClock, utc_now
from workshop_desk.domain.countdown import TimerState, paused_at
from workshop_desk.domain.models import SittingAgenda
from workshop_desk.services.mapping import fetch, to_domain
from workshop_desk.services.sittings import ordered_items, sitting_agenda
from workshop_desk.services.writes import writes
from workshop_desk.storage.db import Database
from workshop_desk.storage.tables import AgendaItemTable, SittingTable, TimerTable


def _sitting(session: Session, sitting_id: int) -> SittingTable:
    return fetch(session, SittingTable, sitting_id)


def _enter(row: AgendaItemTable, now: datetime) -> None:
    """Make `row` the running item; a revisited item resumes with the time it already had."""
    if row.actual_start is not None and row.actual_end is not None:
        row.actual_start = now - (row.actual_end - row.actual_start)
    elif row.actual_start is None:
        row.actual_start = now
    row.actual_end = None


def _stop_timer(session: Session, sitting_id: int, now: datetime) -> None:
    """The round timer stops with the run: left running, it would count overtime for ever (a restart too)."""
    row = session.exec(select(TimerTable).where(TimerTable.sitting_id == sitting_id)).first()
    if row is None or not row.running:
        return
    state = paused_at(to_domain(row, TimerState, duration_seconds=float(row.duration_seconds)), now)
    row.accumulated_seconds, row.started_at, row.running = state.accumulated_seconds, None, False
    session.add(row)


class RunService:
    """Moves a sitting through its agenda and records when each item really ran."""

    def __init__(self, database: Database, wall: WallClock = utc_now) -> None:
        self._db = database
        self._now = wall

    def running(self) -> SittingAgenda | None:
        """The sitting that is being run, if any (to resume it after a restart)."""
        with self._db.session() as session:
            query = select(SittingTable).where(col(SittingTable.run_started_at).is_not(None))
            row = session.exec(query.where(col(SittingTable.run_ended_at).is_(None))).first()
            return sitting_agenda(session, row.id) if row and row.id else None

    @writes
    def start(self, sitting_id: int) -> SittingAgenda:
        """Start the run at the first item (or resume where it stood)."""
        with self._db.session() as session:
            sitting = _sitting(session, sitting_id)
            items = ordered_items(session, sitting_id)
            if not items:
                raise ValueError("a sitting with no agenda cannot be run")
            now = self._now()
            # Resuming an ended run keeps when the sitting really began (the minutes report it).
            sitting.run_started_at = sitting.run_started_at or now
            sitting.run_ended_at = None
            current = next((i for i in items if i.id == sitting.current_item_id), items[0])
            _enter(current, now)
            sitting.current_item_id = current.id
            session.add_all([sitting, current])
            session.flush()
            return sitting_agenda(session, sitting_id)

    @writes
    def step(self, sitting_id: int, delta: int) -> SittingAgenda:
        """Go to the next (+1) or previous (−1) item; the current one's end time is saved."""
        with self._db.session() as session:
            sitting = _sitting(session, sitting_id)
            items = ordered_items(session, sitting_id)
            ids = [item.id for item in items]
            if sitting.current_item_id not in ids or sitting.run_ended_at is not None:
                raise ValueError("the sitting is not running")
            index = ids.index(sitting.current_item_id)
            target = index + delta
            if not 0 <= target < len(items):
                return sitting_agenda(session, sitting_id)
            now = self._now()
            items[index].actual_end = now
            _enter(items[target], now)
            sitting.current_item_id = items[target].id
            session.add_all([sitting, items[index], items[target]])
            session.flush()
            return sitting_agenda(session, sitting_id)

    @writes
    def stop(self, sitting_id: int) -> SittingAgenda:
        """End the run: the current item ends now."""
        with self._db.session() as session:
            sitting = _sitting(session, sitting_id)
            now = self._now()
            for item in ordered_items(session, sitting_id):
                if item.id == sitting.current_item_id and item.actual_end is None:
                    item.actual_end = now
                    session.add(item)
            sitting.run_ended_at = now
            session.add(sitting)
            _stop_timer(session, sitting_id, now)
            session.flush()
            return sitting_agenda(session, sitting_id)

    @writes
    def reset(self, sitting_id: int) -> SittingAgenda:
        """Forget the recorded run (after a rehearsal)."""
        with self._db.session() as session:
            sitting = _sitting(session, sitting_id)
            for item in ordered_items(session, sitting_id):
                item.actual_start = item.actual_end = None
                session.add(item)
            sitting.run_started_at = sitting.run_ended_at = None
            sitting.current_item_id = None
            session.add(sitting)
            session.flush()
            return sitting_agenda(session, sitting_id)

    @writes
    def shift_current_start(self, sitting_id: int, seconds: float) -> SittingAgenda:
        """Move the current item's start (tests and corrections: 'we actually began 2 min ago')."""
        with self._db.session() as session:
            sitting = _sitting(session, sitting_id)
            row = session.get(AgendaItemTable, sitting.current_item_id)
            if row is not None and row.actual_start is not None:
                row.actual_start -= timedelta(seconds=seconds)
                session.add(row)
            session.flush()
            return sitting_agenda(session, sitting_id)
