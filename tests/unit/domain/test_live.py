"""The live run: elapsed time of the current item against real clocks, pace, and clock display."""

from datetime import datetime, timedelta

import pytest

from tests.factories import T0, FakeMono, FakeWall
from workshop_desk.domain.enums import ItemKind
from workshop_desk.domain.live import (
    ItemClock,
    ItemProgress,
    Pace,
    actual_minutes,
    format_clock,
    progress,
    resume_time,
)
from workshop_desk.domain.models import AgendaItem, Sitting, SittingAgenda


def test_item_clock_counts_from_the_stored_start():
    wall, mono = FakeWall(T0 + timedelta(seconds=90)), FakeMono(1000.0)
    clock = ItemClock(T0, wall, mono)
    assert clock.elapsed() == pytest.approx(90.0)
    mono.advance(30)
    assert clock.elapsed() == pytest.approx(120.0)


def test_item_clock_resumes_after_a_restart_from_the_wall_clock():
    # The item began at T0; the app was closed and reopened 5 minutes later, in a new process whose
    # monotonic clock starts from an unrelated value.
    before = ItemClock(T0, FakeWall(T0), FakeMono(50_000.0))
    assert before.elapsed() == 0.0
    wall, mono = FakeWall(T0 + timedelta(minutes=5)), FakeMono(3.0)
    after = ItemClock(T0, wall, mono)
    assert after.elapsed() == pytest.approx(300.0)
    mono.advance(60)
    assert after.elapsed() == pytest.approx(360.0)


def test_a_wall_clock_jump_after_the_start_does_not_change_elapsed():
    wall, mono = FakeWall(T0 + timedelta(seconds=10)), FakeMono(500.0)
    clock = ItemClock(T0, wall, mono)
    mono.advance(20)
    wall.advance(hours=1)  # the system clock is corrected by an hour
    assert clock.elapsed() == pytest.approx(30.0)
    wall.advance(hours=-3)
    mono.advance(1)
    assert clock.elapsed() == pytest.approx(31.0)


def test_an_item_started_in_the_future_has_run_for_zero_seconds():
    clock = ItemClock(T0 + timedelta(minutes=2), FakeWall(T0), FakeMono())
    assert clock.elapsed() == 0.0


@pytest.mark.parametrize(("elapsed", "planned", "pace"), [
    (0, 600, Pace.ON_TIME),
    (479, 600, Pace.ON_TIME),     # 121 s left; the threshold is 20 % = 120 s
    (480, 600, Pace.CLOSE),
    (600, 600, Pace.CLOSE),       # exactly on time is not an overrun
    (600.5, 600, Pace.OVERRUN),
    (59, 120, Pace.ON_TIME),      # short items: at least one minute of warning
    (60, 120, Pace.CLOSE),
    (0, 0, Pace.CLOSE),
    (1, 0, Pace.OVERRUN),
])
def test_pace_phases(elapsed, planned, pace):
    assert ItemProgress(elapsed, planned).pace is pace


def test_remaining_goes_negative_in_overtime():
    assert ItemProgress(660.0, 600).remaining_seconds == -60.0


def test_progress_uses_the_item_plan_and_the_clock():
    item = AgendaItem(id=1, sitting_id=1, position=0, title="Débat", planned_minutes=15)
    wall, mono = FakeWall(T0 + timedelta(minutes=4)), FakeMono()
    assert progress(item, ItemClock(T0, wall, mono)) == ItemProgress(240.0, 900)
    assert progress(item, None) == ItemProgress(0.0, 900)


def test_actual_minutes():
    item = AgendaItem(id=1, sitting_id=1, position=0, title="Débat")
    assert actual_minutes(item) is None
    started = AgendaItem(id=1, sitting_id=1, position=0, title="Débat", actual_start=T0)
    assert actual_minutes(started) is None
    assert actual_minutes(started, T0 + timedelta(minutes=7, seconds=30)) == pytest.approx(7.5)
    ended = AgendaItem(id=1, sitting_id=1, position=0, title="Débat", actual_start=T0,
                       actual_end=T0 + timedelta(minutes=12))
    assert actual_minutes(ended, T0 + timedelta(hours=5)) == pytest.approx(12.0)


@pytest.mark.parametrize(("seconds", "text"), [
    (0, "00:00"),
    (59.9, "00:59"),
    (61, "01:01"),
    (599, "09:59"),
    (3599, "59:59"),
    (3600, "1:00:00"),
    (3725, "1:02:05"),
    (36000, "10:00:00"),
    (-5, "+00:05"),
    (-3700, "+1:01:40"),
])
def test_format_clock(seconds, text):
    assert format_clock(seconds) == text


def _agenda(current: int | None, started: datetime | None = None) -> SittingAgenda:
    """Welcome, brainstorm, a 20-minute break, wrap-up; the run on item `current` (None: not running)."""
    kinds = (ItemKind.WELCOME, ItemKind.BRAINSTORM, ItemKind.BREAK, ItemKind.WRAP_UP)
    items = tuple(AgendaItem(n, 1, n, f"Item {n}", kind, 20 if kind == ItemKind.BREAK else 45,
                             actual_start=started if n == current else None) for n, kind in enumerate(kinds, 1))
    sitting = Sitting(1, 1, "Atelier", current_item_id=current, run_started_at=T0 if current else None)
    return SittingAgenda(sitting, items)


def test_the_return_time_is_now_plus_the_next_break_rounded_up_to_five_minutes():
    now = T0 + timedelta(minutes=41, seconds=10)  # 08:41:10, during the brainstorm, which ends at 08:42
    assert resume_time(_agenda(2, T0 - timedelta(minutes=3)), now) == T0 + timedelta(minutes=65)  # 08:41 + 20 → 09:05
    assert resume_time(_agenda(None), T0) == T0 + timedelta(minutes=20)  # not running: the agenda's first break
    assert resume_time(_agenda(4, now), now) == T0 + timedelta(minutes=60)  # no break ahead: 15 minutes


def test_during_the_break_the_return_time_is_its_planned_end():
    assert resume_time(_agenda(3, T0 + timedelta(minutes=2)), T0 + timedelta(minutes=5)) == T0 + timedelta(minutes=22)


def test_without_an_agenda_the_break_lasts_a_quarter_of_an_hour():
    assert resume_time(None, T0) == T0 + timedelta(minutes=15)


def test_seconds_do_not_push_the_return_time_to_the_next_five_minutes():
    assert resume_time(None, T0 + timedelta(minutes=5, seconds=30)) == T0 + timedelta(minutes=20)  # 08:20, not 08:25
