"""Where a ballot's votes came from and whether its result is final, in the document's language."""

from dataclasses import replace

import pytest

from workshop_desk.domain import ballot_texts
from workshop_desk.domain.ballot_texts import provisional, provisional_note
from workshop_desk.domain.counting import count
from workshop_desk.domain.enums import BallotMethod, BallotStatus, Source
from workshop_desk.domain.vote_methods import default_settings
from workshop_desk.domain.voting import (
    Ballot,
    BallotPaper,
    DotSettings,
    Mark,
    Option,
    RankingSettings,
    Tally,
    Votes,
)
from workshop_desk.i18n import translator

OPTIONS = tuple(Option(n, f"Option {n}", position=n) for n in range(1, 5))


def ballot(method: BallotMethod = BallotMethod.DOTS, **fields: object) -> Ballot:
    settings = DotSettings() if method == BallotMethod.DOTS else default_settings(method)
    found = Ballot(7, 1, "Priorités", method, settings, BallotStatus.CLOSED, revealed=True, options=OPTIONS)
    return replace(found, **fields)  # type: ignore[arg-type]


def provenance(found: Ballot, votes: Votes, _: object) -> str:
    """What a document says of these votes, once counted as the minutes count them."""
    result = count(found.method, found.settings, found.options, votes, found.criteria, check=False)
    return ballot_texts.provenance(found.method, result, _)  # type: ignore[arg-type]


def dot_papers(count: int, dots: int, source: Source = Source.CONSOLE) -> tuple[BallotPaper, ...]:
    return tuple(BallotPaper(str(n), tuple(Mark(1 + d % 4, 1.0) for d in range(dots)), source=source)
                 for n in range(1, count + 1))


def test_a_board_count_and_console_ballots_add_up_to_the_dots_of_the_room():
    votes = Votes(dot_papers(4, 3), (Tally(1, 30.0), Tally(2, 20.0), Tally(3, 4.0)))
    assert provenance(ballot(), votes, translator("fr")) == (
        "66 gommettes, dont 54 gommettes sur le tableau papier et 12 gommettes sur 4 bulletins saisis à la console.")
    assert provenance(ballot(), votes, translator("en")) == (
        "66 dots, of which 54 dots counted on the paper board and 12 dots on 4 ballots entered at the console.")


def test_one_source_is_said_without_a_total():
    assert provenance(ballot(), Votes(tallies=(Tally(1, 54.0),)), translator("fr")) == \
        "54 gommettes sur le tableau papier."
    assert provenance(ballot(), Votes(dot_papers(1, 3)), translator("en")) == \
        "3 dots on 1 ballot entered at the console."


def test_a_show_of_hands_and_ballots_from_phones_and_paper():
    hands = ballot(BallotMethod.HANDS)
    assert provenance(hands, Votes(tallies=(Tally(1, 12.0, source=Source.SHOW_OF_HANDS),)), translator("fr")) == \
        "12 mains à main levée."
    ranking = ballot(BallotMethod.RANKING, settings=RankingSettings())
    papers = (*(BallotPaper(str(n), (Mark(1, 1.0),), source=Source.PHONE) for n in range(280)),
              *(BallotPaper(f"p{n}", (Mark(2, 1.0),), source=Source.PAPER) for n in range(32)))
    assert provenance(ranking, Votes(papers), translator("fr")) == (
        "280 bulletins envoyés depuis les téléphones et 32 bulletins papier.")
    assert provenance(ranking, Votes(papers), translator("en")) == (
        "280 ballots sent from phones and 32 paper ballots.")


def test_nothing_is_said_before_any_vote():
    assert provenance(ballot(), Votes(), translator("fr")) == ""


@pytest.mark.parametrize(("status", "revealed", "final"), [
    (BallotStatus.CLOSED, True, True), (BallotStatus.CLOSED, False, False), (BallotStatus.OPEN, True, False),
    (BallotStatus.DRAFT, False, False)])
def test_a_result_is_final_only_once_closed_and_revealed(status: BallotStatus, revealed: bool, final: bool):
    found = ballot(status=status, revealed=revealed)
    assert provisional(found) is not final
    assert (provisional_note(found, translator("fr")) == "") is final
    if not final:
        assert provisional_note(found, translator("fr")).startswith("Résultat provisoire\u00a0:")
        assert provisional_note(found, translator("en")).startswith("Provisional result:")
