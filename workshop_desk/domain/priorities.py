"""Priorities and the action plan: a sitting's ordered priorities justified by a vote, their consolidation
over the programme's sittings, and actions with their indicators."""

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from difflib import SequenceMatcher

from workshop_desk.domain import schulze_texts, validation
from workshop_desk.domain.counting_grid import ELIRE_CRITERIA
from workshop_desk.domain.enums import ActionStatus, BallotMethod
from workshop_desk.domain.people import fold
from workshop_desk.domain.vote_methods import method_label
from workshop_desk.domain.voting import Result, ResultRow
from workshop_desk.i18n import N_, _

MAX_BUDGET = 1e12
Translate = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class VoteStanding:
    """Where a promoted option stood in its vote: facts kept with the priority, and phrased only when a document or
    a screen shows them, in that one's language (a sentence stored once would stay in the language of the day)."""

    ballot: str  # the ballot's title
    rank: int
    count: int  # the options in the result
    voters: int  # ballots (papers), or, for counts entered from a board, the number of votes counted
    share: float | None = None  # its part of all the points given (None: the method gives no points to add up)
    tied: bool = False
    dissent: tuple[str, ...] = ()  # what voters disagreed strongly on
    schulze: tuple[int, int] | None = None  # (rank, options) in the Schulze count of a ranking
    behind: tuple[str, ...] = ()  # Schulze: options it shares its rank with, yet comes behind
    ahead_of: tuple[str, ...] = ()
    apart: tuple[str, ...] = ()  # Schulze: options it is not separated from


@dataclass(frozen=True, slots=True)
class Priority:
    id: int
    sitting_id: int
    position: int
    title: str
    method: str = ""  # the BallotMethod value of the vote it came from ("" for one typed in)
    score: float | None = None
    justification: str = ""  # what the facilitator wrote (their words, in their language)
    ballot_id: int | None = None
    option_id: int | None = None
    idea_id: int | None = None
    standing: VoteStanding | None = None  # where it stood in its vote (None: typed in)


@dataclass(frozen=True, slots=True)
class PriorityDraft:
    """The editable fields of a priority."""

    title: str
    justification: str = ""
    score: float | None = None


@dataclass(frozen=True, slots=True)
class ConsolidatedPriority:
    """A priority retained by one or more sittings (titles that name the same thing are one priority)."""

    rank: int
    title: str
    sitting_ids: tuple[int, ...]
    positions: tuple[int, ...]  # its place (1 = first) in each of those sittings' lists
    priorities: tuple[Priority, ...]
    support: float | None = None  # its shares of the points given in its votes, summed (None: no such share)

    @property
    def mean_position(self) -> float:
        return sum(self.positions) / len(self.positions)

    @property
    def sittings(self) -> int:
        """How many sittings retained it (one that retained it twice, under two near titles, counts once)."""
        return len(set(self.sitting_ids))


def standing_of(ballot_title: str, row: ResultRow, result: Result) -> VoteStanding:
    """The facts of a result row, for the priority it becomes."""
    scores = [r.score for r in result.rows if r.score is not None]
    share = row.score / sum(scores) if row.score is not None and sum(scores) > 0 else None
    schulze: tuple[int, int] | None = None
    behind: tuple[str, ...] = ()
    ahead_of: tuple[str, ...] = ()
    apart: tuple[str, ...] = ()
    if result.alternative is not None and result.sources:
        standing = result.alternative
        schulze = (standing.row(row.option_id).rank, len(standing.rows))
        behind, ahead_of, apart = schulze_texts.neighbours(standing, row.option_id)
    return VoteStanding(ballot_title, row.rank, len(result.rows), result.voters, share, row.tied, row.dissent,
                        schulze, behind, ahead_of, apart)


def phrase_standing(standing: VoteStanding, method: str, score: float | None, _: Translate,
                    number: Callable[[float], str]) -> str:
    """Why a result row became a priority, in the language of `_`, its numbers written by `number`: the vote, the
    method, the rank and the score ('Dot voting “…”: rank 1 of 4, score 26, 4 ballots.')."""
    label = method_label(BallotMethod(method), _) if method else _("Vote")
    text = _("{method} “{ballot}”: rank {rank} of {count}, score {score}, {voters} ballots.").format(
        method=label, ballot=standing.ballot, rank=standing.rank, count=standing.count,
        score="—" if score is None else number(score), voters=standing.voters)
    if standing.tied:
        text += " " + _("Tied with another option.")
    if standing.dissent:
        text += " " + _("Voters disagreed on: {what}.").format(what=", ".join(_(what) for what in standing.dissent))
    return text + _schulze_part(standing, _)


