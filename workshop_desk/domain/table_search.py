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

# The budgets count moves evaluated, never seconds, so that a seed always gives the same plan. A move
# costs under a microsecond in CPython: the default budget ends any search within about 2 s on a laptop.
BUDGET = 2_500_000
# Moves evaluated without a better plan before stopping (a deep local optimum): per seat to fill over
# all rounds, within bounds; small problems are explored quickly, so they stop soon.
PATIENCE_PER_SEAT, PATIENCE_RANGE = 800, (50_000, 500_000)
ATTEMPTS = 6  # searches from a fresh greedy seating, while the budget lasts: the best plan is kept
MOVES_PER_STEP = 1_200  # one step compares the swaps of a few people in trouble, about this many
TENURE = (3, 12)  # steps during which a person may not go back to the table they left (drawn at random)


@dataclass(frozen=True)
class PlanResult:
    plan: TablePlan
    quality: PlanQuality
    steps: int  # search steps made
    evaluated: int  # moves evaluated: the budget that makes the search stop, reproducibly


def plan_tables(problem: SeatingProblem, seed: int = 0, budget: int = BUDGET) -> PlanResult:
    """Seat everyone in every round: fewest repeated pairs first, then the best mix of groups.

    Raises TablePlanError when capacities or fixed seats make it impossible. The same problem, seed and
    budget always give the same plan.
    """
    check_problem(problem)
    search = _Search(problem, random.Random(seed))
    steps, evaluated = search.improve(budget)
    plan = search.best_plan()
    return PlanResult(plan, quality(plan, problem.groups), steps, evaluated)


class _Seating:
    """Seats as indices, with the counts and bit masks that make a move's effect cheap to compute.

    The cost is lexicographic, in integers: repeated pairs × (most distinct groups possible + 1), plus
    the distinct groups still missing; so one repeated pair always outweighs any gain in mix.
    """

    def __init__(self, problem: SeatingProblem, sizes: list[int]) -> None:
        people, rounds, tables = problem.people, problem.rounds, len(sizes)
        group_of = {p: g for p, g in problem.groups.items() if g is not None}
        group_index = {g: i for i, g in enumerate(sorted(set(group_of.values())))}
        self.group = [group_index[group_of[p]] if p in group_of else -1 for p in people]
        table_index = {table.id: i for i, table in enumerate(problem.tables)}
        self.fixed = [table_index[problem.fixed[p]] if p in problem.fixed else -1 for p in people]
        self.sizes = sizes
        self.best_mix = rounds * best_distinct(list(Counter(g for g in self.group if g >= 0).values()), sizes)
        self.weight = self.best_mix + 1
        self.meet = [[0] * len(people) for _ in people]  # rounds shared, per pair
        self.once = [0] * len(people)  # bit x of once[p]: p has met x at least once
        self.twice = [0] * len(people)  # ... at least twice
        self.seat = [[-1] * len(people) for _ in range(rounds)]
        self.members: list[list[list[int]]] = [[[] for _ in range(tables)] for _ in range(rounds)]
        self.mask = [[0] * tables for _ in range(rounds)]  # bit p: p sits at that table
        self.count = [[[0] * len(group_index) for _ in range(tables)] for _ in range(rounds)]
        self.repeats = self.distinct = 0

    @property
    def cost(self) -> int:
        return self.repeats * self.weight + self.best_mix - self.distinct

    def sit(self, r: int, p: int, t: int) -> None:
        row, bit = self.meet[p], 1 << p
        for x in self.members[r][t]:
            met = row[x] + 1
            row[x] = self.meet[x][p] = met
            self.repeats += met > 1
            if met <= 2:
                masks = self.once if met == 1 else self.twice
                masks[p] |= 1 << x
                masks[x] |= bit
        self.members[r][t].append(p)
        self.mask[r][t] |= bit
        self.seat[r][p] = t
        g = self.group[p]
        if g >= 0:
            self.distinct += self.count[r][t][g] == 0
            self.count[r][t][g] += 1

    def stand(self, r: int, p: int) -> None:
        t, row, bit = self.seat[r][p], self.meet[p], 1 << p
        self.members[r][t].remove(p)
        self.mask[r][t] &= ~bit
        for x in self.members[r][t]:
            met = row[x] - 1
            row[x] = self.meet[x][p] = met
            self.repeats -= met > 0
            if met <= 1:
                masks = self.once if met == 0 else self.twice
                masks[p] &= ~(1 << x)
                masks[x] &= ~bit
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

    def rotate(self, r: int, p: int, q: int, s: int) -> None:
        """q takes p's seat, p takes s's, s takes q's (three different tables)."""
        a, b, c = self.seat[r][p], self.seat[r][q], self.seat[r][s]
        for person in (p, q, s):
            self.stand(r, person)
        self.sit(r, q, a)
        self.sit(r, p, c)
        self.sit(r, s, b)

    def table_gain(self, r: int, t: int, out: int, into: int) -> int:
        """Groups that table `t` gains when someone of group `out` leaves it and someone of `into` comes."""
        if out == into:
            return 0
        count = self.count[r][t]
        return (into >= 0 and count[into] == 0) - (out >= 0 and count[out] == 1)

    def short_tables(self, r: int) -> set[int]:
        """Tables of round `r` that lack a group seated twice at another table: only there can the mix
        improve."""
        counts = self.count[r]
        doubled = {g for table in counts for g, n in enumerate(table) if n > 1}
        return {t for t, table in enumerate(counts) if any(table[g] == 0 for g in doubled)}


