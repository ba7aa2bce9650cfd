"""Counting grids: impact × feasibility (means and quadrant) and multi-criteria scores (weighted totals, dissent).

Conventions. Impact × feasibility: each voter scores each option on both axes; an option is placed at its two
means; a mean at or above the middle of the scale is "high". Its score, for the ranked list, is the product of
the two means. Multi-criteria: the score is the weighted total Σ weight × mean score on the criterion (a
criterion nobody scored adds 0); the weighted mean (total ÷ Σ weights) is on the scale of the scores.
Dissent: voters disagree strongly on an axis or criterion when the standard deviation of their scores is above
the ballot's threshold (1.5 by default: on 0–5, that is half the voters at 1 and half at 4).
"""

from collections.abc import Callable, Sequence
from enum import StrEnum
from operator import itemgetter

from workshop_desk.domain.counting_base import (
    MarkCounts,
    Stats,
    check_options,
    check_scale,
    check_tallies,
    check_voters,
    option_ids,
    source_counts,
)
from workshop_desk.domain.counting_base import (
    counted as _counts,
)
from workshop_desk.domain.enums import BallotMethod
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.voting import (
    BallotPaper,
    Column,
    CriteriaSettings,
    Criterion,
    MatrixSettings,
    Option,
    Result,
    ResultRow,
    Votes,
    rank_rows,
    voter_name,
)
from workshop_desk.i18n import N_, _

IMPACT, FEASIBILITY = "impact", "feasibility"
AXES = (IMPACT, FEASIBILITY)
_AXIS_LABELS = {IMPACT: N_("Impact"), FEASIBILITY: N_("Feasibility")}
# The ELIRE grid (DOMAIN.md), the default criteria of a multi-criteria ballot and of an action's indicators.
ELIRE_CRITERIA = (N_("Jobs"), N_("Social cohesion"), N_("Image"), N_("Economic return"), N_("Environment"))


def elire_criteria() -> list[tuple[str, float]]:
    """The five ELIRE criteria in the current language, with equal weights."""
    return [(_(name), 1.0) for name in ELIRE_CRITERIA]


def axis_label(axis: str, translate: Callable[[str], str] | None = None) -> str:
    return (translate or _)(_AXIS_LABELS[axis])


class Quadrant(StrEnum):
    QUICK_WIN = "quick_win"  # high impact, high feasibility
    MAJOR_PROJECT = "major_project"  # high impact, low feasibility
    FILL_IN = "fill_in"  # low impact, high feasibility
    SET_ASIDE = "set_aside"  # low impact, low feasibility


_QUADRANT_LABELS = {Quadrant.QUICK_WIN: N_("Quick win"), Quadrant.MAJOR_PROJECT: N_("Major project"),
                    Quadrant.FILL_IN: N_("Fill-in"), Quadrant.SET_ASIDE: N_("Set aside")}


def quadrant_label(quadrant: Quadrant, translate: Callable[[str], str] | None = None) -> str:
    return (translate or _)(_QUADRANT_LABELS[quadrant])


def quadrant(impact: float, feasibility: float, settings: MatrixSettings) -> Quadrant:
    """Where the two means place an option; the middle of the scale counts as high."""
    middle = (settings.low + settings.high) / 2
    if impact >= middle:
        return Quadrant.QUICK_WIN if feasibility >= middle else Quadrant.MAJOR_PROJECT
    return Quadrant.FILL_IN if feasibility >= middle else Quadrant.SET_ASIDE


# --- Impact × feasibility -----------------------------------------------------------------------------------

_OPTION_AXIS, _AXIS = itemgetter(0, 3), itemgetter(3)
_OPTION_CRITERION, _CRITERION = itemgetter(0, 2), itemgetter(2)
_AXES = frozenset(AXES)


def check_matrix(paper: BallotPaper, ids: frozenset[int], settings: MatrixSettings) -> None:
    """Scores on the scale, each on the impact or the feasibility axis, once per option and axis."""
    check_options(paper, ids, _OPTION_AXIS)
    if not _AXES.issuperset(map(_AXIS, paper.marks)):
        raise ValidationError(_("The ballot of {voter} scores an axis other than impact and feasibility.").format(
            voter=voter_name(paper.voter)))
    check_scale(paper, settings.low, settings.high)


