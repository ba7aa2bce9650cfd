"""When each round of a sitting really started and ended (the seating plan's rounds, or rounds of their own)."""

import datetime as dt
from collections.abc import Iterable

from sqlmodel import Session, col, select

from workshop_desk.domain.clock import WallClock, utc_now
from workshop_desk.domain.rounds import TimedRound
from workshop_desk.services.mapping import to_domain
from workshop_desk.services.room_tables import FIXED_SEATS_ROUND
from workshop_desk.services.writes import writes
from workshop_desk.storage.db import Database
from workshop_desk.storage.tables import RoundTable, SittingTable


def _rounds(session: Session, sitting_id: int) -> list[RoundTable]:
    query = select(RoundTable).where(RoundTable.sitting_id == sitting_id, RoundTable.number != FIXED_SEATS_ROUND)
    return list(session.exec(query.order_by(col(RoundTable.number))))


class RoundTimingService:
    """Starting a round ends the one before: the rounds' real times are saved as they happen."""

    def __init__(self, database: Database, wall: WallClock = utc_now) -> None:
        self._db = database
        self._now = wall

    def rounds(self, sitting_id: int) -> list[TimedRound]:
        with self._db.session() as session:
            return [to_domain(row, TimedRound) for row in _rounds(session, sitting_id)]

    @writes
    def start(self, sitting_id: int, number: int, planned_seconds: int) -> TimedRound:
        """Round `number` starts now (created if the sitting has no such round yet)."""
        if number < 1:
            raise ValueError("rounds are numbered from 1")
        with self._db.session() as session:
            if session.get(SittingTable, sitting_id) is None:
                raise LookupError(f"sitting {sitting_id}")
            now = self._now()
            rows = {row.number: row for row in _rounds(session, sitting_id)}
            self._end_running(session, rows.values(), now)
            row = rows.get(number) or RoundTable(sitting_id=sitting_id, number=number)
            row.started_at, row.ended_at, row.planned_seconds = now, None, planned_seconds
            session.add(row)
            session.flush()
            return to_domain(row, TimedRound)

    @writes
    def end(self, sitting_id: int) -> None:
        """The running round ends now."""
        with self._db.session() as session:
            self._end_running(session, _rounds(session, sitting_id), self._now())

    @staticmethod
    def _end_running(session: Session, rows: Iterable[RoundTable], now: dt.datetime) -> None:
        for row in rows:
            if row.started_at is not None and row.ended_at is None:
                row.ended_at = now
                session.add(row)
