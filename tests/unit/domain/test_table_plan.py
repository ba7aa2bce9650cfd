"""The table planner: repeated pairs, group mix, capacities, fixed seats, determinism, errors."""

import itertools
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_desk.domain.attendance import RosterEntry
from workshop_desk.domain.enums import AttendanceStatus
from workshop_desk.domain.models import Attendance, Participant
from workshop_desk.domain.table_plan import (
    SeatingProblem,
    TablePlan,
    TablePlanError,
    TableSpec,
    best_distinct,
    meetings,
    mix_score,
    moved,
    people_to_seat,
    repeated_pairs,
    table_sizes,
)
from workshop_desk.domain.table_search import plan_tables


def problem(people: int, tables: int, capacity: int, rounds: int, **extra: object) -> SeatingProblem:
    specs = tuple(TableSpec(100 + t, capacity, f"Table {t + 1}") for t in range(tables))
    return SeatingProblem(tuple(range(1, people + 1)), specs, rounds, **extra)


def sizes_by_round(plan: TablePlan) -> list[list[int]]:
    return [[len(people) for people in seating.values()] for seating in plan.rounds]


def assert_valid(plan: TablePlan, spec: SeatingProblem) -> None:
    """Everyone seated exactly once per round, no table over capacity, fixed seats kept."""
    capacity = {table.id: table.capacity for table in spec.tables}
    assert len(plan.rounds) == spec.rounds
    for seating in plan.rounds:
        seated = [person for people in seating.values() for person in people]
        assert sorted(seated) == sorted(spec.people)
        assert all(len(people) <= capacity[table] for table, people in seating.items())
        for person, table in spec.fixed.items():
            assert person in seating[table]


# --- quality measures ----------------------------------------------------------------------------

def test_repeated_pairs_counts_each_extra_meeting():
    plan = TablePlan(({1: (1, 2, 3), 2: (4,)}, {1: (1, 2), 2: (3, 4)}, {1: (1, 2, 4), 2: (3,)}))
    # 1-2 meet three times (2 extra), 1-3 and 2-3 once, 1-4 and 2-4 once, 3-4 once.
    assert meetings(plan)[(1, 2)] == 3
    assert repeated_pairs(plan) == 2


def test_best_distinct_is_limited_by_table_sizes_and_group_sizes():
    assert best_distinct([4, 4, 4, 4], [4, 4, 4, 4]) == 16
    assert best_distinct([10, 1, 1], [3, 3, 3, 3]) == 6  # the big group at every table, the two others once
    assert best_distinct([], [5, 5]) == 0


def _brute_best(group_sizes: list[int], table_sizes: list[int]) -> int:
    people = [g for g, size in enumerate(group_sizes) for _ in range(size)]
    seats = [t for t, size in enumerate(table_sizes) for _ in range(size)]
    best = 0
    for order in set(itertools.permutations(people)):
        tables = {t: set() for t in range(len(table_sizes))}
        for seat, group in zip(seats, order, strict=True):
            tables[seat].add(group)
        best = max(best, sum(len(groups) for groups in tables.values()))
    return best


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(1, 3), min_size=1, max_size=3), st.lists(st.integers(1, 3), min_size=1, max_size=3))
def test_best_distinct_matches_brute_force(groups, tables):
    total = sum(tables)
    groups = groups[:]
    while sum(groups) < total:  # as many people as seats
        groups.append(1)
    while sum(groups) > total:
        groups[-1] -= 1
        if groups[-1] == 0:
            groups.pop()
    assert best_distinct(groups, tables) == _brute_best(groups, tables)


def test_mix_score_is_one_when_each_table_is_as_mixed_as_possible():
    groups = {1: 1, 2: 1, 3: 2, 4: 2}
    assert mix_score(TablePlan(({1: (1, 3), 2: (2, 4)},)), groups) == 1.0
    assert mix_score(TablePlan(({1: (1, 2), 2: (3, 4)},)), groups) == 0.5


def test_mix_score_ignores_people_without_a_group():
    assert mix_score(TablePlan(({1: (1, 2), 2: (3, 4)},)), {1: 1, 3: 2}) == 1.0
    assert mix_score(TablePlan(({1: (1, 2)},)), {}) == 1.0


# --- sizes -----------------------------------------------------------------------------------------

def test_uneven_numbers_give_tables_that_differ_by_at_most_one():
    spec = problem(23, 5, 6, 3)
    assert table_sizes(spec) == [5, 5, 5, 4, 4]
    result = plan_tables(spec, seed=1)
    assert all(sorted(sizes) == [4, 4, 5, 5, 5] for sizes in sizes_by_round(result.plan))
    assert_valid(result.plan, spec)
    assert result.quality.repeated_pairs == 0


