"""Dots, 100 points, ratings and shows of hands: hand-computed cases, the rules each ballot must keep, properties."""

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop_desk.domain.counting import check_paper, check_tally, count
from workshop_desk.domain.counting_simple import AGAINST
from workshop_desk.domain.enums import BallotMethod, Source
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.voting import (
    BallotPaper,
    DotSettings,
    HandsSettings,
    Mark,
    Option,
    PointSettings,
    RatingSettings,
    SourceCount,
    Tally,
    Votes,
)

OPTIONS = [Option(1, "Mobilité"), Option(2, "Emploi"), Option(3, "Commerce"), Option(4, "Culture")]
DOTS, POINTS, RATING, HANDS = BallotMethod.DOTS, BallotMethod.POINTS, BallotMethod.RATING, BallotMethod.HANDS


def paper(voter: str, *marks: tuple[int, float], source: Source = Source.CONSOLE) -> BallotPaper:
    return BallotPaper(voter, tuple(Mark(option, value) for option, value in marks), source=source)


def scores(result) -> list[tuple[int, str, float | None]]:
    return [(row.rank, row.label, row.score) for row in result.rows]


# --- Dots ---------------------------------------------------------------------------------------------------


def test_dots_from_papers_and_a_board_are_merged_with_their_provenance():
    votes = Votes((paper("1", (1, 2), (2, 1)), paper("2", (2, 3)), paper("3", (1, 1), (3, 2), source=Source.PHONE)),
                  (Tally(1, 4), Tally(3, 2), Tally(4, 1)))
    result = count(DOTS, DotSettings(dots_per_voter=3), OPTIONS, votes)
    # Mobilité 2 + 1 + 4 = 7; Emploi 1 + 3 = 4; Commerce 2 + 2 = 4; Culture 1.
    assert scores(result) == [(1, "Mobilité", 7), (2, "Emploi", 4), (2, "Commerce", 4), (4, "Culture", 1)]
    assert [row.tied for row in result.rows] == [False, True, True, False]
    assert result.row(1).by_source == {Source.CONSOLE: 2, Source.PHONE: 1, Source.PAPER: 4}
    assert result.sources == (SourceCount(Source.CONSOLE, 2, 0, marked=6), SourceCount(Source.PAPER, 0, 7),
                              SourceCount(Source.PHONE, 1, 0, marked=3))
    assert result.voters == 3
    assert [row.label for row in result.winners] == ["Mobilité"]


def test_negative_dots_count_against():
    votes = Votes((paper("1", (1, 2), (2, -1)), paper("2", (2, 2), (1, -1))), (Tally(2, 3, AGAINST),))
    result = count(DOTS, DotSettings(dots_per_voter=2, negative_dots=1), OPTIONS, votes)
    assert result.row(1).score == 1 and result.row(1).extra == {"for": 2, "against": 1}
    assert result.row(2).score == -2  # 2 for, 1 + 3 against
    assert [c.key for c in result.columns] == ["for", "against"]


@pytest.mark.parametrize(("settings", "marks", "message"), [
    (DotSettings(3), ((1, 2), (2, 2)), "gives 4 dots; each voter has 3"),
    (DotSettings(5, max_per_option=2), ((1, 3),), "puts 3 dots on one option; at most 2"),
    (DotSettings(5), ((1, -1),), "gives 1 negative dots; each voter has 0"),
    (DotSettings(5, negative_dots=1), ((1, -2),), "gives 2 negative dots; each voter has 1"),
    (DotSettings(5), ((1, 1.5),), "not a whole number"),
    (DotSettings(5), ((1, 1), (1, 1)), "marks the same option twice"),
    (DotSettings(5), ((99, 1),), "not on this ballot"),
])
def test_dots_breaking_a_rule_are_refused(settings, marks, message):
    with pytest.raises(ValidationError, match=message):
        check_paper(DOTS, settings, OPTIONS, paper("12", *marks))
    with pytest.raises(ValidationError, match=message):
        count(DOTS, settings, OPTIONS, Votes((paper("12", *marks),)))


