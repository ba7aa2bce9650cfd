"""Live results while votes come in: each ballot's votes are read once, then kept up to date — with their marks
already counted by group and source — as each paper is cast and each count is set through here.

Why: reading 800 ranked ballots of 30 options back from the file takes ~100 ms (24,000 rows), and counting the
120,000 marks of 800 ELIRE grids one by one ~30 ms, while the projector must follow a vote within 100 ms. With
the votes and their mark counts in memory, a recount adds up a few hundred distinct marks. Anything else that
changes a ballot's votes (an import, a cleared ballot, an undo) calls `forget`: the next result reads them again.
"""

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace

from workshop_desk.domain.counting import count, count_by_group
from workshop_desk.domain.counting_base import MarkCounts, mark_counts_by_group, merged
from workshop_desk.domain.enums import BallotMethod, Source
from workshop_desk.domain.voting import Ballot, BallotPaper, GroupResult, Result, Tally, Votes
from workshop_desk.services.voting import BallotService
from workshop_desk.services.writes import writes


@dataclass
class _Held:
    """A ballot's votes, and their papers' marks counted per stakeholder group and source."""

    votes: Votes
    counts: dict[int | None, MarkCounts]

    def add(self, paper: BallotPaper, times: int) -> None:
        counted = self.counts.setdefault(paper.group_id, {}).setdefault(paper.source, Counter())
        for mark in paper.marks:
            counted[mark] += times
            if not counted[mark]:
                del counted[mark]


class LiveResults:
    """Votes saved through BallotService, and kept in memory per ballot for fast recounts."""

    def __init__(self, ballots: BallotService) -> None:
        self._ballots = ballots
        self._held: dict[int, _Held] = {}

    def _of(self, ballot_id: int) -> _Held:
        if ballot_id not in self._held:
            votes = self._ballots.votes(ballot_id)
            self._held[ballot_id] = _Held(votes, mark_counts_by_group(votes.papers))
        return self._held[ballot_id]

    def votes(self, ballot_id: int) -> Votes:
        return self._of(ballot_id).votes

    def forget(self, ballot_id: int) -> None:
        """The ballot's votes changed some other way: read them again next time."""
        self._held.pop(ballot_id, None)

    def result(self, ballot: Ballot, by_group: bool = False) -> Result:
        """As BallotService.result (a grid is always split by group; other methods when asked), from memory."""
        held = self._of(ballot.id)
        split = by_group or ballot.method == BallotMethod.CRITERIA
        if ballot.method == BallotMethod.RANKING:  # each voter's order counts, not marks added up
            counting = count_by_group if split else count
            return counting(ballot.method, ballot.settings, ballot.options, held.votes, ballot.criteria, check=False)
        whole = self._count(ballot, held.votes, merged(held.counts.values()))
        groups = held.votes.group_ids()
        if not split or groups in ([None], []):
            return whole
        return replace(whole, groups=tuple(
            GroupResult(group, self._count(ballot, held.votes.of_group(group), held.counts.get(group, {})))
            for group in groups))

    @staticmethod
    def _count(ballot: Ballot, votes: Votes, counts: MarkCounts | None) -> Result:
        """Papers are checked as they are entered, so they are counted unchecked (as the service does)."""
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
            for earlier in (p for p in held.votes.papers if p.voter == recorded.voter):
                held.add(earlier, -1)
            held.add(recorded, +1)
            papers = (*(p for p in held.votes.papers if p.voter != recorded.voter), recorded)
            held.votes = Votes(papers, held.votes.tallies)
        return recorded

    @writes
    def set_tallies(self, ballot_id: int, amounts: Mapping[int, float], source: Source, axis: str = "",
                    group_id: int | None = None) -> tuple[Tally, ...]:
        """Save a board's counts; in memory they replace that board's earlier counts of the same options."""
        saved = self._ballots.set_tallies(ballot_id, amounts, source, axis, group_id)
        held = self._held.get(ballot_id)
        if held is not None:
            kept = tuple(t for t in held.votes.tallies if not (t.source == source and t.axis == axis
                                                               and t.group_id == group_id and t.option_id in amounts))
            held.votes = Votes(held.votes.papers, kept + saved)
        return saved