def test_capacities_can_force_uneven_tables():
    spec = SeatingProblem(tuple(range(1, 11)), (TableSpec(1, 2), TableSpec(2, 10)), 2)
    assert table_sizes(spec) == [2, 8]


@given(st.lists(st.integers(1, 9), min_size=1, max_size=8), st.data())
def test_table_sizes_are_balanced_within_capacities(capacities, data):
    people = data.draw(st.integers(0, sum(capacities)))
    spec = SeatingProblem(tuple(range(people)), tuple(TableSpec(i, c) for i, c in enumerate(capacities)), 1)
    sizes = table_sizes(spec)
    assert sum(sizes) == people
    assert all(size <= capacity for size, capacity in zip(sizes, capacities, strict=True))
    not_full = [size for size, capacity in zip(sizes, capacities, strict=True) if size < capacity]
    assert not not_full or max(sizes) - min(not_full) <= 1  # only a full table may be smaller than others


# --- the planner -----------------------------------------------------------------------------------

@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4])
def test_sixteen_people_four_tables_five_rounds_meet_everyone_exactly_once(seed):
    # The affine plane of order 4: 5 rounds of 4 tables of 4 in which every pair meets exactly once.
    spec = problem(16, 4, 4, 5)
    result = plan_tables(spec, seed)
    assert_valid(result.plan, spec)
    assert result.quality.repeated_pairs == 0
    assert set(meetings(result.plan).values()) == {1}
    assert len(meetings(result.plan)) == 16 * 15 // 2


def test_nine_people_three_tables_of_three_five_rounds_reach_the_lower_bound():
    # Lower bound: 5 rounds × 3 tables × 3 pairs = 45 meetings among only 9·8/2 = 36 pairs, so at least
    # 45 − 36 = 9 meetings repeat. The affine plane of order 3 (4 rounds, no repeat) plus any 5th round
    # reaches it.
    result = plan_tables(problem(9, 3, 3, 5), seed=0)
    assert result.quality.repeated_pairs == 9


def test_twelve_people_three_tables_of_four_four_rounds_repeat_as_little_as_possible():
    # Lower bound, by hand: a table of 4 drawn from the 3 tables of an earlier round holds at least two
    # people who sat together then (pigeonhole), so any two rounds share at least 3 pairs; over the
    # 6 pairs of rounds, Σ over pairs of C(m, 2) ≥ 18, m being the rounds a pair shares. As m ≤ 4,
    # C(m, 2) ≤ 2·(m − 1), hence repeated pairs = Σ (m − 1) ≥ 9.
    # The exact optimum is 13: an exhaustive search (round 1 fixed, round 2 up to symmetry — 9 cases —
    # then every pair of the 5,775 partitions for rounds 3 and 4) finds no schedule with fewer.
    result = plan_tables(problem(12, 3, 4, 4), seed=0)
    assert 9 <= result.quality.repeated_pairs <= 13 + 1


def test_four_groups_of_four_get_one_of_each_group_at_every_table():
    groups = {person: (person - 1) % 4 for person in range(1, 17)}
    spec = problem(16, 4, 4, 4, groups=groups)
    result = plan_tables(spec, seed=0)
    for seating in result.plan.rounds:
        assert all(sorted(groups[p] for p in people) == [0, 1, 2, 3] for people in seating.values())
    assert result.quality.mix == 1.0
    assert result.quality.repeated_pairs == 0


def test_fixed_people_stay_at_their_table_in_every_round():
    spec = problem(20, 4, 5, 4, fixed={1: 100, 2: 101, 3: 103, 4: 103})
    result = plan_tables(spec, seed=3)
    assert_valid(result.plan, spec)
    # 3 and 4 share a table in all 4 rounds: 3 repeats that cannot be avoided.
    assert result.quality.repeated_pairs >= 3


def test_same_seed_same_plan_and_other_seeds_other_plans():
    spec = problem(30, 5, 6, 3, groups={p: p % 3 for p in range(1, 31)})
    first = plan_tables(spec, seed=7)
    assert plan_tables(spec, seed=7) == first
    assert any(plan_tables(spec, seed=seed).plan != first.plan for seed in (1, 2, 3))


def test_a_single_table_seats_everyone_in_every_round():
    spec = problem(5, 1, 8, 2)
    result = plan_tables(spec)
    assert result.plan.rounds == ({100: (1, 2, 3, 4, 5)},) * 2
    assert result.quality.repeated_pairs == 10


