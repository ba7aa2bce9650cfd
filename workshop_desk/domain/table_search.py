"""The table planner: a greedy seating per round, then a tabu search over swaps within a round."""

import random
from collections import Counter
from dataclasses import dataclass

from workshop_desk.domain.table_plan import (
    PlanQuality,
    SeatingProblem,
    TablePlan,
    best_distinct,
    check_problem,
    quality,
    table_sizes,
    tables_from_rows,
)

# The budget is counted in pair checks, never in seconds, so that a seed always gives the same plan;
# about 2 s of search in CPython on a laptop of 2024 (tests/benchmarks/bench_table_plan.py).
WORK_BUDGET = 6_000_000
MIN_STEPS, MAX_STEPS = 2_000, 200_000


@dataclass(frozen=True)
class PlanResult:
    plan: TablePlan
    quality: PlanQuality
    steps: int  # search steps used: a step budget, not a time limit, keeps the result reproducible


def plan_tables(problem: SeatingProblem, seed: int = 0, max_steps: int | None = None) -> PlanResult:
    """Seat everyone in every round: fewest repeated pairs first, then the best mix of groups.

    Raises TablePlanError when capacities or fixed seats make it impossible. The same problem and seed
    always give the same plan.
    """
    check_problem(problem)
    search = _Search(problem, random.Random(seed))
    steps = search.improve(default_steps(problem) if max_steps is None else max_steps)
    plan = search.best_plan()
    return PlanResult(plan, quality(plan, problem.groups), steps)


