"""A sitting's agenda: add at a row, edit, delete and restore, reorder, move."""

import pytest

from tests.factories import FakeWall, item_draft, make_workspace
from workshop_desk.domain.enums import ItemKind
from workshop_desk.domain.validation import ValidationError
from workshop_desk.services.run import RunService


@pytest.fixture
def ws(tmp_path):
    workspace = make_workspace(tmp_path, sittings=2, items=3)
    yield workspace
    workspace.database.close()


@pytest.fixture
def sitting_id(ws):
    return ws.sittings.all()[0].id


def _titles(ws, sitting_id):
    return [i.title for i in ws.agenda.items(sitting_id)]


def _positions(ws, sitting_id):
    return [i.position for i in ws.agenda.items(sitting_id)]


def test_add_at_the_end_by_default(ws, sitting_id):
    added = ws.agenda.add(sitting_id, item_draft(title="Pause", kind=ItemKind.BREAK, planned_minutes=10))
    assert _titles(ws, sitting_id) == ["Point 1", "Point 2", "Point 3", "Pause"]
    assert added.position == 3
    assert (added.kind, added.planned_minutes, added.sitting_id) == (ItemKind.BREAK, 10, sitting_id)


@pytest.mark.parametrize(("row", "expected"), [
    (0, ["Nouveau", "Point 1", "Point 2", "Point 3"]),
    (1, ["Point 1", "Nouveau", "Point 2", "Point 3"]),
    (3, ["Point 1", "Point 2", "Point 3", "Nouveau"]),
    (99, ["Point 1", "Point 2", "Point 3", "Nouveau"]),
    (-4, ["Nouveau", "Point 1", "Point 2", "Point 3"]),
])
def test_add_at_a_row(ws, sitting_id, row, expected):
    added = ws.agenda.add(sitting_id, item_draft(title="Nouveau"), row=row)
    assert _titles(ws, sitting_id) == expected
    assert _positions(ws, sitting_id) == [0, 1, 2, 3]
    assert added.position == expected.index("Nouveau")


def test_add_does_not_touch_the_other_sitting(ws, sitting_id):
    other = ws.sittings.all()[1].id
    before = ws.agenda.items(other)
    ws.agenda.add(sitting_id, item_draft(title="Nouveau"), row=0)
    assert ws.agenda.items(other) == before


def test_add_to_a_missing_sitting(ws):
    with pytest.raises(LookupError):
        ws.agenda.add(999, item_draft())


@pytest.mark.parametrize(("overrides", "message"), [
    ({"title": "  "}, "The field “Item title” cannot be empty."),
    ({"planned_minutes": -5}, "A duration must be between 0 and 1440 minutes."),
    ({"planned_minutes": 1441}, "A duration must be between 0 and 1440 minutes."),
    ({"notes": "n" * 10_001}, "The field “Notes” is too long"),
])
def test_invalid_item_is_refused_and_nothing_saved(ws, sitting_id, overrides, message):
    with pytest.raises(ValidationError, match=message.replace(".", r"\.")):
        ws.agenda.add(sitting_id, item_draft(**overrides))
    assert len(ws.agenda.items(sitting_id)) == 3


def test_update(ws, sitting_id):
    item = ws.agenda.items(sitting_id)[1]
    updated = ws.agenda.update(item.id, item_draft(title=" Vote  par gommettes ", kind=ItemKind.VOTE,
                                                   planned_minutes=25, notes=" 5 gommettes chacun "))
    assert (updated.id, updated.position, updated.title, updated.kind, updated.planned_minutes,
            updated.notes) == (item.id, 1, "Vote par gommettes", ItemKind.VOTE, 25, "5 gommettes chacun")
    assert ws.agenda.items(sitting_id)[1] == updated


def test_update_of_a_missing_item(ws):
    with pytest.raises(LookupError):
        ws.agenda.update(999, item_draft())


@pytest.mark.parametrize("row", [0, 1, 2])
def test_delete_and_restore_at_the_same_position(ws, sitting_id, row):
    before = ws.agenda.items(sitting_id)
    deleted = ws.agenda.delete(before[row].id)
    assert [r["id"] for r in deleted.of("agenda_item")] == [before[row].id]
    assert _positions(ws, sitting_id) == [0, 1]
    assert before[row].id not in [i.id for i in ws.agenda.items(sitting_id)]
    ws.snapshots.restore(deleted)
    assert ws.agenda.items(sitting_id) == before


def test_delete_the_current_item_clears_it(ws, sitting_id):
    run = RunService(ws.database, FakeWall())
    current = run.start(sitting_id).sitting.current_item_id
    ws.agenda.delete(current)
    assert ws.sittings.agenda(sitting_id).sitting.current_item_id is None


def test_restore_keeps_the_actual_times(ws, sitting_id):
    wall = FakeWall()
    run = RunService(ws.database, wall)
    run.start(sitting_id)
    wall.advance(minutes=3)
    run.step(sitting_id, +1)
    first = ws.agenda.items(sitting_id)[0]
    ws.snapshots.restore(ws.agenda.delete(first.id))
    assert ws.agenda.items(sitting_id)[0] == first


def test_delete_of_a_missing_item(ws):
    with pytest.raises(LookupError):
        ws.agenda.delete(999)


def test_reorder(ws, sitting_id):
    ids = [i.id for i in ws.agenda.items(sitting_id)]
    result = ws.agenda.reorder(sitting_id, [ids[2], ids[0], ids[1]])
    assert [i.id for i in result] == [ids[2], ids[0], ids[1]]
    assert [i.position for i in result] == [0, 1, 2]
    assert [i.id for i in ws.agenda.items(sitting_id)] == [ids[2], ids[0], ids[1]]


def test_reorder_rejects_incomplete_or_foreign_lists(ws, sitting_id):
    ids = [i.id for i in ws.agenda.items(sitting_id)]
    other_item = ws.agenda.items(ws.sittings.all()[1].id)[0].id
    for order in ([ids[0], ids[1]], [*ids, other_item], [ids[0], ids[0], ids[1], ids[2]], []):
        with pytest.raises(ValueError, match="every item of the sitting once"):
            ws.agenda.reorder(sitting_id, order)
    assert [i.id for i in ws.agenda.items(sitting_id)] == ids


def test_move(ws, sitting_id):
    ids = [i.id for i in ws.agenda.items(sitting_id)]
    assert [i.id for i in ws.agenda.move(sitting_id, ids[2], 0)] == [ids[2], ids[0], ids[1]]
    assert [i.id for i in ws.agenda.move(sitting_id, ids[2], 2)] == ids
    assert _positions(ws, sitting_id) == [0, 1, 2]
