"""Counting rankings: Borda points and the Schulze (Condorcet) method, both from one pairwise matrix.

Conventions. A ballot paper ranks options with numbers (1 = first); only their order matters, equal numbers
are ties, and the options a voter leaves out are tied last, below every ranked one.
Borda: with n options, the places are worth n−1, n−2 … 0 points; tied options (the unranked ones included)
share the mean of the places they occupy. Equivalently, an option earns 1 point for every option a voter puts
below it and ½ for every option tied with it, which is how it is computed here, from the pairwise matrix.
Schulze: d[i][j] voters prefer i to j; the strength of a link is its winning votes; strongest paths by the
widest-path variant of Floyd–Warshall, O(n³). i beats j when p[i][j] > p[j][i]: a strict partial order (Schulze
proves it transitive), not a ranking, so the Schulze order is shown in places (see schulze_places), the pairs it
leaves undecided share a place, and the winners are exactly the options nobody beats.
"""

from collections import Counter
from collections.abc import Sequence
from functools import reduce
from operator import and_, itemgetter, or_

from workshop_desk.domain.counting_base import (
    MarkCounts,
    check_options,
    check_tallies,
    check_voters,
    option_ids,
    source_counts,
)
from workshop_desk.domain.enums import BallotMethod
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.voting import (
    BallotPaper,
    Column,
    Option,
    RankingSettings,
    Result,
    ResultRow,
    SourceCount,
    Standing,
    Votes,
    rank_rows,
    voter_name,
)
from workshop_desk.i18n import N_, _

Matrix = list[list[int]]
_VALUE = itemgetter(1)
_bit_count = int.bit_count


def check_ranking(paper: BallotPaper, ids: frozenset[int], settings: RankingSettings) -> None:
    """Ranks are whole numbers from 1; no more options ranked than the settings allow."""
    check_options(paper, ids)
    if settings.max_ranked and len(paper.marks) > settings.max_ranked:
        raise ValidationError(_("The ballot of {voter} ranks {n} options; at most {max} may be ranked.").format(
            voter=voter_name(paper.voter), n=len(paper.marks), max=settings.max_ranked))
    for mark in paper.marks:
        if mark.value < 1 or mark.value != int(mark.value):
            raise ValidationError(_("The ballot of {voter} holds the rank {value}; ranks are 1, 2, 3…").format(
                voter=voter_name(paper.voter), value=f"{mark.value:g}"))


def _levels(ids: Sequence[int], papers: Sequence[BallotPaper]) -> list[list[int]]:
    """at[i][k]: the voters (one bit each) who put option i on their k-th level; level n: left it out."""
    n = len(ids)
    at = [[0] * (n + 1) for _ in ids]
    rows = dict(zip(ids, at, strict=True))
    for voter, paper in enumerate(papers):
        bit, level, previous = 1 << voter, -1, None
        for mark in sorted(paper.marks, key=_VALUE):
            if mark[1] != previous:
                level, previous = level + 1, mark[1]
            rows[mark[0]][level] |= bit
    everyone = (1 << len(papers)) - 1
    for row in at:
        row[n] = everyone & ~reduce(or_, row)
    return at


def pairwise_matrix(ids: Sequence[int], papers: Sequence[BallotPaper]) -> Matrix:
    """d[i][j]: how many voters rank option ids[i] above option ids[j]."""
    return _pairwise(_levels(ids, papers))


def _pairwise(at: list[list[int]]) -> Matrix:
    """d[i][j] = Σ over levels k of |voters with i at k and j below k|: bit sets, so 800 × 30 takes a few ms."""
    n = len(at)
    below = []  # below[j][k]: the voters who put j strictly below level k
    for row in at:
        suffix, acc = [0] * n, 0
        for k in range(n, 0, -1):
            acc |= row[k]
            suffix[k - 1] = acc
        below.append(suffix)
    return [[sum(map(_bit_count, map(and_, at[i], below[j]))) if j != i else 0 for j in range(n)] for i in range(n)]


def borda_scores(d: Matrix, voters: int) -> list[float]:
    """Borda points (n−1 … 0, ties and unranked options sharing) from the pairwise matrix."""
    n = len(d)
    return [sum(voters + d[i][j] - d[j][i] for j in range(n) if j != i) / 2 for i in range(n)]


def strongest_paths(d: Matrix) -> Matrix:
    """p[i][j]: the strength of the strongest path from i to j (winning votes), Schulze's widest paths."""
    n = len(d)
    p = [[d[i][j] if d[i][j] > d[j][i] else 0 for j in range(n)] for i in range(n)]
    for k in range(n):
        through = p[k]
        for i in range(n):
            link = p[i][k]
            if i != k and link:
                # max(a, min(link, b)) for every j, without the cost of calling min and max 27,000 times
                p[i] = [a if a >= link or a >= b else (link if link < b else b) for a, b in zip(p[i], through,
                                                                                               strict=True)]
    for i in range(n):
        p[i][i] = 0  # the updates above write cycle strengths on the diagonal, which no comparison reads
    return p


def beaten_sets(p: Matrix) -> list[int]:
    """beaten[j]: the options (one bit each) that beat option j along strongest paths."""
    n = len(p)
    return [sum(1 << i for i in range(n) if p[i][j] > p[j][i]) for j in range(n)]


