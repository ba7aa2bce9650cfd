"""The projector's result of a ranking ballot: what Schulze leaves undecided is said on the screen."""

import pytest
from PySide6.QtGui import QFontMetricsF
from pytestqt.qtbot import QtBot

from workshop_desk import i18n
from workshop_desk.domain.counting import count
from workshop_desk.domain.enums import BallotMethod, BallotStatus, ProjectorMode
from workshop_desk.domain.voting import BallotPaper, Mark, Option, RankingSettings, Votes
from workshop_desk.ui import theme
from workshop_desk.ui.projector import painting
from workshop_desk.ui.projector.content import ProjectorContent
from workshop_desk.ui.projector.results_screen import ResultsScreen
from workshop_desk.ui.projector.vote_views import ResultView

OPTIONS = (Option(1, "Locaux et ateliers"), Option(2, "Formation"), Option(3, "Mobilité"))


def _painted(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, options: tuple[Option, ...] = OPTIONS,
             orders: tuple[tuple[int, ...], ...] = ((1, 2, 3), (3, 1, 2))) -> list[str]:
    """The texts the results screen draws at 1366 × 768 for these ballots (by default A>B>C and C>A>B: Schulze
    puts only A above B)."""
    votes = Votes(tuple(BallotPaper(str(n), tuple(Mark(o, r + 1) for r, o in enumerate(order)))
                        for n, order in enumerate(orders)))
    result = count(BallotMethod.RANKING, RankingSettings(), options, votes)
    view = ResultView(1, "Classement", BallotMethod.RANKING, BallotStatus.CLOSED, RankingSettings(), options,
                      result=result, ballots=len(orders))
    screen = ResultsScreen()
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    with painting.recording() as texts:
        screen.set_content(ProjectorContent(ProjectorMode.RESULTS, result=view))
        screen.grab()
    drawn = [text.whole for text in texts]
    return drawn


def test_the_projector_names_the_pairs_schulze_leaves_undecided(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = _painted(qtbot, monkeypatch)
    assert "⚠ The counts disagree. Borda: Locaux et ateliers. Schulze (Condorcet): Locaux et ateliers = Mobilité." \
        in drawn
    assert "Not separated by the votes (Schulze): “Locaux et ateliers” and “Mobilité”; “Mobilité” and " \
        "“Formation”." in drawn
    assert not any(text.startswith("Yet Schulze") for text in drawn)  # the bars are Borda's: no Schulze ranks
    assert "2 pts · Schulze #1" in drawn  # Mobilité, second by Borda, is a Schulze winner; Formation is not
    assert drawn.count("2 pts · Schulze #1") == 1 and "1 pt" in drawn


def test_in_french_they_are_non_departages(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.set_language("fr")
    drawn = _painted(qtbot, monkeypatch)
    assert any(text.replace("\xa0", " ").startswith("Non départagés par les votes (Schulze) : « Locaux et ateliers » "
                                                    "et « Mobilité »") for text in drawn)


def test_when_the_pairs_do_not_fit_the_projector_counts_them(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    # A Condorcet cycle on five options (each voter shifts the order by one): every pair is undecided.
    long = tuple(Option(n, f"Option {n} au libellé très long pour un écran de projection") for n in range(1, 6))
    cycle = tuple(tuple(((k + shift) % 5) + 1 for k in range(5)) for shift in range(5))
    drawn = _painted(qtbot, monkeypatch, long, cycle)
    assert "Schulze leaves 10 pairs of options undecided." in drawn
    short = tuple(Option(n, letter) for n, letter in enumerate("ABCDE", start=1))
    drawn = _painted(qtbot, monkeypatch, short, cycle)
    assert "Not separated by the votes (Schulze): “A” and “B”; “A” and “C”; “A” and “D”; “A” and “E”; and 6 more." \
        in drawn


def test_a_line_never_breaks_at_a_no_break_space() -> None:
    metrics = QFontMetricsF(theme.font_px(30))
    text = "Non départagés\xa0: «\xa0Locaux et ateliers\xa0» et «\xa0Mobilité\xa0»\xa0; et 2 de plus."
    for width in range(100, 1200, 20):
        lines = painting._wrap(text, metrics, width, 10)
        assert not any(line.endswith("«") or line.startswith(("»", ";", ":")) for line in lines), lines
    assert painting._wrap(text, metrics, 1200, 1) == [text]
