"""The round timer: a countdown the whole room trusts — monotonic time, colour phases, bells, restart-safe."""

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum

from workshop_desk.domain.clock import MonoClock, WallClock

WARNING_SHARE = 0.2  # amber for the last 20 % of the time
CRITICAL_SECONDS = 60.0  # red for the last minute


class Phase(StrEnum):
    NORMAL = "normal"
    WARNING = "warning"
    CRITICAL = "critical"
    OVERTIME = "overtime"


class Bell(StrEnum):
    ONE_MINUTE = "one_minute"
    END = "end"


@dataclass(frozen=True, slots=True)
class TimerState:
    """What is saved to the file: enough to resume after a crash or a restart."""

    duration_seconds: float
    accumulated_seconds: float = 0.0  # elapsed before the current running stretch
    started_at: dt.datetime | None = None  # wall-clock start of the current running stretch
    running: bool = False
    label: str = ""


def paused_at(state: TimerState, when: dt.datetime) -> TimerState:
    """`state` paused at `when`: a running stretch counts up to then (a run that ends stops its timer)."""
    if not state.running or state.started_at is None:
        return replace(state, running=False, started_at=None)
    stretch = max(0.0, (when - state.started_at).total_seconds())
    return replace(state, running=False, started_at=None, accumulated_seconds=state.accumulated_seconds + stretch)


def phase_of(remaining: float, duration: float) -> Phase:
    """The colour phase for `remaining` seconds of a `duration`-second countdown."""
    if remaining < 0:
        return Phase.OVERTIME
    if remaining <= CRITICAL_SECONDS:
        return Phase.CRITICAL
    if remaining <= WARNING_SHARE * duration:
        return Phase.WARNING
    return Phase.NORMAL


def bells_between(before: float, after: float, one_minute_bell: bool) -> list[Bell]:
    """Bells due as the remaining time went from `before` to `after` seconds (a tick may skip marks)."""
    bells = []
    if one_minute_bell and before > CRITICAL_SECONDS >= after:
        bells.append(Bell.ONE_MINUTE)
    if before > 0 >= after:
        bells.append(Bell.END)
    return bells


class Countdown:
    """A countdown driven by a monotonic clock, so accumulated ticks never drift. The wall clock
    only dates the running stretch, so that a restart can tell how long it has been running."""

    def __init__(self, state: TimerState, wall: WallClock, mono: MonoClock) -> None:
        self._wall, self._mono = wall, mono
        self._state = state
        self._stretch_mono: float | None = None
        if state.running and state.started_at is not None:
            # Resuming after a restart: the stretch began this long ago, by the wall clock.
            already = max(0.0, (wall() - state.started_at).total_seconds())
            self._stretch_mono = mono() - already

    @property
    def state(self) -> TimerState:
        return self._state

    @property
    def running(self) -> bool:
        return self._state.running

    def elapsed(self) -> float:
        stretch = self._mono() - self._stretch_mono if self._stretch_mono is not None else 0.0
        return self._state.accumulated_seconds + max(0.0, stretch)

    def remaining(self) -> float:
        return self._state.duration_seconds - self.elapsed()

    def phase(self) -> Phase:
        return phase_of(self.remaining(), self._state.duration_seconds)

    def start(self) -> TimerState:
        """Start, or resume after a pause."""
        if not self._state.running:
            self._stretch_mono = self._mono()
            self._state = replace(self._state, running=True, started_at=self._wall())
        return self._state

    def pause(self) -> TimerState:
        if self._state.running:
            self._state = replace(self._state, running=False, started_at=None, accumulated_seconds=self.elapsed())
            self._stretch_mono = None
        return self._state

    def adjust(self, seconds: float) -> TimerState:
        """+1 min / −1 min: change the duration (never below zero)."""
        self._state = replace(self._state, duration_seconds=max(0.0, self._state.duration_seconds + seconds))
        return self._state

    def relabel(self, label: str) -> TimerState:
        """Name the round (shown above the countdown); the time is untouched."""
        self._state = replace(self._state, label=label)
        return self._state

    def reset(self, duration_seconds: float | None = None) -> TimerState:
        """Back to the full time, stopped (optionally with a new duration)."""
        duration = self._state.duration_seconds if duration_seconds is None else duration_seconds
        self._state = replace(self._state, duration_seconds=max(0.0, duration), accumulated_seconds=0.0,
                              started_at=None, running=False)
        self._stretch_mono = None
        return self._state
