"""What each projector screen says: the selected note, hidden results, every group at the door, empty states."""

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.drawn import drawn_text, drawn_texts
from tests.ui.test_board import open_board, select
from workshop_desk.domain.counting import count
from workshop_desk.domain.enums import BallotMethod, BallotStatus, ProjectorMode
from workshop_desk.domain.voting import Ballot, BallotPaper, DotSettings, Mark, Option, Result, Votes
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.projector.content import ProjectorContent
from workshop_desk.ui.projector.results_screen import ResultsScreen
from workshop_desk.ui.projector.vote_views import ResultView
from workshop_desk.ui.shell import Shell
from workshop_desk.ui.voting.projection import result_view

BREAKFAST, WORKSHOP = 1, 2


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
