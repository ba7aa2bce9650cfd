"""Live results while votes come in: each ballot's votes are read once, then kept up to date — with their marks
already counted by group and source — as each paper is cast and each count is set through here.

Why: reading 800 ranked ballots of 30 options back from the file takes ~100 ms (24,000 rows), and counting the
120,000 marks of 800 ELIRE grids one by one ~30 ms, while the projector must follow a vote within 100 ms. With
the votes and their mark counts in memory, a recount adds up a few hundred distinct marks. Anything else that
changes a ballot's votes (an import, a cleared ballot, an undo) calls `forget`: the next result reads them again.
A ranking needs each voter's order, not marks added up: its pairwise matrix (everyone's and each group's) is kept
too, so one more paper costs O(options²) (~0.1 ms for 30 options) instead of a recount of every paper (~120 ms at
8,000 voters).
"""

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from workshop_desk.domain.counting import count
from workshop_desk.domain.counting_base import MarkCounts, mark_counts_by_group, merged
from workshop_desk.domain.counting_ranked import PairwiseCount, ranking_result
from workshop_desk.domain.enums import Source
from workshop_desk.domain.vote_methods import method_spec
from workshop_desk.domain.voting import Ballot, BallotPaper, GroupResult, Result, Tally, Votes
from workshop_desk.services.voting import BallotService
from workshop_desk.services.writes import writes


@dataclass
class _Ranked:
    """A ranking's pairwise counts, of everyone and of each stakeholder group: a paper adds O(options²) work."""

    everyone: PairwiseCount
    groups: dict[int | None, PairwiseCount]

    def add(self, paper: BallotPaper, times: int) -> None:
        self.everyone.add(paper, times)
        self.groups.setdefault(paper.group_id, PairwiseCount(self.everyone.ids)).add(paper, times)


@dataclass
class _Held:
    """A ballot's votes (papers by voter, in the file's order), their papers' marks counted per stakeholder group
    and source, and for a ranking its pairwise counts, made at its first count."""

    papers: dict[str, BallotPaper]
    tallies: tuple[Tally, ...]
    counts: dict[int | None, MarkCounts]
    ranked: _Ranked | None = None
    _votes: Votes | None = field(default=None, repr=False)

    @classmethod
    def of(cls, votes: Votes) -> "_Held":
        return cls({paper.voter: paper for paper in votes.papers}, votes.tallies, mark_counts_by_group(votes.papers),
                   _votes=votes)

    @property
    def votes(self) -> Votes:
        if self._votes is None:
            self._votes = Votes(tuple(self.papers.values()), self.tallies)
        return self._votes

    def cast(self, paper: BallotPaper) -> None:
        """The voter's paper replaces their earlier one, and goes last (as its rows do in the file)."""
        earlier = self.papers.pop(paper.voter, None)
        if earlier is not None:
            self._add(earlier, -1)
        self.papers[paper.voter] = paper
        self._add(paper, +1)
        self._votes = None

    def set_tallies(self, saved: tuple[Tally, ...], replaced: Callable[[Tally], bool]) -> None:
        """A board's counts: those it `replaced` go, the `saved` ones go last (as in the file)."""
        self.tallies = tuple(t for t in self.tallies if not replaced(t)) + saved
        self._votes = None

    def _add(self, paper: BallotPaper, times: int) -> None:
        counted = self.counts.setdefault(paper.group_id, {}).setdefault(paper.source, Counter())
        for mark in paper.marks:
            counted[mark] += times
            if not counted[mark]:
                del counted[mark]
        if self.ranked is not None:
            self.ranked.add(paper, times)

    def pairwise(self, ids: tuple[int, ...]) -> _Ranked:
        """The pairwise counts for these options, counted from the papers held the first time (or if the options
        changed without a `forget`)."""
        if self.ranked is None or self.ranked.everyone.ids != ids:
            papers = self.votes.papers
            groups = {group: PairwiseCount(ids, [p for p in papers if p.group_id == group])
                      for group in {p.group_id for p in papers}}
            self.ranked = _Ranked(PairwiseCount(ids, papers), groups)
        return self.ranked


class LiveResults:
    """Votes saved through BallotService, and kept in memory per ballot for fast recounts."""

    def __init__(self, ballots: BallotService) -> None:
        self._ballots = ballots
        self._held: dict[int, _Held] = {}

    def _of(self, ballot_id: int) -> _Held:
        if ballot_id not in self._held:
            self._held[ballot_id] = _Held.of(self._ballots.votes(ballot_id))
        return self._held[ballot_id]

    def votes(self, ballot_id: int) -> Votes:
        return self._of(ballot_id).votes

    def forget(self, ballot_id: int) -> None:
        """The ballot's votes changed some other way: read them again next time."""
        self._held.pop(ballot_id, None)

    def result(self, ballot: Ballot, by_group: bool = False) -> Result:
        """As BallotService.result (a grid is always split by group; other methods when asked), from memory."""
        held, spec = self._of(ballot.id), method_spec(ballot.method)
        split = by_group or spec.criteria
        # A ranking counts each voter's order, kept in pairwise counts; the other methods add marks up.
        ranked = held.pairwise(tuple(o.id for o in ballot.options)) if spec.by_voter else None
        whole = self._count(ballot, held.votes, merged(held.counts.values()), ranked.everyone if ranked else None)
        groups = held.votes.group_ids()
        if not split or groups in ([None], []):
            return whole
        return replace(whole, groups=tuple(
            GroupResult(group, self._count(ballot, held.votes.of_group(group), held.counts.get(group, {}),
                                           ranked.groups[group] if ranked else None))
            for group in groups))

    @staticmethod
    def _count(ballot: Ballot, votes: Votes, counts: MarkCounts, pairwise: PairwiseCount | None) -> Result:
        """Papers are checked as they are entered, so they are counted unchecked (as the service does)."""
        if pairwise is not None:
            return ranking_result(ballot.options, pairwise, votes, counts)
        return count(ballot.method, ballot.settings, ballot.options, votes, ballot.criteria, check=False,
                     counts=counts)

    @writes
    def recorded(self, ballot_id: int, paper: BallotPaper) -> None:
        """A paper saved by someone else (a phone's, through the participant server): held as `cast` holds one."""
        held = self._held.get(ballot_id)
        if held is not None:
            held.cast(paper)

    def cast(self, ballot_id: int, paper: BallotPaper) -> BallotPaper:
        """Save one voter's ballot; in memory it replaces their earlier one and goes last, as in the file."""
        recorded = self._ballots.cast(ballot_id, paper)
        held = self._held.get(ballot_id)
        if held is not None:
            held.cast(recorded)
        return recorded

    @writes
    def set_tallies(self, ballot_id: int, amounts: Mapping[int, float], source: Source, axis: str = "",
                    group_id: int | None = None) -> tuple[Tally, ...]:
        """Save a board's counts; in memory they replace that board's earlier counts of the same options."""
        saved = self._ballots.set_tallies(ballot_id, amounts, source, axis, group_id)
        held = self._held.get(ballot_id)
        if held is not None:
            held.set_tallies(saved, lambda t: t.source == source and t.axis == axis and t.group_id == group_id
                             and t.option_id in amounts)
        return saved
