"""What the projector's vote screens are given: a ballot as the room sees it, and the action plan."""

from dataclasses import dataclass

from workshop_desk.domain.enums import BallotMethod, BallotStatus
from workshop_desk.domain.priorities import Action
from workshop_desk.domain.voting import Criterion, Option, Result, Settings


@dataclass(frozen=True, slots=True)
class ResultView:
    """A ballot on the projector: its options in the room's order, and its result once revealed (None before)."""

    ballot_id: int
    title: str
    method: BallotMethod
    status: BallotStatus
    settings: Settings
    options: tuple[Option, ...]  # in the projector's order: random when the ballot is shuffled
    criteria: tuple[Criterion, ...] = ()
    result: Result | None = None  # None until the facilitator reveals it
    ballots: int = 0  # individual ballots in
    tallied: float = 0.0  # dots, hands or people counted on boards
    shuffled: bool = False
    focus_option_id: int | None = None  # the option highlighted in a multi-criteria table


@dataclass(frozen=True, slots=True)
class ActionsView:
    """The action plan, or one sitting's part of it: what, who leads, when."""

    title: str
    actions: tuple[Action, ...] = ()