def default_steps(problem: SeatingProblem) -> int:
    """Search steps for a problem: a step costs about (people × table size) pair checks."""
    people = max(1, len(problem.people))
    table_size = max(1, people // len(problem.tables))
    return max(MIN_STEPS, min(MAX_STEPS, WORK_BUDGET // (people * table_size)))


class _Search:
    """Seats as index lists, with the counts that make a swap's effect cheap to compute.

    The cost is lexicographic in integers: repeated pairs × (most distinct groups possible + 1), plus the
    distinct groups still missing; so one repeated pair always outweighs any gain in mix.
    """

    def __init__(self, problem: SeatingProblem, rng: random.Random) -> None:
        self.rng = rng
        self.problem = problem
        self.people = list(problem.people)
        group_index = {g: i for i, g in enumerate(sorted({g for g in problem.groups.values() if g is not None}))}
        self.group = [group_index.get(problem.groups.get(p), -1) for p in self.people]
        table_index = {table.id: i for i, table in enumerate(problem.tables)}
        self.fixed = [table_index[problem.fixed[p]] if p in problem.fixed else -1 for p in self.people]
        self.sizes = table_sizes(problem)
        self.tabu = [[0] * (len(self.people) * len(self.sizes)) for _ in range(problem.rounds)]
        sizes = Counter(g for g in self.group if g >= 0)
        self.best_mix = problem.rounds * best_distinct(list(sizes.values()), self.sizes)
        self.weight = self.best_mix + 1
        self.reset(None)

    # --- state --------------------------------------------------------------------------------------

    def reset(self, seats: list[list[int]] | None) -> None:
        """Empty every table, then seat people as `seats` says (None: the greedy construction)."""
        n, rounds, tables = len(self.people), self.problem.rounds, len(self.sizes)
        self.meet = [[0] * n for _ in range(n)]
        self.seat = [[-1] * n for _ in range(rounds)]
        self.members: list[list[list[int]]] = [[[] for _ in range(tables)] for _ in range(rounds)]
        groups = max(self.group, default=-1) + 1
        self.count = [[[0] * groups for _ in range(tables)] for _ in range(rounds)]
        self.repeats = self.distinct = 0
        for r in range(rounds):
            if seats is None:
                self.greedy_round(r)
            else:
                for p, t in enumerate(seats[r]):
                    self.sit(r, p, t)

    @property
    def cost(self) -> int:
        return self.repeats * self.weight + self.best_mix - self.distinct

    def sit(self, r: int, p: int, t: int) -> None:
        row = self.meet[p]
        for x in self.members[r][t]:
            if row[x]:
                self.repeats += 1
            row[x] += 1
            self.meet[x][p] += 1
        self.members[r][t].append(p)
        self.seat[r][p] = t
        g = self.group[p]
        if g >= 0:
            self.distinct += self.count[r][t][g] == 0
            self.count[r][t][g] += 1

    def stand(self, r: int, p: int) -> None:
        t = self.seat[r][p]
        self.members[r][t].remove(p)
        row = self.meet[p]
        for x in self.members[r][t]:
            row[x] -= 1
            self.meet[x][p] -= 1
            if row[x]:
                self.repeats -= 1
        g = self.group[p]
        if g >= 0:
            self.count[r][t][g] -= 1
            self.distinct -= self.count[r][t][g] == 0

    def swap(self, r: int, p: int, q: int) -> None:
        a, b = self.seat[r][p], self.seat[r][q]
        self.stand(r, p)
        self.stand(r, q)
        self.sit(r, p, b)
        self.sit(r, q, a)

    # --- construction -------------------------------------------------------------------------------

    def greedy_round(self, r: int) -> None:
        """Fixed people first; then group by group, largest first, each at the table where they meet
        the fewest people met before and add a group not yet there (emptiest table on a tie)."""
        for p, t in enumerate(self.fixed):
            if t >= 0:
                self.sit(r, p, t)
        for p in self._greedy_order():
            self.sit(r, p, self._greedy_table(r, p))

    def _greedy_order(self) -> list[int]:
        by_group: dict[int, list[int]] = {}
        for p, g in enumerate(self.group):
            if self.fixed[p] < 0:
                by_group.setdefault(g, []).append(p)
        keys = sorted(by_group, key=lambda g: (g < 0, -len(by_group[g]), self.rng.random()))
        order: list[int] = []
        for g in keys:
            self.rng.shuffle(by_group[g])
            order += by_group[g]
        return order

    def _greedy_table(self, r: int, p: int) -> int:
        row, g = self.meet[p], self.group[p]
        best, best_key = -1, (0, 0, 0.0)
        for t, people in enumerate(self.members[r]):
            room = self.sizes[t] - len(people)
            if room <= 0:
                continue
            again = sum(1 for x in people if row[x])
            key = (again * self.weight - (g >= 0 and self.count[r][t][g] == 0), -room, self.rng.random())
            if best < 0 or key < best_key:
                best, best_key = t, key
        return best

    # --- search -------------------------------------------------------------------------------------

    def improve(self, max_steps: int) -> int:
        """Tabu search from the greedy seating; returns the steps taken (fewer when the cost hits 0)."""
        self.best_seats, best_cost = [list(s) for s in self.seat], self.cost
        last_gain = step = 0
        stall = max(200, 20 * len(self.people))
        for step in range(max_steps):
            if self.cost == 0:
                return step
            picked = self._pick()
            if picked is None:
                return step
            if not self._step(picked[0], picked[1], step, best_cost):
                continue
            if self.cost < best_cost:
                self.best_seats, best_cost, last_gain = [list(s) for s in self.seat], self.cost, step
            elif step - last_gain > stall:
                self._perturb()
                last_gain = step
        return max_steps

    def _pick(self) -> tuple[int, int] | None:
        """A movable person in trouble in some round: meeting someone again, or beside their own group."""
        conflicts: list[tuple[int, int]] = []
        crowded: list[tuple[int, int]] = []
        for r, tables in enumerate(self.members):
            for t, people in enumerate(tables):
                counts = self.count[r][t]
                for p in people:
                    if self.fixed[p] >= 0:
                        continue
                    row = self.meet[p]
                    if any(row[x] > 1 for x in people):
                        conflicts.append((r, p))
                    elif self.group[p] >= 0 and counts[self.group[p]] > 1:
                        crowded.append((r, p))
        if conflicts and (not crowded or self.rng.random() < 0.9):
            return self.rng.choice(conflicts)
        return self.rng.choice(crowded) if crowded else None

    def _step(self, r: int, p: int, step: int, best_cost: int) -> bool:
        """Make the best swap of `p` with someone at another table in round `r` that is not tabu."""
        move = self._best_swap(r, p, step, best_cost - self.cost)
        if move is None:
            return False
        q = move
        a, b = self.seat[r][p], self.seat[r][q]
        self.swap(r, p, q)
        tables = len(self.sizes)
        self.tabu[r][p * tables + a] = step + self.rng.randint(3, 12)
        self.tabu[r][q * tables + b] = step + self.rng.randint(3, 12)
        return True

    def _best_swap(self, r: int, p: int, step: int, to_beat: int) -> int | None:
        """The partner of the best allowed swap (ties broken at random); a tabu move is allowed when it
        beats the best cost found so far."""
        a, tables, tabu = self.seat[r][p], len(self.sizes), self.tabu[r]
        meet, group, fixed, weight = self.meet, self.group, self.fixed, self.weight
        row_p, g_p, here = meet[p], group[p], self.members[r][a]
        count_a = self.count[r][a]
        leave_p = -sum(1 for x in here if x != p and row_p[x] > 1)
        best: int | None = None
        best_delta, ties = 0, 0
        for b, there in enumerate(self.members[r]):
            if b == a:
                continue
            join_p = sum(1 for y in there if row_p[y])
            count_b, p_tabu = self.count[r][b], tabu[p * tables + b] > step
            for q in there:
                if fixed[q] >= 0:
                    continue
                row_q, g_q = meet[q], group[q]
                repeats = leave_p + join_p - (row_p[q] > 0)
                repeats -= sum(1 for y in there if y != q and row_q[y] > 1)
                repeats += sum(1 for x in here if x != p and row_q[x])
                mix = 0
                if g_p != g_q:
                    mix = ((g_q >= 0 and count_a[g_q] == 0) - (g_p >= 0 and count_a[g_p] == 1)
                           + (g_p >= 0 and count_b[g_p] == 0) - (g_q >= 0 and count_b[g_q] == 1))
                delta = repeats * weight - mix
                if (p_tabu or tabu[q * tables + a] > step) and delta >= to_beat:
                    continue
                if best is None or delta < best_delta:
                    best, best_delta, ties = q, delta, 1
                elif delta == best_delta:
                    ties += 1
                    if self.rng.randrange(ties) == 0:
                        best = q
        return best

    def _perturb(self) -> None:
        """Leave a plateau: a few random swaps of movable people in random rounds."""
        movable = [p for p, t in enumerate(self.fixed) if t < 0]
        if len(movable) < 2:
            return
        for _swap in range(2 + len(self.people) // 20):
            r = self.rng.randrange(self.problem.rounds)
            p, q = self.rng.sample(movable, 2)
            if self.seat[r][p] != self.seat[r][q]:
                self.swap(r, p, q)

    def best_plan(self) -> TablePlan:
        ids = [table.id for table in self.problem.tables]
        rows = [[(ids[t], self.people[p]) for p, t in enumerate(seats)] for seats in self.best_seats]
        return tables_from_rows(rows, ids)
