"""Files held by someone else: another program keeping SQLite's lock, another Workshop Desk that has the file open,
and one that stopped without closing it. Each is told in a sentence, within seconds, and the file, its log and its
lock are left as they were; opening read-only still works and sees the data."""

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.factories import folder_state, make_programme_file
from workshop_desk.services.checking import check_file
from workshop_desk.services.file_messages import describe_file_error
from workshop_desk.services.workspace import FileProblem, ProgrammeFileError, ReadOnlyReason, Workspace
from workshop_desk.storage.lock import lock_path
from workshop_desk.storage.wal import shm_path

TITLES = ["Séance 1", "Séance 2", "Séance 3"]  # what make_programme_file holds


class Holder:
    """Another process, started with `code`; it holds the file until the test ends."""

    def __init__(self, code: str) -> None:
        self.process = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True, env=os.environ.copy())
        assert self.process.stdout is not None
        ready = self.process.stdout.readline().strip()
        assert ready == "held", f"the holder did not start: {ready!r}"

    def release(self) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write("\n")
        self.process.stdin.flush()
        assert self.process.stdout.readline().strip() == "released"
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)


@pytest.fixture
def holders() -> Iterator[list[Holder]]:
    started: list[Holder] = []
    yield started
    for holder in started:
        holder.stop()


def _file_log_and_lock(path: Path) -> dict[str, str]:
    """The folder's files but the shared-memory index (-shm), which every reader of a live log updates as it reads:
    it holds no data, and SQLite rebuilds it from the log."""
    return {name: digest for name, digest in folder_state(path.parent).items() if name != shm_path(path).name}


def _refused(path: Path, **options: bool) -> tuple[ProgrammeFileError, float]:
    start = time.monotonic()
    with pytest.raises(ProgrammeFileError) as caught:
        Workspace.open(path, path.parent.parent / "backups", **options)
    return caught.value, time.monotonic() - start


def _titles_read_only(path: Path) -> list[str]:
    workspace = Workspace.open(path, path.parent.parent / "backups", read_only=True)
    try:
        assert workspace.database.read_only_reason is ReadOnlyReason.ASKED
        return [sitting.title for sitting in workspace.sittings.all()]
    finally:
        workspace.close()


# Another program keeps SQLite's lock ---------------------------------------------------------------------------

SQLITE_HOLDERS = {
    # A tool that opened the file in exclusive locking mode (no shared memory: the file itself is locked).
    "exclusive locking mode": "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE programme SET title = title;",
    # A tool in the middle of a long write transaction (in WAL mode, BEGIN EXCLUSIVE is a write lock).
    "write transaction": "BEGIN EXCLUSIVE; UPDATE programme SET title = title;",
}


def _sqlite_holder(path: Path, statements: str) -> Holder:
    return Holder(f"""
import sqlite3, sys
connection = sqlite3.connect({str(path)!r}, isolation_level=None)
connection.executescript({statements!r})
print("held", flush=True)
sys.stdin.readline()
connection.rollback() if connection.in_transaction else None
connection.close()
print("released", flush=True)
""")


@pytest.mark.parametrize("how", sorted(SQLITE_HOLDERS))
def test_a_file_another_program_keeps_locked_is_told_in_seconds_and_left_alone(tmp_path: Path, holders: list[Holder],
                                                                               how: str) -> None:
    path = make_programme_file(tmp_path / "files")
    holders.append(holder := _sqlite_holder(path, SQLITE_HOLDERS[how]))
    before = _file_log_and_lock(path)
    error, seconds = _refused(path)
    assert seconds < 10, f"the answer took {seconds:.1f} s"
    assert error.problem is FileProblem.BUSY
    assert describe_file_error(error) == ("“programme.wdesk” is being used by another program, which keeps it locked. "
                                          "Close that program, then try again.")
    assert _file_log_and_lock(path) == before
    assert not lock_path(path).exists()
    assert _titles_read_only(path) == TITLES  # it can still be read, and checked
    assert check_file(path).ok
    holder.release()
    Workspace.open(path, tmp_path / "backups").close()  # once the other program let go, it opens


