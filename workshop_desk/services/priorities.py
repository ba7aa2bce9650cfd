"""A sitting's priorities (promoted from vote results, or typed), their consolidation over the programme, and the
action plan: actions created from priorities, ideas or from scratch, with their indicators."""

from collections import defaultdict
from collections.abc import Sequence

from sqlmodel import Session, col, select

from workshop_desk.domain import validation
from workshop_desk.domain.agenda import moved
from workshop_desk.domain.priorities import (
    Action,
    ActionDraft,
    ConsolidatedPriority,
    Indicator,
    IndicatorDraft,
    Priority,
    PriorityDraft,
    clean_action,
    clean_indicator,
    clean_priority,
    consolidate,
    elire_indicators,
    standing_from_json,
    standing_of,
    standing_to_json,
)
from workshop_desk.services.mapping import fetch, rewrite_list, to_domain
from workshop_desk.services.voting import ballot_result
from workshop_desk.services.writes import writes
from workshop_desk.storage import snapshots
from workshop_desk.storage.db import Database
from workshop_desk.storage.snapshots import Snapshot
from workshop_desk.storage.tables import (
    ActionTable,
    IdeaTable,
    IndicatorTable,
    PriorityTable,
    ProgrammeTable,
    SittingTable,
)


def _priority_rows(session: Session, sitting_id: int) -> list[PriorityTable]:
    query = select(PriorityTable).where(PriorityTable.sitting_id == sitting_id)
    return list(session.exec(query.order_by(col(PriorityTable.position), col(PriorityTable.id))))


def _renumbered(session: Session, rows: list[PriorityTable]) -> list[Priority]:
    """Store the rows' order as their positions (0, 1, 2…) and return them."""
    for position, row in enumerate(rows):
        if row.position != position:
            row.position = position
            session.add(row)
    session.flush()
    return [_priority(row) for row in rows]


def _priority(row: PriorityTable) -> Priority:
    """A priority with the facts of its vote read back from the file."""
    return to_domain(row, Priority, standing=standing_from_json(row.standing_json))  # type: ignore[arg-type]




def _action(session: Session, row: ActionTable) -> Action:
    query = select(IndicatorTable).where(IndicatorTable.action_id == row.id)
    indicators = session.exec(query.order_by(col(IndicatorTable.position), col(IndicatorTable.id)))
    return to_domain(row, Action, indicators=tuple(to_domain(i, Indicator) for i in indicators))


def _set_indicators(session: Session, action_id: int, indicators: Sequence[IndicatorDraft]) -> None:
    values = [clean_indicator(draft) for draft in indicators]
    query = select(IndicatorTable).where(IndicatorTable.action_id == action_id)
    rows = list(session.exec(query.order_by(col(IndicatorTable.position), col(IndicatorTable.id))))
    rewrite_list(session, rows, values, "name", lambda: IndicatorTable(action_id=action_id, name=""))


