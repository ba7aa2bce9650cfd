"""The live run of a sitting: which item is current, and how long it has been running."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from workshop_desk.domain.clock import MonoClock, WallClock
from workshop_desk.domain.enums import ItemKind
from workshop_desk.domain.models import AgendaItem, SittingAgenda

DEFAULT_BREAK_MINUTES = 15  # a break's length when the agenda plans none
ROUND_MINUTES = 5  # a return time the room remembers: 10:45, not 10:43


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


def resume_time(agenda: SittingAgenda | None, now: datetime) -> datetime:
    """When the room is expected back from a break: the planned end of the break under way, else `now` plus the
    next break's planned length (DEFAULT_BREAK_MINUTES without one), to the minute, rounded up to ROUND_MINUTES."""
    items = list(agenda.items) if agenda else []
    current_id = agenda.sitting.current_item_id if agenda and agenda.sitting.is_running else None
    current = next((i for i in items if i.id == current_id), None)
    if current is not None and current.kind == ItemKind.BREAK and current.actual_start is not None:
        return current.actual_start + timedelta(minutes=current.planned_minutes)
    upcoming = next((i for i in items[items.index(current) + 1 if current else 0:] if i.kind == ItemKind.BREAK), None)
    back = now + timedelta(minutes=upcoming.planned_minutes if upcoming else DEFAULT_BREAK_MINUTES)
    whole = back.replace(second=0, microsecond=0)  # seconds would push 10:15:30 to 10:20
    return whole + timedelta(minutes=-whole.minute % ROUND_MINUTES)
