"""Agenda arithmetic: start times chained from the sitting's start, the time budget, moving rows."""

from datetime import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop_desk.domain.agenda import AgendaBudget, add_minutes, budget, minutes_between, moved, timed_items
from workshop_desk.domain.models import AgendaItem, Sitting


def _sitting(start: time | None = time(14, 0), end: time | None = time(16, 30)) -> Sitting:
    return Sitting(id=1, programme_id=1, title="Atelier", start_time=start, end_time=end)


def _items(*minutes: int) -> list[AgendaItem]:
    return [AgendaItem(id=n + 1, sitting_id=1, position=n, title=f"Point {n + 1}", planned_minutes=m)
            for n, m in enumerate(minutes)]


def test_timed_items_chain_each_start_from_the_previous_end():
    timed = timed_items(_sitting(), _items(15, 10, 35))
    assert [(t.start, t.end) for t in timed] == [
        (time(14, 0), time(14, 15)),
        (time(14, 15), time(14, 25)),
        (time(14, 25), time(15, 0)),
    ]
    assert [t.item.id for t in timed] == [1, 2, 3]


def test_timed_items_zero_minute_item_starts_and_ends_together():
    timed = timed_items(_sitting(start=time(9, 0)), _items(0, 5))
    assert (timed[0].start, timed[0].end) == (time(9, 0), time(9, 0))
    assert (timed[1].start, timed[1].end) == (time(9, 0), time(9, 5))


def test_timed_items_wrap_at_midnight():
    timed = timed_items(_sitting(start=time(23, 30), end=None), _items(20, 30, 60))
    assert [(t.start, t.end) for t in timed] == [
        (time(23, 30), time(23, 50)),
        (time(23, 50), time(0, 20)),
        (time(0, 20), time(1, 20)),
    ]


def test_timed_items_without_a_start_time_have_no_times():
    timed = timed_items(_sitting(start=None), _items(10, 10))
    assert [(t.start, t.end) for t in timed] == [(None, None), (None, None)]


def test_add_minutes_wraps_past_a_whole_day():
    assert add_minutes(time(22, 0), 24 * 60 + 150) == time(0, 30)


def test_minutes_between_is_negative_when_the_end_is_earlier():
    assert minutes_between(time(14, 0), time(16, 30)) == 150
    assert minutes_between(time(16, 30), time(14, 0)) == -150


def test_budget_over_by_counts_the_minutes_past_the_end():
    result = budget(_sitting(), _items(60, 60, 40))
    assert result == AgendaBudget(planned_minutes=160, available_minutes=150)
    assert result.over_by == 10


def test_budget_that_fits_is_not_over():
    result = budget(_sitting(), _items(60, 60, 30))
    assert (result.planned_minutes, result.over_by) == (150, 0)
    assert budget(_sitting(), _items(30)).over_by == 0


def test_budget_without_an_end_time_is_never_over():
    result = budget(_sitting(end=None), _items(600))
    assert result.available_minutes is None
    assert result.over_by == 0


def test_budget_of_an_empty_agenda():
    assert budget(_sitting(), []).planned_minutes == 0


@pytest.mark.parametrize(("from_row", "to_row", "expected"), [
    (0, 2, [2, 3, 1, 4]),
    (3, 0, [4, 1, 2, 3]),
    (1, 1, [1, 2, 3, 4]),
    (0, 99, [2, 3, 4, 1]),
    (2, -5, [3, 1, 2, 4]),
])
def test_moved_puts_the_element_at_the_target_row(from_row, to_row, expected):
    assert moved([1, 2, 3, 4], from_row, to_row) == expected


def test_moved_does_not_change_its_argument():
    ids = [1, 2, 3]
    moved(ids, 0, 2)
    assert ids == [1, 2, 3]


@given(st.lists(st.integers(), min_size=1, max_size=30, unique=True), st.data())
def test_moved_is_a_permutation_with_the_element_at_its_target(ids, data):
    from_row = data.draw(st.integers(0, len(ids) - 1))
    to_row = data.draw(st.integers(0, len(ids) - 1))
    result = moved(ids, from_row, to_row)
    assert sorted(result) == sorted(ids)
    assert result[to_row] == ids[from_row]
