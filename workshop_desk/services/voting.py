"""Ballots of a sitting: options, controls, votes from every source (provenance kept), results.

Votes are stored as services/ballot_votes.py describes. Settings and options cannot change once a vote is in,
and each paper is checked as it is entered, so the papers stored are counted without checking them again.
"""

import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import delete
from sqlmodel import Session, col, func, select

from workshop_desk.domain import validation
from workshop_desk.domain.counting import check_paper, check_tally, count, count_by_group
from workshop_desk.domain.counting_grid import elire_criteria
from workshop_desk.domain.enums import BallotMethod, BallotStatus, Source
from workshop_desk.domain.vote_methods import default_settings, method_spec, settings_from_dict
from workshop_desk.domain.voting import (
    Ballot,
    BallotPaper,
    Criterion,
    Option,
    Result,
    Settings,
    Tally,
    Votes,
    check_settings,
    participant_key,
    settings_to_dict,
)
from workshop_desk.domain.voting_sheet import SheetReading
from workshop_desk.i18n import _, ngettext
from workshop_desk.services.ballot_votes import load_votes, next_voter, numbered, store_papers
from workshop_desk.services.mapping import rewrite_list, to_domain
from workshop_desk.services.writes import writes
from workshop_desk.storage import snapshots
from workshop_desk.storage.db import Database
from workshop_desk.storage.snapshots import Snapshot
from workshop_desk.storage.tables import (
    BallotOptionTable,
    BallotTable,
    CriterionTable,
    IdeaTable,
    ParticipantTable,
    SittingTable,
    ThemeTable,
    VoteTable,
)

# --- Reading, in a session ----------------------------------------------------------------------------------


def ballot_row(session: Session, ballot_id: int) -> BallotTable:
    row = session.get(BallotTable, ballot_id)
    if row is None:
        raise LookupError(f"ballot {ballot_id}")
    return row


def load_ballot(session: Session, ballot_id: int) -> Ballot:
    """A ballot with its options and criteria, in their order."""
    row = ballot_row(session, ballot_id)
    method = BallotMethod(row.method)
    options = session.exec(select(BallotOptionTable).where(BallotOptionTable.ballot_id == ballot_id)
                           .order_by(col(BallotOptionTable.position), col(BallotOptionTable.id)))
    criteria = session.exec(select(CriterionTable).where(CriterionTable.ballot_id == ballot_id)
                            .order_by(col(CriterionTable.position), col(CriterionTable.id)))
    return to_domain(row, Ballot, method=method, settings=settings_from_dict(method, json.loads(row.settings_json)),
                     options=tuple(to_domain(o, Option) for o in options),
                     criteria=tuple(to_domain(c, Criterion) for c in criteria))


def ballot_result(session: Session, ballot_id: int, by_group: bool | None = None) -> tuple[Ballot, Result]:
    """A ballot and its result over every source; split by stakeholder group when votes name groups and
    `by_group` asks for it (None: for multi-criteria grids only, where the split is part of the result)."""
    ballot = load_ballot(session, ballot_id)
    return ballot, counted(ballot, load_votes(session, ballot_id), by_group)


def counted(ballot: Ballot, votes: Votes, by_group: bool | None = None) -> Result:
    """The result of `votes` on `ballot`, as `ballot_result` counts it."""
    split = method_spec(ballot.method).criteria if by_group is None else by_group
    counting = count_by_group if split else count
    return counting(ballot.method, ballot.settings, ballot.options, votes, ballot.criteria, check=False)


def _has_votes(session: Session, ballot_id: int) -> bool:
    return session.exec(select(VoteTable.id).where(VoteTable.ballot_id == ballot_id).limit(1)).first() is not None


def _require_no_votes(session: Session, ballot_id: int) -> None:
    if _has_votes(session, ballot_id):
        raise validation.ValidationError(_("Votes have been cast: the options and settings can no longer change. "
                                           "Clear the votes first."))


def require_open(ballot: Ballot) -> None:
    if ballot.status != BallotStatus.OPEN:
        raise validation.ValidationError(_("The ballot “{title}” is not open: open it to enter votes.").format(
            title=ballot.title))


def _ready(_session: Session, ballot: Ballot) -> None:
    """Raise unless the ballot has what it takes to be voted on."""
    spec = method_spec(ballot.method)
    needed = spec.min_options
    if len(ballot.options) < needed:
        raise validation.ValidationError(ngettext("A ballot of this kind needs at least {n} option.",
                                                  "A ballot of this kind needs at least {n} options.",
                                                  needed).format(n=needed))
    if spec.criteria and not ballot.criteria:
        raise validation.ValidationError(_("A multi-criteria ballot needs at least one criterion."))


