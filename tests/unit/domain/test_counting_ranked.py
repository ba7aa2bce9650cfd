"""Ranking ballots: Borda and Schulze against published worked examples, hand-computed cases, and properties."""

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_desk.domain.counting import count
from workshop_desk.domain.counting_ranked import (
    PairwiseCount,
    borda_scores,
    pairwise_matrix,
    ranking_result,
    strongest_paths,
)
from workshop_desk.domain.enums import BallotMethod
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.voting import BallotPaper, Mark, Option, RankingSettings, Votes

RANKING = BallotMethod.RANKING


def options(letters: str) -> list[Option]:
    return [Option(index + 1, letter) for index, letter in enumerate(letters)]


def ranked(profile: list[tuple[int, str]], letters: str) -> Votes:
    """Ballots from (how many voters, their order as letters, best first)."""
    ids = {letter: index + 1 for index, letter in enumerate(letters)}
    papers = []
    for voters, order in profile:
        for _ in range(voters):
            papers.append(BallotPaper(str(len(papers) + 1), tuple(Mark(ids[c], place + 1)
                                                                   for place, c in enumerate(order))))
    return Votes(tuple(papers))


def labels(rows) -> list[str]:
    return [row.label for row in rows]


# Wikipedia, "Schulze method", worked example: 45 voters, 5 candidates.
WIKIPEDIA = [(5, "ACBED"), (5, "ADECB"), (8, "BEDAC"), (3, "CABED"), (7, "CAEBD"), (2, "CBADE"), (7, "DCEBA"),
             (8, "EBADC")]


def test_schulze_wikipedia_pairwise_preferences():
    d = pairwise_matrix([1, 2, 3, 4, 5], ranked(WIKIPEDIA, "ABCDE").papers)
    assert d == [[0, 20, 26, 30, 22],
                 [25, 0, 16, 33, 18],
                 [19, 29, 0, 17, 24],
                 [15, 12, 28, 0, 14],
                 [23, 27, 21, 31, 0]]


def test_schulze_wikipedia_strongest_paths():
    d = pairwise_matrix([1, 2, 3, 4, 5], ranked(WIKIPEDIA, "ABCDE").papers)
    assert strongest_paths(d) == [[0, 28, 28, 30, 24],
                                  [25, 0, 28, 33, 24],
                                  [25, 29, 0, 29, 24],
                                  [25, 28, 28, 0, 24],
                                  [25, 28, 28, 31, 0]]


def test_schulze_wikipedia_order_is_e_a_c_b_d():
    result = count(RANKING, RankingSettings(), options("ABCDE"), ranked(WIKIPEDIA, "ABCDE"))
    assert result.alternative is not None
    assert labels(result.alternative.rows) == ["E", "A", "C", "B", "D"]
    assert [row.rank for row in result.alternative.rows] == [1, 2, 3, 4, 5]
    assert [row.score for row in result.alternative.rows] == [4, 3, 2, 1, 0]  # options beaten
    assert result.row(5).extra["schulze"] == 1


def test_borda_of_the_wikipedia_profile_by_hand():
    # E: 23 + 27 + 21 + 31 = 102 (the row sums of d: 1 point per option ranked below).
    result = count(RANKING, RankingSettings(), options("ABCDE"), ranked(WIKIPEDIA, "ABCDE"))
    assert [(row.label, row.score) for row in result.rows] == [("E", 102), ("A", 98), ("B", 92), ("C", 89),
                                                               ("D", 69)]
    assert not result.winners_differ


# Wikipedia, "Borda count": Tennessee's capital, 100 voters (42 Memphis, 26 Nashville, 15 Chattanooga,
# 17 Knoxville as first choices). By hand: Nashville 26·3 + 42·2 + 15 + 17 = 194; Chattanooga 15·3 + 26·2 +
# 17·2 + 42 = 173; Memphis 42·3 = 126; Knoxville 17·3 + 15·2 + 26 = 107.
TENNESSEE = [(42, "MNCK"), (26, "NCKM"), (15, "CKNM"), (17, "KCNM")]


def test_borda_tennessee():
    result = count(RANKING, RankingSettings(), options("MNCK"), ranked(TENNESSEE, "MNCK"))
    assert [(row.label, row.score) for row in result.rows] == [("N", 194), ("C", 173), ("M", 126), ("K", 107)]
    assert result.row(1).extra["first"] == 42
    assert labels(result.alternative.rows)[0] == "N"  # Nashville is also the Condorcet winner