class PriorityService:
    """Priorities of each sitting, the programme's consolidated list, and the action plan."""

    def __init__(self, database: Database) -> None:
        self._db = database

    # Priorities ---------------------------------------------------------------------------------------------

    def for_sitting(self, sitting_id: int) -> list[Priority]:
        """The sitting's priorities, first first."""
        with self._db.session() as session:
            return [_priority(row) for row in _priority_rows(session, sitting_id)]

    @writes
    def promote(self, ballot_id: int, option_ids: Sequence[int] | None = None) -> list[Priority]:
        """Append result rows (all, or the options given, in the result's order) to the ballot's sitting's
        priorities, each with the method, its score, and a sentence saying why; an option already promoted
        from this ballot is not added twice. Returns the sitting's whole list."""
        with self._db.session() as session:
            ballot, result = ballot_result(session, ballot_id)
            rows = _priority_rows(session, ballot.sitting_id)
            done = {row.option_id for row in rows if row.ballot_id == ballot_id}
            wanted = set(option_ids) if option_ids is not None else None
            for line in result.rows:
                if line.option_id in done or (wanted is not None and line.option_id not in wanted):
                    continue
                option = next(o for o in ballot.options if o.id == line.option_id)
                rows.append(PriorityTable(
                    sitting_id=ballot.sitting_id, ballot_id=ballot_id, option_id=option.id, idea_id=option.idea_id,
                    title=option.label, method=str(ballot.method), score=line.score,
                    standing_json=standing_to_json(standing_of(ballot.title, line, result))))
            session.add_all(rows)
            return _renumbered(session, rows)

    @writes
    def add(self, sitting_id: int, draft: PriorityDraft, idea_id: int | None = None) -> Priority:
        """A priority typed in (or taken from an idea), at the end of the sitting's list."""
        values = clean_priority(draft)
        with self._db.session() as session:
            fetch(session, SittingTable, sitting_id)
            rows = _priority_rows(session, sitting_id)
            row = PriorityTable(sitting_id=sitting_id, idea_id=idea_id, position=len(rows), **values)  # type: ignore[arg-type]
            session.add(row)
            session.flush()
            return _priority(row)

    @writes
    def update(self, priority_id: int, draft: PriorityDraft) -> Priority:
        """Edit a priority's title, justification or score (the method it came from is kept)."""
        values = clean_priority(draft)
        with self._db.session() as session:
            row = fetch(session, PriorityTable, priority_id)
            for name, value in values.items():
                setattr(row, name, value)
            session.add(row)
            session.flush()
            return _priority(row)

    @writes
    def move(self, priority_id: int, position: int) -> list[Priority]:
        """Move a priority to `position` (0 = first) in its sitting's list; returns the list."""
        with self._db.session() as session:
            row = fetch(session, PriorityTable, priority_id)
            rows = {r.id: r for r in _priority_rows(session, row.sitting_id) if r.id is not None}
            order = moved(list(rows), list(rows).index(priority_id), position)
            return _renumbered(session, [rows[i] for i in order])

    @writes
    def reorder(self, sitting_id: int, priority_ids: Sequence[int]) -> list[Priority]:
        """Put the sitting's priorities in the order given (every one of them, once)."""
        with self._db.session() as session:
            rows = {row.id: row for row in _priority_rows(session, sitting_id) if row.id is not None}
            if sorted(priority_ids) != sorted(rows):
                raise ValueError("the new order must list each priority of the sitting once")
            return _renumbered(session, [rows[i] for i in priority_ids])

    @writes
    def delete_many(self, priority_ids: Sequence[int]) -> Snapshot:
        """Remove priorities (actions made from them stay, unlinked); the lists are renumbered. Returns what an undo
        puts back."""
        with self._db.session() as session:
            snapshot = snapshots.remove(session, "priority", priority_ids)
            for sitting_id in {row["sitting_id"] for row in snapshot.of("priority")}:
                _renumbered(session, _priority_rows(session, sitting_id))
            return snapshot

    def consolidated(self) -> tuple[ConsolidatedPriority, ...]:
        """One list over the programme's sittings (rules: domain/priorities.py consolidate)."""
        with self._db.session() as session:
            order = session.exec(select(SittingTable.id).order_by(col(SittingTable.position), col(SittingTable.id)))
            sitting_ids = [sitting_id for sitting_id in order if sitting_id is not None]
            priorities = [_priority(row) for row in session.exec(select(PriorityTable))]
            return consolidate(priorities, sitting_ids)

    # The action plan ----------------------------------------------------------------------------------------

    def actions(self) -> list[Action]:
        """The programme's actions, in plan order, each with its indicators (all read in two queries)."""
        with self._db.session() as session:
            rows = session.exec(select(ActionTable).order_by(col(ActionTable.position), col(ActionTable.id)))
            indicators: dict[int, list[Indicator]] = defaultdict(list)
            for row in session.exec(select(IndicatorTable).order_by(col(IndicatorTable.position),
                                                                    col(IndicatorTable.id))):
                indicators[row.action_id].append(to_domain(row, Indicator))
            return [to_domain(row, Action, indicators=tuple(indicators[row.id or 0])) for row in rows]

    @writes
    def create_action(self, draft: ActionDraft, *, priority_id: int | None = None, idea_id: int | None = None,
                      sitting_id: int | None = None, indicators: Sequence[IndicatorDraft] | None = None) -> Action:
        """An action at the end of the plan; its indicators by default are the five ELIRE criteria."""
        values = clean_action(draft)
        with self._db.session() as session:
            programme_id = session.exec(select(ProgrammeTable.id)).first()
            if programme_id is None:
                raise LookupError("no programme in this file")
            count = len(session.exec(select(ActionTable.id)).all())
            row = ActionTable(programme_id=programme_id, priority_id=priority_id, idea_id=idea_id,
                              sitting_id=sitting_id, position=count, **values)  # type: ignore[arg-type]
            session.add(row)
            session.flush()
            assert row.id is not None
            _set_indicators(session, row.id, elire_indicators() if indicators is None else indicators)
            return _action(session, row)

    @writes
    def action_from_priority(self, priority_id: int, draft: ActionDraft | None = None,
                             indicators: Sequence[IndicatorDraft] | None = None) -> Action:
        """An action carrying a priority out: by default titled like it, described by its justification."""
        with self._db.session() as session:
            priority = fetch(session, PriorityTable, priority_id)
        draft = draft or ActionDraft(priority.title, description=priority.justification)
        return self.create_action(draft, priority_id=priority_id, idea_id=priority.idea_id,
                                  sitting_id=priority.sitting_id, indicators=indicators)

    @writes
    def action_from_idea(self, idea_id: int, draft: ActionDraft | None = None,
                         indicators: Sequence[IndicatorDraft] | None = None) -> Action:
        """An action from a sticky note: by default titled with its text."""
        with self._db.session() as session:
            idea = fetch(session, IdeaTable, idea_id)
        title = " ".join(idea.text.split())[: validation.MAX_TITLE]
        return self.create_action(draft or ActionDraft(title), idea_id=idea_id, sitting_id=idea.sitting_id,
                                  indicators=indicators)

    @writes
    def update_action(self, action_id: int, draft: ActionDraft) -> Action:
        values = clean_action(draft)
        with self._db.session() as session:
            row = fetch(session, ActionTable, action_id)
            for name, value in values.items():
                setattr(row, name, value)
            session.add(row)
            session.flush()
            return _action(session, row)

    @writes
    def set_indicators(self, action_id: int, indicators: Sequence[IndicatorDraft]) -> Action:
        """Replace the action's indicators (name and target each)."""
        with self._db.session() as session:
            row = fetch(session, ActionTable, action_id)
            _set_indicators(session, action_id, indicators)
            return _action(session, row)

    @writes
    def delete_action(self, action_id: int) -> Snapshot:
        """Remove an action and its indicators; returns what an undo puts back."""
        with self._db.session() as session:
            return snapshots.remove(session, "action", [action_id])
