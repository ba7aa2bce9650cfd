"""One entry point for every counting method, results split by stakeholder group, and checks of one entry."""

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from workshop_desk.domain.counting_base import MarkCounts, check_tallies, mark_counts_by_group, merged, option_ids
from workshop_desk.domain.enums import BallotMethod
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.vote_methods import MethodSpec, method_spec, tally_columns
from workshop_desk.domain.voting import (
    BallotPaper,
    Criterion,
    GroupResult,
    Option,
    Result,
    Settings,
    Tally,
    Votes,
)
from workshop_desk.i18n import _


def _arguments(spec: MethodSpec, settings: Settings, criteria: Sequence[Criterion]) -> tuple[Any, ...]:
    if not isinstance(settings, spec.settings_type):
        raise TypeError(f"{type(settings).__name__} are not settings of a {spec.method} ballot")
    return (settings, criteria) if spec.criteria else (settings,)


def _check_tallied(spec: MethodSpec, votes: Votes) -> None:
    if votes.tallies and not spec.tallied:
        raise ValidationError(_("This kind of ballot needs one ballot paper per voter: counts per option cannot "
                                "be entered."))


def count(method: BallotMethod, settings: Settings, options: Sequence[Option], votes: Votes,
          criteria: Sequence[Criterion] = (), check: bool = True, counts: MarkCounts | None = None) -> Result:
    """The ranked result of a ballot, from every source at once (ValidationError on a vote that breaks a rule).

    `check=False` skips the rules of each ballot paper, for papers already checked one by one as they were
    entered (the services do so): a recount is then about twice as fast. `counts`: the papers' marks already
    counted (mark_counts), for the methods that add marks up (not rankings, which need each voter's order)."""
    spec = method_spec(method)
    _check_tallied(spec, votes)
    shared = {"counts": counts} if not spec.by_voter else {}
    return spec.count(options, votes, *_arguments(spec, settings, criteria), check=check, **shared)


def count_by_group(method: BallotMethod, settings: Settings, options: Sequence[Option], votes: Votes,
                   criteria: Sequence[Criterion] = (), check: bool = True) -> Result:
    """The result of everyone, with one result per stakeholder group when any vote names a group."""
    groups = votes.group_ids()
    if groups == [None] or not groups:
        return count(method, settings, options, votes, criteria, check)
    # Each mark is counted once, by group; the whole is the groups' counts added up.
    by_group = mark_counts_by_group(votes.papers) if not method_spec(method).by_voter else {}
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
    spec = method_spec(method)
    spec.check(paper, option_ids(options), *_arguments(spec, settings, criteria))


def check_tally(method: BallotMethod, settings: Settings, options: Sequence[Option], tally: Tally) -> None:
    """ValidationError if a count read off a board cannot be entered on this ballot."""
    _check_tallied(method_spec(method), Votes(tallies=(tally,)))
    check_tallies((tally,), option_ids(options), frozenset(c.axis for c in tally_columns(method, settings)))