def schulze_places(p: Matrix) -> tuple[list[int], list[int]]:
    """The options best first, and the place (1, 1, 1, 4…) each one shares: a new place begins only where every
    option above beats every option from there down.

    Why places and not "1 + the number of options that beat it": undecided is not transitive. With A>B>C and
    C>A>B, only A beats B; C is undecided against both. "1 + beaters" gives A 1, C 1, B 2, which shows C above B,
    an order the votes did not decide. Here a place above another is always decided for every pair across them,
    so every undecided pair shares a place (A, C and B share place 1). The price is that a place may hold a pair
    the count does order (A above B): Standing.ahead lists those, Standing.winners leaves B out, and the texts say
    it, so nothing decided is lost. These places are the finest with that property (the cut points of the order's
    ordinal-sum decomposition): with no undecided pair they are the plain ranking, 1 to n."""
    n = len(p)
    beaten = beaten_sets(p)
    beats = [sum(1 for j in range(n) if beaten[j] >> i & 1) for i in range(n)]
    order = sorted(range(n), key=lambda i: (beaten[i].bit_count(), -beats[i]))  # i beats j: i has fewer beaters
    places, start, above = [0] * n, 0, 0
    for position, i in enumerate(order):
        if position and all(beaten[j] & above == above for j in order[position:]):
            start = position
        places[i] = start + 1
        above |= 1 << i
    return order, places


def count_ranking(options: Sequence[Option], votes: Votes, settings: RankingSettings, check: bool = True) -> Result:
    """Borda result, with the Schulze order beside it (Result.alternative) and each option's Schulze rank."""
    ids = option_ids(options)
    check_voters(votes.papers)
    check_tallies(votes.tallies, ids, frozenset())
    for paper in votes.papers if check else ():
        check_ranking(paper, ids, settings)
    at = _levels([o.id for o in options], votes.papers)
    firsts = [row[0].bit_count() for row in at]
    return _ranking_result(options, _pairwise(at), firsts, len(votes.papers), source_counts(votes))


class PairwiseCount:
    """A ranking's pairwise matrix and first choices, kept up to date as papers come and go (the live results):
    one paper more or fewer costs O(options²), however many voters there are. Whole numbers added and taken away,
    so the figures stay exactly those of pairwise_matrix over the papers held (a test recounts after every step)."""

    def __init__(self, ids: Sequence[int], papers: Sequence[BallotPaper] = ()) -> None:
        self.ids = tuple(ids)
        self._index = {option_id: i for i, option_id in enumerate(self.ids)}
        at = _levels(self.ids, papers)  # the first count in bit sets: 8,000 papers at once, not one by one
        self.d: Matrix = _pairwise(at)
        self.firsts = [row[0].bit_count() for row in at]
        self.voters = len(papers)

    def add(self, paper: BallotPaper, times: int = 1) -> None:
        """Count one more paper; `times=-1` takes it away again (a paper replaced or deleted)."""
        level = self._levels_of(paper)
        for i, mine in enumerate(level):
            row = self.d[i]
            for j in [j for j, theirs in enumerate(level) if mine < theirs]:
                row[j] += times
            if mine == 0:
                self.firsts[i] += times
        self.voters += times

    def _levels_of(self, paper: BallotPaper) -> list[int]:
        """Each option's level on this paper, as _levels numbers them: 0 for the first, n when left out."""
        n = len(self.ids)
        place = {value: k for k, value in enumerate(sorted({mark[1] for mark in paper.marks}))}
        level = [n] * n
        for mark in paper.marks:
            level[self._index[mark[0]]] = place[mark[1]]
        return level


def ranking_result(options: Sequence[Option], counted: PairwiseCount, votes: Votes,
                   counts: MarkCounts | None = None) -> Result:
    """count_ranking's result from a PairwiseCount of these votes' papers (papers checked as they were entered,
    one per voter), without reading each paper again; `counts`: their marks counted (mark_counts), if at hand."""
    if counted.ids != tuple(o.id for o in options):
        raise ValueError("the pairwise count was kept for other options than the ballot's")
    check_tallies(votes.tallies, option_ids(options), frozenset())
    return _ranking_result(options, counted.d, counted.firsts, counted.voters, source_counts(votes, counts))


def _ranking_result(options: Sequence[Option], d: Matrix, firsts: Sequence[int], voters: int,
                    sources: tuple[SourceCount, ...]) -> Result:
    """Borda points and the Schulze order from the pairwise matrix, and each option's first choices."""
    borda = borda_scores(d, voters)
    schulze = _schulze_rows(options, d)
    schulze_rank = {row.option_id: row.rank for row in schulze.rows}
    rows = (ResultRow(0, o.id, o.label, borda[i], {"first": firsts[i], "schulze": schulze_rank[o.id]})
            for i, o in enumerate(options))
    columns = (Column("first", N_("First choices")), Column("schulze", N_("Schulze rank")))
    return Result(BallotMethod.RANKING, rank_rows(rows), columns, voters, sources, schulze)


def _schulze_rows(options: Sequence[Option], d: Matrix) -> Standing:
    """The Schulze order in places; each row's score is how many options it beats along strongest paths."""
    p = strongest_paths(d)
    order, places = schulze_places(p)
    beaten, shared = beaten_sets(p), Counter(places)
    rows = tuple(ResultRow(places[i], options[i].id, options[i].label, float(sum(beaten[j] >> i & 1 for j in order)),
                           tied=shared[places[i]] > 1) for i in order)
    ahead = tuple((options[i].id, options[j].id) for i in order for j in order
                  if places[i] == places[j] and beaten[j] >> i & 1)
    return Standing("schulze", N_("Schulze (Condorcet)"), rows, ahead)
