"""Counting dots, 100-point allocations, ratings and shows of hands: sums and means per option."""

from collections import defaultdict
from collections.abc import Sequence

from workshop_desk.domain.counting_base import (
    MarkCounts,
    Stats,
    check_options,
    check_scale,
    check_tallies,
    check_voters,
    check_whole,
    option_ids,
    source_counts,
)
from workshop_desk.domain.counting_base import (
    counted as _counts,
)
from workshop_desk.domain.enums import BallotMethod, Source
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.voting import (
    BallotPaper,
    Column,
    DotSettings,
    HandsSettings,
    Option,
    PointSettings,
    RatingSettings,
    Result,
    ResultRow,
    Votes,
    rank_rows,
    voter_name,
)
from workshop_desk.i18n import N_, _

AGAINST = "against"  # the axis of negative dots, on a ballot paper's mark or a board's tally
_POINTS_TOLERANCE = 1e-6


class _Sums:
    """Amounts per option, and per option and source (the provenance shown beside each result row)."""

    def __init__(self) -> None:
        self.total: dict[int, float] = defaultdict(float)
        self.sourced: dict[tuple[int, Source], float] = defaultdict(float)

    def add(self, option_id: int, amount: float, source: Source) -> None:
        self.total[option_id] += amount
        self.sourced[option_id, source] += amount

    def by_source(self, option_id: int) -> dict[Source, float]:
        return {s: v for (o, s), v in self.sourced.items() if o == option_id and v}


# --- Dot voting ---------------------------------------------------------------------------------------------


def check_dots(paper: BallotPaper, ids: frozenset[int], settings: DotSettings) -> None:
    """Whole dots on known options; no more than the voter's dots (positive and negative), nor the cap."""
    check_options(paper, ids)
    given = taken = 0
    for mark in paper.marks:
        dots = check_whole(mark.value, paper.voter)
        if settings.max_per_option and abs(dots) > settings.max_per_option:
            raise ValidationError(_("The ballot of {voter} puts {n} dots on one option; at most {max} are allowed.")
                                  .format(voter=voter_name(paper.voter), n=abs(dots), max=settings.max_per_option))
        given, taken = (given + dots, taken) if dots > 0 else (given, taken - dots)
    if given > settings.dots_per_voter:
        raise ValidationError(_("The ballot of {voter} gives {n} dots; each voter has {max}.").format(
            voter=voter_name(paper.voter), n=given, max=settings.dots_per_voter))
    if taken > settings.negative_dots:
        raise ValidationError(_("The ballot of {voter} gives {n} negative dots; each voter has {max}.").format(
            voter=voter_name(paper.voter), n=taken, max=settings.negative_dots))


def count_dots(options: Sequence[Option], votes: Votes, settings: DotSettings, check: bool = True,
               counts: MarkCounts | None = None) -> Result:
    """Score: dots for minus dots against, from ballot papers and board tallies alike."""
    ids = option_ids(options)
    check_voters(votes.papers)
    check_tallies(votes.tallies, ids, frozenset({"", AGAINST} if settings.negative_dots else {""}))
    for paper in votes.papers if check else ():
        check_dots(paper, ids, settings)
    pro, con = _Sums(), _Sums()
    counts = _counts(votes, counts)
    for source, cast in counts.items():
        for mark, times in cast.items():
            (pro if mark.value > 0 else con).add(mark.option_id, abs(mark.value) * times, source)
    for tally in votes.tallies:
        (con if tally.axis == AGAINST else pro).add(tally.option_id, tally.amount, tally.source)
    rows = (ResultRow(0, o.id, o.label, pro.total[o.id] - con.total[o.id],
                      {"for": pro.total[o.id], "against": con.total[o.id]}, by_source=_net(pro, con, o.id))
            for o in options)
    columns = (Column("for", N_("Dots")), Column("against", N_("Negative dots"))) if settings.negative_dots else ()
    return Result(BallotMethod.DOTS, rank_rows(rows), columns, len(votes.papers), source_counts(votes, counts))


def _net(pro: _Sums, con: _Sums, option_id: int) -> dict[Source, float]:
    net = pro.by_source(option_id)
    for source, amount in con.by_source(option_id).items():
        net[source] = net.get(source, 0.0) - amount
    return net


# --- 100 points ---------------------------------------------------------------------------------------------


def check_points(paper: BallotPaper, ids: frozenset[int], settings: PointSettings) -> None:
    """No negative points, and exactly the total spent (a blank ballot spends nothing)."""
    check_options(paper, ids)
    values = [mark.value for mark in paper.marks]
    if values and min(values) < 0:
        raise ValidationError(_("The ballot of {voter} gives negative points.").format(voter=voter_name(paper.voter)))
    spent = sum(values)
    if values and abs(spent - settings.total) > _POINTS_TOLERANCE:
        raise ValidationError(_("The ballot of {voter} allocates {n} points; it must allocate exactly {total}.")
                              .format(voter=voter_name(paper.voter), n=f"{spent:g}", total=settings.total))


