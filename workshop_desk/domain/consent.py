"""A consent round on one or more proposals: agree, concerns, objection — counted, with what was written down.

Outcome rules: one objection blocks a proposal; otherwise any concern adopts it with concerns (to be written
into the minutes); otherwise, with at least one agreement, it is adopted; with no response at all it is pending.
A ballot paper's mark gives the stance on its axis (its value is not read: one mark is one person); a tally gives
the number of people who showed that stance. Proposals are ranked by outcome, then by agreements.
"""

from collections import defaultdict
from collections.abc import Callable, Sequence
from enum import StrEnum
from operator import itemgetter

from workshop_desk.domain.counting_base import (
    MarkCounts,
    check_options,
    check_tallies,
    check_voters,
    option_ids,
    source_counts,
)
from workshop_desk.domain.counting_base import (
    counted as _counts,
)
from workshop_desk.domain.enums import BallotMethod, Source
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.voting import (
    BallotPaper,
    Column,
    Comment,
    ConsentSettings,
    Option,
    Result,
    ResultRow,
    Votes,
    rank_rows,
    voter_name,
)
from workshop_desk.i18n import N_, _

AGREE, CONCERNS, OBJECTION = "agree", "concerns", "objection"
STANCES = (AGREE, CONCERNS, OBJECTION)
_COMMENT, _AXIS = itemgetter(4), itemgetter(3)  # a Mark's comment, its axis
_STANCES = frozenset(STANCES)
STANCE_LABELS = {AGREE: N_("Agree"), CONCERNS: N_("Concerns"), OBJECTION: N_("Objection")}


class ConsentOutcome(StrEnum):
    ADOPTED = "adopted"
    ADOPTED_WITH_CONCERNS = "adopted_with_concerns"
    BLOCKED = "blocked"
    PENDING = "pending"  # nobody has responded yet


_OUTCOME_LABELS = {ConsentOutcome.ADOPTED: N_("Adopted"),
                   ConsentOutcome.ADOPTED_WITH_CONCERNS: N_("Adopted with concerns"),
                   ConsentOutcome.BLOCKED: N_("Blocked"), ConsentOutcome.PENDING: N_("No response yet")}
_OUTCOME_ORDER = {ConsentOutcome.ADOPTED: 3, ConsentOutcome.ADOPTED_WITH_CONCERNS: 2, ConsentOutcome.BLOCKED: 1,
                  ConsentOutcome.PENDING: 0}


def stance_label(stance: str) -> str:
    return _(STANCE_LABELS[stance])


def outcome_label(outcome: ConsentOutcome, translate: Callable[[str], str] | None = None) -> str:
    """The outcome's name in the interface's language, or in that of `translate` (a document's)."""
    return (translate or _)(_OUTCOME_LABELS[outcome])


def outcome(agree: float, concerns: float, objections: float) -> ConsentOutcome:
    """The rule of consent: an objection blocks; concerns are recorded but do not block."""
    if objections:
        return ConsentOutcome.BLOCKED
    if concerns:
        return ConsentOutcome.ADOPTED_WITH_CONCERNS
    return ConsentOutcome.ADOPTED if agree else ConsentOutcome.PENDING


def check_consent(paper: BallotPaper, ids: frozenset[int], settings: ConsentSettings) -> None:
    """One stance per proposal: agree, concerns or objection."""
    check_options(paper, ids)
    if not _STANCES.issuperset(map(_AXIS, paper.marks)):
        raise ValidationError(_("The ballot of {voter} holds a stance other than agree, concerns and objection.")
                              .format(voter=voter_name(paper.voter)))


def count_consent(options: Sequence[Option], votes: Votes, settings: ConsentSettings, check: bool = True,
                  counts: MarkCounts | None = None) -> Result:
    """Agreements, concerns and objections per proposal, the outcome, and the concerns and objections written."""
    ids = option_ids(options)
    check_voters(votes.papers)
    check_tallies(votes.tallies, ids, frozenset(STANCES))
    people: dict[tuple[int, str], float] = defaultdict(float)
    by_source: dict[int, dict[Source, float]] = defaultdict(lambda: defaultdict(float))
    comments: dict[int, list[Comment]] = defaultdict(list)
    for paper in votes.papers if check else ():
        check_consent(paper, ids, settings)
    counts = _counts(votes, counts)
    for source, cast in counts.items():
        for mark, times in cast.items():
            people[mark.option_id, mark.axis] += times
            by_source[mark.option_id][source] += times
    for paper in votes.papers:
        for mark in filter(_COMMENT, paper.marks):
            if mark.comment.strip():
                comments[mark.option_id].append(Comment(mark.axis, mark.comment.strip(), paper.voter))
    for tally in votes.tallies:
        people[tally.option_id, tally.axis] += tally.amount
        by_source[tally.option_id][tally.source] += tally.amount
    rows = [_row(o, people, dict(by_source[o.id]), comments[o.id]) for o in options]
    order = {row.option_id: (_OUTCOME_ORDER[ConsentOutcome(str(row.extra["outcome"]))], row.score) for row in rows}
    columns = (Column(CONCERNS, N_("Concerns")), Column(OBJECTION, N_("Objections")), Column("outcome", N_("Outcome")))
    return Result(BallotMethod.CONSENT, rank_rows(rows, key=lambda row: order[row.option_id]), columns,
                  len(votes.papers), source_counts(votes, counts))


def _row(option: Option, people: dict[tuple[int, str], float], by_source: dict[Source, float],
         comments: list[Comment]) -> ResultRow:
    agree, concerns, objections = (people[option.id, stance] for stance in STANCES)
    # Objections first, then concerns, then the rest; by voter within each, so that the order never depends
    # on the order in which ballots were entered.
    written = tuple(sorted(comments, key=lambda c: (-STANCES.index(c.axis), c.voter, c.text)))
    verdict = outcome(agree, concerns, objections)
    extra: dict[str, float | str | None] = {AGREE: agree, CONCERNS: concerns, OBJECTION: objections,
                                            "outcome": str(verdict)}
    return ResultRow(0, option.id, option.label, agree, extra, by_source=by_source, comments=written)
