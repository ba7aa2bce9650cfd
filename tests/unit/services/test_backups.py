"""Automatic rotating backups: only when something changed, pruned, listed newest first, restorable."""

import os
import time
from datetime import timedelta
from pathlib import Path

import pytest

from tests.factories import T0, FakeWall, item_draft, make_bad_file, make_revision_file, make_workspace, sitting_draft
from workshop_desk.domain.backups import KEEP_DAYS, KEEP_LAST, backups_to_keep
from workshop_desk.services.backups import BackupService, folder_for, list_backups
from workshop_desk.services.workspace import ProgrammeFileError, Workspace


@pytest.fixture
def ws(tmp_path):
    workspace = make_workspace(tmp_path, sittings=1, items=2)
    yield workspace
    workspace.database.close()


@pytest.fixture
def wall():
    return FakeWall(T0)


@pytest.fixture
def service(ws, wall, tmp_path):
    return BackupService(ws.database, tmp_path / "rotation", wall)


def test_backup_only_when_something_was_committed(ws, service, wall):
    assert service.backup_if_changed() is None  # nothing since the service began
    sitting_id = ws.sittings.all()[0].id
    ws.agenda.add(sitting_id, item_draft(title="Ajout 1"))
    first = service.backup_if_changed()
    assert first is not None
    assert first.taken_at == T0
    assert first.path.exists() and first.size == first.path.stat().st_size
    wall.advance(minutes=5)
    assert service.backup_if_changed() is None
    ws.sittings.all()
    ws.agenda.items(sitting_id)
    ws.programmes.groups()
    ws.run.running()
    assert not service.has_unsaved_changes
    assert service.backup_if_changed() is None  # reading is not changing
    ws.agenda.add(sitting_id, item_draft(title="Ajout 2"))
    assert service.has_unsaved_changes
    second = service.backup_if_changed()
    assert second is not None and second.taken_at == T0 + timedelta(minutes=5)
    assert len(service.all()) == 2


def test_a_new_file_is_backed_up_when_closed(tmp_path):
    workspace = make_workspace(tmp_path)
    workspace.close()
    assert len(list_backups(folder_for(workspace.path, tmp_path / "backups"))) == 1


def test_what_a_backup_cut_short_left_is_removed_at_the_next_opening_once_old(tmp_path):
    workspace = make_workspace(tmp_path)
    workspace.close()
    folder = folder_for(workspace.path, tmp_path / "backups")
    old, recent = folder / ".wdesk-k1ll3d.tmp", folder / ".wdesk-under-way.tmp"
    for leftover in (old, Path(f"{old}-journal"), recent):
        leftover.write_bytes(b"half a copy")
    for leftover in (old, Path(f"{old}-journal")):
        os.utime(leftover, (time.time() - 3600, time.time() - 3600))
    Workspace.open(workspace.path, tmp_path / "backups", read_only=True).close()
    assert old.exists()  # read-only: nothing is written, not even beside the backups
    Workspace.open(workspace.path, tmp_path / "backups").close()
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == [recent.name]
    assert len(list_backups(folder)) == 1


def test_a_failed_edit_is_not_a_change(ws, service):
    service.backup_now()
    with pytest.raises(ValueError):
        ws.agenda.add(ws.sittings.all()[0].id, item_draft(title=""))
    assert service.backup_if_changed() is None


def test_a_file_opened_and_closed_unchanged_gets_no_new_backup(tmp_path):
    workspace = make_workspace(tmp_path, sittings=1)
    workspace.close()
    root = tmp_path / "backups"
    count = len(list_backups(folder_for(workspace.path, root)))
    assert count == 1  # the one taken when the new file was closed
    reopened = Workspace.open(workspace.path, root)
    reopened.sittings.all()
    reopened.close()
    assert len(list_backups(folder_for(workspace.path, root))) == count


def test_backup_is_a_copy_of_the_file(ws, service, tmp_path):
    backup = service.backup_now()
    assert backup.path.parent == folder_for(ws.path, tmp_path / "rotation")
    copy = Workspace.open(backup.path, tmp_path / "elsewhere")
    try:
        assert [i.title for i in copy.agenda.items(1)] == ["Point 1", "Point 2"]
    finally:
        copy.database.close()


