"""Phones in the room: a sitting's phone settings, device keys, and what a phone is shown (plain data, no network)."""

import datetime as dt
import hashlib
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from workshop_desk.domain.countdown import TimerState
from workshop_desk.domain.enums import ItemKind, SittingKind
from workshop_desk.domain.ideas import Idea, Question, Theme
from workshop_desk.domain.vote_methods import method_spec
from workshop_desk.domain.voting import Ballot, BallotPaper, settings_to_dict

MAX_CONTRIBUTION = 500  # characters of an idea or a question sent from a phone
SHOWN, PENDING = "shown", "pending"


class PhonesMode(StrEnum):
    """How phones vote: one ballot per device (cookie), or one per participant after a badge check."""

    ANONYMOUS = "anonymous"
    BADGE = "badge"


class Activity(StrEnum):
    """What a phone shows first (the page may still reach the open tabs)."""

    WAITING = "waiting"
    IDEAS = "ideas"
    QUESTIONS = "questions"
    VOTE = "vote"
    TIMER = "timer"


@dataclass(frozen=True, slots=True)
class PhoneSettings:
    """A sitting's phone settings, as the console sets them."""

    sitting_id: int
    join_code: str | None = None
    mode: PhonesMode = PhonesMode.ANONYMOUS
    moderate_ideas: bool = False
    moderate_questions: bool = False
    ideas_private: bool = False
    enabled: bool = False
    by_table: bool = False  # phones say which table they sit at: their ideas go to that table


@dataclass(frozen=True, slots=True)
class Contribution:
    """What a phone sent, as recorded: its id and whether it waits for approval."""

    id: int
    status: str


class ContributionError(ValueError):
    """An idea or a question a phone may not send as it is: `code` is the API's error code."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def moderates_questions(kind: SittingKind) -> bool:
    """Questions wait for approval by default where the room is large and public (plenaries, conferences)."""
    return kind in (SittingKind.PLENARY, SittingKind.CONFERENCE)


def device_hash(token: str) -> str:
    """The first 16 hex characters of the device token's SHA-256: stored and used as a key, never the token."""
    return hashlib.sha256(token.encode()).hexdigest()[:16]


def device_voter(device: str) -> str:
    """The voter key of an anonymous phone."""
    return f"phone:{device}"


def clean_contribution(text: str) -> str:
    """An idea's or a question's text from a phone, trimmed; ContributionError('empty' | 'too_long')."""
    cleaned = text.strip()
    if not cleaned:
        raise ContributionError("empty")
    if len(cleaned) > MAX_CONTRIBUTION:
        raise ContributionError("too_long")
    return cleaned


@dataclass(frozen=True, slots=True)
class PhoneView:
    """Everything one phone may see, read in one go (services/phones.py), before it becomes the API's JSON."""

    title: str
    settings: PhoneSettings
    item_kind: ItemKind | None
    name: str | None
    themes: tuple[Theme, ...]
    tables: tuple[tuple[int, str], ...]  # (id, name) of the room's tables, when phones say where they sit
    mine: tuple[Idea, ...]
    questions: tuple[Question, ...]
    voted: frozenset[int]
    ballot: Ballot | None
    my_paper: BallotPaper | None
    timer: TimerState | None
    now: dt.datetime


def activity(view: PhoneView) -> Activity:
    """What the room is doing, as the phone follows it (see docs/phones.md)."""
    if view.ballot is not None:
        return Activity.VOTE
    if view.item_kind == ItemKind.BRAINSTORM:
        return Activity.IDEAS
    if view.item_kind == ItemKind.QUESTIONS:
        return Activity.QUESTIONS
    if view.timer is not None and view.timer.running:
        return Activity.TIMER
    return Activity.WAITING


def timer_remaining(timer: TimerState, now: dt.datetime) -> float:
    """Seconds left on a saved countdown at `now` (negative in overtime)."""
    elapsed = timer.accumulated_seconds
    if timer.running and timer.started_at is not None:
        elapsed += max(0.0, (now - timer.started_at).total_seconds())
    return timer.duration_seconds - elapsed


def idea_status(idea: Idea) -> str:
    """'pending', 'hidden' (private until revealed, or hidden by the facilitator) or 'shown'."""
    if idea.status == PENDING:
        return PENDING
    return "hidden" if idea.hidden else SHOWN


def state_json(view: PhoneView, device: str) -> dict[str, Any]:
    """The API's state (without its version, which the server adds): only what this phone may see."""
    open_ideas = view.item_kind == ItemKind.BRAINSTORM
    return {
        "sitting": {"title": view.title},
        "mode": str(view.settings.mode),
        "me": {"name": view.name, "badge_checked": view.name is not None},
        "activity": str(activity(view)),
        "ideas": {"open": open_ideas or view.item_kind is None, "private": view.settings.ideas_private,
                  "themes": [{"id": t.id, "name": t.name} for t in view.themes],
                  "tables": [{"id": key, "name": name} for key, name in view.tables],
                  "mine": [{"id": i.id, "text": i.text, "theme_id": i.theme_id, "status": idea_status(i)}
                           for i in view.mine]},
        "questions": {"open": True, "list": [_question_json(q, device, view.voted) for q in view.questions]},
        "ballot": _ballot_json(view.ballot, view.my_paper),
        "timer": _timer_json(view.timer, view.now),
    }


def _question_json(question: Question, device: str, voted: frozenset[int]) -> dict[str, Any]:
    return {"id": question.id, "text": question.text, "votes": question.votes, "mine": question.device == device,
            "voted": question.id in voted, "answered": question.answered}


def _ballot_json(ballot: Ballot | None, paper: BallotPaper | None) -> dict[str, Any] | None:
    if ballot is None or not method_spec(ballot.method).phones:
        return None
    return {"id": ballot.id, "title": ballot.title, "method": str(ballot.method),
            "settings": settings_to_dict(ballot.settings),
            "options": [{"id": o.id, "label": o.label, "description": o.description} for o in ballot.options],
            "criteria": [{"id": c.id, "name": c.name, "weight": c.weight} for c in ballot.criteria],
            "open": True,
            "my_paper": None if paper is None else {"marks": [
                {"option_id": m.option_id, "value": m.value, "criterion_id": m.criterion_id, "axis": m.axis,
                 "comment": m.comment} for m in paper.marks]}}


def _timer_json(timer: TimerState | None, now: dt.datetime) -> dict[str, Any] | None:
    if timer is None or (not timer.running and not timer.accumulated_seconds):
        return None
    return {"label": timer.label, "remaining_s": round(timer_remaining(timer, now)), "running": timer.running}