def count_matrix(options: Sequence[Option], votes: Votes, settings: MatrixSettings, check: bool = True,
                 counts: MarkCounts | None = None) -> Result:
    """Each option's mean impact and feasibility and its quadrant; ranked by the product of the means."""
    ids = option_ids(options)
    check_voters(votes.papers)
    check_tallies(votes.tallies, ids, frozenset())
    for paper in votes.papers if check else ():
        check_matrix(paper, ids, settings)
    stats = {(o.id, axis): Stats() for o in options for axis in AXES}
    counts = _counts(votes, counts)
    for cast in counts.values():
        for mark, times in cast.items():
            stats[mark.option_id, mark.axis].add(mark.value, times)
    rows = (_matrix_row(o, stats[o.id, IMPACT], stats[o.id, FEASIBILITY], settings) for o in options)
    columns = (Column(IMPACT, N_("Impact")), Column(FEASIBILITY, N_("Feasibility")), Column("quadrant", N_("Quadrant")))
    return Result(BallotMethod.MATRIX, rank_rows(rows), columns, len(votes.papers), source_counts(votes, counts))


def _matrix_row(option: Option, impact: Stats, feasibility: Stats, settings: MatrixSettings) -> ResultRow:
    high, easy = impact.mean, feasibility.mean
    score, placed = (None, None) if high is None or easy is None else (high * easy, quadrant(high, easy, settings))
    dissent = tuple(_AXIS_LABELS[axis] for axis, stats in ((IMPACT, impact), (FEASIBILITY, feasibility))
                    if stats.spread > settings.dissent_threshold)
    extra = {IMPACT: high, FEASIBILITY: easy, "quadrant": str(placed) if placed else None}
    return ResultRow(0, option.id, option.label, score, extra, dissent=dissent)


# --- Multi-criteria grid ------------------------------------------------------------------------------------


def check_criteria(paper: BallotPaper, ids: frozenset[int], settings: CriteriaSettings,
                   criteria: Sequence[Criterion]) -> None:
    """Scores on the scale, each for a criterion of the grid, once per option and criterion."""
    check_options(paper, ids, _OPTION_CRITERION)
    if not frozenset(c.id for c in criteria).issuperset(map(_CRITERION, paper.marks)):
        raise ValidationError(_("The ballot of {voter} scores a criterion that is not in the grid.").format(
            voter=voter_name(paper.voter)))
    check_scale(paper, settings.low, settings.high)


def criterion_key(criterion: Criterion) -> str:
    """The key of a criterion's column in ResultRow.extra."""
    return f"criterion-{criterion.id}"


def count_criteria(options: Sequence[Option], votes: Votes, settings: CriteriaSettings,
                   criteria: Sequence[Criterion], check: bool = True, counts: MarkCounts | None = None) -> Result:
    """Weighted totals, each criterion's mean beside them, and the criteria on which voters disagree."""
    if not criteria:
        raise ValidationError(_("A multi-criteria ballot needs at least one criterion."))
    ids = option_ids(options)
    check_voters(votes.papers)
    check_tallies(votes.tallies, ids, frozenset())
    for paper in votes.papers if check else ():
        check_criteria(paper, ids, settings, criteria)
    stats = {(o.id, c.id): Stats() for o in options for c in criteria}
    counts = _counts(votes, counts)
    for cast in counts.values():
        for mark, times in cast.items():
            stats[mark.option_id, mark.criterion_id].add(mark.value, times)  # type: ignore[index]
    rows = (_criteria_row(o, [stats[o.id, c.id] for c in criteria], criteria, settings) for o in options)
    columns = (*(Column(criterion_key(c), c.name) for c in criteria), Column("weighted_mean", N_("Weighted mean")))
    return Result(BallotMethod.CRITERIA, rank_rows(rows), columns, len(votes.papers), source_counts(votes, counts))


def _criteria_row(option: Option, stats: list[Stats], criteria: Sequence[Criterion],
                  settings: CriteriaSettings) -> ResultRow:
    means = [s.mean for s in stats]
    total = sum(c.weight * (mean or 0.0) for c, mean in zip(criteria, means, strict=True))
    weights = sum(c.weight for c in criteria) or 1.0
    extra: dict[str, float | str | None] = {criterion_key(c): mean for c, mean in zip(criteria, means, strict=True)}
    extra["weighted_mean"] = total / weights
    dissent = tuple(c.name for c, s in zip(criteria, stats, strict=True) if s.spread > settings.dissent_threshold)
    scored = any(mean is not None for mean in means)
    return ResultRow(0, option.id, option.label, total if scored else None, extra, dissent=dissent)
