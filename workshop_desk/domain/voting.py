"""Ballots and results: options, ballot papers and tallies, settings per method, and the ranked result."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from typing import Any, NamedTuple

from workshop_desk.domain.enums import BallotMethod, BallotStatus, Source
from workshop_desk.domain.validation import ValidationError
from workshop_desk.i18n import N_, _

# --- What is voted on -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Option:
    """One thing voters choose among: an idea, a theme, or a label typed for the occasion."""

    id: int
    label: str
    description: str = ""
    idea_id: int | None = None
    theme_id: int | None = None
    position: int = 0


@dataclass(frozen=True, slots=True)
class Criterion:
    """A column of a multi-criteria grid, with its weight."""

    id: int
    name: str
    weight: float = 1.0
    position: int = 0


# --- Settings, one type per method --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DotSettings:
    dots_per_voter: int = 5
    max_per_option: int = 0  # 0: no cap
    negative_dots: int = 0  # negative dots each voter may place (0: none)


@dataclass(frozen=True, slots=True)
class PointSettings:
    total: int = 100


@dataclass(frozen=True, slots=True)
class RatingSettings:
    low: int = 1
    high: int = 5
    dissent_threshold: float = 1.5  # standard deviation of the ratings above which voters disagree


@dataclass(frozen=True, slots=True)
class RankingSettings:
    max_ranked: int = 0  # how many options a voter may rank (0: all)


@dataclass(frozen=True, slots=True)
class MatrixSettings:
    low: int = 1
    high: int = 5
    dissent_threshold: float = 1.5


@dataclass(frozen=True, slots=True)
class CriteriaSettings:
    low: int = 0
    high: int = 5
    dissent_threshold: float = 1.5


@dataclass(frozen=True, slots=True)
class ConsentSettings:
    pass


@dataclass(frozen=True, slots=True)
class HandsSettings:
    pass


Settings = (DotSettings | PointSettings | RatingSettings | RankingSettings | MatrixSettings | CriteriaSettings
            | ConsentSettings | HandsSettings)
SETTINGS_TYPES: dict[BallotMethod, type[Any]] = {
    BallotMethod.DOTS: DotSettings, BallotMethod.POINTS: PointSettings, BallotMethod.RATING: RatingSettings,
    BallotMethod.RANKING: RankingSettings, BallotMethod.MATRIX: MatrixSettings,
    BallotMethod.CRITERIA: CriteriaSettings, BallotMethod.CONSENT: ConsentSettings,
    BallotMethod.HANDS: HandsSettings,
}
# Methods whose votes can be read off a board as counts per option; the others need one paper per voter.
TALLIED_METHODS = frozenset({BallotMethod.DOTS, BallotMethod.POINTS, BallotMethod.HANDS, BallotMethod.CONSENT})

_METHOD_LABELS = {
    BallotMethod.DOTS: N_("Dot voting"), BallotMethod.POINTS: N_("100-point allocation"),
    BallotMethod.RATING: N_("Rating"), BallotMethod.RANKING: N_("Ranking"),
    BallotMethod.MATRIX: N_("Impact × feasibility"), BallotMethod.CRITERIA: N_("Multi-criteria grid"),
    BallotMethod.CONSENT: N_("Consent round"), BallotMethod.HANDS: N_("Show of hands"),
}
_STATUS_LABELS = {BallotStatus.DRAFT: N_("Draft"), BallotStatus.OPEN: N_("Open"), BallotStatus.CLOSED: N_("Closed")}


def method_label(method: BallotMethod) -> str:
    return _(_METHOD_LABELS[method])


def status_label(status: BallotStatus) -> str:
    return _(_STATUS_LABELS[status])


def method_of(settings: Settings) -> BallotMethod:
    return next(method for method, kind in SETTINGS_TYPES.items() if isinstance(settings, kind))


def default_settings(method: BallotMethod) -> Settings:
    return SETTINGS_TYPES[BallotMethod(method)]()  # type: ignore[no-any-return]


def settings_to_dict(settings: Settings) -> dict[str, object]:
    return {f.name: getattr(settings, f.name) for f in fields(settings)}


def settings_from_dict(method: BallotMethod, data: Mapping[str, object]) -> Settings:
    """Settings as saved (unknown keys ignored, missing ones defaulted), checked."""
    kind = SETTINGS_TYPES[BallotMethod(method)]
    values: dict[str, Any] = {}
    for spec in fields(kind):
        if spec.name in data:
            raw: Any = data[spec.name]
            values[spec.name] = float(raw) if spec.type == "float" else int(raw)
    return check_settings(kind(**values))


def check_settings(settings: Settings) -> Settings:
    """The settings if they make sense, else a ValidationError saying which does not."""
    values = settings_to_dict(settings)
    if any(isinstance(v, int | float) and v < 0 for v in values.values()):
        raise ValidationError(_("Ballot settings cannot be negative."))
    if isinstance(settings, DotSettings) and settings.dots_per_voter < 1:
        raise ValidationError(_("Each voter needs at least one dot."))
    if isinstance(settings, PointSettings) and settings.total < 1:
        raise ValidationError(_("The points to allocate must be at least 1."))
    if "low" in values and settings.low >= settings.high:  # type: ignore[union-attr]
        raise ValidationError(_("The top of the scale must be above its bottom."))
    return settings


# --- Votes --------------------------------------------------------------------------------------------------


class Mark(NamedTuple):
    """One value a voter gives an option (on a criterion or an axis); a named tuple so counts unpack it fast."""

    option_id: int
    value: float
    criterion_id: int | None = None
    axis: str = ""
    comment: str = ""


@dataclass(frozen=True, slots=True)
class BallotPaper:
    """One voter's ballot: every mark they made (none: a blank ballot), who they are, where it came from."""

    voter: str  # unique within a ballot: an anonymous number, or participant_key(id)
    marks: tuple[Mark, ...] = ()
    group_id: int | None = None
    source: Source = Source.CONSOLE
    participant_id: int | None = None


