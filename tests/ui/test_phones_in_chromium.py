"""The room's phones end to end: Chromium at a phone's size opens the join URL of the console's own participant
server, and what the page sends — an idea, a question, a ballot of every method phones can fill — is in the file,
on the console and on the projector, from the phones."""

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.chromium import make_browser
from tests.integration.phone.phone import console_errors, find, pick, tap, type_into
from tests.ui.real_phone import join, send_ballot, send_text, until, wait_for_ballot
from tests.ui.test_phones_console import BREAKFAST
from workshop_desk.domain.enums import BallotMethod, Source
from workshop_desk.domain.models import ParticipantDraft
from workshop_desk.domain.phones import PhonesMode
from workshop_desk.domain.voting import (
    Ballot,
    ConsentSettings,
    CriteriaSettings,
    DotSettings,
    Mark,
    MatrixSettings,
    PointSettings,
    RankingSettings,
    RatingSettings,
    Settings,
)
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.shell import Shell

pytestmark = pytest.mark.slow
OPTIONS = ["Navette", "Parking", "Vélos"]


def open_ballot(shell: Shell, method: BallotMethod, settings: Settings,
                criteria: list[tuple[str, float]] | None = None) -> Ballot:
    """A ballot opened from the console (services, then the document's signal, as the vote page does) and revealed
    on the projector."""
    document = shell.document
    assert document is not None
    ballots = document.workspace.ballots
    ballot = ballots.create(BREAKFAST, f"Priorités ({method})", method, OPTIONS, settings=settings,
                            criteria=criteria)
    ballot = ballots.open(ballot.id)
    document.ballots_changed.emit(BREAKFAST)
    document.votes.reveal(ballot)
    return ballot


# What a thumb does on each method's form, and the marks the file must then hold -------------------------------
def _dots(browser: Any, ballot: Ballot) -> list[Mark]:
    first, second, _third = (o.id for o in ballot.options)
    for _ in range(3):
        tap(browser, f"[data-key='dots-{first}-up']")
    assert not find(browser, f"[data-key='dots-{first}-up']").is_enabled()  # the cap: 3 on one option
    tap(browser, f"[data-key='dots-{second}-up']")
    tap(browser, f"[data-key='dots-{second}-up']")
    assert not find(browser, f"[data-key='dots-{second}-up']").is_enabled()  # the budget: 5 in all
    return [Mark(first, 3), Mark(second, 2)]


def _points(browser: Any, ballot: Ballot) -> list[Mark]:
    _first, second, third = (o.id for o in ballot.options)
    type_into(browser, f"[data-key='points-{second}-value']", "70")
    type_into(browser, f"[data-key='points-{third}-value']", "30")
    return [Mark(second, 70), Mark(third, 30)]


def _rating(browser: Any, ballot: Ballot) -> list[Mark]:
    first, _second, third = (o.id for o in ballot.options)
    pick(browser, f"rate-{first}-2")
    pick(browser, f"rate-{third}-5")
    return [Mark(first, 2), Mark(third, 5)]


def _ranking(browser: Any, ballot: Ballot) -> list[Mark]:
    first, _second, third = (o.id for o in ballot.options)
    tap(browser, f"[data-key='opt-{third}']")
    tap(browser, f"[data-key='opt-{first}']")
    return [Mark(third, 1), Mark(first, 2)]


def _matrix(browser: Any, ballot: Ballot) -> list[Mark]:
    marks = []
    for option, score in zip(ballot.options, (5, 1, 3), strict=True):
        pick(browser, f"grid-{option.id}-impact-{score}")
        pick(browser, f"grid-{option.id}-feasibility-{score}")
        marks += [Mark(option.id, score, axis="impact"), Mark(option.id, score, axis="feasibility")]
    return marks


def _criteria(browser: Any, ballot: Ballot) -> list[Mark]:
    marks = []
    for option, score in zip(ballot.options, (1, 5, 2), strict=True):
        for criterion in ballot.criteria:
            pick(browser, f"grid-{option.id}-{criterion.id}-{score}")
            marks.append(Mark(option.id, score, criterion_id=criterion.id))
    return marks


