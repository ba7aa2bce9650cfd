"""Room tables of a sitting, fixed seats, and the seating plan over rounds: plan, read back, move."""

from collections.abc import Sequence

from sqlmodel import Session, col, select

from workshop_desk.domain import validation
from workshop_desk.domain.agenda import moved as reordered
from workshop_desk.domain.attendance import RosterEntry
from workshop_desk.domain.models import Attendance, Participant
from workshop_desk.domain.table_plan import (
    MAX_CAPACITY,
    RoomTable,
    SeatingProblem,
    SittingPlan,
    TableDraft,
    TablePlan,
    TablePlanError,
    TableSpec,
    moved,
    people_to_seat,
    quality,
    tables_from_rows,
)
from workshop_desk.domain.table_search import plan_tables
from workshop_desk.i18n import _
from workshop_desk.services.mapping import fetch, renumber, to_domain
from workshop_desk.services.writes import writes
from workshop_desk.storage import snapshots
from workshop_desk.storage.db import Database
from workshop_desk.storage.snapshots import Snapshot
from workshop_desk.storage.tables import (
    AttendanceTable,
    ParticipantTable,
    RoomTableTable,
    RoundTable,
    SittingTable,
    TableAssignmentTable,
)

FIXED_SEATS_ROUND = 0  # the `round` row numbered 0 is no round: it holds the sitting's fixed seats


def _clean(session: Session, draft: TableDraft) -> dict[str, object]:
    if not 1 <= draft.capacity <= MAX_CAPACITY:
        raise validation.ValidationError(_("A table seats between 1 and {max} people.").format(max=MAX_CAPACITY))
    for person in (draft.host_id, draft.rapporteur_id):
        if person is not None and session.get(ParticipantTable, person) is None:
            raise LookupError(f"participant {person}")
    return {"name": validation.clean_title(draft.name, _("Table name")),
            "theme": validation.clean_text(draft.theme, _("Theme")), "capacity": draft.capacity,
            "host_id": draft.host_id, "rapporteur_id": draft.rapporteur_id}


def _table_rows(session: Session, sitting_id: int) -> list[RoomTableTable]:
    query = select(RoomTableTable).where(RoomTableTable.sitting_id == sitting_id)
    return list(session.exec(query.order_by(col(RoomTableTable.position), col(RoomTableTable.id))))


def _round_rows(session: Session, sitting_id: int) -> dict[int, RoundTable]:
    """The sitting's `round` rows by number (number 0 included: the fixed seats)."""
    query = select(RoundTable).where(RoundTable.sitting_id == sitting_id)
    return {row.number: row for row in session.exec(query.order_by(col(RoundTable.number), col(RoundTable.id)))}


def _assignments(session: Session, round_id: int) -> list[TableAssignmentTable]:
    query = select(TableAssignmentTable).where(TableAssignmentTable.round_id == round_id)
    return list(session.exec(query.order_by(col(TableAssignmentTable.id))))


def _sitting(session: Session, sitting_id: int) -> SittingTable:
    return fetch(session, SittingTable, sitting_id)


def _groups(session: Session, people: set[int]) -> dict[int, int | None]:
    query = select(ParticipantTable.id, ParticipantTable.group_id).where(col(ParticipantTable.id).in_(people))
    return {person: group for person, group in session.exec(query) if person is not None}


def _seated(plan: TablePlan) -> set[int]:
    return {person for seating in plan.rounds for people in seating.values() for person in people}


