"""The projector's result of a ranking ballot: what Schulze leaves undecided is said on the screen."""

import pytest
from pytestqt.qtbot import QtBot

from workshop_desk import i18n
from workshop_desk.domain.counting import count
from workshop_desk.domain.enums import BallotMethod, BallotStatus, ProjectorMode
from workshop_desk.domain.voting import BallotPaper, Mark, Option, RankingSettings, Votes
from workshop_desk.ui.projector import result_parts, results_screen
from workshop_desk.ui.projector.content import ProjectorContent
from workshop_desk.ui.projector.results_screen import ResultsScreen
from workshop_desk.ui.projector.vote_views import ResultView

OPTIONS = (Option(1, "Locaux et ateliers"), Option(2, "Formation"), Option(3, "Mobilité"))


def _painted(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the results screen draws for A>B>C and C>A>B (Schulze: only A above B), at 1366 × 768."""
    votes = Votes((BallotPaper("1", (Mark(1, 1), Mark(2, 2), Mark(3, 3))),
                   BallotPaper("2", (Mark(3, 1), Mark(1, 2), Mark(2, 3)))))
    result = count(BallotMethod.RANKING, RankingSettings(), OPTIONS, votes)
    view = ResultView(1, "Classement", BallotMethod.RANKING, BallotStatus.CLOSED, RankingSettings(), OPTIONS,
                      result=result, ballots=2)
    drawn: list[str] = []
    real = results_screen.draw_text

    def recording(painter, rect, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        drawn.append(text)
        return real(painter, rect, text, *args, **kwargs)

    monkeypatch.setattr(results_screen, "draw_text", recording)
    monkeypatch.setattr(result_parts, "draw_text", recording)  # the bars' labels and values
    screen = ResultsScreen()
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.set_content(ProjectorContent(ProjectorMode.RESULTS, result=view))
    screen.grab()
    return drawn


def test_the_projector_names_the_pairs_schulze_leaves_undecided(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = _painted(qtbot, monkeypatch)
    assert "⚠ The counts disagree. Borda: Locaux et ateliers. Schulze (Condorcet): Locaux et ateliers = Mobilité." \
        in drawn
    assert "Not separated by the votes (Schulze): “Locaux et ateliers” and “Mobilité”; “Mobilité” and " \
        "“Formation”." in drawn
    assert "Yet Schulze puts “Locaux et ateliers” ahead of “Formation”." in drawn
    assert "2 pts · Schulze #1" in drawn  # Mobilité, second by Borda, is a Schulze winner; Formation is not
    assert drawn.count("2 pts · Schulze #1") == 1 and "1 pt" in drawn


def test_in_french_they_are_non_departages(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.set_language("fr")
    drawn = _painted(qtbot, monkeypatch)
    assert any(text.startswith("Non départagés par les votes (Schulze) : « Locaux et ateliers » et « Mobilité »")
               for text in drawn)
