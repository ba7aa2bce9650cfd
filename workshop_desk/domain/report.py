"""What the minutes and the synthesis are written from: plain data gathered from a programme file."""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from workshop_desk.domain.attendance import RosterEntry
from workshop_desk.domain.ballot_texts import provisional
from workshop_desk.domain.ideas import Idea, Question, Theme
from workshop_desk.domain.models import AgendaItem, Programme, Sitting, StakeholderGroup
from workshop_desk.domain.priorities import Action, ConsolidatedPriority, Priority
from workshop_desk.domain.rounds import TimedRound
from workshop_desk.domain.speaking import SpeakingTurn
from workshop_desk.domain.table_plan import RoomTable
from workshop_desk.domain.voting import Ballot, Result, Votes

# The parts of a deliverable a user may leave out (the export dialog's checkboxes).
ATTENDANCE, AGENDA, CONTRIBUTIONS, VOTES, PRIORITIES, ACTIONS, ANNEXES = (
    "attendance", "agenda", "contributions", "votes", "priorities", "actions", "annexes")
SECTIONS = (ATTENDANCE, AGENDA, CONTRIBUTIONS, VOTES, PRIORITIES, ACTIONS, ANNEXES)


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """Which sections to write, and whether to leave people's names out (counts only, no speakers' names)."""

    sections: frozenset[str] = frozenset(SECTIONS)
    anonymise: bool = False

    def wants(self, section: str) -> bool:
        return section in self.sections


@dataclass(frozen=True, slots=True)
class BallotReport:
    """A ballot with its counted result and everything cast on it."""

    ballot: Ballot
    result: Result
    votes: Votes = field(default_factory=Votes)


@dataclass(frozen=True, slots=True)
class SittingReport:
    """One sitting as it ran: who came, the agenda with its real times, and what was said, voted and decided."""

    sitting: Sitting
    items: tuple[AgendaItem, ...] = ()
    roster: tuple[RosterEntry, ...] = ()
    ideas: tuple[Idea, ...] = ()  # every note not deleted (merged ones too), in id order
    themes: tuple[Theme, ...] = ()
    questions: tuple[Question, ...] = ()
    turns: tuple[SpeakingTurn, ...] = ()
    rounds: tuple[TimedRound, ...] = ()
    tables: tuple[RoomTable, ...] = ()
    ballots: tuple[BallotReport, ...] = ()
    priorities: tuple[Priority, ...] = ()
    actions: tuple[Action, ...] = ()

    def idea_votes(self) -> dict[int, float]:
        """The score each idea received, summed over the ballots that had it as an option."""
        found: dict[int, float] = {}
        for entry in self.ballots:
            ideas = {option.id: option.idea_id for option in entry.ballot.options if option.idea_id is not None}
            for row in entry.result.rows:
                idea_id = ideas.get(row.option_id)
                if idea_id is not None and row.score is not None:
                    found[idea_id] = found.get(idea_id, 0.0) + row.score
        return found

    def provisional_ballots(self) -> frozenset[int]:
        """The ballots whose result may still change or that the room has not seen (marked so where they appear)."""
        return frozenset(entry.ballot.id for entry in self.ballots if provisional(entry.ballot))

    def table_names(self) -> dict[int, str]:
        return {table.id: table.name for table in self.tables}


@dataclass(frozen=True, slots=True)
class ProgrammeReport:
    """A programme's sittings (one or all), its stakeholder groups, its consolidated priorities and action plan."""

    programme: Programme
    groups: tuple[StakeholderGroup, ...]
    sittings: tuple[SittingReport, ...]
    consolidated: tuple[ConsolidatedPriority, ...] = ()
    actions: tuple[Action, ...] = ()  # the whole programme's action plan
    whole_programme: bool = False  # the consolidated report over every sitting (False: one sitting's minutes)
    written_at: dt.datetime | None = None
    speaker_groups: Mapping[int, int | None] = field(default_factory=dict)  # participant who spoke -> group

    def priority_titles(self) -> dict[int, str]:
        """The title of every priority retained in the report's sittings, by id (what an action serves)."""
        return {p.id: p.title for s in self.sittings for p in s.priorities}

    def group_names(self) -> Mapping[int | None, str]:
        return {group.id: group.name for group in self.groups}
