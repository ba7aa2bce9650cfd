"""What each projector screen says: the selected note, hidden results, every group at the door, empty states."""

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.drawn import drawn_text, drawn_texts, drawn_wholes
from tests.ui.test_board import open_board, select
from workshop_desk import i18n
from workshop_desk.domain.attendance import HeadCount
from workshop_desk.domain.counting import count
from workshop_desk.domain.enums import BallotMethod, BallotStatus, ProjectorMode
from workshop_desk.domain.models import Programme, Sitting, SittingAgenda, StakeholderGroup
from workshop_desk.domain.voting import Ballot, BallotPaper, DotSettings, Mark, Option, Result, Votes
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.projector.content import BoardView, ProjectorContent
from workshop_desk.ui.projector.results_screen import ResultsScreen
from workshop_desk.ui.projector.screens import WelcomeScreen
from workshop_desk.ui.projector.vote_views import ResultView
from workshop_desk.ui.projector.window import ProjectorWindow
from workshop_desk.ui.shell import Shell
from workshop_desk.ui.voting.projection import result_view

BREAKFAST, WORKSHOP = 1, 2
GROUPS = ("Entreprises", "Associations", "Élus", "Services de l'État", "Chambres consulaires",
          "Agences de développement", "Habitants", "Autres")  # the demo's stakeholder groups
PROGRAMME = Programme(1, "Plan économique du quartier Gare-Confluence")


def _press_one_idea(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)


def test_shift_f3_shows_the_note_selected_now_even_while_another_sitting_runs(qtbot: QtBot, window: MainWindow,
                                                                             shell: Shell) -> None:
    window.document.start_run(BREAKFAST)  # type: ignore[union-attr]  # the projector follows the running sitting
    board = open_board(window)
    first, second = [n.idea for n in board.scene.notes.values() if not n.idea.hidden][:2]
    projector = shell.projector.window
    for note in (first, second):  # a second press shows the newly selected note, not the first one again
        select(board, note.id)
        _press_one_idea(qtbot, window)
        assert projector.content.mode == ProjectorMode.NOTE
        assert note.text in drawn_text(projector)
    select(board)
    _press_one_idea(qtbot, window)
    shown = drawn_text(projector)
    assert "No idea chosen — select a note on the board, then press Shift+F3." in shown
    assert second.text not in shown


def _ballot_screen(qtbot: QtBot, view: ResultView) -> ResultsScreen:
    screen = ResultsScreen()
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.set_content(ProjectorContent(ProjectorMode.RESULTS, result=view))
    return screen


def test_hidden_results_count_ballots_as_the_console_does_and_number_no_option(qtbot: QtBot) -> None:
    options = (Option(1, "Locaux et ateliers"), Option(2, "Formation"), Option(3, "Mobilité"), Option(4, "Réseau"))
    papers = tuple(BallotPaper(str(n), tuple(Mark(o.id, 3 if o.id == 1 else 2) for o in options)) for n in range(4))
    result = count(BallotMethod.DOTS, DotSettings(dots_per_voter=9), options, Votes(papers))  # 4 ballots, 36 dots
    view = result_view_of(options, result)
    assert (view.ballots, view.result) == (4, None)
    drawn = drawn_texts(_ballot_screen(qtbot, view))
    assert "4 ballots" in drawn and not any("36" in text for text in drawn)
    assert [text for text in drawn if text.endswith(("Locaux et ateliers", "Réseau"))] == \
        ["• Locaux et ateliers", "• Réseau"]  # bullets: nothing that reads as a rank before the result is out


def result_view_of(options: tuple[Option, ...], result: Result) -> ResultView:
    """The ballot as the projector gets it from the console, still hidden."""
    ballot = Ballot(1, WORKSHOP, "Priorités", BallotMethod.DOTS, DotSettings(dots_per_voter=9), BallotStatus.OPEN,
                    options=options)
    return result_view(ballot, result)