def _consent(browser: Any, ballot: Ballot) -> list[Mark]:
    first, second, third = (o.id for o in ballot.options)
    pick(browser, f"stance-{first}-agree")
    pick(browser, f"stance-{second}-concerns")
    pick(browser, f"stance-{third}-objection")
    type_into(browser, f"[data-key='reason-{second}']", "Le coût")
    type_into(browser, f"[data-key='reason-{third}']", "Trop bruyant")
    return [Mark(first, 1, axis="agree"), Mark(second, 1, axis="concerns", comment="Le coût"),
            Mark(third, 1, axis="objection", comment="Trop bruyant")]


# method, its settings (and criteria), how to fill its form, the option the result puts first
METHODS: list[tuple[BallotMethod, Settings, Callable[[Any, Ballot], list[Mark]], str | None]] = [
    (BallotMethod.DOTS, DotSettings(dots_per_voter=5, max_per_option=3), _dots, "Navette"),
    (BallotMethod.POINTS, PointSettings(total=100), _points, "Parking"),
    (BallotMethod.RATING, RatingSettings(), _rating, "Vélos"),
    (BallotMethod.RANKING, RankingSettings(), _ranking, "Vélos"),
    (BallotMethod.MATRIX, MatrixSettings(), _matrix, "Navette"),
    (BallotMethod.CRITERIA, CriteriaSettings(low=0, high=5), _criteria, "Parking"),
    (BallotMethod.CONSENT, ConsentSettings(), _consent, None),
]


def phone_papers(shell: Shell, ballot: Ballot) -> list[tuple[Mark, ...]]:
    votes = shell.document.workspace.ballots.votes(ballot.id)  # type: ignore[union-attr]
    assert {paper.source for paper in votes.papers} <= {Source.PHONE}
    return [tuple(sorted(paper.marks, key=repr)) for paper in votes.papers]


def projected(shell: Shell, ballot: Ballot) -> Any:
    """The revealed result on the projector, once it counts the phone's ballot."""
    view = shell.projector.content().result
    if view is None or view.ballot_id != ballot.id or view.result is None or view.ballots < 1:
        return None
    return view.result


@pytest.mark.parametrize(("method", "settings", "fill", "first"), METHODS, ids=[str(m[0]) for m in METHODS])
def test_a_ballot_of_each_method_from_the_page_is_counted_on_the_projector_as_a_phone_one(
        qtbot: QtBot, shell: Shell, join_url: str, browser: Any, method: BallotMethod, settings: Settings,
        fill: Callable[[Any, Ballot], list[Mark]], first: str | None) -> None:
    join(qtbot, browser, join_url, fresh=True)
    ballot = open_ballot(shell, method, settings, [("Utilité", 2.0), ("Coût", 1.0)]
                         if method == BallotMethod.CRITERIA else None)
    wait_for_ballot(qtbot, browser, ballot)
    marks = fill(browser, ballot)
    assert send_ballot(qtbot, browser) == "Vote enregistré."
    assert phone_papers(shell, ballot) == [tuple(sorted(marks, key=repr))]
    until(qtbot, lambda: projected(shell, ballot))
    result = projected(shell, ballot)
    assert [(s.source, s.ballots) for s in result.sources] == [(Source.PHONE, 1)]
    if first is not None:
        assert result.rows[0].label == first
    assert not console_errors(browser)