def test_nobody_to_seat_gives_empty_tables():
    result = plan_tables(problem(0, 2, 4, 2))
    assert result.plan.rounds == ({100: (), 101: ()},) * 2


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_every_plan_seats_everyone_once_per_round_within_capacities_and_fixed_seats(data):
    capacities = data.draw(st.lists(st.integers(1, 6), min_size=1, max_size=5))
    tables = tuple(TableSpec(10 + i, c, f"T{i}") for i, c in enumerate(capacities))
    people = tuple(range(1, data.draw(st.integers(0, sum(capacities))) + 1))
    groups = {p: data.draw(st.none() | st.integers(0, 3)) for p in people}
    fixed: dict[int, int] = {}
    room = dict(zip([t.id for t in tables], capacities, strict=True))
    for person in data.draw(st.lists(st.sampled_from(people), unique=True, max_size=4)) if people else []:
        table = data.draw(st.sampled_from(tables)).id
        if room[table]:
            fixed[person], room[table] = table, room[table] - 1
    spec = SeatingProblem(people, tables, data.draw(st.integers(1, 4)), groups, fixed)
    result = plan_tables(spec, seed=data.draw(st.integers(0, 1000)), budget=20_000)
    assert_valid(result.plan, spec)
    assert sizes_by_round(result.plan) == [table_sizes(spec)] * spec.rounds
    assert 0 <= result.quality.mix <= 1


# --- impossible problems ---------------------------------------------------------------------------

def test_more_people_than_seats_is_refused_with_the_numbers():
    with pytest.raises(TablePlanError, match="21 people to seat, but the tables seat only 20"):
        plan_tables(problem(21, 4, 5, 2))


def test_more_people_fixed_to_a_table_than_it_seats_is_refused_naming_the_table():
    spec = problem(8, 2, 4, 2, fixed={1: 100, 2: 101, 3: 101, 4: 101, 5: 101, 6: 101})
    with pytest.raises(TablePlanError, match="5 people are fixed to “Table 2”, which seats only 4"):
        plan_tables(spec)


def test_a_fixed_seat_at_a_table_outside_the_plan_is_refused_naming_the_person():
    spec = problem(4, 2, 4, 1, fixed={1: 999}, names={1: "Léa Moreau"})
    with pytest.raises(TablePlanError, match="Léa Moreau is fixed to a table that is not among"):
        plan_tables(spec)


@pytest.mark.parametrize(("spec", "message"), [
    (problem(4, 2, 4, 0), "at least one round"),
    (problem(4, 0, 4, 1), "no table"),
    (SeatingProblem((1, 1), (TableSpec(1, 4),), 1), "listed twice"),
])
def test_other_impossible_problems(spec, message):
    with pytest.raises(TablePlanError, match=message):
        plan_tables(spec)


# --- who is seated, and manual moves ---------------------------------------------------------------

def _entry(person: int, status: AttendanceStatus, left: bool = False) -> RosterEntry:
    from datetime import UTC, datetime

    when = datetime(2027, 1, 14, 9, tzinfo=UTC)
    return RosterEntry(Participant(person, 1, f"P{person}", "X", f"B{person}"),
                       Attendance(person, 1, person, status, when, when if left else None))


def test_people_to_seat_are_those_present_or_else_those_registered():
    roster = [_entry(1, AttendanceStatus.PRESENT), _entry(2, AttendanceStatus.REGISTERED),
              _entry(3, AttendanceStatus.PRESENT, left=True), _entry(4, AttendanceStatus.INVITED)]
    assert [p.id for p in people_to_seat(roster)] == [1]
    assert [p.id for p in people_to_seat(roster, present_only=False)] == [1, 2]
    assert [p.id for p in people_to_seat(roster[1:])] == [2]


TABLES = (TableSpec(1, 2, "A"), TableSpec(2, 2, "B"), TableSpec(3, 3, "C"))
PLAN = TablePlan(({1: (1, 2), 2: (3, 4), 3: (5,)}, {1: (1, 3), 2: (2, 5), 3: (4,)}))


def test_moving_to_a_table_with_room_just_moves():
    plan = moved(PLAN, 0, 1, 3, TABLES, {}, {})
    assert plan.rounds[0] == {1: (2,), 2: (3, 4), 3: (1, 5)}
    assert plan.rounds[1] == PLAN.rounds[1]


def test_moving_to_a_full_table_swaps_with_whoever_keeps_the_plan_best():
    # 2 goes to B, full with 3 and 4: sending 3 to A would make 1 and 3 meet again (they do in round 2).
    plan = moved(PLAN, 0, 2, 2, TABLES, {}, {})
    assert plan.rounds[0] == {1: (1, 4), 2: (2, 3), 3: (5,)}
    assert repeated_pairs(plan) == 0
    assert Counter(len(p) for p in plan.rounds[0].values()) == Counter(len(p) for p in PLAN.rounds[0].values())


def test_fixed_people_are_neither_moved_nor_swapped_out():
    with pytest.raises(TablePlanError, match="fixed to their table"):
        moved(PLAN, 0, 1, 3, TABLES, {1: 1}, {})
    with pytest.raises(TablePlanError, match="full of people fixed"):
        moved(PLAN, 0, 5, 1, TABLES, {1: 1, 2: 1}, {})
