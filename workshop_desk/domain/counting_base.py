"""What every count shares: rules checked on each ballot paper, sums per option and source, mean and spread."""

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from functools import lru_cache
from itertools import chain
from operator import itemgetter

from workshop_desk.domain.enums import Source
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.voting import BallotPaper, Mark, Option, SourceCount, Tally, Votes, voter_name
from workshop_desk.i18n import _


def source_counts(votes: Votes, counts: "MarkCounts | None" = None) -> tuple[SourceCount, ...]:
    """Ballots and tallied amounts per source, in the Source order. With the papers' marks already counted
    (`counts`, as the count itself used them), their values are added up per distinct mark, not mark by mark: a
    recount of 8,000 grids of 150 marks each stays quick."""
    ballots: Counter[Source] = Counter(paper.source for paper in votes.papers)
    tallied: dict[Source, float] = defaultdict(float)
    marked: dict[Source, float] = defaultdict(float)
    for source, cast in (counts if counts is not None else mark_counts(votes.papers)).items():
        marked[source] = sum(mark.value * times for mark, times in cast.items())
    for tally in votes.tallies:
        tallied[tally.source] += tally.amount
    return tuple(SourceCount(s, ballots[s], tallied[s], marked[s]) for s in Source if s in ballots or s in tallied)


class Stats:
    """Count, sum and sum of squares of some values: enough for a mean and a spread."""

    __slots__ = ("count", "squares", "total")

    def __init__(self) -> None:
        self.count, self.total, self.squares = 0, 0.0, 0.0

    def add(self, value: float, times: int = 1) -> None:
        self.count += times
        self.total += value * times
        self.squares += value * value * times

    @property
    def mean(self) -> float | None:
        return self.total / self.count if self.count else None

    @property
    def spread(self) -> float:
        return spread(self.total, self.squares, self.count)


MarkCounts = dict[Source, Counter[Mark]]


def mark_counts(papers: Iterable[BallotPaper]) -> MarkCounts:
    """How many times each distinct mark was cast, per source. Counting equal marks (a C-level Counter) instead
    of adding mark by mark keeps 800 voters × 30 options × 5 criteria well within the 20 ms budget."""
    marks: dict[Source, list[tuple[Mark, ...]]] = defaultdict(list)
    for paper in papers:
        marks[paper.source].append(paper.marks)
    return {source: Counter(chain.from_iterable(lists)) for source, lists in marks.items()}


def counted(votes: Votes, counts: MarkCounts | None) -> MarkCounts:
    """The counts given (shared by a result and its split by group), else those of the votes' papers."""
    return counts if counts is not None else mark_counts(votes.papers)


def mark_counts_by_group(papers: Iterable[BallotPaper]) -> dict[int | None, MarkCounts]:
    """mark_counts for each stakeholder group: a result and its split by group then count each mark once."""
    groups: dict[int | None, list[BallotPaper]] = defaultdict(list)
    for paper in papers:
        groups[paper.group_id].append(paper)
    return {group: mark_counts(members) for group, members in groups.items()}


def merged(parts: Iterable[MarkCounts]) -> MarkCounts:
    """The counts of several groups added together."""
    total: MarkCounts = defaultdict(Counter)
    for part in parts:
        for source, counts in part.items():
            total[source].update(counts)
    return dict(total)


def spread(total: float, squares: float, count: int) -> float:
    """Population standard deviation from the sum and the sum of squares of `count` values."""
    if count < 2:
        return 0.0
    mean = total / count
    return float(max(0.0, squares / count - mean * mean) ** 0.5)


# --- Checks every method shares -------------------------------------------------------------------------------


def check_whole(value: float, voter: str) -> int:
    if value != int(value):
        raise ValidationError(_("The ballot of {voter} holds {value}, which is not a whole number.").format(
            voter=voter_name(voter), value=value))
    return int(value)


_OPTION = itemgetter(0)


def check_options(paper: BallotPaper, option_ids: frozenset[int], by: Callable[[Mark], Hashable] = _OPTION) -> None:
    """Every mark on a known option, and no option marked twice (per criterion or axis when `by` says so)."""
    if not option_ids.issuperset(map(_OPTION, paper.marks)):
        raise ValidationError(_("The ballot of {voter} names an option that is not on this ballot.").format(
            voter=voter_name(paper.voter)))
    if len(set(map(by, paper.marks))) != len(paper.marks):
        raise ValidationError(_("The ballot of {voter} marks the same option twice.").format(
            voter=voter_name(paper.voter)))


def check_scale(paper: BallotPaper, low: int, high: int) -> None:
    """Every value a whole number from `low` to `high`."""
    allowed = _scale(low, high)
    if allowed.issuperset(map(_VALUE, paper.marks)):
        return
    value = next(mark.value for mark in paper.marks if mark.value not in allowed)
    raise ValidationError(_("The ballot of {voter} holds {value}, outside the scale from {low} to {high}.").format(
        voter=voter_name(paper.voter), value=f"{value:g}", low=low, high=high))


_VALUE = itemgetter(1)


@lru_cache(maxsize=32)
def _scale(low: int, high: int) -> frozenset[int]:
    return frozenset(range(low, high + 1))  # 3.0 == 3: a set of ints also holds the whole floats


def check_voters(papers: Sequence[BallotPaper]) -> None:
    """Each voter once (a corrected ballot replaces the earlier one before counting)."""
    voters = [paper.voter for paper in papers]
    if len(set(voters)) != len(voters):
        twice = next(v for v in voters if voters.count(v) > 1)
        raise ValidationError(_("There are two ballots for {voter}.").format(voter=voter_name(twice)))


def check_tallies(tallies: Sequence[Tally], option_ids: frozenset[int], axes: frozenset[str]) -> None:
    for tally in tallies:
        if tally.option_id not in option_ids:
            raise ValidationError(_("A tally names an option that is not on this ballot."))
        if tally.axis not in axes:
            raise ValidationError(_("A tally has an unknown kind “{axis}”.").format(axis=tally.axis))
        if tally.amount < 0 or tally.amount != int(tally.amount):
            raise ValidationError(_("A tally must be a whole number, 0 or more (not {count}).").format(
                count=f"{tally.amount:g}"))


def option_ids(options: Sequence[Option]) -> frozenset[int]:
    return frozenset(option.id for option in options)
