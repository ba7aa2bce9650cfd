"""Temporary copies that an interrupted backup, migration copy or creation left behind (a crash, a power cut) are
removed when a programme file is next opened — in its folder and in the backups folder — unless they are recent:
another window may be writing that copy right now."""

import os
import tempfile
import time
from pathlib import Path

import pytest

from tests.factories import folder_state, make_programme_file
from tests.unprivileged import NOBODY, as_ordinary_user, running_as_root, shared_folder
from workshop_desk.services.backups import folder_for
from workshop_desk.services.workspace import Workspace
from workshop_desk.storage.db import TEMP_PREFIX

AN_HOUR_AGO = time.time() - 3600


def interrupted_copy(folder: Path, age: float | None = AN_HOUR_AGO, journal: str = "-journal") -> list[str]:
    """What write_copy (or create_file) leaves when it is cut short: its temporary file and that file's journal,
    named as they name them; `age`: when they were last written (None: just now)."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=folder, prefix=TEMP_PREFIX, suffix=".tmp")
    os.write(fd, b"SQLite format 3\x00 half a copy")
    os.close(fd)
    files = [Path(name), Path(f"{name}{journal}")]
    files[1].write_bytes(b"journal")
    for path in files:
        if age is not None:
            os.utime(path, (age, age))
    return sorted(path.name for path in files)


def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


@pytest.fixture
def programme(tmp_path: Path) -> Path:
    """A closed programme file with one backup taken, in tmp_path/files (backups under tmp_path/backups)."""
    path = make_programme_file(tmp_path / "files")
    workspace = Workspace.open(path, tmp_path / "backups")
    workspace.backups.backup_now()
    workspace.close()
    return path


def test_old_leftovers_beside_the_programme_go_and_recent_ones_stay(tmp_path: Path, programme: Path) -> None:
    folder = programme.parent
    interrupted_copy(folder)
    interrupted_copy(folder, journal="-wal")  # a creation cut short: its log
    recent = interrupted_copy(folder, age=None)
    (folder / "notes.wdesk.tmp").write_text("someone else's")
    Workspace.open(programme, tmp_path / "backups").close()
    assert names(folder) == sorted(["programme.wdesk", "notes.wdesk.tmp", *recent])


def test_old_leftovers_in_the_backups_folder_go_and_recent_ones_and_the_backups_stay(tmp_path: Path,
                                                                                    programme: Path) -> None:
    backups = folder_for(programme, tmp_path / "backups")
    kept = names(backups)
    assert len(kept) == 1 and kept[0].endswith(".wdesk")
    interrupted_copy(backups)
    recent = interrupted_copy(backups, age=None)
    Workspace.open(programme, tmp_path / "backups").close()
    assert names(backups) == sorted([*kept, *recent])


def test_an_old_copy_before_a_migration_left_in_the_backups_root_goes(tmp_path: Path, programme: Path) -> None:
    root = tmp_path / "backups"
    before = names(root)
    interrupted_copy(root)
    Workspace.open(programme, root).close()
    assert names(root) == before


def test_opening_read_only_tidies_nothing_anywhere(tmp_path: Path, programme: Path) -> None:
    """A read-only window changes nothing, not even the app's own backups folder: the window that has the file
    open for writing tidies it."""
    interrupted_copy(programme.parent)
    beside = folder_state(programme.parent)
    backups = folder_for(programme, tmp_path / "backups")
    interrupted_copy(backups)
    kept = names(backups)
    Workspace.open(programme, tmp_path / "backups", read_only=True).close()
    assert folder_state(programme.parent) == beside
    assert names(backups) == kept


def test_a_backups_folder_that_cannot_be_looked_into_does_not_stop_the_opening() -> None:
    """Tidying is no reason to refuse a file: a backups folder behind a folder one may not enter is left alone."""
    with shared_folder() as shared:
        path = make_programme_file(shared / "files")
        for owned in (path.parent, path):
            if running_as_root():
                os.chown(owned, NOBODY, NOBODY)
        (shared / "private").mkdir(mode=0o000)
        (shared / "private").chmod(0o000)

        def open_and_count() -> int:
            workspace = Workspace.open(path, shared / "private" / "backups")
            try:
                return len(workspace.sittings.all())
            finally:
                workspace.close()

        assert as_ordinary_user(open_and_count) == 3
