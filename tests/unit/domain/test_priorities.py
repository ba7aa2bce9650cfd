"""Priorities consolidated over sittings, the justification of a promoted result, and action fields."""

import pytest

from workshop_desk.domain.counting import count
from workshop_desk.domain.enums import BallotMethod
from workshop_desk.domain.priorities import (
    ActionDraft,
    Priority,
    clean_action,
    consolidate,
    phrase_standing,
    standing_of,
)
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.voting import BallotPaper, Mark, Option, RankingSettings, Result, ResultRow, Votes
from workshop_desk.i18n import number, translator


def priority(pid: int, sitting: int, position: int, title: str) -> Priority:
    return Priority(pid, sitting, position, title)


def test_consolidation_puts_first_what_more_sittings_retained_then_what_they_placed_higher():
    priorities = [priority(1, 10, 0, "Mobilité"), priority(2, 10, 1, "Emploi des jeunes"),
                  priority(3, 20, 0, "emploi des JEUNES"), priority(4, 20, 1, "Commerce"),
                  priority(5, 30, 0, "Commerce"), priority(6, 30, 1, "Mobilite"), priority(7, 30, 2, "Culture")]
    consolidated = consolidate(priorities, [10, 20, 30])
    assert [(c.rank, c.title, c.sitting_ids, c.positions) for c in consolidated] == [
        (1, "Mobilité", (10, 30), (1, 2)),
        (1, "Emploi des jeunes", (10, 20), (2, 1)),
        (1, "Commerce", (20, 30), (2, 1)),
        (4, "Culture", (30,), (3,))]
    assert consolidated[0].mean_position == 1.5


def justification(ballot: str, method: BallotMethod, row: ResultRow, result: Result, language: str = "en") -> str:
    """What a document in `language` says of the priority this row becomes."""
    return phrase_standing(standing_of(ballot, row, result), method, row.score, translator(language),
                           lambda value: number(value, language))


def test_justification_says_which_vote_and_how_it_went():
    row = ResultRow(1, 5, "Mobilité", 14.0, tied=True, dissent=("Jobs",))
    result = Result(BallotMethod.DOTS, (row, ResultRow(1, 6, "Emploi", 14.0, tied=True)), voters=20)
    assert justification("Atelier santé", BallotMethod.DOTS, row, result) == (
        "Dot voting “Atelier santé”: rank 1 of 2, score 14, 20 ballots. Tied with another option. "
        "Voters disagreed on: Jobs.")


def test_the_same_facts_read_in_french_whatever_the_interface_speaks():
    row = ResultRow(1, 5, "Mobilité", 22.6, dissent=("Impact",))
    result = Result(BallotMethod.MATRIX, (row, ResultRow(2, 6, "Emploi", 3.0)), voters=10)
    assert justification("Priorités", BallotMethod.MATRIX, row, result, "fr") == (
        "Impact × faisabilité «\u00a0Priorités\u00a0»\u00a0: rang 1 sur 2, score 22,6, 10 bulletins. "
        "Désaccord des votants sur\u00a0: Impact.")


def test_action_fields_are_checked():
    assert clean_action(ActionDraft("  Créer   une navette ", budget=12_000))["title"] == "Créer une navette"
    with pytest.raises(ValidationError, match="budget"):
        clean_action(ActionDraft("Navette", budget=-1))
    with pytest.raises(ValidationError, match="cannot be empty"):
        clean_action(ActionDraft("  "))


def test_a_ranking_justification_says_what_schulze_decides_and_leaves_undecided():
    # A>B>C and C>A>B: Borda A 3, C 2, B 1; Schulze puts A above B only: the three share its first place.
    options = [Option(1, "A"), Option(2, "B"), Option(3, "C")]
    votes = Votes((BallotPaper("1", (Mark(1, 1), Mark(2, 2), Mark(3, 3))),
                   BallotPaper("2", (Mark(3, 1), Mark(1, 2), Mark(2, 3)))))
    result = count(BallotMethod.RANKING, RankingSettings(), options, votes)
    texts = [justification("Classement", BallotMethod.RANKING, row, result) for row in result.rows]
    assert texts == [
        "Ranking “Classement”: rank 1 of 3, score 3, 2 ballots. "
        "Schulze (Condorcet): rank 1 of 3, shared: ahead of “B”; not separated from “C”.",
        "Ranking “Classement”: rank 2 of 3, score 2, 2 ballots. "
        "Schulze (Condorcet): rank 1 of 3, shared: not separated from “A”, “B”.",
        "Ranking “Classement”: rank 3 of 3, score 1, 2 ballots. "
        "Schulze (Condorcet): rank 1 of 3, shared: behind “A”; not separated from “C”."]
    decided = count(BallotMethod.RANKING, RankingSettings(), options, Votes(votes.papers[:1]))
    assert justification("Classement", BallotMethod.RANKING, decided.rows[1], decided).endswith(
        "Schulze (Condorcet): rank 2 of 3.")