def test_when_borda_and_schulze_disagree_both_winners_are_given():
    # 3 × A>B>C and 2 × B>C>A. Borda (2, 1, 0): A 6, B 3 + 4 = 7, C 2. A beats B and C 3 to 2: Condorcet.
    result = count(RANKING, RankingSettings(), options("ABC"), ranked([(3, "ABC"), (2, "BCA")], "ABC"))
    assert [(row.label, row.score) for row in result.rows] == [("B", 7), ("A", 6), ("C", 2)]
    assert labels(result.alternative.winners) == ["A"]
    assert result.winners_differ


def test_partial_ranking_leaves_the_rest_tied_last():
    # One voter ranks only A among A, B, C: A gets 2; B and C share (1 + 0) / 2.
    votes = Votes((BallotPaper("1", (Mark(1, 1),)),))
    result = count(RANKING, RankingSettings(), options("ABC"), votes)
    assert [(row.label, row.score, row.rank, row.tied) for row in result.rows] == [
        ("A", 2, 1, False), ("B", 0.5, 2, True), ("C", 0.5, 2, True)]


def test_equal_ranks_share_the_points_of_their_places():
    # A and B both first among 3: they share (2 + 1) / 2; C gets 0.
    votes = Votes((BallotPaper("1", (Mark(1, 1), Mark(2, 1), Mark(3, 2))),))
    result = count(RANKING, RankingSettings(), options("ABC"), votes)
    assert {row.label: row.score for row in result.rows} == {"A": 1.5, "B": 1.5, "C": 0}
    assert result.ties == (tuple(result.rows[:2]),)


def test_only_the_order_of_the_numbers_matters():
    gaps = Votes((BallotPaper("1", (Mark(1, 10), Mark(2, 3), Mark(3, 7))),))
    plain = Votes((BallotPaper("1", (Mark(1, 3), Mark(2, 1), Mark(3, 2))),))
    spaced, tight = (count(RANKING, RankingSettings(), options("ABC"), votes) for votes in (gaps, plain))
    assert (spaced.rows, spaced.alternative, spaced.voters) == (tight.rows, tight.alternative, tight.voters)


@pytest.mark.parametrize(("marks", "message"), [
    ((Mark(1, 0),), "ranks are 1, 2, 3"),
    ((Mark(1, 1.5),), "ranks are 1, 2, 3"),
    ((Mark(1, 1), Mark(1, 2)), "marks the same option twice"),
    ((Mark(9, 1),), "not on this ballot"),
    ((Mark(1, 1), Mark(2, 2), Mark(3, 3)), "at most 2 may be ranked"),
])
def test_invalid_rankings_are_refused(marks, message):
    with pytest.raises(ValidationError, match=message):
        count(RANKING, RankingSettings(max_ranked=2), options("ABC"), Votes((BallotPaper("7", marks),)))


# --- Properties ---------------------------------------------------------------------------------------------

LETTERS = "ABCDE"


@st.composite
def rankings(draw, n: int) -> tuple[Mark, ...]:
    """A ballot on n options: some of them ranked, possibly with ties."""
    chosen = draw(st.permutations(range(1, n + 1)))[: draw(st.integers(0, n))]
    ranks = [draw(st.integers(1, n)) for _ in chosen]
    return tuple(Mark(option, rank) for option, rank in zip(chosen, ranks, strict=True))


@st.composite
def profiles(draw, max_voters: int = 25) -> tuple[int, Votes]:
    n = draw(st.integers(2, len(LETTERS)))
    ballots = draw(st.lists(rankings(n), max_size=max_voters))
    return n, Votes(tuple(BallotPaper(str(i), marks) for i, marks in enumerate(ballots)))


def naive_borda(n: int, votes: Votes) -> dict[int, float]:
    """Borda by the textbook rule, ballot by ballot: places worth n−1 … 0, tied places (unranked ones too)
    sharing the mean of their points."""
    points = dict.fromkeys(range(1, n + 1), 0.0)
    for paper in votes.papers:
        rank = {mark.option_id: mark.value for mark in paper.marks}
        levels = [*sorted(set(rank.values())), float("inf")]
        place = 0
        for level in levels:
            tied = [o for o in points if rank.get(o, float("inf")) == level]
            worth = [n - 1 - p for p in range(place, place + len(tied))]
            for option in tied:
                points[option] += sum(worth) / len(tied)
            place += len(tied)
    return points


@given(profiles())
def test_borda_from_the_pairwise_matrix_equals_the_textbook_count(profile):
    n, votes = profile
    d = pairwise_matrix(list(range(1, n + 1)), votes.papers)
    assert dict(zip(range(1, n + 1), borda_scores(d, len(votes.papers)), strict=True)) == naive_borda(n, votes)


@given(profiles(), st.randoms(use_true_random=False))
def test_shuffling_voters_never_changes_a_result(profile, rng: random.Random):
    n, votes = profile
    shuffled = Votes(tuple(rng.sample(votes.papers, len(votes.papers))))
    assert count(RANKING, RankingSettings(), options(LETTERS[:n]), shuffled) == \
        count(RANKING, RankingSettings(), options(LETTERS[:n]), votes)


