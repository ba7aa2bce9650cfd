"""The live run of a sitting: which item is current, and how long it has been running."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from workshop_desk.domain.clock import MonoClock, WallClock
from workshop_desk.domain.models import AgendaItem


class Pace(StrEnum):
    """How an item stands against its planned time."""

    ON_TIME = "on_time"
    CLOSE = "close"
    OVERRUN = "overrun"


@dataclass(frozen=True, slots=True)
class ItemProgress:
    elapsed_seconds: float
    planned_seconds: int

    @property
    def remaining_seconds(self) -> float:
        return self.planned_seconds - self.elapsed_seconds

    @property
    def pace(self) -> Pace:
        if self.elapsed_seconds > self.planned_seconds:
            return Pace.OVERRUN
        if self.remaining_seconds <= max(60.0, 0.2 * self.planned_seconds):
            return Pace.CLOSE
        return Pace.ON_TIME


class ItemClock:
    """Elapsed time of the current item.

    The item's start is stored as wall-clock time (it survives a restart); while the app runs,
    elapsed time comes from the monotonic clock, so that a change of the system clock or a laptop
    going to sleep and back does not make the timer jump.
    """

    def __init__(self, started_at: datetime, wall: WallClock, mono: MonoClock) -> None:
        self._mono = mono
        already = max(0.0, (wall() - started_at).total_seconds())
        self._mono_origin = mono() - already

    def elapsed(self) -> float:
        """Seconds since the item started."""
        return max(0.0, self._mono() - self._mono_origin)


def progress(item: AgendaItem, clock: ItemClock | None) -> ItemProgress:
    """Elapsed against planned for the current item (zero elapsed when nothing runs)."""
    elapsed = clock.elapsed() if clock else 0.0
    return ItemProgress(elapsed, item.planned_minutes * 60)


def actual_minutes(item: AgendaItem, now: datetime | None = None) -> float | None:
    """Minutes the item actually took (or has taken so far, given `now`), if it started."""
    if item.actual_start is None:
        return None
    end = item.actual_end or now
    if end is None:
        return None
    return max(0.0, (end - item.actual_start).total_seconds() / 60)


def format_clock(seconds: float) -> str:
    """'mm:ss', or 'h:mm:ss' past an hour; a leading '+' for overtime given as negative."""
    sign = "+" if seconds < 0 else ""
    total = int(abs(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"
