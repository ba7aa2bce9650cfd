"""Running a sitting: start, next, previous, stop, reset; actual times from the wall clock."""

from datetime import timedelta

import pytest

from tests.factories import T0, FakeWall, make_workspace, sitting_draft
from workshop_desk.domain.live import actual_minutes
from workshop_desk.services.run import RunService
from workshop_desk.services.workspace import Workspace


@pytest.fixture
def ws(tmp_path):
    workspace = make_workspace(tmp_path, sittings=2, items=3)
    yield workspace
    workspace.database.close()


@pytest.fixture
def wall():
    return FakeWall(T0)


@pytest.fixture
def run(ws, wall):
    return RunService(ws.database, wall)


@pytest.fixture
def sitting_id(ws):
    return ws.sittings.all()[0].id


def test_start_runs_the_first_item(run, sitting_id):
    state = run.start(sitting_id)
    assert state.sitting.is_running
    assert state.sitting.run_started_at == T0
    assert state.sitting.current_item_id == state.items[0].id
    assert (state.items[0].actual_start, state.items[0].actual_end) == (T0, None)
    assert all(i.actual_start is None for i in state.items[1:])


def test_next_saves_the_end_and_starts_the_next(run, wall, sitting_id):
    run.start(sitting_id)
    wall.advance(minutes=12)
    state = run.step(sitting_id, +1)
    first, second, _third = state.items
    assert (first.actual_start, first.actual_end) == (T0, T0 + timedelta(minutes=12))
    assert (second.actual_start, second.actual_end) == (T0 + timedelta(minutes=12), None)
    assert state.sitting.current_item_id == second.id
    assert actual_minutes(first) == pytest.approx(12)


def test_revisiting_an_item_resumes_its_duration(run, wall, sitting_id):
    run.start(sitting_id)
    wall.advance(minutes=5)
    run.step(sitting_id, +1)          # first item ran 5 min
    wall.advance(minutes=2)
    state = run.step(sitting_id, -1)  # back to the first item
    first, second, _third = state.items
    assert state.sitting.current_item_id == first.id
    assert first.actual_end is None
    assert actual_minutes(first, wall()) == pytest.approx(5)  # resumes at 5 min, not 0 or 7
    assert actual_minutes(second) == pytest.approx(2)
    wall.advance(minutes=1)
    state = run.step(sitting_id, +1)
    assert actual_minutes(state.items[0]) == pytest.approx(6)
    assert actual_minutes(state.items[1], wall()) == pytest.approx(2)


def test_stepping_past_either_end_changes_nothing(run, wall, sitting_id):
    start = run.start(sitting_id)
    wall.advance(minutes=1)
    assert run.step(sitting_id, -1) == start
    run.step(sitting_id, +1)
    last = run.step(sitting_id, +1)
    wall.advance(minutes=1)
    assert run.step(sitting_id, +1) == last
    assert last.sitting.current_item_id == last.items[-1].id


def test_stop_ends_the_current_item_and_the_run(run, wall, sitting_id):
    run.start(sitting_id)
    wall.advance(minutes=4)
    run.step(sitting_id, +1)
    wall.advance(minutes=6)
    state = run.stop(sitting_id)
    assert not state.sitting.is_running
    assert state.sitting.run_ended_at == T0 + timedelta(minutes=10)
    assert state.items[1].actual_end == T0 + timedelta(minutes=10)
    assert state.items[2].actual_start is None
    with pytest.raises(ValueError, match="not running"):
        run.step(sitting_id, +1)


def test_start_after_stop_resumes_where_it_stood(run, wall, sitting_id):
    run.start(sitting_id)
    wall.advance(minutes=4)
    run.step(sitting_id, +1)
    wall.advance(minutes=6)
    run.stop(sitting_id)
    wall.advance(minutes=30)
    state = run.start(sitting_id)
    assert state.sitting.is_running
    assert state.sitting.current_item_id == state.items[1].id
    assert actual_minutes(state.items[1], wall()) == pytest.approx(6)
    assert state.sitting.run_started_at == T0  # when the sitting really began is kept for the minutes


def test_reset_forgets_the_run(run, wall, sitting_id):
    run.start(sitting_id)
    wall.advance(minutes=4)
    run.step(sitting_id, +1)
    state = run.reset(sitting_id)
    assert state.sitting.run_started_at is None and state.sitting.run_ended_at is None
    assert state.sitting.current_item_id is None
    assert all(i.actual_start is None and i.actual_end is None for i in state.items)
    assert run.running() is None


def test_step_without_a_run(run, sitting_id):
    with pytest.raises(ValueError, match="not running"):
        run.step(sitting_id, +1)


def test_a_sitting_with_no_agenda_cannot_be_run(ws, run):
    empty = ws.sittings.create(sitting_draft(title="Vide")).sitting
    with pytest.raises(ValueError, match="no agenda"):
        run.start(empty.id)
    with pytest.raises(LookupError):
        run.start(999)


def test_shift_current_start(run, wall, sitting_id):
    run.start(sitting_id)
    state = run.shift_current_start(sitting_id, 120)
    assert state.items[0].actual_start == T0 - timedelta(minutes=2)


def test_running_finds_the_running_sitting_after_reopening_the_file(tmp_path):
    workspace = make_workspace(tmp_path, sittings=3, items=2)
    wall = FakeWall()
    second = workspace.sittings.all()[1].id
    run = RunService(workspace.database, wall)
    assert run.running() is None
    run.start(second)
    wall.advance(minutes=3)
    expected = run.step(second, +1)
    workspace.close()
    reopened = Workspace.open(workspace.path, tmp_path / "backups")
    try:
        found = reopened.run.running()
        assert found == expected
        assert found.sitting.id == second
        assert found.items[1].actual_start == T0 + timedelta(minutes=3)
        assert found.items[1].actual_start.tzinfo is not None
    finally:
        reopened.database.close()