# --- Writing, in a session ----------------------------------------------------------------------------------


def _add_options(session: Session, ballot_id: int, labels: Sequence[str], idea_ids: Sequence[int],
                 theme_ids: Sequence[int]) -> None:
    """Options typed for the occasion, or taken from ideas (their text) and themes (their name)."""
    start = session.exec(select(func.count()).where(BallotOptionTable.ballot_id == ballot_id)).one()
    found: list[dict[str, Any]] = [{"label": validation.clean_title(label, _("Option"))} for label in labels]
    for idea_id in idea_ids:
        idea = session.get(IdeaTable, idea_id)
        if idea is None:
            raise LookupError(f"idea {idea_id}")
        found.append({"label": validation.clean_title(idea.text, _("Option")), "idea_id": idea_id})
    for theme_id in theme_ids:
        theme = session.get(ThemeTable, theme_id)
        if theme is None:
            raise LookupError(f"theme {theme_id}")
        found.append({"label": validation.clean_title(theme.name, _("Option")), "theme_id": theme_id})
    session.add_all(BallotOptionTable(ballot_id=ballot_id, position=start + n, **values)
                    for n, values in enumerate(found))


def _set_criteria(session: Session, ballot_id: int, criteria: Sequence[tuple[str, float]]) -> None:
    if any(weight < 0 for _name, weight in criteria) or (criteria and not sum(w for _n, w in criteria)):
        raise validation.ValidationError(_("Criteria weights must be 0 or more, and not all 0."))
    wanted = [{"name": validation.clean_title(name, _("Criterion")), "weight": float(weight)}
              for name, weight in criteria]
    rows = session.exec(select(CriterionTable).where(CriterionTable.ballot_id == ballot_id)
                        .order_by(col(CriterionTable.position), col(CriterionTable.id))).all()
    rewrite_list(session, rows, wanted, "name", lambda: CriterionTable(ballot_id=ballot_id, name=""))


def _identified(session: Session, paper: BallotPaper) -> BallotPaper:
    """The paper with, for a participant's, their voter key and, by default, their group (an anonymous paper
    without a key is numbered when stored)."""
    voter, group_id = paper.voter.strip(), paper.group_id
    if paper.participant_id is not None:
        person = session.get(ParticipantTable, paper.participant_id)
        if person is None:
            raise LookupError(f"participant {paper.participant_id}")
        voter = voter or participant_key(paper.participant_id)
        group_id = group_id if group_id is not None else person.group_id
    return BallotPaper(voter, paper.marks, group_id, paper.source, paper.participant_id)


