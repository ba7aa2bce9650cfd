"""Recounting 800 voters × 30 options with each method: median of 20 recounts, against summing the raw values."""

import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from workshop_desk.domain.consent import STANCES
from workshop_desk.domain.counting import count, count_by_group
from workshop_desk.domain.counting_grid import AXES
from workshop_desk.domain.enums import BallotMethod
from workshop_desk.domain.vote_methods import default_settings
from workshop_desk.domain.voting import (
    BallotPaper,
    Criterion,
    DotSettings,
    Mark,
    Option,
    Votes,
)

VOTERS, OPTIONS, RUNS, GOAL_MS = 800, 30, 20, 20.0
CRITERIA = [Criterion(100 + n, f"Critère {n}") for n in range(5)]


def _marks(method: BallotMethod, rng: random.Random) -> tuple[Mark, ...]:
    """One voter's full ballot: every option marked (the heaviest case each method can have)."""
    ids = range(1, OPTIONS + 1)
    if method == BallotMethod.DOTS:
        return tuple(Mark(o, 1) for o in rng.sample(ids, 5))
    if method == BallotMethod.POINTS:
        cuts = sorted(rng.sample(range(1, 100), OPTIONS - 1))
        return tuple(Mark(o, b - a) for o, a, b in zip(ids, [0, *cuts], [*cuts, 100], strict=True))
    if method == BallotMethod.RANKING:
        return tuple(Mark(o, place + 1) for place, o in enumerate(rng.sample(ids, OPTIONS)))
    if method == BallotMethod.MATRIX:
        return tuple(Mark(o, rng.randint(1, 5), axis=axis) for o in ids for axis in AXES)
    if method == BallotMethod.CRITERIA:
        return tuple(Mark(o, rng.randint(0, 5), c.id) for o in ids for c in CRITERIA)
    if method == BallotMethod.CONSENT:
        return tuple(Mark(o, 1, axis=rng.choice(STANCES)) for o in ids)
    if method == BallotMethod.HANDS:
        return tuple(Mark(o, 1) for o in ids if rng.random() < 0.3)
    return tuple(Mark(o, rng.randint(1, 5)) for o in ids)  # rating


def votes(method: BallotMethod) -> Votes:
    rng = random.Random(method)
    return Votes(tuple(BallotPaper(str(v), _marks(method, rng), group_id=v % 4) for v in range(VOTERS)))


def median_ms(work: Callable[[], object]) -> float:
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def bare_sum(cast: Votes) -> float:
    """The baseline: just add up every raw value, in plain Python."""
    total = 0.0
    for paper in cast.papers:
        for mark in paper.marks:
            total += mark.value
    return total


def line(method: BallotMethod, options: list[Option]) -> str:
    """One method's figures: marks, recount (papers checked when entered), ratio, all checked, by group, bare."""
    cast = votes(method)
    settings = DotSettings(dots_per_voter=5) if method == BallotMethod.DOTS else default_settings(method)
    marks = sum(len(p.marks) for p in cast.papers)
    bare = median_ms(lambda: bare_sum(cast))
    recount = median_ms(lambda: count(method, settings, options, cast, CRITERIA, check=False))
    checked = median_ms(lambda: count(method, settings, options, cast, CRITERIA))
    grouped = median_ms(lambda: count_by_group(method, settings, options, cast, CRITERIA, check=False))
    flag = "" if recount <= GOAL_MS else "  over the goal"
    return (f"{method!s:<9} {marks:>7} {recount:>7.1f}ms {recount / bare:>5.1f}x {checked:>7.1f}ms "
            f"{grouped:>7.1f}ms {bare:>7.2f}ms{flag}")


def main() -> None:
    options = [Option(n, f"Option {n}") for n in range(1, OPTIONS + 1)]
    print(f"{VOTERS} voters × {OPTIONS} options, median of {RUNS} recounts (goal <= {GOAL_MS:.0f} ms); "
          "grids: 2 axes / 5 criteria per option; by group: 4 groups")
    print(f"{'method':<9} {'marks':>7} {'recount':>9} {'ratio':>6} {'checked':>9} {'by group':>9} {'bare sum':>9}")
    for method in BallotMethod:
        print(line(method, options))


if __name__ == "__main__":
    main()
