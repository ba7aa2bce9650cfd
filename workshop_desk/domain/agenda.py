"""Agenda arithmetic: computed start times, totals against the time available, reordering."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from workshop_desk.domain.models import AgendaItem, Sitting

_ANY_DAY = date(2000, 1, 1)


@dataclass(frozen=True, slots=True)
class TimedItem:
    """An agenda item with its planned start and end, computed from the sitting's start."""

    item: AgendaItem
    start: time | None
    end: time | None


@dataclass(frozen=True, slots=True)
class AgendaBudget:
    """Planned total against the time the sitting has."""

    planned_minutes: int
    available_minutes: int | None

    @property
    def over_by(self) -> int:
        """Minutes over the available time (0 when it fits or when no end is set)."""
        if self.available_minutes is None:
            return 0
        return max(0, self.planned_minutes - self.available_minutes)


def add_minutes(start: time, minutes: int) -> time:
    """`start` plus `minutes`, wrapping at midnight."""
    return (datetime.combine(_ANY_DAY, start) + timedelta(minutes=minutes)).time()


def timed_items(sitting: Sitting, items: list[AgendaItem] | tuple[AgendaItem, ...]) -> list[TimedItem]:
    """Each item with its start and end time, chained from the sitting's start time."""
    result: list[TimedItem] = []
    offset = 0
    for item in items:
        start = add_minutes(sitting.start_time, offset) if sitting.start_time else None
        offset += item.planned_minutes
        end = add_minutes(sitting.start_time, offset) if sitting.start_time else None
        result.append(TimedItem(item, start, end))
    return result


def minutes_between(start: time, end: time) -> int:
    """Minutes from `start` to `end` on the same day (negative if `end` is earlier)."""
    delta = datetime.combine(_ANY_DAY, end) - datetime.combine(_ANY_DAY, start)
    return int(delta.total_seconds() // 60)


def budget(sitting: Sitting, items: list[AgendaItem] | tuple[AgendaItem, ...]) -> AgendaBudget:
    """The agenda's planned total against the sitting's start-to-end time."""
    planned = sum(item.planned_minutes for item in items)
    available = None
    if sitting.start_time and sitting.end_time:
        available = minutes_between(sitting.start_time, sitting.end_time)
    return AgendaBudget(planned, available)


def moved(ids: list[int], from_row: int, to_row: int) -> list[int]:
    """`ids` with the element at `from_row` moved so that it ends at `to_row`."""
    result = list(ids)
    item = result.pop(from_row)
    result.insert(max(0, min(to_row, len(result))), item)
    return result
