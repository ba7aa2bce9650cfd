"""Seating people at room tables over rounds: the problem, the plan, its quality, and manual moves."""

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from workshop_desk.domain.attendance import RosterEntry, is_in_room
from workshop_desk.domain.enums import AttendanceStatus
from workshop_desk.domain.models import Participant
from workshop_desk.i18n import _

MAX_CAPACITY = 200


class TablePlanError(ValueError):
    """A seating that cannot be made (capacities, fixed seats); the message is translated for the user."""


@dataclass(frozen=True, slots=True)
class RoomTable:
    """A table in the room for one sitting (world café, round tables)."""

    id: int
    sitting_id: int
    name: str
    theme: str = ""
    capacity: int = 8
    host_id: int | None = None  # the host stays at the table for every round
    rapporteur_id: int | None = None
    position: int = 0


@dataclass(frozen=True, slots=True)
class TableDraft:
    """The editable fields of a room table."""

    name: str
    theme: str = ""
    capacity: int = 8
    host_id: int | None = None
    rapporteur_id: int | None = None


@dataclass(frozen=True, slots=True)
class TableSpec:
    """A table as the planner sees it."""

    id: int
    capacity: int
    name: str = ""


@dataclass(frozen=True)
class SeatingProblem:
    """Who to seat, where, for how many rounds; `fixed` maps a person to the table they never leave."""

    people: tuple[int, ...]
    tables: tuple[TableSpec, ...]
    rounds: int
    groups: Mapping[int, int | None] = field(default_factory=dict)  # person → stakeholder group (None: none)
    fixed: Mapping[int, int] = field(default_factory=dict)  # person → table id
    names: Mapping[int, str] = field(default_factory=dict)  # person → name, for error messages only


@dataclass(frozen=True)
class TablePlan:
    """Per round (index 0 is round 1): table id → the ids of the people seated there, sorted."""

    rounds: tuple[Mapping[int, tuple[int, ...]], ...]

    def table_of(self, round_index: int, person: int) -> int | None:
        """The table where `person` sits in a round (None: not seated)."""
        return next((table for table, people in self.rounds[round_index].items() if person in people), None)


@dataclass(frozen=True, slots=True)
class PlanQuality:
    repeated_pairs: int
    mix: float


@dataclass(frozen=True)
class SittingPlan:
    """A sitting's saved plan: its tables in order, the rounds, the fixed seats and the quality."""

    sitting_id: int
    tables: tuple[RoomTable, ...]
    plan: TablePlan
    quality: PlanQuality
    fixed: Mapping[int, int] = field(default_factory=dict)


def tables_from_rows(people_by_round: Sequence[Iterable[tuple[int, int]]], table_ids: Sequence[int]) -> TablePlan:
    """A plan from (table id, person id) pairs per round; every table listed, people sorted."""
    rounds = []
    for seats in people_by_round:
        seated: dict[int, list[int]] = {table: [] for table in table_ids}
        for table, person in seats:
            seated.setdefault(table, []).append(person)
        rounds.append({table: tuple(sorted(people)) for table, people in seated.items()})
    return TablePlan(tuple(rounds))


def meetings(plan: TablePlan) -> Counter[tuple[int, int]]:
    """How many rounds each pair (smaller id first) shares a table."""
    met: Counter[tuple[int, int]] = Counter()
    for seating in plan.rounds:
        for people in seating.values():
            met.update(combinations(sorted(people), 2))
    return met


def repeated_pairs(plan: TablePlan) -> int:
    """Extra meetings: the sum over pairs of people of (rounds they share a table − 1), where positive.

    A pair seated together in two rounds counts 1, in three rounds counts 2; a pair that meets once or
    never counts 0. Zero means nobody meets the same person twice.
    """
    return sum(count - 1 for count in meetings(plan).values() if count > 1)


def best_distinct(group_sizes: Sequence[int], table_sizes: Sequence[int]) -> int:
    """The most (table, group) incidences one round can have: Σ over tables of distinct groups, at best.

    It is a maximum flow (group g → table t, one per pair; at most `size_g` from a group, at most
    `size_t` into a table), computed as its minimum cut: the a largest groups and b smallest tables on
    the source side, for the best a and b.
    """
    groups, tables = sorted(group_sizes), sorted(table_sizes)
    group_prefix, table_prefix = _prefix_sums(groups), _prefix_sums(tables)
    return min(group_prefix[len(groups) - a] + table_prefix[b] + a * (len(tables) - b)
               for a in range(len(groups) + 1) for b in range(len(tables) + 1))


def _prefix_sums(values: Sequence[int]) -> list[int]:
    sums = [0]
    for value in values:
        sums.append(sums[-1] + value)
    return sums


def distinct_groups(people: Iterable[int], groups: Mapping[int, int | None]) -> int:
    """Stakeholder groups represented among `people` (people without a group do not count)."""
    return len({groups.get(person) for person in people} - {None})


def mix_score(plan: TablePlan, groups: Mapping[int, int | None]) -> float:
    """How mixed the tables are, in [0, 1]; 1 means every round is as diverse as the group sizes allow.

    For each round: the sum over its tables of the distinct stakeholder groups seated there, divided
    by the largest sum possible with that round's table sizes and the groups' sizes (`best_distinct`).
    The score sums both over all rounds before dividing. People without a group are seated but add no
    group. With no groups at all the score is 1 (nothing to mix).
    """
    achieved = best = 0
    for seating in plan.rounds:
        seated = [person for people in seating.values() for person in people]
        sizes = Counter(groups[p] for p in seated if groups.get(p) is not None)
        best += best_distinct(list(sizes.values()), [len(people) for people in seating.values()])
        achieved += sum(distinct_groups(people, groups) for people in seating.values())
    return achieved / best if best else 1.0


