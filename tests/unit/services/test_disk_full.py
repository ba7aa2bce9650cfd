"""A full disk: the change is refused whole (StorageError DISK_FULL), nothing of it is written, the facilitator reads
why and what to do, and once there is room again the same change goes through."""

from collections.abc import Callable

import pytest

from tests.disk import fill_the_disk, give_free_pages_back
from tests.dumps import assert_same, dump
from tests.factories import make_workspace
from workshop_desk.domain.models import ParticipantDraft
from workshop_desk.services.file_messages import describe_storage_error
from workshop_desk.services.workspace import StorageError, Workspace
from workshop_desk.storage.errors import WriteProblem

FULL = ("This change was not saved. The disk that holds “programme.wdesk” is full. Free some space (or save a copy "
        "elsewhere with File › Save a copy), then do it again.")


def newcomers(count: int) -> list[ParticipantDraft]:
    return [ParticipantDraft(first_name=f"Prénom {n}", last_name=f"Nom {n}", organisation="Chambre des métiers " * 5,
                             notes="Inscrite sur place. " * 20) for n in range(count)]


def refused_whole(workspace: Workspace, change: Callable[[], object]) -> StorageError:
    """`change` fails for want of room, and the file holds exactly what it held."""
    before, changes = dump(workspace.path), workspace.database.change_count
    with pytest.raises(StorageError) as caught:
        change()
    assert caught.value.problem is WriteProblem.DISK_FULL
    assert_same(before, dump(workspace.path), "after a change refused for want of room")
    assert workspace.database.change_count == changes
    return caught.value


def test_an_import_on_a_full_disk_is_refused_whole_and_told(tmp_path) -> None:
    workspace = make_workspace(tmp_path, sittings=1)
    try:
        make_room = fill_the_disk(workspace.database)
        error = refused_whole(workspace, lambda: workspace.participants.add_many(newcomers(300)))
        assert describe_storage_error(error) == FULL
        assert error.path == workspace.path
        make_room()
        assert len(workspace.participants.add_many(newcomers(300))) == 300
        assert workspace.database.integrity_problems() == []
    finally:
        workspace.database.close()


def test_an_undo_on_a_full_disk_puts_back_nothing_rather_than_half(tmp_path) -> None:
    """Undoing a delete needs room too: it is refused whole, and can be done once there is room."""
    workspace = make_workspace(tmp_path, sittings=2, items=4)
    try:
        workspace.participants.add_many(newcomers(300))
        sitting = workspace.sittings.all()[0].id
        workspace.attendance.set_status(sitting, [p.id for p in workspace.participants.all()], "registered")
        before = dump(workspace.path)
        snapshot = workspace.sittings.delete(sitting)
        give_free_pages_back(workspace.database)
        make_room = fill_the_disk(workspace.database)
        refused_whole(workspace, lambda: workspace.snapshots.restore(snapshot))
        make_room()
        workspace.snapshots.restore(snapshot)
        assert_same(before, dump(workspace.path), "undone once there was room")
    finally:
        workspace.database.close()
