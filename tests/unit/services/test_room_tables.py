"""A sitting's tables, fixed seats, and the seating plan saved round by round."""

import pytest
from sqlmodel import select

from tests.factories import make_workspace
from workshop_desk.domain.enums import AttendanceStatus
from workshop_desk.domain.models import ParticipantDraft
from workshop_desk.domain.table_plan import TableDraft, TablePlanError
from workshop_desk.domain.validation import ValidationError
from workshop_desk.storage.tables import RoundTable, TableAssignmentTable


@pytest.fixture
def ws(tmp_path):
    workspace = make_workspace(tmp_path, sittings=2)
    yield workspace
    workspace.database.close()


@pytest.fixture
def sitting_id(ws):
    return ws.sittings.all()[0].id


def add_people(ws, sitting_id, count, status=AttendanceStatus.REGISTERED, groups=4):
    """`count` participants in `groups` stakeholder groups, with that status for the sitting."""
    ids = [g.id for g in ws.programmes.groups()[:groups]]
    people = ws.participants.add_many([ParticipantDraft(f"Prénom{n}", f"Nom{n:02d}", group_id=ids[n % groups])
                                       for n in range(count)])
    ws.attendance.set_status(sitting_id, [p.id for p in people], status)
    return people


def add_tables(ws, sitting_id, count, capacity):
    return [ws.room_tables.add(sitting_id, TableDraft(f"Table {n + 1}", capacity=capacity)) for n in range(count)]


def seated(plan, round_index):
    return sorted(p for people in plan.rounds[round_index].values() for p in people)


# --- tables ----------------------------------------------------------------------------------------

def test_tables_are_added_listed_updated_reordered_and_deleted(ws, sitting_id):
    host = add_people(ws, sitting_id, 1)[0]
    first = ws.room_tables.add(sitting_id, TableDraft("Mobilité", theme="Se déplacer", capacity=6, host_id=host.id))
    second = ws.room_tables.add(sitting_id, TableDraft("Emploi"))
    assert [(t.name, t.position, t.capacity) for t in ws.room_tables.tables(sitting_id)] == [
        ("Mobilité", 0, 6), ("Emploi", 1, 8)]
    assert first.host_id == host.id and first.theme == "Se déplacer"
    updated = ws.room_tables.update(second.id, TableDraft("  Emploi   local ", capacity=5, rapporteur_id=host.id))
    assert (updated.name, updated.capacity, updated.rapporteur_id) == ("Emploi local", 5, host.id)
    assert [t.name for t in ws.room_tables.reorder(sitting_id, [second.id, first.id])] == ["Emploi local", "Mobilité"]
    assert [t.name for t in ws.room_tables.move_table(sitting_id, second.id, 1)] == ["Mobilité", "Emploi local"]
    assert ws.room_tables.delete(first.id).of("room_table")[0]["name"] == "Mobilité"
    assert [(t.name, t.position) for t in ws.room_tables.tables(sitting_id)] == [("Emploi local", 0)]


def test_a_table_needs_a_name_a_sensible_capacity_and_real_people(ws, sitting_id):
    with pytest.raises(ValidationError, match="cannot be empty"):
        ws.room_tables.add(sitting_id, TableDraft("  "))
    with pytest.raises(ValidationError, match="between 1 and 200"):
        ws.room_tables.add(sitting_id, TableDraft("Table", capacity=0))
    with pytest.raises(LookupError):
        ws.room_tables.add(sitting_id, TableDraft("Table", host_id=9999))
    with pytest.raises(LookupError):
        ws.room_tables.add(9999, TableDraft("Table"))
    assert ws.room_tables.tables(sitting_id) == []


def test_ensure_tables_adds_the_missing_ones_only(ws, sitting_id):
    ws.room_tables.add(sitting_id, TableDraft("Accueil", capacity=3))
    tables = ws.room_tables.ensure_tables(sitting_id, 3, capacity=7)
    assert [(t.name, t.capacity) for t in tables] == [("Accueil", 3), ("Table 2", 7), ("Table 3", 7)]
    assert len(ws.room_tables.ensure_tables(sitting_id, 2, capacity=7)) == 3


# --- planning --------------------------------------------------------------------------------------