def quality(plan: TablePlan, groups: Mapping[int, int | None]) -> PlanQuality:
    return PlanQuality(repeated_pairs(plan), mix_score(plan, groups))


def check_problem(problem: SeatingProblem) -> None:
    """Raise TablePlanError, in the user's language, when the problem has no solution."""
    if problem.rounds < 1:
        raise TablePlanError(_("Plan at least one round."))
    if not problem.tables:
        raise TablePlanError(_("There is no table to seat people at."))
    if len(set(problem.people)) != len(problem.people):
        raise TablePlanError(_("Someone is listed twice among the people to seat."))
    total = sum(table.capacity for table in problem.tables)
    if len(problem.people) > total:
        raise TablePlanError(_("{people} people to seat, but the tables seat only {seats}: add a table or "
                               "raise a capacity.").format(people=len(problem.people), seats=total))
    _check_fixed(problem)


def _check_fixed(problem: SeatingProblem) -> None:
    by_id = {table.id: table for table in problem.tables}
    people = set(problem.people)
    for person, table_id in problem.fixed.items():
        name = problem.names.get(person, f"#{person}")
        if table_id not in by_id:
            raise TablePlanError(_("{name} is fixed to a table that is not among the tables to plan.").format(
                name=name))
        if person not in people:
            raise TablePlanError(_("{name} is fixed to a table but is not among the people to seat.").format(
                name=name))
    for table_id, count in Counter(problem.fixed.values()).items():
        table = by_id[table_id]
        if count > table.capacity:
            raise TablePlanError(_("{count} people are fixed to “{table}”, which seats only {capacity}.").format(
                count=count, table=table.name or f"#{table.id}", capacity=table.capacity))


def table_sizes(problem: SeatingProblem) -> list[int]:
    """How many people each table gets (same every round): as even as capacities and fixed seats allow.

    Water-filling: start from the fixed seats, then give each next person to the emptiest table that has
    room (the first such in table order), so sizes differ by at most one unless capacities prevent it.
    """
    fixed = Counter(problem.fixed.values())
    sizes = [fixed[table.id] for table in problem.tables]
    for _person in range(len(problem.people) - sum(sizes)):
        open_tables = [i for i, table in enumerate(problem.tables) if sizes[i] < table.capacity]
        sizes[min(open_tables, key=lambda i: sizes[i])] += 1
    return sizes


def people_to_seat(roster: Sequence[RosterEntry], present_only: bool = True) -> list[Participant]:
    """Who the planner seats: the people in the room; before anyone is, those registered.

    With `present_only` False, everyone registered or present (and not gone) is seated.
    """
    in_room = [entry.participant for entry in roster if is_in_room(entry.attendance)]
    if present_only and in_room:
        return in_room
    registered = [entry.participant for entry in roster
                  if entry.attendance and entry.attendance.status == AttendanceStatus.REGISTERED]
    return registered if present_only else in_room + registered


def moved(plan: TablePlan, round_index: int, person: int, table_id: int, tables: Sequence[TableSpec],
          fixed: Mapping[int, int], groups: Mapping[int, int | None]) -> TablePlan:
    """The plan with `person` moved to `table_id` in one round; if that table is full, they swap with
    whichever movable person there gives the best quality. Never breaks a capacity or a fixed seat."""
    current = plan.table_of(round_index, person)
    if person in fixed and fixed[person] != table_id:
        raise TablePlanError(_("This person is fixed to their table for every round; unfix them to move them."))
    if current == table_id:
        return plan
    target = next((table for table in tables if table.id == table_id), None)
    if target is None:
        raise TablePlanError(_("That table is not part of this plan."))
    seating = {table: list(people) for table, people in plan.rounds[round_index].items()}
    seating.setdefault(table_id, [])  # a table added since the plan was made
    if current is not None:
        seating[current].remove(person)
    if len(seating[table_id]) < target.capacity:
        return _replaced(plan, round_index, seating, table_id, person)
    if current is None:
        raise TablePlanError(_("“{table}” is full.").format(table=target.name))
    options = [_swapped(plan, round_index, seating, table_id, person, other, current)
               for other in seating[table_id] if other not in fixed]
    if not options:
        raise TablePlanError(_("“{table}” is full of people fixed to it.").format(table=target.name))
    return min(options, key=lambda option: (repeated_pairs(option), -mix_score(option, groups)))


def _replaced(plan: TablePlan, round_index: int, seating: dict[int, list[int]], table_id: int,
              person: int) -> TablePlan:
    seating[table_id] = [*seating[table_id], person]
    rounds = list(plan.rounds)
    rounds[round_index] = {table: tuple(sorted(people)) for table, people in seating.items()}
    return TablePlan(tuple(rounds))


def _swapped(plan: TablePlan, round_index: int, seating: dict[int, list[int]], table_id: int, person: int,
             other: int, current: int) -> TablePlan:
    trial = {table: list(people) for table, people in seating.items()}
    trial[table_id].remove(other)
    trial[current].append(other)
    return _replaced(plan, round_index, trial, table_id, person)