def test_a_phone_that_changes_its_vote_has_one_ballot_the_last(qtbot: QtBot, shell: Shell, join_url: str,
                                                              browser: Any) -> None:
    join(qtbot, browser, join_url, fresh=True)
    ballot = open_ballot(shell, BallotMethod.RATING, RatingSettings())
    wait_for_ballot(qtbot, browser, ballot)
    first, second, _third = (o.id for o in ballot.options)
    pick(browser, f"rate-{first}-5")
    assert send_ballot(qtbot, browser) == "Vote enregistré."
    join(qtbot, browser, join_url)  # the same phone, later: its paper fills the form again
    wait_for_ballot(qtbot, browser, ballot)
    assert find(browser, f"input[data-key='rate-{first}-5']").is_selected()
    tap(browser, f"[data-key='rate-{first}-clear']")
    pick(browser, f"rate-{second}-4")
    assert send_ballot(qtbot, browser) == "Vote enregistré."
    assert phone_papers(shell, ballot) == [(Mark(second, 4),)]
    until(qtbot, lambda: (r := projected(shell, ballot)) is not None and r.rows[0].label == "Parking")
    assert [(s.source, s.ballots) for s in projected(shell, ballot).sources] == [(Source.PHONE, 1)]


def test_ideas_and_questions_from_the_page_reach_the_board_and_the_approval_queue(
        qtbot: QtBot, window: MainWindow, shell: Shell, join_url: str, browser: Any) -> None:
    document = shell.document
    assert document is not None
    document.phones.set_moderation(BREAKFAST, ideas=False, questions=True)
    join(qtbot, browser, join_url, fresh=True)
    assert send_text(qtbot, browser, "ideas", "Une navette vers la gare le samedi") == "Idée envoyée."
    board = window.sitting_page.board_page  # type: ignore[union-attr]
    until(qtbot, lambda: "Une navette vers la gare le samedi" in [n.idea.text for n in board.scene.notes.values()])
    idea = next(i for i in document.workspace.ideas.ideas(BREAKFAST) if i.text.startswith("Une navette"))
    assert idea.source == Source.PHONE
    assert "validée par l’équipe d’animation" in send_text(qtbot, browser, "questions", "Qui finance la navette ?")
    panel = window.sitting_page.questions_panel  # type: ignore[union-attr]
    until(qtbot, lambda: panel.queue.list.count() == 1)
    assert panel.queue.list.item(0).text() == "Qui finance la navette ?"
    qtbot.mouseClick(panel.queue.approve_all_button, Qt.MouseButton.LeftButton)
    question = next(q for q in panel.model.questions if q.text == "Qui finance la navette ?")
    assert question.source == Source.PHONE
    until(qtbot, lambda: "Qui finance la navette ?" in browser.execute_script(
        "return document.querySelector('#screen-questions').textContent"))  # approved: the room sees it too
    assert not console_errors(browser)


def test_with_badges_one_ballot_per_participant_even_from_two_browsers(qtbot: QtBot, shell: Shell, join_url: str,
                                                                        browser: Any) -> None:
    document = shell.document
    assert document is not None
    document.phones.set_mode(BREAKFAST, PhonesMode.BADGE)
    document.phones_changed.emit(BREAKFAST)
    person = document.workspace.participants.add(ParticipantDraft("Camille", "Martin-Ferrand"))
    ballot = open_ballot(shell, BallotMethod.RATING, RatingSettings())
    first, second, _third = (o.id for o in ballot.options)
    other = make_browser("en-GB")
    try:
        for phone, score, option in ((browser, 2, first), (other, 4, second)):
            join(qtbot, phone, join_url, fresh=True)
            until(qtbot, lambda p=phone: p.execute_script("return !!document.querySelector(\"[data-key='badge']\")"))
            type_into(phone, "[data-key='badge']", person.badge_code.lower())  # typed as it comes
            tap(phone, ".badge-form button[type=submit]")
            until(qtbot, lambda p=phone: "Martin-Ferrand" in p.execute_script(
                "return document.getElementById('hello').textContent"))
            wait_for_ballot(qtbot, phone, ballot)
            pick(phone, f"rate-{option}-{score}")
            assert send_ballot(qtbot, phone) in ("Vote enregistré.", "Vote recorded.")
    finally:
        other.quit()
    votes = document.workspace.ballots.votes(ballot.id)
    assert [(p.source, p.marks) for p in votes.papers] == [(Source.PHONE, (Mark(second, 4),))]
    until(qtbot, lambda: (r := projected(shell, ballot)) is not None and r.rows[0].label == "Parking")
