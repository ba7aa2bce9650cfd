"""The closed vocabularies of the domain, each with a translatable label."""

from collections.abc import Callable
from enum import StrEnum

from workshop_desk.i18n import N_, _


class SittingKind(StrEnum):
    PLENARY = "plenary"
    WORKSHOP = "workshop"
    STEERING_COMMITTEE = "steering_committee"
    MASTER_CLASS = "master_class"
    WORKING_GROUP = "working_group"
    CONFERENCE = "conference"


class ItemKind(StrEnum):
    WELCOME = "welcome"
    PRESENTATION = "presentation"
    ROUND_TABLE = "round_table"
    BRAINSTORM = "brainstorm"
    VOTE = "vote"
    RANKING = "ranking"
    QUESTIONS = "questions"
    BREAK = "break"
    WRAP_UP = "wrap_up"
    OTHER = "other"


class AttendanceStatus(StrEnum):
    INVITED = "invited"
    REGISTERED = "registered"
    PRESENT = "present"
    EXCUSED = "excused"
    ABSENT = "absent"


class Source(StrEnum):
    """Where a contribution or a vote came from."""

    CONSOLE = "console"
    PAPER = "paper"
    PHONE = "phone"
    SHOW_OF_HANDS = "show_of_hands"
    IMPORT = "import"


class BallotMethod(StrEnum):
    DOTS = "dots"
    POINTS = "points"
    RATING = "rating"
    RANKING = "ranking"
    MATRIX = "matrix"
    CRITERIA = "criteria"
    CONSENT = "consent"
    HANDS = "hands"


class BallotStatus(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class ActionStatus(StrEnum):
    PROPOSED = "proposed"
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class ProjectorMode(StrEnum):
    """What the audience screen shows (each mode's screen, label and key: ui/projector/registry.py)."""

    WELCOME = "welcome"
    AGENDA = "agenda"
    TIMER = "timer"
    PLAN = "plan"
    BLANK = "blank"
    WHITE = "white"  # a white screen, as a presenter remote's W asks
    PAUSE = "pause"
    BOARD = "board"  # the idea board, or one of its themes
    NOTE = "note"  # one note in large type
    QUESTION = "question"  # the pinned question from the room
    RESULTS = "results"  # a ballot's result (or "Votes: N" until it is revealed)
    ACTIONS = "actions"  # the action plan: what, who leads, when
    JOIN = "join"  # how to take part from a phone: the Wi-Fi and the sitting's address as QR codes


def _key(value: StrEnum) -> tuple[type, str]:
    # Members of different enums share values ("welcome"): key labels by enum type too.
    return type(value), str(value)


_LABELS: dict[tuple[type, str], str] = {
    _key(SittingKind.PLENARY): N_("Plenary"),
    _key(SittingKind.WORKSHOP): N_("Workshop"),
    _key(SittingKind.STEERING_COMMITTEE): N_("Steering committee"),
    _key(SittingKind.MASTER_CLASS): N_("Master class"),
    _key(SittingKind.WORKING_GROUP): N_("Working group"),
    _key(SittingKind.CONFERENCE): N_("Conference"),
    _key(ItemKind.WELCOME): N_("Welcome"),
    _key(ItemKind.PRESENTATION): N_("Presentation"),
    _key(ItemKind.ROUND_TABLE): N_("Round table"),
    _key(ItemKind.BRAINSTORM): N_("Brainstorm"),
    _key(ItemKind.VOTE): N_("Vote"),
    _key(ItemKind.RANKING): N_("Ranking"),
    _key(ItemKind.QUESTIONS): N_("Questions"),
    _key(ItemKind.BREAK): N_("Break"),
    _key(ItemKind.WRAP_UP): N_("Wrap-up"),
    _key(ItemKind.OTHER): N_("Other"),
    _key(AttendanceStatus.INVITED): N_("Invited"),
    _key(AttendanceStatus.REGISTERED): N_("Registered"),
    _key(AttendanceStatus.PRESENT): N_("Present"),
    _key(AttendanceStatus.EXCUSED): N_("Excused"),
    _key(AttendanceStatus.ABSENT): N_("Absent"),
    _key(Source.CONSOLE): N_("Console"),
    _key(Source.PAPER): N_("Paper"),
    _key(Source.PHONE): N_("Phone"),
    _key(Source.SHOW_OF_HANDS): N_("Show of hands"),
    _key(Source.IMPORT): N_("Import"),
}


def label(value: StrEnum, translate: Callable[[str], str] | None = None) -> str:
    """The label of an enum member in the interface's language, or in that of `translate` (a document's)."""
    return (translate or _)(_LABELS.get(_key(value), str(value)))