class BallotService:
    """Ballots, their votes from every source, and their results."""

    def __init__(self, database: Database) -> None:
        self._db = database

    # Ballots and options ------------------------------------------------------------------------------------

    @writes
    def create(self, sitting_id: int, title: str, method: BallotMethod, options: Sequence[str] = (), *,
               settings: Settings | None = None, idea_ids: Sequence[int] = (), theme_ids: Sequence[int] = (),
               criteria: Sequence[tuple[str, float]] | None = None, agenda_item_id: int | None = None) -> Ballot:
        """A draft ballot; a multi-criteria one gets the five ELIRE criteria, equally weighted, unless told."""
        method = BallotMethod(method)
        settings = check_settings(settings if settings is not None else default_settings(method))
        if not isinstance(settings, method_spec(method).settings_type):
            raise TypeError(f"{type(settings).__name__} are not settings of a {method} ballot")
        with self._db.session() as session:
            if session.get(SittingTable, sitting_id) is None:
                raise LookupError(f"sitting {sitting_id}")
            row = BallotTable(sitting_id=sitting_id, agenda_item_id=agenda_item_id, method=str(method),
                              title=validation.clean_title(title, _("Ballot title")),
                              settings_json=json.dumps(settings_to_dict(settings)))
            session.add(row)
            session.flush()
            assert row.id is not None
            _add_options(session, row.id, options, idea_ids, theme_ids)
            if method_spec(method).criteria:
                _set_criteria(session, row.id, elire_criteria() if criteria is None else criteria)
            session.flush()
            return load_ballot(session, row.id)

    def get(self, ballot_id: int) -> Ballot:
        with self._db.session() as session:
            return load_ballot(session, ballot_id)

    def for_sitting(self, sitting_id: int) -> list[Ballot]:
        """The sitting's ballots, oldest first."""
        with self._db.session() as session:
            ids = session.exec(select(BallotTable.id).where(BallotTable.sitting_id == sitting_id)
                               .order_by(col(BallotTable.id))).all()
            return [load_ballot(session, ballot_id) for ballot_id in ids if ballot_id is not None]

    @writes
    def rename(self, ballot_id: int, title: str) -> Ballot:
        return self._change(ballot_id, title=validation.clean_title(title, _("Ballot title")))

    @writes
    def delete(self, ballot_id: int) -> Snapshot:
        """Delete a ballot with its options, criteria and votes (its priorities keep their text); returns what an
        undo puts back."""
        with self._db.session() as session:
            return snapshots.remove(session, "ballot", [ballot_id])

    @writes
    def add_options(self, ballot_id: int, labels: Sequence[str] = (), *, idea_ids: Sequence[int] = (),
                    theme_ids: Sequence[int] = ()) -> Ballot:
        with self._db.session() as session:
            _require_no_votes(session, ballot_id)
            _add_options(session, ballot_id, labels, idea_ids, theme_ids)
            session.flush()
            return load_ballot(session, ballot_id)

    @writes
    def remove_option(self, ballot_id: int, option_id: int) -> Ballot:
        with self._db.session() as session:
            _require_no_votes(session, ballot_id)
            session.execute(delete(BallotOptionTable).where(col(BallotOptionTable.id) == option_id,
                                                            col(BallotOptionTable.ballot_id) == ballot_id))
            return load_ballot(session, ballot_id)

    @writes
    def change_settings(self, ballot_id: int, settings: Settings) -> Ballot:
        """New settings for the ballot's method, while no vote is in."""
        def allowed(session: Session, ballot: Ballot) -> None:
            _require_no_votes(session, ballot_id)
            if not isinstance(settings, type(ballot.settings)):
                raise TypeError(f"{type(settings).__name__} are not settings of a {ballot.method} ballot")

        return self._change(ballot_id, allowed, settings_json=json.dumps(settings_to_dict(check_settings(settings))))

    @writes
    def set_criteria(self, ballot_id: int, criteria: Sequence[tuple[str, float]]) -> Ballot:
        """The grid's criteria (name, weight), replacing the earlier ones, while no vote is in."""
        with self._db.session() as session:
            _require_no_votes(session, ballot_id)
            _set_criteria(session, ballot_id, criteria)
            session.flush()
            return load_ballot(session, ballot_id)

    # Controls -----------------------------------------------------------------------------------------------

    @writes
    def open(self, ballot_id: int) -> Ballot:
        """Start taking votes (there must be options to vote on)."""
        return self._change(ballot_id, _ready, status=str(BallotStatus.OPEN))

    @writes
    def close(self, ballot_id: int) -> Ballot:
        """Stop taking votes (reopen to enter late ballots)."""
        return self._change(ballot_id, status=str(BallotStatus.CLOSED))

    @writes
    def reveal(self, ballot_id: int, revealed: bool = True) -> Ballot:
        """Show (or hide again) the results on the projector."""
        return self._change(ballot_id, revealed=revealed)

    @writes
    def shuffle(self, ballot_id: int, shuffled: bool = True) -> Ballot:
        """Show the options in random order on the projector (or in their own order)."""
        return self._change(ballot_id, shuffled=shuffled)

    def _change(self, ballot_id: int, allowed: Callable[[Session, Ballot], None] | None = None,
                **values: object) -> Ballot:
        """Set some of the ballot's columns, if `allowed` (which raises if not) lets it."""
        with self._db.session() as session:
            if allowed:
                allowed(session, load_ballot(session, ballot_id))
            row = ballot_row(session, ballot_id)
            for name, value in values.items():
                setattr(row, name, value)
            session.add(row)
            session.flush()
            return load_ballot(session, ballot_id)

    # Votes --------------------------------------------------------------------------------------------------

    @writes
    def cast(self, ballot_id: int, paper: BallotPaper) -> BallotPaper:
        """Record one voter's ballot (replacing their earlier one). No voter key: a participant's, or the next
        number. No group: the participant's. Returns the paper as recorded."""
        return self.cast_many(ballot_id, [paper])[0]

    @writes
    def cast_many(self, ballot_id: int, papers: Sequence[BallotPaper]) -> list[BallotPaper]:
        """Record several ballots in one transaction: if one breaks a rule, none is recorded."""
        with self._db.session() as session:
            ballot = load_ballot(session, ballot_id)
            require_open(ballot)
            recorded = numbered(session, ballot_id, [_identified(session, paper) for paper in papers])
            for paper in recorded:
                check_paper(ballot.method, ballot.settings, ballot.options, paper, ballot.criteria)
            store_papers(session, ballot_id, recorded)
            return recorded

    @writes
    def set_tallies(self, ballot_id: int, amounts: Mapping[int, float], source: Source = Source.PAPER,
                    axis: str = "", group_id: int | None = None) -> tuple[Tally, ...]:
        """Counts read off a board (dots, hands, people per stance), by option; they replace that board's earlier
        counts for the same options (one board per source, kind and group). 0 clears a count."""
        tallies = tuple(Tally(option_id, float(amount), axis, Source(source), group_id)
                        for option_id, amount in amounts.items())
        with self._db.session() as session:
            ballot = load_ballot(session, ballot_id)
            require_open(ballot)
            for tally in tallies:
                check_tally(ballot.method, ballot.settings, ballot.options, tally)
            group = col(VoteTable.group_id).is_(None) if group_id is None else col(VoteTable.group_id) == group_id
            session.execute(delete(VoteTable).where(
                col(VoteTable.ballot_id) == ballot_id, col(VoteTable.voter_key) == "", group,
                col(VoteTable.source) == str(source), col(VoteTable.axis) == axis,
                col(VoteTable.option_id).in_([t.option_id for t in tallies])))
            session.add_all(VoteTable(ballot_id=ballot_id, option_id=t.option_id, value=t.amount, axis=axis,
                                      source=str(source), group_id=group_id) for t in tallies if t.amount)
            return tuple(t for t in tallies if t.amount)

    @writes
    def set_hands(self, ballot_id: int, hands: Mapping[int, float], group_id: int | None = None) -> tuple[Tally, ...]:
        """Hands counted in the room, per option."""
        return self.set_tallies(ballot_id, hands, Source.SHOW_OF_HANDS, "", group_id)

    @writes
    def delete_voter(self, ballot_id: int, voter: str) -> bool:
        """Remove one voter's ballot (a mistaken entry); False if they had none."""
        with self._db.session() as session:
            require_open(load_ballot(session, ballot_id))
            gone = session.execute(delete(VoteTable).where(col(VoteTable.ballot_id) == ballot_id,
                                                           col(VoteTable.voter_key) == voter))
            return bool(getattr(gone, "rowcount", 0))

    @writes
    def clear_votes(self, ballot_id: int) -> int:
        """Remove every vote of the ballot (to change its options or settings); returns how many rows went."""
        with self._db.session() as session:
            ballot_row(session, ballot_id)
            gone = session.execute(delete(VoteTable).where(col(VoteTable.ballot_id) == ballot_id))
            return int(getattr(gone, "rowcount", 0))

    def votes(self, ballot_id: int) -> Votes:
        """Everything cast on the ballot, each paper and tally with its source."""
        with self._db.session() as session:
            return load_votes(session, ballot_id)

    def next_voter(self, ballot_id: int) -> str:
        with self._db.session() as session:
            return next_voter(session, ballot_id)

    @writes
    def import_file(self, ballot_id: int, path: Path, source: Source = Source.IMPORT) -> SheetReading:
        """Ballots from a spreadsheet, one row per voter (layout: domain/voting_sheet.py), in one transaction:
        on any error (the message names the line) nothing is recorded. Each voter's earlier ballot is replaced."""
        from workshop_desk.services.voting_import import read_sheet

        return self.import_rows(ballot_id, read_sheet(path), path.name, source)

    @writes
    def import_rows(self, ballot_id: int, rows: Sequence[Sequence[object]], name: str,
                    source: Source = Source.IMPORT) -> SheetReading:
        """As import_file, from rows already read (the slow part, done off the GUI thread) of the file `name`."""
        from workshop_desk.services.voting_import import import_ballots

        return import_ballots(self._db, ballot_id, rows, name, source)

    # Results ------------------------------------------------------------------------------------------------

    def result(self, ballot_id: int, by_group: bool | None = None) -> Result:
        """The ranked result from every source, with the count per source, and one result per stakeholder group
        (multi-criteria grids always; other methods when `by_group`). For the facilitator: revealed or not."""
        with self._db.session() as session:
            return ballot_result(session, ballot_id, by_group)[1]

    def result_with_votes(self, ballot: Ballot) -> tuple[Result, Votes]:
        """`result` and `votes` of a ballot just read, the votes read from the file once (the synthesis lists and
        counts them)."""
        with self._db.session() as session:
            votes = load_votes(session, ballot.id)
        return counted(ballot, votes), votes

    def projected_result(self, ballot_id: int) -> Result | None:
        """The result the projector may show: None until it is revealed."""
        with self._db.session() as session:
            ballot, result = ballot_result(session, ballot_id)
            return result if ballot.revealed else None
