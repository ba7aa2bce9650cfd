"""The closed vocabularies of the domain, each with a translatable label."""

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
    """What the audience screen shows."""

    WELCOME = "welcome"
    AGENDA = "agenda"
    BLANK = "blank"
    PAUSE = "pause"


_LABELS: dict[str, str] = {
    SittingKind.PLENARY: N_("Plenary"),
    SittingKind.WORKSHOP: N_("Workshop"),
    SittingKind.STEERING_COMMITTEE: N_("Steering committee"),
    SittingKind.MASTER_CLASS: N_("Master class"),
    SittingKind.WORKING_GROUP: N_("Working group"),
    SittingKind.CONFERENCE: N_("Conference"),
    ItemKind.WELCOME: N_("Welcome"),
    ItemKind.PRESENTATION: N_("Presentation"),
    ItemKind.ROUND_TABLE: N_("Round table"),
    ItemKind.BRAINSTORM: N_("Brainstorm"),
    ItemKind.VOTE: N_("Vote"),
    ItemKind.RANKING: N_("Ranking"),
    ItemKind.QUESTIONS: N_("Questions"),
    ItemKind.BREAK: N_("Break"),
    ItemKind.WRAP_UP: N_("Wrap-up"),
    ItemKind.OTHER: N_("Other"),
    ProjectorMode.WELCOME: N_("Welcome screen"),
    ProjectorMode.AGENDA: N_("Agenda"),
    ProjectorMode.BLANK: N_("Blank screen"),
    ProjectorMode.PAUSE: N_("Pause screen"),
}


def label(value: StrEnum) -> str:
    """The translated label of an enum member."""
    return _(_LABELS.get(value, str(value)))
