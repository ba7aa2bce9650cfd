"""What the projector is asked to show: plain data pushed by the console."""

from dataclasses import dataclass
from datetime import datetime

from workshop_desk.domain.attendance import HeadCount
from workshop_desk.domain.countdown import Phase
from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.domain.ideas import Idea, Question, Theme
from workshop_desk.domain.joining import JoinCard
from workshop_desk.domain.models import Programme, SittingAgenda, StakeholderGroup
from workshop_desk.ui.projector.vote_views import ActionsView, ResultView


@dataclass(frozen=True, slots=True)
class CountdownView:
    """The round timer as the room sees it."""

    remaining_seconds: float
    phase: Phase
    label: str = ""
    speaker: str = ""
    flash: bool = False  # the visual bell


@dataclass(frozen=True, slots=True)
class BoardView:
    """The idea board as the room sees it: revealed notes only, with their colours and merge counts (×n)."""

    title: str
    notes: tuple[Idea, ...] = ()
    colours: tuple[str, ...] = ()  # one per note
    counts: tuple[int, ...] = ()  # one per note: 1, or how many notes were merged into it
    themes: tuple[Theme, ...] = ()
    focus: Idea | None = None  # the note shown in large type (NOTE mode)
    focus_colour: str = ""
    focus_count: int = 1
    focus_theme: str = ""


@dataclass(frozen=True, slots=True)
class TableView:
    """One table of a round, as the room sees it."""

    title: str  # "Table 3 — Santé"
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PlanView:
    """Who sits where in one round; the tables are shown a page at a time when they do not all fit."""

    round_number: int
    round_count: int
    tables: tuple[TableView, ...]


@dataclass(frozen=True, slots=True)
class ProjectorContent:
    mode: ProjectorMode
    programme: Programme | None = None
    agenda: SittingAgenda | None = None
    elapsed_seconds: float | None = None  # of the current item, when a run is live
    now: datetime | None = None
    head_count: HeadCount | None = None  # shown on the welcome screen while the sign-in desk is open
    groups: tuple[StakeholderGroup, ...] = ()
    countdown: CountdownView | None = None
    plan: PlanView | None = None
    board: BoardView | None = None
    question: Question | None = None  # the pinned question from the room
    result: ResultView | None = None  # the ballot on show (its result only once revealed)
    actions: ActionsView | None = None  # the action plan
    resume_at: datetime | None = None  # when the room is expected back from the break (the pause screen)
    joining: JoinCard | None = None  # how phones join the sitting, while its participant server is on
    page: int = 0  # a list too long for one screen shows this page (counted on: it wraps round)