def _welcome(qtbot: QtBot, groups: int, size: tuple[int, int] = (1366, 768)) -> list[str]:
    """What the welcome screen draws at the door with `groups` stakeholder groups in the room (800 people)."""
    chosen = tuple(StakeholderGroup(n, 1, name, "#1E88E5") for n, name in enumerate(GROUPS[:groups], 1))
    count = HeadCount(800, 820, {group.id: 100 + group.id for group in chosen})
    screen = WelcomeScreen()
    qtbot.addWidget(screen)
    screen.resize(*size)
    screen.set_content(ProjectorContent(ProjectorMode.WELCOME, PROGRAMME, SittingAgenda(Sitting(1, 1, "Séminaire")),
                                        head_count=count, groups=chosen))
    return drawn_texts(screen)


def test_the_head_count_accounts_for_every_group_with_7_and_8_groups(qtbot: QtBot) -> None:
    left_out = []
    for groups, size in ((7, (1366, 768)), (8, (1366, 768)), (8, (1280, 720)), (8, (3840, 2160)), (8, (1024, 768))):
        drawn = _welcome(qtbot, groups, size)
        assert "800 people here" in drawn
        chips = [text for text in drawn if text.rsplit(" ", 1)[0] in GROUPS[:groups]]
        others = [int(text[1:].split()[0]) for text in drawn if text.startswith("+")]
        assert len(chips) + sum(others) == groups, (size, drawn)
        assert len(chips) > 4 or size == (1024, 768)  # two rows: more than one row's worth of groups named
        left_out += others
    assert left_out  # on a 4:3 projector not every group fits: '+N others' says how many are not named


EMPTY_STATES = (
    (ProjectorMode.AGENDA, "The agenda of this sitting is not ready yet."),
    (ProjectorMode.TIMER, "No timer is running."),
    (ProjectorMode.PLAN, "No table plan yet."),
    (ProjectorMode.BOARD, "No ideas yet — they appear here as they are written down."),
    (ProjectorMode.NOTE, "No idea chosen — select a note on the board, then press Shift+F3."),
    (ProjectorMode.QUESTION, "No question pinned yet."),
    (ProjectorMode.RESULTS, "No vote to show yet."),
    (ProjectorMode.ACTIONS, "No action in the plan yet."),
)


def _projector(qtbot: QtBot) -> ProjectorWindow:
    projector = ProjectorWindow()
    qtbot.addWidget(projector)
    projector.resize(1280, 720)
    return projector


def test_every_screen_says_why_it_has_nothing_to_show(qtbot: QtBot) -> None:
    projector = _projector(qtbot)
    agenda = SittingAgenda(Sitting(1, 1, "Atelier Santé"))
    board = BoardView("Freins et leviers")
    for mode, sentence in EMPTY_STATES:
        projector.show_content(ProjectorContent(mode, PROGRAMME, agenda, board=board if mode == ProjectorMode.BOARD
                                                else None))
        assert sentence in drawn_text(projector), mode
    assert "Freins et leviers" in drawn_text(projector.screens[ProjectorMode.BOARD])  # the question stays on top
    i18n.set_language("fr")
    projector.show_content(ProjectorContent(ProjectorMode.BOARD, PROGRAMME, agenda, board=board))
    assert "Pas encore d'idées — elles s'affichent ici à mesure qu'elles sont écrites." in drawn_text(projector)


def test_before_a_file_or_a_sitting_the_projector_shows_a_welcome(qtbot: QtBot) -> None:
    projector = _projector(qtbot)
    assert drawn_wholes(projector) == ["Welcome"]  # as the app starts, before anything is pushed to it
    for mode in ProjectorMode:
        projector.show_content(ProjectorContent(mode))
        expected = [] if mode in (ProjectorMode.BLANK, ProjectorMode.WHITE) else ["Welcome"]
        assert drawn_wholes(projector) == expected, mode
    projector.show_content(ProjectorContent(ProjectorMode.AGENDA, PROGRAMME))  # a file open, no sitting chosen
    assert drawn_wholes(projector) == ["Welcome", PROGRAMME.title]


def test_f3_on_a_board_without_ideas_says_so(qtbot: QtBot, window: MainWindow, shell: Shell) -> None:
    board = open_board(window, BREAKFAST)
    assert not board.scene.notes
    qtbot.keyClick(window, Qt.Key.Key_F3)
    projector = shell.projector.window
    assert "No ideas yet — they appear here as they are written down." in drawn_text(projector)
