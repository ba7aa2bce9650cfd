"""Counting rankings: Borda points and the Schulze (Condorcet) method, both from one pairwise matrix.

Conventions. A ballot paper ranks options with numbers (1 = first); only their order matters, equal numbers
are ties, and the options a voter leaves out are tied last, below every ranked one.
Borda: with n options, the places are worth n−1, n−2 … 0 points; tied options (the unranked ones included)
share the mean of the places they occupy. Equivalently, an option earns 1 point for every option a voter puts
below it and ½ for every option tied with it, which is how it is computed here, from the pairwise matrix.
Schulze: d[i][j] voters prefer i to j; the strength of a link is its winning votes; strongest paths by the
widest-path variant of Floyd–Warshall, O(n³). i beats j when p[i][j] > p[j][i]; an option's rank is one more
than the number of options that beat it, so the winners are exactly the options nobody beats.
"""

from collections.abc import Sequence

from workshop_desk.domain.enums import BallotMethod
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.voting import (
    BallotPaper,
    Column,
    Option,
    RankingSettings,
    Result,
    ResultRow,
    Standing,
    Votes,
    check_options,
    check_tallies,
    check_voters,
    option_ids,
    rank_rows,
    source_counts,
    voter_name,
)
from workshop_desk.i18n import _

Matrix = list[list[int]]


def check_ranking(paper: BallotPaper, ids: frozenset[int], settings: RankingSettings) -> None:
    """Ranks are whole numbers from 1; no more options ranked than the settings allow."""
    check_options(paper, ids)
    if settings.max_ranked and len(paper.marks) > settings.max_ranked:
        raise ValidationError(_("{voter} ranks {n} options; at most {max} may be ranked.").format(
            voter=voter_name(paper.voter).capitalize(), n=len(paper.marks), max=settings.max_ranked))
    for mark in paper.marks:
        if mark.value < 1 or mark.value != int(mark.value):
            raise ValidationError(_("The ballot of {voter} holds the rank {value}; ranks are 1, 2, 3…").format(
                voter=voter_name(paper.voter), value=f"{mark.value:g}"))


def _levels(ids: Sequence[int], papers: Sequence[BallotPaper]) -> list[list[int]]:
    """at[i][k]: the voters (one bit each) who put option i on their k-th level; level n: left it out."""
    n, index = len(ids), {option_id: i for i, option_id in enumerate(ids)}
    at = [[0] * (n + 1) for _ in ids]
    for voter, paper in enumerate(papers):
        bit = 1 << voter
        level = {value: k for k, value in enumerate(sorted({mark[1] for mark in paper.marks}))}
        for option_id, value, *_rest in paper.marks:
            row = at[index[option_id]]
            row[level[value]] |= bit
    everyone = (1 << len(papers)) - 1
    for row in at:
        ranked = 0
        for bits in row:
            ranked |= bits
        row[n] = everyone & ~ranked
    return at


def pairwise_matrix(ids: Sequence[int], papers: Sequence[BallotPaper]) -> Matrix:
    """d[i][j]: how many voters rank option ids[i] above option ids[j] (bit sets: 800 × 30 in a few ms)."""
    n = len(ids)
    at = _levels(ids, papers)
    below = []  # below[j][k]: voters who put j strictly below level k
    for row in at:
        suffix, acc = [0] * (n + 1), 0
        for k in range(n, 0, -1):
            acc |= row[k]
            suffix[k - 1] = acc
        below.append(suffix)
    d = [[0] * n for _ in range(n)]
    for i in range(n):
        levels = [(k, bits) for k, bits in enumerate(at[i][:n]) if bits]
        for j in range(n):
            if j != i:
                under = below[j]
                d[i][j] = sum((bits & under[k]).bit_count() for k, bits in levels)
    return d


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


def schulze_order(p: Matrix) -> tuple[list[int], list[int]]:
    """For each option: how many options beat it along strongest paths (0: a Schulze winner), how many it beats."""
    n = len(p)
    beaten_by = [sum(1 for j in range(n) if p[j][i] > p[i][j]) for i in range(n)]
    beats = [sum(1 for j in range(n) if p[i][j] > p[j][i]) for i in range(n)]
    return beaten_by, beats


def count_ranking(options: Sequence[Option], votes: Votes, settings: RankingSettings) -> Result:
    """Borda result, with the Schulze order beside it (Result.alternative) and each option's Schulze rank."""
    ids = option_ids(options)
    check_voters(votes.papers)
    check_tallies(votes.tallies, ids, frozenset())
    for paper in votes.papers:
        check_ranking(paper, ids, settings)
    order = [o.id for o in options]
    d = pairwise_matrix(order, votes.papers)
    borda = borda_scores(d, len(votes.papers))
    schulze = _schulze_rows(options, d)
    schulze_rank = {row.option_id: row.rank for row in schulze.rows}
    firsts = _first_choices(order, votes.papers)
    rows = (ResultRow(0, o.id, o.label, borda[i], {"first": firsts[o.id], "schulze": schulze_rank[o.id]})
            for i, o in enumerate(options))
    columns = (Column("first", _("First choices")), Column("schulze", _("Schulze rank")))
    return Result(BallotMethod.RANKING, rank_rows(rows), columns, len(votes.papers), source_counts(votes), schulze)


def _schulze_rows(options: Sequence[Option], d: Matrix) -> Standing:
    """The Schulze order; each row's score is how many options it beats along strongest paths."""
    beaten_by, beats = schulze_order(strongest_paths(d))
    unbeaten = {o.id: -beaten_by[i] for i, o in enumerate(options)}
    rows = (ResultRow(0, o.id, o.label, float(beats[i])) for i, o in enumerate(options))
    return Standing("schulze", _("Schulze (Condorcet)"), rank_rows(rows, key=lambda row: unbeaten[row.option_id]))


def _first_choices(ids: Sequence[int], papers: Sequence[BallotPaper]) -> dict[int, int]:
    """How many voters put each option first (tied first included)."""
    firsts = dict.fromkeys(ids, 0)
    for paper in papers:
        if paper.marks:
            top = min(mark.value for mark in paper.marks)
            for mark in paper.marks:
                if mark.value == top:
                    firsts[mark.option_id] += 1
    return firsts