def _schulze_part(standing: VoteStanding, _: Translate) -> str:
    """' Schulze (Condorcet): rank 1 of 3, shared: behind “A”; not separated from “C”.' for a ranking ballot."""
    if standing.schulze is None:
        return ""
    rank, count = standing.schulze
    facts = schulze_texts.neighbour_text(standing.behind, standing.ahead_of, standing.apart, _)
    if not facts:
        return " " + _("Schulze (Condorcet): rank {rank} of {count}.").format(rank=rank, count=count)
    return " " + _("Schulze (Condorcet): rank {rank} of {count}, shared: {facts}.").format(
        rank=rank, count=count, facts=facts)


def why(priority: Priority, _: Translate, number: Callable[[float], str]) -> str:
    """All that says why a priority was retained: where it stood in its vote, then the facilitator's words."""
    parts = [phrase_standing(priority.standing, priority.method, priority.score, _, number)] \
        if priority.standing else []
    return " ".join([*parts, *([priority.justification] if priority.justification.strip() else [])])


def standing_to_json(standing: VoteStanding | None) -> str:
    return "" if standing is None else json.dumps(asdict(standing), ensure_ascii=False)


def standing_from_json(text: str) -> VoteStanding | None:
    """The facts stored with a priority ('' or anything unreadable: none)."""
    try:
        values = json.loads(text) if text else None
        if not isinstance(values, dict):
            return None
        for name in ("dissent", "behind", "ahead_of", "apart"):
            values[name] = tuple(values.get(name) or ())
        values["schulze"] = tuple(values["schulze"]) if values.get("schulze") else None
        return VoteStanding(**values)
    except (ValueError, TypeError):
        return None


def clean_priority(draft: PriorityDraft) -> dict[str, object]:
    return {"title": validation.clean_title(draft.title, _("Priority")),
            "justification": validation.clean_text(draft.justification, _("Justification")),
            "score": draft.score}


# Words that say nothing of what a priority is about, in either language: left out when titles are compared.
_EMPTY_WORDS = frozenset(("a", "an", "and", "at", "au", "aux", "d", "de", "des", "du", "en", "et", "for", "in", "l",
                          "la", "le", "les", "of", "on", "par", "pour", "sur", "the", "to", "un", "une"))
_WORD = re.compile(r"[a-z0-9]+")
SAME_TITLE = 0.85  # titles this alike (difflib's ratio, accents and case aside) are one priority: a typo, a plural


def _words(title: str) -> frozenset[str]:
    """The words that carry a title's meaning, singular: 'Les mobilités douces' → {'mobilite', 'douce'}."""
    return frozenset(word[:-1] if len(word) > 3 and word.endswith(("s", "x")) else word
                     for word in _WORD.findall(fold(title)) if word not in _EMPTY_WORDS)


def same_priority(first: str, second: str) -> bool:
    """Whether two sittings' titles name the same priority: the same meaningful words ('Emploi des jeunes' and
    "L'emploi des jeunes"), or nearly the same text ('Mobilité douce', 'Mobilités douces')."""
    a, b = fold(first), fold(second)
    words = _words(first)
    return a == b or (bool(words) and words == _words(second)) or _alike(a, b)


def _alike(a: str, b: str) -> bool:
    """Nearly the same text: difflib's cheap upper bounds first, its full ratio only when they pass. The first
    bound (the lengths alone: difflib's `real_quick_ratio`) is checked before a matcher is built, which costs."""
    if 2 * min(len(a), len(b)) < SAME_TITLE * (len(a) + len(b)):
        return False
    matcher = SequenceMatcher(None, a, b)
    return matcher.quick_ratio() >= SAME_TITLE and matcher.ratio() >= SAME_TITLE


def _consolidation_key(item: ConsolidatedPriority) -> tuple[int, float, float]:
    return -item.sittings, -(item.support or 0.0), item.mean_position


