"""Time sources, injectable so that tests never sleep."""

import time
from collections.abc import Callable
from datetime import UTC, datetime


def utc_now() -> datetime:
    """The current wall-clock time, timezone-aware."""
    return datetime.now(UTC)


def monotonic() -> float:
    """Seconds from a clock that never goes backwards."""
    return time.monotonic()


def local(value: datetime) -> datetime:
    """An aware time shown in the machine's local time zone."""
    return value.astimezone()


WallClock = Callable[[], datetime]
MonoClock = Callable[[], float]
