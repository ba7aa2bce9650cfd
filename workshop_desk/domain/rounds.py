"""Timed rounds of a sitting (world-café rotations, brainstorm rounds), as recorded for the minutes."""

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TimedRound:
    number: int
    planned_seconds: int = 0
    started_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None

    @property
    def is_running(self) -> bool:
        return self.started_at is not None and self.ended_at is None

    def actual_seconds(self, now: dt.datetime) -> float | None:
        if self.started_at is None:
            return None
        return max(0.0, ((self.ended_at or now) - self.started_at).total_seconds())