class RoomTableService:
    """A sitting's tables and who sits where, round by round.

    Storage, with no column of its own: a plan is the sitting's `round` rows numbered 1..R, with one
    `table_assignment` row per person and round (`fixed` set for people fixed to their table). Fixed seats
    themselves are the assignments of the sitting's round number 0, which is never a timed round: so they
    exist before any plan and survive a replan while the person is absent. A table's host is fixed to it
    when a plan is made, unless fixed elsewhere.
    """

    def __init__(self, database: Database) -> None:
        self._db = database

    # --- tables -------------------------------------------------------------------------------------

    def tables(self, sitting_id: int) -> list[RoomTable]:
        """The sitting's tables, in order."""
        with self._db.session() as session:
            return [to_domain(row, RoomTable) for row in _table_rows(session, sitting_id)]

    @writes
    def add(self, sitting_id: int, draft: TableDraft) -> RoomTable:
        """A new table at the end of the sitting's list."""
        with self._db.session() as session:
            _sitting(session, sitting_id)
            row = RoomTableTable(sitting_id=sitting_id, position=len(_table_rows(session, sitting_id)),
                                 **_clean(session, draft))  # type: ignore[arg-type]
            session.add(row)
            session.flush()
            return to_domain(row, RoomTable)

    @writes
    def update(self, table_id: int, draft: TableDraft) -> RoomTable:
        with self._db.session() as session:
            row = self._row(session, table_id)
            for name, value in _clean(session, draft).items():
                setattr(row, name, value)
            session.add(row)
            return to_domain(row, RoomTable)

    @writes
    def delete(self, table_id: int) -> Snapshot:
        """Delete a table; its seats in the saved plan and its fixed seats go with it (plan again). Returns what
        an undo puts back."""
        with self._db.session() as session:
            sitting_id = self._row(session, table_id).sitting_id
            snapshot = snapshots.remove(session, "room_table", [table_id])
            rest = [r.id for r in _table_rows(session, sitting_id) if r.id is not None]
            self._renumber(session, sitting_id, rest)
            return snapshot

    @writes
    def reorder(self, sitting_id: int, ordered_ids: list[int]) -> list[RoomTable]:
        """Put the sitting's tables in the given order (every table once)."""
        with self._db.session() as session:
            return self._renumber(session, sitting_id, ordered_ids)

    @writes
    def move_table(self, sitting_id: int, table_id: int, to_row: int) -> list[RoomTable]:
        ids = [table.id for table in self.tables(sitting_id)]
        return self.reorder(sitting_id, reordered(ids, ids.index(table_id), to_row))

    @writes
    def ensure_tables(self, sitting_id: int, count: int, capacity: int) -> list[RoomTable]:
        """The sitting's tables, after adding "Table n" ones of `capacity` seats until there are `count`."""
        existing = self.tables(sitting_id)
        for number in range(len(existing) + 1, count + 1):
            self.add(sitting_id, TableDraft(_("Table {number}").format(number=number), capacity=capacity))
        return self.tables(sitting_id)

    # --- fixed seats --------------------------------------------------------------------------------

    def fixed_seats(self, sitting_id: int) -> dict[int, int]:
        """Participant id → the table they stay at for every round (hosts included)."""
        with self._db.session() as session:
            return self._fixed(session, sitting_id)

    @writes
    def fix(self, sitting_id: int, participant_id: int, table_id: int | None) -> dict[int, int]:
        """Fix a participant to a table for every round (None: unfix them); returns the fixed seats.
        A saved plan follows: in each round they move there, swapping with someone movable if it is full."""
        with self._db.session() as session:
            explicit = self._explicit(session, sitting_id)
            explicit.pop(participant_id, None)
            saved = self._read(session, sitting_id)
            plan = saved.plan if saved else None
            if table_id is not None:
                if self._row(session, table_id).sitting_id != sitting_id:
                    raise LookupError(f"table {table_id} of sitting {sitting_id}")
                if saved is not None:
                    plan = self._moved_everywhere(session, saved, participant_id, table_id)
                explicit[participant_id] = table_id
            self._write_explicit(session, sitting_id, explicit)
            fixed = self._fixed(session, sitting_id)
            if plan is not None:  # the rows' `fixed` flags follow
                self._write_rounds(session, sitting_id, plan, fixed)
            return fixed

    # --- planning -----------------------------------------------------------------------------------

    def people_to_seat(self, sitting_id: int, present_only: bool = True) -> list[Participant]:
        """Who a plan seats: the people in the room, or while nobody is, those registered."""
        with self._db.session() as session:
            return self._people(session, sitting_id, present_only)

    @writes
    def plan(self, sitting_id: int, rounds: int, seed: int = 0, use_present_only: bool = True,
             table_ids: Sequence[int] | None = None) -> SittingPlan:
        """Plan `rounds` rounds over the sitting's tables (or those of `table_ids`) and save the plan in
        place of the previous one, in one unit of work. Raises TablePlanError when it cannot be done."""
        with self._db.session() as session:
            _sitting(session, sitting_id)
            people = self._people(session, sitting_id, use_present_only)
            if not people:
                raise TablePlanError(_("Nobody to seat: no one is present or registered for this sitting."))
            problem = self._problem(session, sitting_id, people, rounds, table_ids)
            result = plan_tables(problem, seed)
            self._write_rounds(session, sitting_id, result.plan, dict(problem.fixed))
            saved = self._read(session, sitting_id)
            assert saved is not None
            return saved

    def round_ids(self, sitting_id: int) -> list[int]:
        """The ids of the sitting's saved rounds (the fixed seats' round 0 included): what a plan rewrites."""
        with self._db.session() as session:
            return [row.id for row in _round_rows(session, sitting_id).values() if row.id is not None]

    def saved_plan(self, sitting_id: int) -> SittingPlan | None:
        """The sitting's saved plan, with its quality (None: no plan yet)."""
        with self._db.session() as session:
            return self._read(session, sitting_id)

    @writes
    def move(self, sitting_id: int, round_number: int, participant_id: int, table_id: int) -> SittingPlan:
        """Move someone to another table in one round of the saved plan; if the table is full, they swap
        with the movable person there who keeps the plan best. Capacities and fixed seats always hold."""
        with self._db.session() as session:
            saved = self._read(session, sitting_id)
            if saved is None or not 1 <= round_number <= len(saved.plan.rounds):
                raise TablePlanError(_("There is no such round in this sitting's plan."))
            specs = [TableSpec(t.id, t.capacity, t.name) for t in saved.tables]
            groups = _groups(session, _seated(saved.plan))
            plan = moved(saved.plan, round_number - 1, participant_id, table_id, specs, saved.fixed, groups)
            self._write_rounds(session, sitting_id, plan, dict(saved.fixed))
            result = self._read(session, sitting_id)
            assert result is not None
            return result

    # --- reading and writing ------------------------------------------------------------------------

    def _people(self, session: Session, sitting_id: int, present_only: bool) -> list[Participant]:
        query = (select(ParticipantTable, AttendanceTable)
                 .join(AttendanceTable, col(AttendanceTable.participant_id) == col(ParticipantTable.id))
                 .where(AttendanceTable.sitting_id == sitting_id))
        roster = [RosterEntry(to_domain(p, Participant), to_domain(a, Attendance)) for p, a in session.exec(query)]
        return sorted(people_to_seat(roster, present_only), key=lambda p: (p.sort_name.casefold(), p.id))

    def _problem(self, session: Session, sitting_id: int, people: list[Participant], rounds: int,
                 table_ids: Sequence[int] | None) -> SeatingProblem:
        rows = _table_rows(session, sitting_id)
        if table_ids is not None:
            rows = [row for row in rows if row.id in set(table_ids)]
        ids = {person.id for person in people}
        fixed = {p: t for p, t in self._fixed(session, sitting_id).items() if p in ids}
        return SeatingProblem(tuple(person.id for person in people),
                              tuple(TableSpec(row.id, row.capacity, row.name) for row in rows if row.id is not None),
                              rounds, {person.id: person.group_id for person in people}, fixed,
                              {person.id: person.full_name for person in people})

    @staticmethod
    def _explicit(session: Session, sitting_id: int) -> dict[int, int]:
        """The fixed seats set by hand: the assignments of round 0."""
        holder = _round_rows(session, sitting_id).get(FIXED_SEATS_ROUND)
        if holder is None or holder.id is None:
            return {}
        return {row.participant_id: row.table_id for row in _assignments(session, holder.id)}

    def _fixed(self, session: Session, sitting_id: int) -> dict[int, int]:
        """Fixed seats set by hand, then each table's host (unless fixed to another table)."""
        fixed = self._explicit(session, sitting_id)
        for row in _table_rows(session, sitting_id):
            if row.host_id is not None and row.id is not None:
                fixed.setdefault(row.host_id, row.id)
        return fixed

    @staticmethod
    def _write_explicit(session: Session, sitting_id: int, fixed: dict[int, int]) -> None:
        holder = _round_rows(session, sitting_id).get(FIXED_SEATS_ROUND)
        if holder is None:
            holder = RoundTable(sitting_id=sitting_id, number=FIXED_SEATS_ROUND)
            session.add(holder)
            session.flush()
        assert holder.id is not None
        for row in _assignments(session, holder.id):
            session.delete(row)
        session.flush()
        session.add_all(TableAssignmentTable(round_id=holder.id, table_id=table, participant_id=person, fixed=True)
                        for person, table in fixed.items())
        session.flush()

    @staticmethod
    def _write_rounds(session: Session, sitting_id: int, plan: TablePlan, fixed: dict[int, int]) -> None:
        """Replace the saved plan: rounds 1..R reused or created; later rounds emptied, and deleted unless
        their timing was set (the round timer's data is not the planner's to delete)."""
        existing = _round_rows(session, sitting_id)
        for number, row in existing.items():
            if number != FIXED_SEATS_ROUND and row.id is not None:
                for assignment in _assignments(session, row.id):
                    session.delete(assignment)
                session.flush()  # before the round: the database would cascade, and the session then miss them
                untouched = row.started_at is None and not row.planned_seconds and row.agenda_item_id is None
                if number > len(plan.rounds) and untouched:
                    session.delete(row)
        session.flush()
        for number, seating in enumerate(plan.rounds, start=1):
            row = existing.get(number) or RoundTable(sitting_id=sitting_id, number=number)
            session.add(row)
            session.flush()
            assert row.id is not None
            session.add_all(TableAssignmentTable(round_id=row.id, table_id=table, participant_id=person,
                                                 fixed=fixed.get(person) == table)
                            for table, people in seating.items() for person in people)
        session.flush()

    def _read(self, session: Session, sitting_id: int) -> SittingPlan | None:
        _sitting(session, sitting_id)
        tables = tuple(to_domain(row, RoomTable) for row in _table_rows(session, sitting_id))
        seats = []
        for number, row in _round_rows(session, sitting_id).items():
            if number != FIXED_SEATS_ROUND and row.id is not None:
                rows = _assignments(session, row.id)
                if rows:
                    seats.append([(a.table_id, a.participant_id) for a in rows])
        if not seats:
            return None
        plan = tables_from_rows(seats, [table.id for table in tables])
        return SittingPlan(sitting_id, tables, plan, quality(plan, _groups(session, _seated(plan))),
                           self._fixed(session, sitting_id))

    @staticmethod
    def _moved_everywhere(session: Session, saved: SittingPlan, person: int, table_id: int) -> TablePlan:
        """The saved plan with `person` moved to `table_id` in every round where they are seated."""
        specs = [TableSpec(t.id, t.capacity, t.name) for t in saved.tables]
        others = {p: t for p, t in saved.fixed.items() if p != person}
        groups, plan = _groups(session, _seated(saved.plan)), saved.plan
        for index in range(len(plan.rounds)):
            if plan.table_of(index, person) is not None:
                plan = moved(plan, index, person, table_id, specs, others, groups)
        return plan

    @staticmethod
    def _renumber(session: Session, sitting_id: int, ordered_ids: list[int]) -> list[RoomTable]:
        rows = {row.id: row for row in _table_rows(session, sitting_id)}
        return [to_domain(row, RoomTable) for row in renumber(session, rows, ordered_ids, "table of the sitting")]

    @staticmethod
    def _row(session: Session, table_id: int) -> RoomTableTable:
        return fetch(session, RoomTableTable, table_id)
