"""Sittings: create (blank or from a template), edit, duplicate, delete and restore, reorder."""

from datetime import time, timedelta

import pytest
from sqlmodel import select

from tests.factories import FakeWall, item_draft, make_workspace, sitting_draft
from workshop_desk.domain.enums import SittingKind
from workshop_desk.domain.templates import TEMPLATES, template
from workshop_desk.domain.validation import ValidationError
from workshop_desk.services.run import RunService
from workshop_desk.storage.tables import AgendaItemTable


@pytest.fixture
def ws(tmp_path):
    workspace = make_workspace(tmp_path, sittings=3, items=3)
    yield workspace
    workspace.database.close()


def _titles(ws):
    return [s.title for s in ws.sittings.all()]


@pytest.mark.parametrize("key", [t.key for t in TEMPLATES])
def test_create_from_each_template(workspace, key):
    created = workspace.sittings.create(sitting_draft(title="Depuis un modèle"), key)
    expected = template(key).drafts()
    assert [(i.title, i.kind, i.planned_minutes) for i in created.items] == [
        (d.title, d.kind, d.planned_minutes) for d in expected]
    assert [i.position for i in created.items] == list(range(len(expected)))
    assert sum(i.planned_minutes for i in created.items) == template(key).total_minutes
    assert workspace.sittings.agenda(created.sitting.id) == created


def test_create_blank_sitting_at_the_end(ws):
    created = ws.sittings.create(sitting_draft(title="  Comité   de pilotage ",
                                               kind=SittingKind.STEERING_COMMITTEE))
    assert created.items == ()
    assert created.sitting.title == "Comité de pilotage"
    assert created.sitting.kind is SittingKind.STEERING_COMMITTEE
    assert _titles(ws) == ["Séance 1", "Séance 2", "Séance 3", "Comité de pilotage"]


def test_new_sitting_goes_last_even_after_deletions(ws):
    first, second, _third = ws.sittings.all()
    ws.sittings.delete(first.id)
    ws.sittings.delete(second.id)
    ws.sittings.create(sitting_draft(title="Nouvelle"))
    ws.sittings.create(sitting_draft(title="Dernière"))
    assert _titles(ws) == ["Séance 3", "Nouvelle", "Dernière"]
    assert [s.position for s in ws.sittings.all()] == [0, 1, 2]


@pytest.mark.parametrize(("overrides", "message"), [
    ({"title": ""}, "The field “Sitting title” cannot be empty."),
    ({"start_time": time(16, 0), "end_time": time(14, 0)}, "The sitting must end after it starts."),
    ({"start_time": time(16, 0), "end_time": time(16, 0)}, "The sitting must end after it starts."),
    ({"expected_headcount": -1}, "The expected headcount must be between 0 and 100,000."),
    ({"expected_headcount": 100_001}, "The expected headcount must be between 0 and 100,000."),
    ({"venue": "v" * 10_001}, "The field “Venue” is too long"),
])
def test_invalid_sitting_is_refused(ws, overrides, message):
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(".", r"\.")):
        ws.sittings.create(sitting_draft(**overrides))
    assert len(ws.sittings.all()) == 3


def test_update_saves_the_fields(ws):
    sitting = ws.sittings.all()[1]
    draft = sitting_draft(title="Atelier ingénierie", kind=SittingKind.WORKING_GROUP, start_time=time(9, 30),
                          end_time=time(12, 0), venue="Salle des fêtes", expected_headcount=800)
    updated = ws.sittings.update(sitting.id, draft)
    assert (updated.title, updated.kind, updated.start_time, updated.end_time, updated.venue,
            updated.expected_headcount) == ("Atelier ingénierie", SittingKind.WORKING_GROUP, time(9, 30),
                                            time(12, 0), "Salle des fêtes", 800)
    assert updated.position == 1
    assert ws.sittings.agenda(sitting.id).sitting == updated


def test_update_of_a_missing_sitting(ws):
    with pytest.raises(LookupError):
        ws.sittings.update(999, sitting_draft())


