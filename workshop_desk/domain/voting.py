"""Ballots and results: options, ballot papers and tallies, settings per method, and the ranked result."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
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
_STATUS_LABELS = {BallotStatus.DRAFT: N_("Draft"), BallotStatus.OPEN: N_("Open"), BallotStatus.CLOSED: N_("Closed")}


def status_label(status: BallotStatus) -> str:
    return _(_STATUS_LABELS[status])


def settings_to_dict(settings: Settings) -> dict[str, Any]:
    return {f.name: getattr(settings, f.name) for f in fields(settings)}


def check_settings(settings: Settings) -> Settings:
    """The settings if they make sense, else a ValidationError saying which does not."""
    values = settings_to_dict(settings)
    if any(v < 0 for name, v in values.items() if name not in ("low", "high")):  # a scale may run from −2 to 2
        raise ValidationError(_("Ballot settings cannot be negative."))
    if isinstance(settings, DotSettings) and settings.dots_per_voter < 1:
        raise ValidationError(_("Each voter needs at least one dot."))
    if isinstance(settings, PointSettings) and settings.total < 1:
        raise ValidationError(_("The points to allocate must be at least 1."))
    if "low" in values and settings.low >= settings.high:  # type: ignore[union-attr]
        raise ValidationError(_("The top of the scale must be above its bottom."))
    return settings


@dataclass(frozen=True, slots=True)
class Ballot:
    """A vote on a list of options, with its method, settings and controls."""

    id: int
    sitting_id: int
    title: str
    method: BallotMethod
    settings: Settings
    status: BallotStatus = BallotStatus.DRAFT
    revealed: bool = False  # results shown on the projector
    shuffled: bool = False  # options shown in random order on the projector
    options: tuple[Option, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    agenda_item_id: int | None = None

    def display_options(self) -> tuple[Option, ...]:
        """The options in the order the projector shows them."""
        return display_order(self.options, self.id) if self.shuffled else self.options


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
    """An extra column of a result: the key in ResultRow.extra and its heading — the app's headings as their
    untranslated source text, a criterion's as its name: whoever shows it passes it through its translator."""

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
    """A second ordering of the same options (ranking ballots: Schulze beside Borda). A rank above another means
    the count puts every option of the one above every option of the other; options sharing a rank may still be
    ordered pairwise by the count (`ahead`), the other pairs sharing a rank it leaves undecided."""

    key: str
    label: str
    rows: tuple[ResultRow, ...]
    ahead: tuple[tuple[int, int], ...] = ()  # (a, b): options sharing a rank, yet the count puts a above b

    @property
    def winners(self) -> tuple[ResultRow, ...]:
        """The options nothing is put above: ranked first, and behind none of those they share the rank with."""
        behind = {lower for _upper, lower in self.ahead}
        return tuple(row for row in self.rows if row.rank == 1 and row.option_id not in behind)

    def row(self, option_id: int) -> ResultRow:
        return next(row for row in self.rows if row.option_id == option_id)

    def ahead_rows(self) -> tuple[tuple[ResultRow, ResultRow], ...]:
        """The `ahead` pairs as rows: (upper, lower)."""
        return tuple((self.row(upper), self.row(lower)) for upper, lower in self.ahead)

    def undecided(self) -> tuple[tuple[ResultRow, ResultRow], ...]:
        """The pairs the count does not separate, in the rows' order: they share a rank and neither is ahead."""
        ordered = set(self.ahead)
        return tuple((first, second) for index, first in enumerate(self.rows) for second in self.rows[index + 1:]
                     if first.rank == second.rank and (first.option_id, second.option_id) not in ordered
                     and (second.option_id, first.option_id) not in ordered)


@dataclass(frozen=True, slots=True)
class SourceCount:
    """What one source brought: individual ballots (and the sum of the values marked on them: dots, points), and
    the sum of its tallies (dots, hands, people)."""

    source: Source
    ballots: int
    tallied: float
    marked: float = 0.0


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
        """The rows ranked first (several on a tie); none before any vote is in."""
        if not self.sources:
            return ()
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


def display_order(options: Sequence[Option], seed: int) -> tuple[Option, ...]:
    """The options in a random order that stays the same for one seed (the ballot's id), for the projector."""
    return tuple(random.Random(seed).sample(list(options), len(options)))
