"""One entry point for every counting method, results split by stakeholder group, and checks of one entry."""

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from workshop_desk.domain import consent, counting_grid, counting_ranked, counting_simple
from workshop_desk.domain.counting_base import MarkCounts, check_tallies, mark_counts_by_group, merged, option_ids
from workshop_desk.domain.enums import BallotMethod
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.voting import (
    SETTINGS_TYPES,
    TALLIED_METHODS,
    BallotPaper,
    Criterion,
    DotSettings,
    GroupResult,
    Option,
    Result,
    Settings,
    Tally,
    Votes,
)
from workshop_desk.i18n import _

_COUNTS: dict[BallotMethod, Callable[..., Result]] = {
    BallotMethod.DOTS: counting_simple.count_dots, BallotMethod.POINTS: counting_simple.count_points,
    BallotMethod.RATING: counting_simple.count_rating, BallotMethod.HANDS: counting_simple.count_hands,
    BallotMethod.RANKING: counting_ranked.count_ranking, BallotMethod.MATRIX: counting_grid.count_matrix,
    BallotMethod.CRITERIA: counting_grid.count_criteria, BallotMethod.CONSENT: consent.count_consent,
}
_CHECKS: dict[BallotMethod, Callable[..., None]] = {
    BallotMethod.DOTS: counting_simple.check_dots, BallotMethod.POINTS: counting_simple.check_points,
    BallotMethod.RATING: counting_simple.check_rating, BallotMethod.HANDS: counting_simple.check_hands,
    BallotMethod.RANKING: counting_ranked.check_ranking, BallotMethod.MATRIX: counting_grid.check_matrix,
    BallotMethod.CRITERIA: counting_grid.check_criteria, BallotMethod.CONSENT: consent.check_consent,
}
_TALLY_AXES = {BallotMethod.DOTS: frozenset({"", counting_simple.AGAINST}), BallotMethod.POINTS: frozenset({""}),
               BallotMethod.HANDS: frozenset({""}), BallotMethod.CONSENT: frozenset(consent.STANCES)}


def _arguments(method: BallotMethod, settings: Settings, criteria: Sequence[Criterion]) -> tuple[Any, ...]:
    if not isinstance(settings, SETTINGS_TYPES[method]):
        raise TypeError(f"{type(settings).__name__} are not settings of a {method} ballot")
    return (settings, criteria) if method == BallotMethod.CRITERIA else (settings,)


def _check_tallied(method: BallotMethod, votes: Votes) -> None:
    if votes.tallies and method not in TALLIED_METHODS:
        raise ValidationError(_("This kind of ballot needs one ballot paper per voter: counts per option cannot "
                                "be entered."))


def count(method: BallotMethod, settings: Settings, options: Sequence[Option], votes: Votes,
          criteria: Sequence[Criterion] = (), check: bool = True, counts: MarkCounts | None = None) -> Result:
    """The ranked result of a ballot, from every source at once (ValidationError on a vote that breaks a rule).

    `check=False` skips the rules of each ballot paper, for papers already checked one by one as they were
    entered (the services do so): a recount is then about twice as fast. `counts`: the papers' marks already
    counted (mark_counts), for the methods that add marks up (not rankings, which need each voter's order)."""
    _check_tallied(method, votes)
    shared = {"counts": counts} if method != BallotMethod.RANKING else {}
    return _COUNTS[method](options, votes, *_arguments(method, settings, criteria), check=check, **shared)


def count_by_group(method: BallotMethod, settings: Settings, options: Sequence[Option], votes: Votes,
                   criteria: Sequence[Criterion] = (), check: bool = True) -> Result:
    """The result of everyone, with one result per stakeholder group when any vote names a group."""
    groups = votes.group_ids()
    if groups == [None] or not groups:
        return count(method, settings, options, votes, criteria, check)
    # Each mark is counted once, by group; the whole is the groups' counts added up.
    by_group = mark_counts_by_group(votes.papers) if method != BallotMethod.RANKING else {}
    whole = count(method, settings, options, votes, criteria, check, merged(by_group.values()) if by_group else None)
    split = tuple(GroupResult(group, count(method, settings, options, votes.of_group(group), criteria, False,
                                           by_group.get(group, {}) if by_group else None))
                  for group in groups)
    return replace(whole, groups=split)


def check_paper(method: BallotMethod, settings: Settings, options: Sequence[Option], paper: BallotPaper,
                criteria: Sequence[Criterion] = ()) -> None:
    """ValidationError, in the user's language, if one voter's ballot breaks the method's rules."""
    if not paper.voter.strip():
        raise ValidationError(_("A ballot needs a voter number or a participant."))
    _CHECKS[method](paper, option_ids(options), *_arguments(method, settings, criteria))


def check_tally(method: BallotMethod, settings: Settings, options: Sequence[Option], tally: Tally) -> None:
    """ValidationError if a count read off a board cannot be entered on this ballot."""
    _check_tallied(method, Votes(tallies=(tally,)))
    axes = _TALLY_AXES[method]
    if isinstance(settings, DotSettings) and not settings.negative_dots:
        axes = frozenset({""})
    check_tallies((tally,), option_ids(options), axes)