def test_a_board_tally_must_be_a_whole_count_and_against_needs_negative_dots():
    with pytest.raises(ValidationError, match="whole number"):
        check_tally(DOTS, DotSettings(), OPTIONS, Tally(1, -2))
    with pytest.raises(ValidationError, match="unknown kind"):
        check_tally(DOTS, DotSettings(), OPTIONS, Tally(1, 2, AGAINST))
    check_tally(DOTS, DotSettings(negative_dots=2), OPTIONS, Tally(1, 2, AGAINST))


def test_a_voter_counted_twice_is_refused():
    with pytest.raises(ValidationError, match="There are two ballots for voter 4"):
        count(DOTS, DotSettings(), OPTIONS, Votes((paper("4", (1, 1)), paper("4", (2, 1)))))


# --- 100 points ---------------------------------------------------------------------------------------------


def test_points_totals_shares_and_backers():
    votes = Votes((paper("1", (1, 50), (2, 30), (3, 20)), paper("2", (2, 100)), paper("3", (1, 40), (4, 60))))
    result = count(POINTS, PointSettings(), OPTIONS, votes)
    assert scores(result) == [(1, "Emploi", 130), (2, "Mobilité", 90), (3, "Culture", 60), (4, "Commerce", 20)]
    assert result.row(2).extra == {"share": pytest.approx(130 / 3), "voters": 2}


@pytest.mark.parametrize(("marks", "message"), [
    (((1, 60), (2, 30)), "allocates 90 points; it must allocate exactly 100"),
    (((1, 80), (2, 30)), "allocates 110 points"),
    (((1, 110), (2, -10)), "negative points"),
])
def test_points_must_sum_to_the_total(marks, message):
    with pytest.raises(ValidationError, match=message):
        check_paper(POINTS, PointSettings(), OPTIONS, paper("3", *marks))


def test_a_blank_points_ballot_is_an_abstention():
    result = count(POINTS, PointSettings(total=10), OPTIONS, Votes((paper("1"), paper("2", (1, 10)))))
    assert result.voters == 2 and result.row(1).score == 10


# --- Rating ------------------------------------------------------------------------------------------------


def test_rating_means_skips_and_dissent():
    # Mobilité: 5, 1, 5, 1 → mean 3, standard deviation 2 (> 1.5: dissent). Emploi: 4, 4, 3 (one skip) → 11/3.
    votes = Votes((paper("1", (1, 5), (2, 4)), paper("2", (1, 1), (2, 4)), paper("3", (1, 5), (2, 3)),
                   paper("4", (1, 1))))
    result = count(RATING, RatingSettings(), OPTIONS, votes)
    assert scores(result) == [(1, "Emploi", pytest.approx(11 / 3)), (2, "Mobilité", 3), (3, "Commerce", None),
                              (3, "Culture", None)]
    assert result.row(2).extra == {"ratings": 3, "skips": 1, "spread": pytest.approx((2 / 9) ** 0.5)}
    assert result.row(1).extra["spread"] == 2 and result.row(1).dissent == ("Rating",)
    assert result.row(2).dissent == ()
    assert result.winners == (result.rows[0],)


def test_rating_on_a_configured_scale():
    settings = RatingSettings(low=0, high=10)
    result = count(RATING, settings, OPTIONS, Votes((paper("1", (1, 0), (2, 10)),)))
    assert result.row(2).score == 10
    with pytest.raises(ValidationError, match="outside the scale from 1 to 5"):
        check_paper(RATING, RatingSettings(), OPTIONS, paper("1", (1, 6)))
    with pytest.raises(ValidationError, match="outside the scale from 1 to 5"):
        check_paper(RATING, RatingSettings(), OPTIONS, paper("1", (1, 2.5)))


def test_ratings_cannot_come_as_board_tallies():
    with pytest.raises(ValidationError, match="one ballot paper per voter"):
        count(RATING, RatingSettings(), OPTIONS, Votes(tallies=(Tally(1, 3),)))


# --- Show of hands ------------------------------------------------------------------------------------------