@given(profiles(), st.data())
def test_a_voter_ranking_a_first_never_lowers_its_borda_position(profile, data):
    n, votes = profile
    rest = data.draw(st.permutations(range(2, n + 1)))
    newcomer = BallotPaper("new", (Mark(1, 1), *(Mark(o, place + 2) for place, o in enumerate(rest))))
    before = count(RANKING, RankingSettings(), options(LETTERS[:n]), votes).row(1).rank
    after = count(RANKING, RankingSettings(), options(LETTERS[:n]),
                  Votes((*votes.papers, newcomer))).row(1).rank
    assert after <= before


@settings(max_examples=200)
@given(profiles(max_voters=15))
def test_the_schulze_winner_is_the_condorcet_winner_when_there_is_one(profile):
    n, votes = profile
    d = pairwise_matrix(list(range(1, n + 1)), votes.papers)
    condorcet = [i for i in range(n) if all(d[i][j] > d[j][i] for j in range(n) if j != i)]
    result = count(RANKING, RankingSettings(), options(LETTERS[:n]), votes)
    if condorcet:
        assert [row.option_id for row in result.alternative.winners] == [condorcet[0] + 1]


def beat_relation(n: int, votes: Votes) -> set[tuple[int, int]]:
    """(x, y), option ids: x beats y along strongest paths, p[x][y] > p[y][x]."""
    p = strongest_paths(pairwise_matrix(list(range(1, n + 1)), votes.papers))
    return {(i + 1, j + 1) for i in range(n) for j in range(n) if p[i][j] > p[j][i]}


@given(profiles())
def test_the_schulze_places_never_show_an_order_the_count_did_not_decide(profile):
    """X in a place above Y only when p[X][Y] > p[Y][X]; a pair the count orders in a shared place is listed in
    `ahead`; every other pair sharing a place is listed as undecided; the winners are exactly the unbeaten."""
    n, votes = profile
    beats = beat_relation(n, votes)
    standing = count(RANKING, RankingSettings(), options(LETTERS[:n]), votes).alternative
    rank = {row.option_id: row.rank for row in standing.rows}
    undecided = {(x.option_id, y.option_id) for x, y in standing.undecided()}
    for x in rank:
        for y in rank:
            if rank[x] < rank[y]:
                assert (x, y) in beats
            elif x != y and rank[x] == rank[y]:
                assert ((x, y) in standing.ahead) == ((x, y) in beats)
                assert ((x, y) in undecided or (y, x) in undecided) == ((x, y) not in beats and (y, x) not in beats)
    assert {row.option_id for row in standing.winners} == set(rank) - {y for _x, y in beats}
    assert [row.rank for row in standing.rows] == sorted(rank.values())


@given(profiles())
def test_no_shared_schulze_place_could_be_split(profile):
    """The places are the finest that keep every order across places decided: no part of a shared place beats the
    rest of it."""
    n, votes = profile
    beats = beat_relation(n, votes)
    standing = count(RANKING, RankingSettings(), options(LETTERS[:n]), votes).alternative
    for place in {row.rank for row in standing.rows}:
        members = [row.option_id for row in standing.rows if row.rank == place]
        for size in range(1, len(members)):
            for top in itertools.combinations(members, size):
                rest = set(members) - set(top)
                assert not all((x, y) in beats for x in top for y in rest)


@given(profiles())
def test_the_borda_rows_carry_the_schulze_place(profile):
    n, votes = profile
    result = count(RANKING, RankingSettings(), options(LETTERS[:n]), votes)
    assert {row.option_id: row.extra["schulze"] for row in result.rows} == \
        {row.option_id: row.rank for row in result.alternative.rows}


# --- Pairs Schulze leaves undecided -------------------------------------------------------------------------

def schulze(profile: list[tuple[int, str]], letters: str):
    return count(RANKING, RankingSettings(), options(letters), ranked(profile, letters))


def places(standing) -> list[tuple[str, int, bool]]:
    return [(row.label, row.rank, row.tied) for row in standing.rows]


def pairs(found) -> list[tuple[str, str]]:
    return [(x.label, y.label) for x, y in found]