def count_points(options: Sequence[Option], votes: Votes, settings: PointSettings, check: bool = True,
                 counts: MarkCounts | None = None) -> Result:
    """Score: the points given; extra columns: their share of all points, and how many voters gave any."""
    ids = option_ids(options)
    check_voters(votes.papers)
    check_tallies(votes.tallies, ids, frozenset({""}))
    for paper in votes.papers if check else ():
        check_points(paper, ids, settings)
    sums, backers = _Sums(), defaultdict[int, int](int)
    counts = _counts(votes, counts)
    for source, cast in counts.items():
        for mark, times in cast.items():
            sums.add(mark.option_id, mark.value * times, source)
            backers[mark.option_id] += times if mark.value > 0 else 0
    for tally in votes.tallies:
        sums.add(tally.option_id, tally.amount, tally.source)
    everything = sum(sums.total.values()) or 1.0
    rows = (ResultRow(0, o.id, o.label, sums.total[o.id],
                      {"share": 100 * sums.total[o.id] / everything, "voters": backers[o.id]},
                      by_source=sums.by_source(o.id)) for o in options)
    columns = (Column("share", N_("Share (%)")), Column("voters", N_("Voters")))
    return Result(BallotMethod.POINTS, rank_rows(rows), columns, len(votes.papers), source_counts(votes, counts))


# --- Rating on a scale --------------------------------------------------------------------------------------


def check_rating(paper: BallotPaper, ids: frozenset[int], settings: RatingSettings) -> None:
    """Whole ratings within the scale; an option left out is skipped."""
    check_options(paper, ids)
    check_scale(paper, settings.low, settings.high)


def count_rating(options: Sequence[Option], votes: Votes, settings: RatingSettings, check: bool = True,
                 counts: MarkCounts | None = None) -> Result:
    """Score: the mean rating among those who rated (None if nobody did); skips and spread beside it."""
    ids = option_ids(options)
    check_voters(votes.papers)
    check_tallies(votes.tallies, ids, frozenset())
    for paper in votes.papers if check else ():
        check_rating(paper, ids, settings)
    stats = {o.id: Stats() for o in options}
    counts = _counts(votes, counts)
    for cast in counts.values():
        for mark, times in cast.items():
            stats[mark.option_id].add(mark.value, times)
    voters, rating = len(votes.papers), N_("Rating")
    rows = (ResultRow(0, o.id, o.label, stats[o.id].mean,
                      {"ratings": stats[o.id].count, "skips": voters - stats[o.id].count, "spread": stats[o.id].spread},
                      dissent=(rating,) if stats[o.id].spread > settings.dissent_threshold else ())
            for o in options)
    columns = (Column("ratings", N_("Ratings")), Column("skips", N_("Skipped")), Column("spread", N_("Spread")))
    return Result(BallotMethod.RATING, rank_rows(rows), columns, voters, source_counts(votes, counts))


# --- Show of hands ------------------------------------------------------------------------------------------


def check_hands(paper: BallotPaper, ids: frozenset[int], settings: HandsSettings) -> None:
    """A raised hand is 1 (0: not raised)."""
    check_options(paper, ids)
    for mark in paper.marks:
        if mark.value not in (0, 1):
            raise ValidationError(_("The ballot of {voter} holds {value}; a hand is raised (1) or not (0).").format(
                voter=voter_name(paper.voter), value=f"{mark.value:g}"))


def count_hands(options: Sequence[Option], votes: Votes, settings: HandsSettings, check: bool = True,
                counts: MarkCounts | None = None) -> Result:
    """Score: hands raised for each option, counted in the room or on individual ballots."""
    ids = option_ids(options)
    check_voters(votes.papers)
    check_tallies(votes.tallies, ids, frozenset({""}))
    for paper in votes.papers if check else ():
        check_hands(paper, ids, settings)
    sums = _Sums()
    counts = _counts(votes, counts)
    for source, cast in counts.items():
        for mark, times in cast.items():
            sums.add(mark.option_id, mark.value * times, source)
    for tally in votes.tallies:
        sums.add(tally.option_id, tally.amount, tally.source)
    rows = (ResultRow(0, o.id, o.label, sums.total[o.id], by_source=sums.by_source(o.id)) for o in options)
    return Result(BallotMethod.HANDS, rank_rows(rows), (), len(votes.papers), source_counts(votes, counts))