class Tally(NamedTuple):
    """A count read off a board or a show of hands: `amount` dots, points, hands or people, for one option."""

    option_id: int
    amount: float
    axis: str = ""  # dots: "" or "against"; consent: the stance
    source: Source = Source.PAPER
    group_id: int | None = None


@dataclass(frozen=True, slots=True)
class Votes:
    """Everything cast on a ballot, from every source."""

    papers: tuple[BallotPaper, ...] = ()
    tallies: tuple[Tally, ...] = ()

    def group_ids(self) -> list[int | None]:
        """The stakeholder groups present, in a stable order (no group last)."""
        found = {p.group_id for p in self.papers} | {t.group_id for t in self.tallies}
        return sorted(found, key=lambda g: (g is None, g or 0))

    def of_group(self, group_id: int | None) -> Votes:
        return Votes(tuple(p for p in self.papers if p.group_id == group_id),
                     tuple(t for t in self.tallies if t.group_id == group_id))


def participant_key(participant_id: int) -> str:
    """The voter key of a named participant (anonymous voters have plain numbers)."""
    return f"participant-{participant_id}"


def voter_name(voter: str) -> str:
    """How a voter is named in messages."""
    if voter.startswith("participant-"):
        return _("participant {id}").format(id=voter.removeprefix("participant-"))
    return _("voter {key}").format(key=voter)


# --- Results ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Column:
    """An extra column of a result: the key in ResultRow.extra and its heading."""

    key: str
    label: str


@dataclass(frozen=True, slots=True)
class Comment:
    """Text a voter wrote beside a vote (a consent round's concern or objection)."""

    axis: str
    text: str
    voter: str = ""


@dataclass(frozen=True, slots=True)
class ResultRow:
    rank: int  # equal scores share a rank (1, 2, 2, 4)
    option_id: int
    label: str
    score: float | None  # None: nobody scored the option
    extra: Mapping[str, float | str | None] = field(default_factory=dict)
    tied: bool = False
    dissent: tuple[str, ...] = ()  # what voters disagree strongly on (criteria, axes, the rating)
    by_source: Mapping[Source, float] = field(default_factory=dict)
    comments: tuple[Comment, ...] = ()


@dataclass(frozen=True, slots=True)
class Standing:
    """A second ordering of the same options (ranking ballots: Schulze beside Borda)."""

    key: str
    label: str
    rows: tuple[ResultRow, ...]

    @property
    def winners(self) -> tuple[ResultRow, ...]:
        return tuple(row for row in self.rows if row.rank == 1)