def test_only_what_strongest_paths_decide_is_ranked():
    # A>B>C and C>A>B: d[A][B] = 2 : 0, A–C and B–C 1 : 1. Only A beats B (p[A][B] = 2); p[A][C] = p[C][A] = 0 and
    # p[B][C] = p[C][B] = 0. "A = C > B" would claim C above B: all three share the place, A stays ahead of B.
    result = schulze([(1, "ABC"), (1, "CAB")], "ABC")
    standing = result.alternative
    assert places(standing) == [("A", 1, True), ("C", 1, True), ("B", 1, True)]
    assert standing.ahead == ((1, 2),)
    assert pairs(standing.ahead_rows()) == [("A", "B")]
    assert pairs(standing.undecided()) == [("A", "C"), ("C", "B")]
    assert labels(standing.winners) == ["A", "C"]  # B is beaten by A: not a winner, though it shares the place
    assert [(row.label, row.score, row.rank) for row in result.rows] == [("A", 3, 1), ("C", 2, 2), ("B", 1, 3)]
    assert result.winners_differ  # Borda elects A alone; Schulze leaves A and C undecided


def test_a_condorcet_cycle_decides_nothing():
    result = schulze([(1, "ABC"), (1, "BCA"), (1, "CAB")], "ABC")
    standing = result.alternative
    assert places(standing) == [("A", 1, True), ("B", 1, True), ("C", 1, True)]
    assert standing.ahead == ()
    assert pairs(standing.undecided()) == [("A", "B"), ("A", "C"), ("B", "C")]
    assert labels(standing.winners) == ["A", "B", "C"]


def test_a_fully_decided_order_is_the_plain_ranking():
    standing = schulze(WIKIPEDIA, "ABCDE").alternative
    assert places(standing) == [("E", 1, False), ("A", 2, False), ("C", 3, False), ("B", 4, False), ("D", 5, False)]
    assert standing.ahead == () and standing.undecided() == ()
    assert labels(standing.winners) == ["E"]


def test_several_undecided_pairs_in_several_places():
    # W first and V last for both voters: decided. Between them, A>B>C and C>A>B as above.
    middle = schulze([(1, "WABCV"), (1, "WCABV")], "WABCV").alternative
    assert places(middle) == [("W", 1, False), ("A", 2, True), ("C", 2, True), ("B", 2, True), ("V", 5, False)]
    assert pairs(middle.undecided()) == [("A", "C"), ("C", "B")] and pairs(middle.ahead_rows()) == [("A", "B")]
    assert labels(middle.winners) == ["W"]
    # A~B and C~D (1 : 1 each), both above C and D, E last: two shared places.
    two = schulze([(1, "ABCDE"), (1, "BADCE")], "ABCDE").alternative
    assert places(two) == [("A", 1, True), ("B", 1, True), ("C", 3, True), ("D", 3, True), ("E", 5, False)]
    assert pairs(two.undecided()) == [("A", "B"), ("C", "D")] and two.ahead == ()
    assert labels(two.winners) == ["A", "B"]


# --- The count kept up to date paper by paper (live results) ----------------------------------------------------

_IDS = [11, 12, 13, 14, 15]
_PAPERS = st.lists(st.tuples(st.sampled_from(_IDS), st.integers(1, 4)), max_size=5, unique_by=lambda m: m[0]).map(
    lambda marks: tuple(Mark(option, rank) for option, rank in marks))  # ties, partial rankings and blank papers
_STEPS = st.lists(st.tuples(st.sampled_from(["cast", "remove"]), st.integers(1, 6), _PAPERS), max_size=40)


@settings(max_examples=150, deadline=None)
@given(_STEPS)
def test_a_pairwise_count_kept_up_to_date_equals_a_recount_after_every_step(steps):
    """Papers cast, replaced (a voter's paper changed), removed, in any order: after each step the count kept
    up to date gives exactly the result of a recount of the papers from scratch."""
    ranking_options = [Option(option_id, f"Piste {option_id}") for option_id in _IDS]
    kept, papers = PairwiseCount(_IDS), {}
    for action, voter, marks in steps:
        earlier = papers.pop(str(voter), None)
        if earlier is not None:
            kept.add(earlier, -1)
        if action == "cast":
            papers[str(voter)] = BallotPaper(str(voter), marks)
            kept.add(papers[str(voter)])
        votes = Votes(tuple(papers.values()))
        assert kept.d == pairwise_matrix(_IDS, votes.papers)
        assert ranking_result(ranking_options, kept, votes) == count(RANKING, RankingSettings(), ranking_options,
                                                                     votes)


def test_a_pairwise_count_made_from_papers_goes_on_from_them():
    papers = ranked(WIKIPEDIA, "ABCDE").papers
    kept = PairwiseCount([1, 2, 3, 4, 5], papers[:40])
    for paper in papers[40:]:
        kept.add(paper)
    assert kept.d == pairwise_matrix([1, 2, 3, 4, 5], papers)
    assert (kept.voters, kept.firsts) == (45, [10, 8, 12, 7, 8])


def test_a_pairwise_count_of_other_options_is_refused():
    with pytest.raises(ValueError):
        ranking_result(options("ABC"), PairwiseCount([1, 2]), Votes())