def test_a_plan_is_saved_and_read_back_identical(ws, sitting_id):
    people = add_people(ws, sitting_id, 16)
    add_tables(ws, sitting_id, 4, 4)
    result = ws.room_tables.plan(sitting_id, rounds=5, seed=2)
    assert result.quality.repeated_pairs == 0
    # Four rounds can mix the 4 groups of 4 perfectly; with no pair meeting twice, the fifth round of an
    # affine plane of order 4 is then forced: each table one group (4 distinct out of 16 possible).
    assert result.quality.mix == (4 * 16 + 4) / (5 * 16)
    assert all(seated(result.plan, r) == sorted(p.id for p in people) for r in range(5))
    assert ws.room_tables.saved_plan(sitting_id) == result
    assert ws.room_tables.saved_plan(ws.sittings.all()[1].id) is None


def test_the_same_seed_gives_the_same_plan(ws, sitting_id):
    add_people(ws, sitting_id, 14)
    add_tables(ws, sitting_id, 3, 5)
    assert ws.room_tables.plan(sitting_id, 3, seed=5) == ws.room_tables.plan(sitting_id, 3, seed=5)


def test_planning_again_replaces_the_previous_plan(ws, sitting_id):
    add_people(ws, sitting_id, 10)
    add_tables(ws, sitting_id, 2, 5)
    ws.room_tables.plan(sitting_id, rounds=4)
    second = ws.room_tables.plan(sitting_id, rounds=2, seed=1)
    assert len(second.plan.rounds) == 2
    with ws.database.session() as session:
        numbers = sorted(r.number for r in session.exec(select(RoundTable)))
        assignments = len(session.exec(select(TableAssignmentTable)).all())
    assert numbers == [1, 2]
    assert assignments == 2 * 10


def test_a_timed_round_beyond_the_plan_is_kept_empty(ws, sitting_id):
    add_people(ws, sitting_id, 6)
    add_tables(ws, sitting_id, 2, 3)
    ws.room_tables.plan(sitting_id, rounds=3)
    with ws.database.session() as session:
        third = session.exec(select(RoundTable).where(RoundTable.number == 3)).one()
        third.planned_seconds = 600
        session.add(third)
    assert len(ws.room_tables.plan(sitting_id, rounds=2).plan.rounds) == 2
    with ws.database.session() as session:
        assert session.exec(select(RoundTable).where(RoundTable.number == 3)).one().planned_seconds == 600


def test_the_plan_seats_the_people_present_and_before_that_those_registered(ws, sitting_id):
    registered = add_people(ws, sitting_id, 8)
    add_tables(ws, sitting_id, 2, 6)
    before = ws.room_tables.plan(sitting_id, rounds=1)
    assert seated(before.plan, 0) == sorted(p.id for p in registered)
    for person in registered[:5]:
        ws.attendance.sign_in(sitting_id, person.id)
    ws.attendance.mark_left(sitting_id, registered[0].id)
    during = ws.room_tables.plan(sitting_id, rounds=1)
    assert seated(during.plan, 0) == sorted(p.id for p in registered[1:5])
    everyone = ws.room_tables.plan(sitting_id, rounds=1, use_present_only=False)
    assert seated(everyone.plan, 0) == sorted(p.id for p in registered[1:])


def test_nobody_to_seat_and_too_few_seats_are_explained(ws, sitting_id):
    add_tables(ws, sitting_id, 2, 3)
    with pytest.raises(TablePlanError, match="Nobody to seat"):
        ws.room_tables.plan(sitting_id, rounds=2)
    add_people(ws, sitting_id, 7)
    with pytest.raises(TablePlanError, match="7 people to seat, but the tables seat only 6"):
        ws.room_tables.plan(sitting_id, rounds=2)
    assert ws.room_tables.saved_plan(sitting_id) is None


def test_a_plan_can_use_some_of_the_tables(ws, sitting_id):
    add_people(ws, sitting_id, 6)
    tables = add_tables(ws, sitting_id, 3, 6)
    result = ws.room_tables.plan(sitting_id, rounds=2, table_ids=[tables[0].id, tables[2].id])
    assert all(seating[tables[1].id] == () for seating in result.plan.rounds)
    assert all(len(seating[tables[0].id]) == 3 for seating in result.plan.rounds)


# --- fixed seats and hosts -------------------------------------------------------------------------