@dataclass(frozen=True, slots=True)
class SourceCount:
    """What one source brought: individual ballots, and the sum of its tallies (dots, hands, people)."""

    source: Source
    ballots: int
    tallied: float


@dataclass(frozen=True, slots=True)
class GroupResult:
    group_id: int | None
    result: Result


@dataclass(frozen=True, slots=True)
class Result:
    method: BallotMethod
    rows: tuple[ResultRow, ...]
    columns: tuple[Column, ...] = ()
    voters: int = 0  # individual ballots counted
    sources: tuple[SourceCount, ...] = ()
    alternative: Standing | None = None
    groups: tuple[GroupResult, ...] = ()

    @property
    def winners(self) -> tuple[ResultRow, ...]:
        return tuple(row for row in self.rows if row.rank == 1 and row.score is not None)

    @property
    def ties(self) -> tuple[tuple[ResultRow, ...], ...]:
        """The groups of rows that share a rank."""
        by_rank: dict[int, list[ResultRow]] = defaultdict(list)
        for row in self.rows:
            by_rank[row.rank].append(row)
        return tuple(tuple(rows) for rows in by_rank.values() if len(rows) > 1)

    @property
    def winners_differ(self) -> bool:
        """True when the alternative count (Schulze) elects other winners than the main one (Borda)."""
        if self.alternative is None:
            return False
        return {r.option_id for r in self.winners} != {r.option_id for r in self.alternative.winners}

    def row(self, option_id: int) -> ResultRow:
        return next(row for row in self.rows if row.option_id == option_id)


def _by_score(row: ResultRow) -> tuple[bool, float]:
    return row.score is not None, row.score or 0.0


def rank_rows(rows: Iterable[ResultRow], key: Callable[[ResultRow], Any] = _by_score) -> tuple[ResultRow, ...]:
    """Rows best first by `key` (highest first); equal keys share a rank and are flagged as tied."""
    ordered = sorted(rows, key=key, reverse=True)  # stable: tied rows keep the options' order
    keys = [key(row) for row in ordered]
    ranks: list[int] = []
    for index, value in enumerate(keys):
        ranks.append(ranks[-1] if index and value == keys[index - 1] else index + 1)
    shared = {rank for rank in ranks if ranks.count(rank) > 1}
    return tuple(replace(row, rank=rank, tied=rank in shared) for row, rank in zip(ordered, ranks, strict=True))


def source_counts(votes: Votes) -> tuple[SourceCount, ...]:
    """Ballots and tallied amounts per source, in the Source order."""
    ballots: dict[Source, int] = defaultdict(int)
    tallied: dict[Source, float] = defaultdict(float)
    for paper in votes.papers:
        ballots[paper.source] += 1
    for tally in votes.tallies:
        tallied[tally.source] += tally.amount
    return tuple(SourceCount(s, ballots[s], tallied[s]) for s in Source if s in ballots or s in tallied)


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


def mark_counts(papers: Iterable[BallotPaper]) -> dict[Source, Counter[Mark]]:
    """How many times each distinct mark was cast, per source. Counting equal marks (a C-level Counter) instead
    of adding mark by mark keeps 800 voters × 30 options × 5 criteria well within the 20 ms budget."""
    marks: dict[Source, list[tuple[Mark, ...]]] = defaultdict(list)
    for paper in papers:
        marks[paper.source].append(paper.marks)
    return {source: Counter(chain.from_iterable(lists)) for source, lists in marks.items()}


def spread(total: float, squares: float, count: int) -> float:
    """Population standard deviation from the sum and the sum of squares of `count` values."""
    if count < 2:
        return 0.0
    mean = total / count
    return float(max(0.0, squares / count - mean * mean) ** 0.5)


def display_order(options: Sequence[Option], seed: int) -> tuple[Option, ...]:
    """The options in a random order that stays the same for one seed (the ballot's id), for the projector."""
    return tuple(random.Random(seed).sample(list(options), len(options)))


# --- Checks every method shares -----------------------------------------------------------------------------


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
        raise ValidationError(_("{voter} has two ballots.").format(voter=voter_name(twice).capitalize()))


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
