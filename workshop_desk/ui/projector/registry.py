"""The projector's screens, one entry per mode: its screen, label, keys and empty state; the rest iterates it."""

from collections.abc import Callable
from dataclasses import dataclass

from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.i18n import N_, _
from workshop_desk.ui.projector.actions_screen import ActionsScreen
from workshop_desk.ui.projector.board_screen import BoardScreen, NoteScreen, QuestionScreen
from workshop_desk.ui.projector.content import ProjectorContent
from workshop_desk.ui.projector.join_screen import JoinScreen
from workshop_desk.ui.projector.plan_screen import PlanScreen
from workshop_desk.ui.projector.results_screen import ResultsScreen
from workshop_desk.ui.projector.screens import (
    AgendaScreen,
    BlankScreen,
    CountdownScreen,
    PauseScreen,
    Screen,
    WelcomeScreen,
    WhiteScreen,
)
from workshop_desk.ui.translation import key_text

Empty = Callable[[ProjectorContent], str]
PAUSE_TIME_KEY = "Shift+F8"  # the pause screen's return time, asked for at the console


def _never(_content: ProjectorContent) -> str:
    return ""


@dataclass(frozen=True, slots=True)
class Toggle:
    """A presenter remote's key that shows the screen, and brings back what it hid when pressed again."""

    label: str  # marked with N_, translated when shown
    keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ScreenEntry:
    """One projector screen: what paints it, what the console calls it, and what shows it."""

    mode: ProjectorMode
    screen: type[Screen]
    label: str  # marked with N_, translated when shown (menus, the projector panel)
    key: str = ""  # its key in the Projector menu and on the projector panel's button (none: not on the panel)
    toggle: Toggle | None = None
    needs_sitting: bool = False  # it shows the chosen sitting: before one is, the programme's welcome stands in
    empty: Empty = _never  # what the screen says when it has nothing to show ("": it always has)


def _no_agenda_item(content: ProjectorContent) -> str:
    agenda = content.agenda
    return _("The agenda of this sitting is not ready yet.") if agenda is not None and not agenda.items else ""


def _no_timer(content: ProjectorContent) -> str:
    return _("No timer is running.") if content.countdown is None else ""


def _no_plan(content: ProjectorContent) -> str:
    return _("No table plan yet.") if content.plan is None or not content.plan.tables else ""


def _no_idea(content: ProjectorContent) -> str:
    board = content.board
    return _("No ideas yet — they appear here as they are written down.") if board is None or not board.notes else ""


def _no_note(content: ProjectorContent) -> str:
    if content.board is not None and content.board.focus is not None:
        return ""
    return _("No idea chosen — select a note on the board, then press {key}.").format(key=key_of(
        ProjectorMode.NOTE))


def _no_question(content: ProjectorContent) -> str:
    question = content.question
    return _("No question pinned yet.") if question is None or question.hidden else ""


def _no_vote(content: ProjectorContent) -> str:
    return _("No vote to show yet.") if content.result is None else ""


def _no_phones(content: ProjectorContent) -> str:
    return _("Phones are off for this sitting — switch them on in the Run live tab.") if content.joining is None else ""


def _no_action(content: ProjectorContent) -> str:
    return _("No action in the plan yet.") if content.actions is None or not content.actions.actions else ""


ENTRIES: tuple[ScreenEntry, ...] = (
    ScreenEntry(ProjectorMode.WELCOME, WelcomeScreen, N_("Welcome screen"), "F6"),
    ScreenEntry(ProjectorMode.AGENDA, AgendaScreen, N_("Agenda"), "F7", needs_sitting=True, empty=_no_agenda_item),
    ScreenEntry(ProjectorMode.TIMER, CountdownScreen, N_("Timer"), "F4", empty=_no_timer),
    ScreenEntry(ProjectorMode.PAUSE, PauseScreen, N_("Pause screen"), "F8"),
    ScreenEntry(ProjectorMode.BLANK, BlankScreen, N_("Blank screen"), "F9",
                Toggle(N_("&Black screen, or back"), ("B", "."))),
    ScreenEntry(ProjectorMode.BOARD, BoardScreen, N_("Idea board"), "F3", empty=_no_idea),
    ScreenEntry(ProjectorMode.NOTE, NoteScreen, N_("One idea"), "Shift+F3", empty=_no_note),
    ScreenEntry(ProjectorMode.QUESTION, QuestionScreen, N_("Pinned question"), "F10", empty=_no_question),
    ScreenEntry(ProjectorMode.RESULTS, ResultsScreen, N_("Vote results"), "F11", empty=_no_vote),
    ScreenEntry(ProjectorMode.ACTIONS, ActionsScreen, N_("Action plan"), "F12", empty=_no_action),
    ScreenEntry(ProjectorMode.JOIN, JoinScreen, N_("Join screen"), "Shift+F6", needs_sitting=True,
                empty=_no_phones),
    ScreenEntry(ProjectorMode.PLAN, PlanScreen, N_("Table plan"), empty=_no_plan),
    ScreenEntry(ProjectorMode.WHITE, WhiteScreen, N_("White screen"), toggle=Toggle(N_("&White screen, or back"),
                                                                                  ("W",))),
)
_BY_MODE = {item.mode: item for item in ENTRIES}


def entry(mode: ProjectorMode) -> ScreenEntry:
    return _BY_MODE[mode]


def label(mode: ProjectorMode) -> str:
    """The screen's name in the interface's language."""
    return _(entry(mode).label)


def key_of(mode: ProjectorMode) -> str:
    """The key that puts this screen on the projector, as the user's language names it ("Maj+F3")."""
    return key_text(entry(mode).key)


def on_panel() -> tuple[ScreenEntry, ...]:
    """The screens with a key of their own: a button each on the projector panel, an item in the menu."""
    return tuple(item for item in ENTRIES if item.key)


def shown_entry(content: ProjectorContent) -> ScreenEntry:
    """The screen that shows `content`: the programme's welcome (or the app's, no file open) stands in for a
    screen that needs a sitting before one is chosen; black and white always show."""
    wanted = entry(content.mode)
    if content.programme is None and wanted.toggle is None:
        return entry(ProjectorMode.WELCOME)
    if wanted.needs_sitting and content.agenda is None:
        return entry(ProjectorMode.WELCOME)
    return wanted
