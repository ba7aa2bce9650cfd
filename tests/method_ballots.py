"""A small real ballot of each vote method (papers, and a board's count where it takes one), for registry tests."""

from workshop_desk.domain.consent import AGREE, CONCERNS
from workshop_desk.domain.counting_grid import FEASIBILITY, IMPACT
from workshop_desk.domain.enums import BallotMethod, BallotStatus, Source
from workshop_desk.domain.vote_methods import default_settings
from workshop_desk.domain.voting import Ballot, BallotPaper, Criterion, Mark, Option, Tally, Votes

OPTIONS = (Option(1, "Locaux et ateliers"), Option(2, "Formation"))
CRITERIA = (Criterion(5, "Emploi"), Criterion(6, "Environnement", 2.0, position=1))
# Two voters' marks, per method (each paper as its method's rules want it).
_PAPERS: dict[BallotMethod, tuple[tuple[Mark, ...], tuple[Mark, ...]]] = {
    BallotMethod.DOTS: ((Mark(1, 3), Mark(2, 2)), (Mark(1, 5),)),
    BallotMethod.POINTS: ((Mark(1, 60), Mark(2, 40)), (Mark(1, 30), Mark(2, 70))),
    BallotMethod.RATING: ((Mark(1, 4), Mark(2, 2)), (Mark(1, 5), Mark(2, 3))),
    BallotMethod.RANKING: ((Mark(1, 1), Mark(2, 2)), (Mark(2, 1), Mark(1, 2))),
    BallotMethod.MATRIX: ((Mark(1, 4, axis=IMPACT), Mark(1, 3, axis=FEASIBILITY), Mark(2, 2, axis=IMPACT),
                           Mark(2, 5, axis=FEASIBILITY)), (Mark(1, 5, axis=IMPACT), Mark(1, 4, axis=FEASIBILITY))),
    BallotMethod.CRITERIA: ((Mark(1, 4, 5), Mark(1, 3, 6), Mark(2, 1, 5), Mark(2, 2, 6)),
                            (Mark(1, 5, 5), Mark(1, 4, 6), Mark(2, 2, 5), Mark(2, 1, 6))),
    BallotMethod.CONSENT: ((Mark(1, 1, axis=AGREE), Mark(2, 1, axis=CONCERNS, comment="Le coût")),
                           (Mark(1, 1, axis=AGREE), Mark(2, 1, axis=AGREE))),
    BallotMethod.HANDS: ((Mark(1, 1),), (Mark(2, 1),)),
}
# A board's count, for the methods counted on one.
_TALLIES = {BallotMethod.DOTS: Tally(2, 6, source=Source.PAPER), BallotMethod.POINTS: Tally(1, 100),
            BallotMethod.CONSENT: Tally(1, 3, axis=AGREE, source=Source.PAPER),
            BallotMethod.HANDS: Tally(1, 12, source=Source.SHOW_OF_HANDS)}
METHODS_WITH_BALLOTS = frozenset(_PAPERS)


def small_ballot(method: BallotMethod, ballot_id: int = 1) -> Ballot:
    """A closed, revealed ballot of this method with its default settings (the grid with two criteria)."""
    return Ballot(ballot_id, 2, f"Vote {method}", method, default_settings(method), BallotStatus.CLOSED,
                  revealed=True, options=OPTIONS, criteria=CRITERIA if method == BallotMethod.CRITERIA else ())


def small_votes(method: BallotMethod) -> Votes:
    papers = tuple(BallotPaper(str(n), marks, source=Source.CONSOLE if n == 1 else Source.PHONE)
                   for n, marks in enumerate(_PAPERS[method], start=1))
    return Votes(papers, (_TALLIES[method],) if method in _TALLIES else ())
