"""Every vote method has its console view and its projector view, and each draws a small real ballot of it."""

import pytest
from pytestqt.qtbot import QtBot

from tests.method_ballots import small_ballot, small_votes
from workshop_desk import i18n
from workshop_desk.domain.counting import count_by_group
from workshop_desk.domain.enums import BallotMethod, ProjectorMode
from workshop_desk.domain.vote_methods import METHODS, method_label
from workshop_desk.ui.projector import painting
from workshop_desk.ui.projector.content import ProjectorContent
from workshop_desk.ui.projector.result_views import PROJECTOR_VIEWS
from workshop_desk.ui.projector.results_screen import ResultsScreen
from workshop_desk.ui.projector.vote_views import ResultView
from workshop_desk.ui.voting.method_views import CONSOLE_VIEWS, editor_for, score_text


def test_every_method_has_an_entry_in_every_registry() -> None:
    assert set(CONSOLE_VIEWS) == set(PROJECTOR_VIEWS) == set(METHODS) == set(BallotMethod)


@pytest.mark.parametrize("method", list(BallotMethod))
def test_the_console_editor_reads_nothing_until_marked_and_scores_read_as_text(qtbot: QtBot,
                                                                               method: BallotMethod) -> None:
    ballot = small_ballot(method)
    editor = editor_for(ballot)
    qtbot.addWidget(editor)
    assert editor.marks() == ()
    votes = small_votes(method)
    result = count_by_group(method, ballot.settings, ballot.options, votes, ballot.criteria)
    scores = [score_text(method, row, result) for row in result.rows]
    assert all(scores) and "{" not in "".join(scores)


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("method", list(BallotMethod))
def test_the_projector_paints_each_method_revealed(qtbot: QtBot, method: BallotMethod, language: str) -> None:
    i18n.set_language(language)
    ballot, votes = small_ballot(method), small_votes(method)
    result = count_by_group(method, ballot.settings, ballot.options, votes, ballot.criteria)
    view = ResultView(ballot.id, ballot.title, method, ballot.status, ballot.settings, ballot.options,
                      ballot.criteria, result, len(votes.papers), sum(t.amount for t in votes.tallies))
    screen = ResultsScreen()
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    with painting.recording() as texts:
        screen.set_content(ProjectorContent(ProjectorMode.RESULTS, result=view))
        screen.grab()
    drawn = " ".join(text.whole for text in texts)
    assert ballot.title in drawn and method_label(method) in drawn
    assert all(option.label in drawn for option in ballot.options)