def test_fixed_people_and_hosts_stay_at_their_table_in_every_round(ws, sitting_id):
    people = add_people(ws, sitting_id, 12)
    tables = add_tables(ws, sitting_id, 3, 4)
    ws.room_tables.update(tables[2].id, TableDraft("Table 3", capacity=4, host_id=people[5].id))
    ws.room_tables.fix(sitting_id, people[0].id, tables[1].id)
    assert ws.room_tables.fixed_seats(sitting_id) == {people[0].id: tables[1].id, people[5].id: tables[2].id}
    result = ws.room_tables.plan(sitting_id, rounds=3)
    assert all(people[0].id in seating[tables[1].id] for seating in result.plan.rounds)
    assert all(people[5].id in seating[tables[2].id] for seating in result.plan.rounds)
    with ws.database.session() as session:
        flagged = {(a.participant_id, a.table_id) for a in session.exec(select(TableAssignmentTable))
                   if a.fixed}
    assert flagged == {(people[0].id, tables[1].id), (people[5].id, tables[2].id)}


def test_fixing_someone_after_planning_moves_them_in_every_round(ws, sitting_id):
    people = add_people(ws, sitting_id, 8)
    tables = add_tables(ws, sitting_id, 2, 4)
    ws.room_tables.plan(sitting_id, rounds=3)
    ws.room_tables.fix(sitting_id, people[3].id, tables[0].id)
    saved = ws.room_tables.saved_plan(sitting_id)
    assert all(people[3].id in seating[tables[0].id] for seating in saved.plan.rounds)
    assert all(len(people_) == 4 for seating in saved.plan.rounds for people_ in seating.values())
    assert saved.fixed == {people[3].id: tables[0].id}
    ws.room_tables.fix(sitting_id, people[3].id, None)
    assert ws.room_tables.fixed_seats(sitting_id) == {}


def test_a_fixed_seat_survives_a_plan_made_while_the_person_is_away(ws, sitting_id):
    people = add_people(ws, sitting_id, 6)
    tables = add_tables(ws, sitting_id, 2, 4)
    ws.room_tables.fix(sitting_id, people[0].id, tables[1].id)
    for person in people[1:]:
        ws.attendance.sign_in(sitting_id, person.id)
    result = ws.room_tables.plan(sitting_id, rounds=2)
    assert people[0].id not in seated(result.plan, 0)
    assert ws.room_tables.fixed_seats(sitting_id) == {people[0].id: tables[1].id}


# --- manual moves ----------------------------------------------------------------------------------

def test_a_move_to_a_full_table_swaps_and_keeps_every_capacity(ws, sitting_id):
    people = add_people(ws, sitting_id, 8)
    tables = add_tables(ws, sitting_id, 2, 4)
    before = ws.room_tables.plan(sitting_id, rounds=2)
    person = before.plan.rounds[1][tables[0].id][0]
    after = ws.room_tables.move(sitting_id, 2, person, tables[1].id)
    assert person in after.plan.rounds[1][tables[1].id]
    assert [len(p) for p in after.plan.rounds[1].values()] == [4, 4]
    assert after.plan.rounds[0] == before.plan.rounds[0]
    assert seated(after.plan, 1) == sorted(p.id for p in people)
    assert ws.room_tables.saved_plan(sitting_id) == after


def test_a_move_to_a_table_with_room_just_moves(ws, sitting_id):
    add_people(ws, sitting_id, 6)
    tables = add_tables(ws, sitting_id, 2, 5)
    before = ws.room_tables.plan(sitting_id, rounds=1)
    person = before.plan.rounds[0][tables[0].id][0]
    after = ws.room_tables.move(sitting_id, 1, person, tables[1].id)
    assert [len(p) for p in after.plan.rounds[0].values()] == [2, 4]


def test_fixed_people_cannot_be_moved_and_unknown_rounds_are_refused(ws, sitting_id):
    people = add_people(ws, sitting_id, 4)
    tables = add_tables(ws, sitting_id, 2, 2)
    ws.room_tables.fix(sitting_id, people[0].id, tables[0].id)
    ws.room_tables.plan(sitting_id, rounds=2)
    with pytest.raises(TablePlanError, match="fixed to their table"):
        ws.room_tables.move(sitting_id, 1, people[0].id, tables[1].id)
    with pytest.raises(TablePlanError, match="no such round"):
        ws.room_tables.move(sitting_id, 3, people[1].id, tables[1].id)


def test_deleting_a_table_removes_its_seats_from_the_saved_plan(ws, sitting_id):
    add_people(ws, sitting_id, 6)
    tables = add_tables(ws, sitting_id, 2, 3)
    ws.room_tables.plan(sitting_id, rounds=2)
    ws.room_tables.delete(tables[1].id)
    saved = ws.room_tables.saved_plan(sitting_id)
    assert [list(seating) for seating in saved.plan.rounds] == [[tables[0].id]] * 2
    assert all(len(seating[tables[0].id]) == 3 for seating in saved.plan.rounds)