# Another Workshop Desk has it open ------------------------------------------------------------------------------

def _workspace_holder(path: Path) -> Holder:
    """A Workshop Desk in another process with the file open, having added a sitting (still in the file's log)."""
    return Holder(f"""
import sys
from pathlib import Path
from tests.factories import sitting_draft
from workshop_desk.services.workspace import Workspace
workspace = Workspace.open(Path({str(path)!r}), Path({str(path.parent.parent / "their-backups")!r}))
workspace.sittings.create(sitting_draft(title="Ajoutée dans l'autre fenêtre"))
print("held", flush=True)
sys.stdin.readline()
workspace.close()
print("released", flush=True)
""")


def test_a_file_open_in_another_window_is_refused_with_who_has_it_and_can_be_read(tmp_path: Path,
                                                                                   holders: list[Holder]) -> None:
    path = make_programme_file(tmp_path / "files")
    holders.append(holder := _workspace_holder(path))
    before = _file_log_and_lock(path)
    error, seconds = _refused(path)
    assert seconds < 10
    assert error.problem is FileProblem.OPEN_ELSEWHERE
    assert error.owner is not None
    assert (error.owner.host, error.owner.pid) == (socket.gethostname(), holder.process.pid)
    sentence = describe_file_error(error)
    assert sentence.startswith("“programme.wdesk” is already open in another Workshop Desk window on this computer "
                               "(since today at ")
    assert sentence.endswith("). Changes can only be made in one place at a time: you may open it read-only here.")
    assert _file_log_and_lock(path) == before
    assert _titles_read_only(path) == [*TITLES, "Ajoutée dans l'autre fenêtre"]  # what they saved, as they saved it
    assert check_file(path).ok
    assert _file_log_and_lock(path) == before
    holder.release()
    assert sorted(p.name for p in path.parent.iterdir()) == ["programme.wdesk"]


# A Workshop Desk stopped without closing it --------------------------------------------------------------------

def _dead_pid() -> int:
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True, check=True)
    return int(finished.stdout)


@pytest.mark.parametrize(("host", "user", "who"), [
    (None, "marie", "in another Workshop Desk window on this computer"),
    ("LAPTOP-12", "marie", "on the computer “LAPTOP-12” by marie"),
])
def test_a_file_left_open_by_a_crash_is_told_then_taken_over(tmp_path: Path, host: str | None, user: str,
                                                              who: str) -> None:
    path = make_programme_file(tmp_path / "files")
    pid = _dead_pid()
    record = {"host": host or socket.gethostname(), "user": user, "pid": pid,
              "since": datetime(2027, 1, 14, 8, 0, tzinfo=UTC).isoformat()}
    lock_path(path).write_text(f"\n{json.dumps(record)}\n", encoding="utf-8")
    before = folder_state(path.parent)
    error, _seconds = _refused(path)
    assert error.problem is FileProblem.LEFT_OPEN
    assert error.owner is not None and (error.owner.pid, error.owner.user) == (pid, user)
    assert describe_file_error(error).startswith(f"“programme.wdesk” was last opened {who} (since ")
    assert describe_file_error(error).endswith("was not closed properly (the app stopped or the computer went off). "
                                               "Nothing that was confirmed is lost. If it is not open anywhere else, "
                                               "you can open it now.")
    assert folder_state(path.parent) == before
    assert _titles_read_only(path) == TITLES
    assert folder_state(path.parent) == before
    workspace = Workspace.open(path, tmp_path / "backups", take_over=True)
    try:
        assert not workspace.read_only
        assert [s.title for s in workspace.sittings.all()] == TITLES
    finally:
        workspace.close()
    assert sorted(p.name for p in path.parent.iterdir()) == ["programme.wdesk"]  # the old record went too