class _Search:
    """Greedy construction, then tabu search on the swaps of people in trouble, restarted from a fresh
    greedy seating when stuck; the best plan found is kept.

    When nobody meets anyone twice, a rotation of three people that improves the mix is tried first:
    a plain swap rarely can without making a pair meet again.
    """

    def __init__(self, problem: SeatingProblem, rng: random.Random) -> None:
        self.problem, self.rng, self.sizes = problem, rng, table_sizes(problem)
        people, tables = len(problem.people), len(problem.tables)
        self.sample = max(1, MOVES_PER_STEP // max(1, people - people // tables))  # each has that many swaps
        seats = people * problem.rounds
        self.patience = min(PATIENCE_RANGE[1], max(PATIENCE_RANGE[0], PATIENCE_PER_SEAT * seats))
        self._start()
        self.best_seats, self.best_cost = [list(seats) for seats in self.state.seat], self.state.cost

    def _start(self) -> None:
        """A fresh greedy seating, with nothing tabu."""
        self.state = _Seating(self.problem, self.sizes)
        people, tables = len(self.problem.people), len(self.problem.tables)
        self.tabu = [[0] * (people * tables) for _ in range(self.problem.rounds)]  # [r][p * tables + t]: until
        for r in range(self.problem.rounds):
            self.greedy_round(r)

    # --- construction -------------------------------------------------------------------------------

    def greedy_round(self, r: int) -> None:
        """Fixed people first; then group by group, largest first, each at the table where they meet
        the fewest people met before and add a group not yet there (the emptiest table on a tie)."""
        for p, t in enumerate(self.state.fixed):
            if t >= 0:
                self.state.sit(r, p, t)
        for p in self._greedy_order():
            self.state.sit(r, p, self._greedy_table(r, p))

    def _greedy_order(self) -> list[int]:
        by_group: dict[int, list[int]] = {}
        for p, g in enumerate(self.state.group):
            if self.state.fixed[p] < 0:
                by_group.setdefault(g, []).append(p)
        keys = sorted(by_group, key=lambda g: (g < 0, -len(by_group[g]), self.rng.random()))
        order: list[int] = []
        for g in keys:
            self.rng.shuffle(by_group[g])
            order += by_group[g]
        return order

    def _greedy_table(self, r: int, p: int) -> int:
        state, g = self.state, self.state.group[p]
        best, best_key = -1, (0, 0, 0.0)
        for t, people in enumerate(state.members[r]):
            room = state.sizes[t] - len(people)
            if room <= 0:
                continue
            again = (state.once[p] & state.mask[r][t]).bit_count()
            new_group = g >= 0 and state.count[r][t][g] == 0
            key = (again * state.weight - new_group, -room, self.rng.random())
            if best < 0 or key < best_key:
                best, best_key = t, key
        return best

    # --- search -------------------------------------------------------------------------------------

    def improve(self, budget: int) -> tuple[int, int]:
        """Search from up to ATTEMPTS fresh greedy seatings, keeping the best plan, until its cost is 0 or
        `budget` moves are evaluated. Returns (steps, moves evaluated)."""
        steps = evaluated = 0
        for attempt in range(ATTEMPTS):
            if attempt:
                self._start()
            made, count = self._descend(budget - evaluated)
            steps, evaluated = steps + made, evaluated + count
            if self.best_cost == 0 or evaluated >= budget:
                break
        return steps, evaluated

    def _descend(self, budget: int) -> tuple[int, int]:
        """Tabu search from the current seating until the cost is 0, `budget` moves are evaluated, or a
        patience's worth of them bring nothing better; plateaus are left by a few random swaps."""
        state = self.state
        steps = evaluated = last_gain = last_kick = 0
        while evaluated < budget and state.cost and evaluated - last_gain <= self.patience:
            candidates, conflicted = self._candidates()
            if not candidates:
                break
            steps += 1
            made, count = (False, 0) if conflicted else self._cycle(candidates)
            evaluated += count if made else count + self._step(candidates, steps, self.best_cost)
            if state.cost < self.best_cost:
                self.best_seats, self.best_cost = [list(s) for s in state.seat], state.cost
                last_gain = evaluated
            elif evaluated - max(last_gain, last_kick) > self.patience // 4:
                self._perturb()
                last_kick = evaluated
        return steps, evaluated

    def _candidates(self) -> tuple[list[tuple[int, int]], bool]:
        """A few movable people in trouble, as (round, person), and whether they are in conflict: mostly
        people who meet someone again, else people at a table short of a group (see `short_tables`)."""
        state, conflicts, short = self.state, [], []
        for r in range(self.problem.rounds):
            lacking = state.short_tables(r)
            for p, fixed in enumerate(state.fixed):
                if fixed < 0:
                    t = state.seat[r][p]
                    if state.twice[p] & state.mask[r][t]:
                        conflicts.append((r, p))
                    elif t in lacking:
                        short.append((r, p))
        conflicted = bool(conflicts) and (not short or self.rng.random() < 0.9)
        pool = conflicts if conflicted else short
        return (self.rng.sample(pool, self.sample) if len(pool) > self.sample else pool), conflicted

    def _step(self, candidates: list[tuple[int, int]], step: int, best_cost: int) -> int:
        """Make the best swap of a candidate that is not tabu (or that beats the best plan found);
        returns the swaps evaluated."""
        best: tuple[int, int, int] | None = None
        best_delta = ties = evaluated = 0
        for r, p in candidates:
            evaluated += len(self.problem.people)
            for q, delta in self._swaps(r, p, step, best_cost - self.state.cost):
                if best is None or delta < best_delta:
                    best, best_delta, ties = (r, p, q), delta, 1
                elif delta == best_delta:
                    ties += 1
                    if self.rng.randrange(ties) == 0:
                        best = (r, p, q)
        if best is not None:
            self._make(*best, step)
        return evaluated

    def _swaps(self, r: int, p: int, step: int, to_beat: int) -> list[tuple[int, int]]:
        """(partner, cost change) of each allowed swap of `p` in round `r`: not tabu, or beating the best.

        The planner spends its time in this loop: it reads the state's lists directly."""
        state, tables, tabu = self.state, len(self.state.sizes), self.tabu[r]
        once, twice, group, fixed, weight = state.once, state.twice, state.group, state.fixed, state.weight
        seats, masks, counts = state.seat[r], state.mask[r], state.count[r]
        a, g_p, row_p = seats[p], group[p], state.meet[p]
        mask_a, count_a = masks[a], counts[a]
        join_p = [(once[p] & mask).bit_count() for mask in masks]  # people p has met, at each table
        leave_p = (twice[p] & mask_a).bit_count()
        found = []
        for q, b in enumerate(seats):
            if b == a or fixed[q] >= 0:
                continue
            # p and q end at different tables again: their own meetings do not change.
            repeats = (join_p[b] + (once[q] & mask_a).bit_count() - leave_p - (twice[q] & masks[b]).bit_count()
                       - 2 * (row_p[q] > 0))
            delta = repeats * weight
            g_q = group[q]
            if g_p != g_q:
                count_b = counts[b]
                delta -= ((g_q >= 0 and count_a[g_q] == 0) - (g_p >= 0 and count_a[g_p] == 1)
                          + (g_p >= 0 and count_b[g_p] == 0) - (g_q >= 0 and count_b[g_q] == 1))
            if delta < to_beat or (tabu[p * tables + b] <= step and tabu[q * tables + a] <= step):
                found.append((q, delta))
        return found

    def _make(self, r: int, p: int, q: int, step: int) -> None:
        tables, seats = len(self.state.sizes), self.state.seat[r]
        self.tabu[r][p * tables + seats[p]] = step + self.rng.randint(*TENURE)
        self.tabu[r][q * tables + seats[q]] = step + self.rng.randint(*TENURE)
        self.state.swap(r, p, q)

    def _cycle(self, candidates: list[tuple[int, int]]) -> tuple[bool, int]:
        """Make the first rotation of three that lowers the cost, if any: q, of a group that p's table
        lacks and that sits twice at q's table, takes p's seat; p takes s's; s takes q's.
        Returns whether one was made, and the rotations evaluated."""
        state, evaluated = self.state, 0
        for r, p in candidates:
            seats, counts, a = state.seat[r], state.count[r], state.seat[r][p]
            for q, b in enumerate(seats):
                h = state.group[q]
                if b == a or h < 0 or state.fixed[q] >= 0 or counts[a][h] or counts[b][h] < 2:
                    continue
                evaluated += len(seats)
                s = self._third(r, p, q)
                if s is not None:
                    state.rotate(r, p, q, s)
                    return True, evaluated
        return False, evaluated

    def _third(self, r: int, p: int, q: int) -> int | None:
        """The first s whose rotation with p and q lowers the cost (see `_cycle`)."""
        state = self.state
        seats, masks, once, twice, group = state.seat[r], state.mask[r], state.once, state.twice, state.group
        a, b = seats[p], seats[q]
        gain_a = state.table_gain(r, a, group[p], group[q])
        known = ((once[q] & masks[a] & ~(1 << p)).bit_count() - (twice[p] & masks[a]).bit_count()
                 - (twice[q] & masks[b]).bit_count())
        for s, c in enumerate(seats):
            if c in (a, b) or state.fixed[s] >= 0:
                continue
            repeats = (known + (once[p] & masks[c] & ~(1 << s)).bit_count()
                       + (once[s] & masks[b] & ~(1 << q)).bit_count() - (twice[s] & masks[c]).bit_count())
            gain = gain_a + state.table_gain(r, b, group[q], group[s]) + state.table_gain(r, c, group[s], group[p])
            if repeats * state.weight < gain:
                return s
        return None

    def _perturb(self) -> None:
        """Leave a plateau: a few random swaps of movable people in random rounds."""
        movable = [p for p, t in enumerate(self.state.fixed) if t < 0]
        if len(movable) < 2:
            return
        for _swap in range(2 + len(movable) // 20):
            r = self.rng.randrange(self.problem.rounds)
            p, q = self.rng.sample(movable, 2)
            if self.state.seat[r][p] != self.state.seat[r][q]:
                self.state.swap(r, p, q)

    def best_plan(self) -> TablePlan:
        ids, people = [table.id for table in self.problem.tables], self.problem.people
        rows = [[(ids[t], people[p]) for p, t in enumerate(seats)] for seats in self.best_seats]
        return tables_from_rows(rows, ids)