def test_duplicate_is_placed_right_after_with_items_and_no_run_data(ws):
    source = ws.sittings.all()[0]
    ws.agenda.update(ws.agenda.items(source.id)[1].id, item_draft(title="Point 2", notes="Prévoir micro"))
    run = RunService(ws.database, FakeWall())
    run.start(source.id)
    run.step(source.id, +1)
    copy = ws.sittings.duplicate(source.id)
    assert _titles(ws) == ["Séance 1", "Séance 1 (copy)", "Séance 2", "Séance 3"]
    assert [s.position for s in ws.sittings.all()] == [0, 1, 2, 3]
    original = ws.sittings.agenda(source.id)
    assert [(i.title, i.kind, i.planned_minutes, i.notes) for i in copy.items] == [
        (i.title, i.kind, i.planned_minutes, i.notes) for i in original.items]
    assert {i.id for i in copy.items}.isdisjoint({i.id for i in original.items})
    assert copy.sitting.current_item_id is None
    assert copy.sitting.run_started_at is None and copy.sitting.run_ended_at is None
    assert all(i.actual_start is None and i.actual_end is None for i in copy.items)
    assert original.sitting.is_running  # the source keeps its run
    assert copy.sitting.start_time == original.sitting.start_time
    assert copy.sitting.venue == original.sitting.venue


def test_duplicate_of_a_title_at_the_length_limit(ws):
    sitting = ws.sittings.all()[0]
    ws.sittings.update(sitting.id, sitting_draft(title="T" * 200))
    copy = ws.sittings.duplicate(sitting.id)
    assert len(copy.sitting.title) <= 200
    assert copy.sitting.title.startswith("T" * 100)
    assert len(ws.sittings.all()) == 4


def test_delete_and_restore_keep_ids_positions_items_and_run(ws):
    wall = FakeWall()
    middle = ws.sittings.all()[1]
    run = RunService(ws.database, wall)
    run.start(middle.id)
    wall.advance(minutes=5)
    run.step(middle.id, +1)
    before = ws.sittings.agenda(middle.id)
    snapshot = ws.sittings.delete(middle.id)
    assert [row["id"] for row in snapshot.of("agenda_item")] == [item.id for item in before.items]
    assert _titles(ws) == ["Séance 1", "Séance 3"]
    with ws.database.session() as session:  # the database cascaded the delete to the items
        rows = session.exec(select(AgendaItemTable).where(AgendaItemTable.sitting_id == middle.id)).all()
        assert rows == []
    ws.snapshots.restore(snapshot)
    assert ws.sittings.agenda(middle.id) == before
    assert _titles(ws) == ["Séance 1", "Séance 2", "Séance 3"]
    assert [s.position for s in ws.sittings.all()] == [0, 1, 2]
    assert ws.run.running() == before
    assert before.items[0].actual_end - before.items[0].actual_start == timedelta(minutes=5)


def test_delete_and_restore_the_first_and_the_last(ws):
    ids = [s.id for s in ws.sittings.all()]
    last = ws.sittings.delete(ids[2])
    first = ws.sittings.delete(ids[0])
    ws.snapshots.restore(first)
    ws.snapshots.restore(last)
    assert [s.id for s in ws.sittings.all()] == ids


def test_reorder(ws):
    ids = [s.id for s in ws.sittings.all()]
    result = ws.sittings.reorder([ids[2], ids[0], ids[1]])
    assert [s.id for s in result] == [ids[2], ids[0], ids[1]]
    assert [s.position for s in result] == [0, 1, 2]
    assert [s.id for s in ws.sittings.all()] == [ids[2], ids[0], ids[1]]


@pytest.mark.parametrize("order", [[1, 2], [1, 2, 3, 999], [1, 1, 2, 3]])
def test_reorder_rejects_a_list_that_is_not_every_sitting_once(ws, order):
    ids = [s.id for s in ws.sittings.all()]
    with pytest.raises(ValueError, match="every sitting once"):
        ws.sittings.reorder(order)
    assert [s.id for s in ws.sittings.all()] == ids


def test_move(ws):
    ids = [s.id for s in ws.sittings.all()]
    assert [s.id for s in ws.sittings.move(ids[0], 2)] == [ids[1], ids[2], ids[0]]
    assert [s.id for s in ws.sittings.move(ids[0], 0)] == ids


def test_agenda_of_a_missing_sitting(ws):
    with pytest.raises(LookupError):
        ws.sittings.agenda(999)
