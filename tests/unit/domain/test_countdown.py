"""The round timer, with injected clocks: phases, pause and resume, adjustments, restart, no drift."""

import datetime as dt

import pytest

from workshop_desk.domain.countdown import Bell, Countdown, Phase, TimerState, bells_between, paused_at, phase_of

T0 = dt.datetime(2027, 1, 26, 14, 0, tzinfo=dt.UTC)


class Clocks:
    """A wall clock and a monotonic clock that move together, only when told."""

    def __init__(self) -> None:
        self.mono_now = 1000.0
        self.wall_now = T0

    def wall(self) -> dt.datetime:
        return self.wall_now

    def mono(self) -> float:
        return self.mono_now

    def advance(self, seconds: float) -> None:
        self.mono_now += seconds
        self.wall_now += dt.timedelta(seconds=seconds)


@pytest.fixture
def clocks() -> Clocks:
    return Clocks()


def _timer(clocks: Clocks, minutes: float = 10) -> Countdown:
    return Countdown(TimerState(minutes * 60), clocks.wall, clocks.mono)


@pytest.mark.parametrize(("remaining", "phase"), [
    (600, Phase.NORMAL), (121, Phase.NORMAL), (120, Phase.WARNING), (61, Phase.WARNING), (60, Phase.CRITICAL),
    (0, Phase.CRITICAL), (-0.1, Phase.OVERTIME),
])
def test_phases_of_a_ten_minute_round(remaining: float, phase: Phase) -> None:
    assert phase_of(remaining, 600) == phase


def test_a_short_round_goes_from_normal_to_critical(clocks: Clocks) -> None:
    # For rounds under five minutes the last minute comes before the last 20 %: no amber phase.
    assert [phase_of(r, 100) for r in (80, 61, 60)] == [Phase.NORMAL, Phase.NORMAL, Phase.CRITICAL]
    assert phase_of(61, 300) == Phase.NORMAL


def test_counts_down_only_while_running(clocks: Clocks) -> None:
    timer = _timer(clocks)
    clocks.advance(30)
    assert timer.remaining() == 600
    timer.start()
    clocks.advance(90)
    assert timer.remaining() == pytest.approx(510)
    timer.pause()
    clocks.advance(300)
    assert timer.remaining() == pytest.approx(510)
    timer.start()
    clocks.advance(10)
    assert timer.remaining() == pytest.approx(500)


def test_plus_and_minus_one_minute(clocks: Clocks) -> None:
    timer = _timer(clocks, minutes=1)
    timer.start()
    clocks.advance(20)
    timer.adjust(+60)
    assert timer.remaining() == pytest.approx(100)
    timer.adjust(-60)
    timer.adjust(-60)
    assert timer.state.duration_seconds == 0 and timer.phase() == Phase.OVERTIME


def test_overtime_counts_up(clocks: Clocks) -> None:
    timer = _timer(clocks, minutes=1)
    timer.start()
    clocks.advance(75)
    assert timer.remaining() == pytest.approx(-15)
    assert timer.phase() == Phase.OVERTIME


def test_reset(clocks: Clocks) -> None:
    timer = _timer(clocks)
    timer.start()
    clocks.advance(100)
    timer.reset(300)
    assert (timer.running, timer.remaining()) == (False, 300)


def test_restart_resumes_a_running_countdown_from_the_saved_state(clocks: Clocks) -> None:
    timer = _timer(clocks)
    timer.start()
    clocks.advance(120)
    timer.pause()
    timer.start()
    clocks.advance(45)
    saved = timer.state
    clocks.advance(30)  # the app was down for 30 s; the monotonic clock of the new process is unrelated
    clocks.mono_now = 5.0
    again = Countdown(saved, clocks.wall, clocks.mono)
    assert again.running
    assert again.remaining() == pytest.approx(600 - 120 - 45 - 30)


def test_a_paused_countdown_restarts_paused(clocks: Clocks) -> None:
    timer = _timer(clocks)
    timer.start()
    clocks.advance(60)
    saved = timer.pause()
    clocks.advance(500)
    again = Countdown(saved, clocks.wall, clocks.mono)
    assert not again.running and again.remaining() == pytest.approx(540)


def test_no_drift_from_ticks_over_thirty_minutes(clocks: Clocks) -> None:
    timer = _timer(clocks, minutes=30)
    timer.start()
    for _ in range(30 * 60 * 4):  # a UI tick every 250 ms, each a little late
        clocks.advance(0.2503)
        timer.remaining()
    assert abs(timer.elapsed() - 30 * 60 * 4 * 0.2503) < 1e-6


def test_a_wall_clock_change_does_not_move_a_running_countdown(clocks: Clocks) -> None:
    timer = _timer(clocks)
    timer.start()
    clocks.advance(60)
    clocks.wall_now += dt.timedelta(hours=1)  # the laptop's clock is corrected
    assert timer.remaining() == pytest.approx(540)


@pytest.mark.parametrize(("before", "after", "minute_bell", "bells"), [
    (61, 59, True, [Bell.ONE_MINUTE]), (61, 59, False, []), (1, -1, True, [Bell.END]),
    (70, -5, True, [Bell.ONE_MINUTE, Bell.END]), (-1, -2, True, []), (30, 29, True, []),
])
def test_bells(before: float, after: float, minute_bell: bool, bells: list[Bell]) -> None:
    assert bells_between(before, after, minute_bell) == bells


def test_a_countdown_paused_at_a_moment_counts_its_stretch_up_to_then() -> None:
    start = dt.datetime(2027, 1, 26, 14, 0, tzinfo=dt.UTC)
    state = TimerState(600, accumulated_seconds=60, started_at=start, running=True)
    paused = paused_at(state, start + dt.timedelta(seconds=90))
    assert (paused.running, paused.started_at, paused.accumulated_seconds) == (False, None, 150)
    assert paused_at(paused, start + dt.timedelta(hours=2)) == paused  # already stopped: unchanged