def consolidate(priorities: Iterable[Priority], sitting_order: Sequence[int]) -> tuple[ConsolidatedPriority, ...]:
    """One list over the programme: the same priority retained by several sittings is one (`same_priority`); the
    ones more sittings retained come first, then those with more support in their votes (their shares summed),
    then the ones placed higher on average. Equal on all three: equal rank."""
    place = {sitting_id: index for index, sitting_id in enumerate(sitting_order)}
    groups: list[list[Priority]] = []
    heads: list[str] = []  # each group's first title, folded: compared with every new title
    by_text: dict[str, list[Priority]] = {}  # the same text or the same words: found at once, not compared
    by_words: dict[frozenset[str], list[Priority]] = {}
    for priority in sorted(priorities, key=lambda p: (place.get(p.sitting_id, len(place)), p.position)):
        text, words = fold(priority.title), _words(priority.title)
        group = by_text.get(text) or (by_words.get(words) if words else None) or \
            next((g for g, head in zip(groups, heads, strict=True) if _alike(head, text)), None)
        if group is None:
            group = []
            groups.append(group)
            heads.append(text)
            by_words.setdefault(words, group)
        group.append(priority)
        by_text.setdefault(text, group)
    items = sorted((_consolidated(group) for group in groups), key=_consolidation_key)
    ranked: list[ConsolidatedPriority] = []
    for index, item in enumerate(items):
        tied = ranked and _consolidation_key(ranked[-1]) == _consolidation_key(item)
        ranked.append(replace(item, rank=ranked[-1].rank if tied else index + 1))
    return tuple(ranked)


def _consolidated(group: Sequence[Priority]) -> ConsolidatedPriority:
    shares = [p.standing.share for p in group if p.standing is not None and p.standing.share is not None]
    return ConsolidatedPriority(0, group[0].title, tuple(p.sitting_id for p in group),
                                tuple(p.position + 1 for p in group), tuple(group),
                                sum(shares) if shares else None)


# --- The action plan ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Indicator:
    id: int
    action_id: int
    name: str
    target: str = ""
    position: int = 0


@dataclass(frozen=True, slots=True)
class IndicatorDraft:
    name: str
    target: str = ""


@dataclass(frozen=True, slots=True)
class ActionDraft:
    """The editable fields of an action: what, who leads, with whom, when, for how much."""

    title: str
    description: str = ""
    lead: str = ""
    partners: str = ""
    deadline: dt.date | None = None
    budget: float | None = None
    status: ActionStatus = ActionStatus.PROPOSED


@dataclass(frozen=True, slots=True)
class Action:
    id: int
    programme_id: int
    title: str
    description: str = ""
    lead: str = ""
    partners: str = ""
    deadline: dt.date | None = None
    budget: float | None = None
    status: ActionStatus = ActionStatus.PROPOSED
    position: int = 0
    sitting_id: int | None = None
    priority_id: int | None = None
    idea_id: int | None = None
    indicators: tuple[Indicator, ...] = ()


_STATUS_LABELS = {ActionStatus.PROPOSED: N_("Proposed"), ActionStatus.PLANNED: N_("Planned"),
                  ActionStatus.IN_PROGRESS: N_("In progress"), ActionStatus.DONE: N_("Done"),
                  ActionStatus.DROPPED: N_("Dropped")}


def action_status_label(status: ActionStatus, translate: Callable[[str], str] | None = None) -> str:
    """The status's name in the interface's language, or in that of `translate` (a document's)."""
    return (translate or _)(_STATUS_LABELS[status])


def elire_indicators() -> tuple[IndicatorDraft, ...]:
    """The default indicators of an action: the five ELIRE criteria, targets to be set."""
    return tuple(IndicatorDraft(_(name)) for name in ELIRE_CRITERIA)


def clean_action(draft: ActionDraft) -> dict[str, object]:
    """The draft's fields, tidied and checked (ValidationError in the user's language)."""
    if draft.budget is not None and not 0 <= draft.budget <= MAX_BUDGET:
        raise validation.ValidationError(_("The budget must be 0 or more."))
    return {"title": validation.clean_title(draft.title, _("Action")),
            "description": validation.clean_text(draft.description, _("Description")),
            "lead": validation.clean_text(draft.lead, _("Lead")),
            "partners": validation.clean_text(draft.partners, _("Partners")),
            "deadline": draft.deadline, "budget": draft.budget, "status": str(ActionStatus(draft.status))}


def clean_indicator(draft: IndicatorDraft) -> dict[str, str]:
    return {"name": validation.clean_title(draft.name, _("Indicator")),
            "target": validation.clean_text(draft.target, _("Target"))}