def test_list_is_newest_first(service, wall):
    taken = []
    for _ in range(4):
        taken.append(service.backup_now().taken_at)
        wall.advance(minutes=5)
    assert [b.taken_at for b in service.all()] == sorted(taken, reverse=True)


def test_prune_keeps_the_rotation(service, wall):
    taken = []
    for _ in range(15):  # one a day, ending today
        taken.append(service.backup_now().taken_at)
        wall.advance(days=1)
    wall.advance(days=-1)
    for _ in range(12):  # and every five minutes today
        wall.advance(minutes=5)
        taken.append(service.backup_now().taken_at)
    kept = [b.taken_at for b in service.all()]
    assert set(kept) == backups_to_keep(taken, wall())
    assert len(kept) <= KEEP_LAST + KEEP_DAYS
    assert kept[0] == taken[-1]
    files = sorted(p.name for p in kept_paths(service))
    assert len(files) == len(kept)  # the others were deleted from disk


def kept_paths(service):
    folder = service.all()[0].path.parent
    return list(folder.iterdir())


def test_list_ignores_foreign_files(tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "notes.txt").write_text("x")
    (folder / "p.not-a-stamp.wdesk").write_text("x")
    (folder / "p.20270114-080000-000000.wdesk").write_bytes(b"1234")
    found = list_backups(folder)
    assert [(b.path.name, b.size) for b in found] == [("p.20270114-080000-000000.wdesk", 4)]
    assert found[0].taken_at == T0
    assert list_backups(tmp_path / "missing") == []


def test_each_file_has_its_own_folder(tmp_path):
    root = tmp_path / "backups"
    a = folder_for(tmp_path / "one" / "p.wdesk", root)
    b = folder_for(tmp_path / "two" / "p.wdesk", root)
    assert a != b
    assert a.parent == b.parent == root
    assert a.name.startswith("p-")


def test_restoring_a_backup_gives_its_content_and_backs_up_the_state_left(tmp_path, wall):
    workspace = make_workspace(tmp_path, sittings=1, items=2)
    service = BackupService(workspace.database, tmp_path / "rotation", wall)
    backup = service.backup_now()
    sitting_id = workspace.sittings.all()[0].id
    workspace.agenda.add(sitting_id, item_draft(title="Après la sauvegarde"))
    workspace.sittings.create(sitting_draft(title="Autre"))
    wall.advance(minutes=1)
    left = service.restore(backup.path)
    assert [s.title for s in workspace.sittings.all()] == ["Séance 1"]
    assert [i.title for i in workspace.agenda.items(sitting_id)] == ["Point 1", "Point 2"]
    assert workspace.database.integrity_problems() == []
    service.restore(left.path)  # the state left comes back in turn
    assert [s.title for s in workspace.sittings.all()] == ["Séance 1", "Autre"]
    workspace.close()
    reopened = Workspace.open(workspace.path, tmp_path / "backups")  # the restored file is whole on disk
    try:
        assert [s.title for s in reopened.sittings.all()] == ["Séance 1", "Autre"]
    finally:
        reopened.close()


def test_a_backup_taken_before_a_migration_is_restored_at_the_newest_schema(tmp_path, wall):
    workspace = make_workspace(tmp_path, sittings=1)
    old = make_revision_file(tmp_path / "rotation" / "old.wdesk")
    BackupService(workspace.database, tmp_path / "rotation", wall).restore(old)
    assert [s.title for s in workspace.sittings.all()] == ["Atelier"]
    assert workspace.database.integrity_problems() == []
    workspace.close()


def test_a_missing_or_foreign_backup_is_refused_and_the_file_left_alone(tmp_path, wall):
    workspace = make_workspace(tmp_path, sittings=1)
    service = BackupService(workspace.database, tmp_path / "rotation", wall)
    foreign = make_bad_file(tmp_path, "foreign_sqlite")
    for backup in (tmp_path / "rotation" / "p.20270114-080000-000000.wdesk", foreign):
        with pytest.raises(ProgrammeFileError):
            service.restore(backup)
    assert [s.title for s in workspace.sittings.all()] == ["Séance 1"]
    assert service.all() == []  # refused before anything, the backup of the state left included
    workspace.close()