def test_hands_counted_in_the_room_and_on_ballots():
    votes = Votes((paper("1", (1, 1), (2, 1)), paper("2", (1, 0), (2, 1))),
                  (Tally(1, 12, source=Source.SHOW_OF_HANDS), Tally(2, 9, source=Source.SHOW_OF_HANDS)))
    result = count(HANDS, HandsSettings(), OPTIONS, votes)
    assert scores(result)[:2] == [(1, "Mobilité", 13), (2, "Emploi", 11)]
    assert result.row(2).by_source == {Source.CONSOLE: 2, Source.SHOW_OF_HANDS: 9}
    with pytest.raises(ValidationError, match="a hand is raised"):
        check_paper(HANDS, HandsSettings(), OPTIONS, paper("1", (1, 2)))


def test_a_ballot_needs_a_voter():
    with pytest.raises(ValidationError, match="voter number or a participant"):
        check_paper(HANDS, HandsSettings(), OPTIONS, paper(" ", (1, 1)))


# --- Properties ---------------------------------------------------------------------------------------------


@st.composite
def dot_papers(draw, settings: DotSettings) -> tuple[BallotPaper, ...]:
    papers = []
    for voter in range(draw(st.integers(0, 30))):
        left, marks = settings.dots_per_voter, []
        for option in draw(st.permutations([1, 2, 3, 4])):
            dots = draw(st.integers(0, min(left, settings.max_per_option or left)))
            left -= dots
            marks += [Mark(option, dots)] if dots else []
        papers.append(BallotPaper(str(voter), tuple(marks)))
    return tuple(papers)


@given(dot_papers(DotSettings(5, 3)), st.lists(st.tuples(st.sampled_from([1, 2, 3, 4]), st.integers(0, 20)),
                                               max_size=6, unique_by=lambda t: t[0]))
def test_dot_totals_equal_the_dots_cast(papers, board):
    votes = Votes(papers, tuple(Tally(option, dots) for option, dots in board))
    result = count(DOTS, DotSettings(5, 3), OPTIONS, votes)
    cast = sum(mark.value for p in papers for mark in p.marks) + sum(dots for _o, dots in board)
    assert sum(row.score for row in result.rows) == cast
    for row in result.rows:
        assert row.score == sum(m.value for p in papers for m in p.marks if m.option_id == row.option_id) + \
            sum(dots for option, dots in board if option == row.option_id)


@given(dot_papers(DotSettings(5, 3)), st.randoms(use_true_random=False))
def test_shuffling_voters_never_changes_a_dot_result(papers, rng: random.Random):
    shuffled = tuple(rng.sample(papers, len(papers)))
    assert count(DOTS, DotSettings(5, 3), OPTIONS, Votes(shuffled)) == count(DOTS, DotSettings(5, 3), OPTIONS,
                                                                             Votes(papers))


ratings = st.lists(st.dictionaries(st.sampled_from([1, 2, 3, 4]), st.integers(1, 5)), max_size=30)


@given(ratings, st.randoms(use_true_random=False))
def test_shuffling_voters_never_changes_a_rating_result(rows, rng: random.Random):
    papers = tuple(BallotPaper(str(i), tuple(Mark(o, v) for o, v in row.items())) for i, row in enumerate(rows))
    shuffled = tuple(rng.sample(papers, len(papers)))
    assert count(RATING, RatingSettings(), OPTIONS, Votes(shuffled)) == count(RATING, RatingSettings(), OPTIONS,
                                                                              Votes(papers))


@given(st.lists(st.lists(st.integers(0, 100), min_size=4, max_size=4), max_size=20))
def test_points_handed_out_all_arrive(rows):
    papers = []
    for voter, raw in enumerate(rows):
        total = sum(raw) or 1
        shares = [value * 100 // total for value in raw]
        shares[0] += 100 - sum(shares)  # the rounding remainder to the first option
        papers.append(BallotPaper(str(voter), tuple(Mark(o + 1, s) for o, s in enumerate(shares) if s)))
    result = count(POINTS, PointSettings(), OPTIONS, Votes(tuple(papers)))
    assert sum(row.score for row in result.rows) == 100 * len(papers)


def test_before_any_vote_every_option_is_tied_and_nobody_has_won():
    result = count(DOTS, DotSettings(), OPTIONS, Votes())
    assert result.winners == () and len(result.ties) == 1 and all(row.rank == 1 for row in result.rows)
