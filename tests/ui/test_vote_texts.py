"""How votes are written at the console and on the projector: numbers, shares, ties, Borda beside Schulze."""

from workshop_desk import i18n
from workshop_desk.domain.counting import count
from workshop_desk.domain.enums import BallotMethod, BallotStatus
from workshop_desk.domain.voting import (
    BallotPaper,
    DotSettings,
    Mark,
    Option,
    RankingSettings,
    Result,
    Tally,
    Votes,
)
from workshop_desk.i18n import percent
from workshop_desk.ui.voting import texts
from workshop_desk.ui.voting.method_views import score_text

OPTIONS = [Option(1, "A"), Option(2, "B"), Option(3, "C")]


def test_numbers_and_shares_in_each_language() -> None:
    assert (texts.number(12.0), texts.number(3.456), texts.number(None)) == ("12", "3.5", "—")
    assert texts.number(3, fixed=True) == "3.0" and percent(0.42) == "42%"
    i18n.set_language("fr")
    assert (texts.number(3.456), texts.number(1234.5), percent(0.42)) == ("3,5", "1\u202f234,5", "42\xa0%")


def test_ballots_and_a_board_count_make_the_counts_line_shown_while_hidden_too() -> None:
    votes = Votes((BallotPaper("1", (Mark(1, 2), Mark(2, 1))),), (Tally(1, 10), Tally(3, 4)))
    result = count(BallotMethod.DOTS, DotSettings(), OPTIONS, votes)
    assert texts.counts_line(BallotMethod.DOTS, 1, 14) == "1 ballot · 14 dots"  # the projector's, while hidden
    assert texts.heading_line(BallotMethod.DOTS, BallotStatus.OPEN, 1, 14) == "Dot voting · Open · 1 ballot · 14 dots"
    row = result.rows[0]
    assert score_text(BallotMethod.DOTS, row, result) == "12 · 71%"
    assert texts.sources_text(row) == "Console 2 · Paper 10"


def test_ties_are_named() -> None:
    result = count(BallotMethod.DOTS, DotSettings(), OPTIONS, Votes(tallies=(Tally(1, 5), Tally(2, 5), Tally(3, 1))))
    assert texts.ties_note(result) == "Tie for first place (1=) between 2 options."
    assert [texts.rank_text(row) for row in result.rows] == ["1=", "1=", "3"]
    later = count(BallotMethod.DOTS, DotSettings(), OPTIONS, Votes(tallies=(Tally(1, 5), Tally(2, 2), Tally(3, 2))))
    assert texts.ties_note(later) == "= marks options that share a place."


def test_borda_and_schulze_when_they_agree_and_when_they_do_not() -> None:
    def ranked(*orders: tuple[int, ...]) -> Votes:
        return Votes(tuple(BallotPaper(str(n), tuple(Mark(o, r + 1) for r, o in enumerate(order)))
                           for n, order in enumerate(orders)))

    agree = count(BallotMethod.RANKING, RankingSettings(), OPTIONS, ranked((1, 2, 3), (1, 3, 2)))
    assert texts.schulze_note(agree) == "Schulze (Condorcet) elects the same winner: A."
    differ = count(BallotMethod.RANKING, RankingSettings(), OPTIONS, ranked(*[(1, 2, 3)] * 3, *[(2, 3, 1)] * 2))
    assert texts.schulze_note(differ) == "The counts disagree. Borda: B. Schulze (Condorcet): A."


def _undecided() -> Result:
    """A>B>C and C>A>B: Schulze decides A above B only; A, C and B share its first place."""
    orders = ((1, 2, 3), (3, 1, 2))
    return count(BallotMethod.RANKING, RankingSettings(), OPTIONS,
                 Votes(tuple(BallotPaper(str(n), tuple(Mark(o, r + 1) for r, o in enumerate(order)))
                             for n, order in enumerate(orders))))


def test_the_pairs_schulze_leaves_undecided_are_named() -> None:
    result = _undecided()
    assert texts.schulze_note(result) == "The counts disagree. Borda: A. Schulze (Condorcet): A = C."
    assert texts.undecided_notes(result) == ["Not separated by the votes (Schulze): “A” and “C”; “C” and “B”.",
                                             "Yet Schulze puts “A” ahead of “B”."]
    assert texts.undecided_notes(result, most=1)[0] == "Not separated by the votes (Schulze): “A” and “C”; and 1 more."
    assert [texts.schulze_remark(result, row) for row in result.rows] == [
        "Schulze: ahead of “B”; not separated from “C”", "Schulze: not separated from “A”, “B”",
        "Schulze: behind “A”; not separated from “C”"]
    i18n.set_language("fr")
    assert texts.undecided_notes(result) == [  # no-break spaces: a line never begins with » or ;
        "Non départagés par les votes (Schulze)\xa0: «\xa0A\xa0» et «\xa0C\xa0»\xa0; «\xa0C\xa0» et «\xa0B\xa0».",
        "Schulze place toutefois «\xa0A\xa0» devant «\xa0B\xa0»."]


def test_a_decided_order_has_no_undecided_note() -> None:
    result = count(BallotMethod.RANKING, RankingSettings(), OPTIONS,
                   Votes((BallotPaper("1", (Mark(1, 1), Mark(2, 2), Mark(3, 3))),)))
    assert texts.undecided_notes(result) == ["", ""]
    assert all(texts.schulze_remark(result, row) == "" for row in result.rows)
