"""The log's anchor across checkpoints: a kill at any point of a checkpoint, or a checkpoint that a reader held back,
leaves a file that opens with everything it had (recovery, never a FOREIGN_LOG refusal of the app's own file)."""

import sqlite3
import struct
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.factories import crashed_copy, make_workspace, sitting_draft
from workshop_desk.storage import db, wal
from workshop_desk.storage.programme_file import open_file

_checkpoint = db.checkpoint


def _titles(path: Path, backups: Path) -> list[str]:
    database = open_file(path, backups)
    try:
        assert database.integrity_problems() == []
        with closing(database.engine.raw_connection()) as connection:
            return [row[0] for row in connection.execute("SELECT title FROM sitting ORDER BY id")]
    finally:
        database.close()


def _header_only(log: bytes) -> bytes:
    """Killed after SQLite wrote a fresh log's header, before the first frame (it syncs in between)."""
    return log[:wal.WAL_HEADER]


def _torn_commit(log: bytes) -> bytes:
    """The commit frame written only in part (a power cut): its checksum fails, SQLite replays nothing of it."""
    torn = bytearray(log)
    torn[-100] ^= 0xFF
    return bytes(torn)


def _without_commit(log: bytes) -> bytes:
    """Every frame of the anchor but its last, the one that commits it."""
    (page_size,) = struct.unpack(">I", log[8:12])
    return log[:-(wal.FRAME_HEADER + page_size)]


@pytest.mark.parametrize("cut", [_header_only, _torn_commit, _without_commit])
def test_a_kill_while_the_anchor_of_a_fresh_log_was_written_is_recovered(tmp_path, cut: Callable[[bytes], bytes]):
    workspace = make_workspace(tmp_path / "live", sittings=2)
    workspace.sittings.create(sitting_draft(title="Avant le point de contrôle"))
    workspace.database.checkpoint()  # the log now holds the anchor alone
    crashed = crashed_copy(workspace, tmp_path / "crashed" / "programme.wdesk")
    workspace.database.close()
    log = wal.wal_path(crashed)
    log.write_bytes(cut(log.read_bytes()))
    assert _titles(crashed, tmp_path / "backups") == ["Séance 1", "Séance 2", "Avant le point de contrôle"]


def test_a_checkpoint_that_a_reader_held_back_still_anchors_the_log_sqlite_restarts(tmp_path):
    """A reader (the file open read-only in a second window, an export from the command line) holds a snapshot while
    the log is folded in: the log cannot be emptied. Once the reader has gone, SQLite starts the log afresh at the
    next write — a log whose first transaction must be an anchor of the file as the checkpoint left it."""
    workspace = make_workspace(tmp_path / "live", sittings=2)
    workspace.sittings.create(sitting_draft(title="Avant la lecture"))
    with closing(sqlite3.connect(f"file:{workspace.path}?mode=ro", uri=True, isolation_level=None)) as reader:
        reader.execute("BEGIN")
        assert reader.execute("SELECT count(*) FROM sitting").fetchone() == (3,)
        workspace.database.checkpoint()  # everything folded in, but the log stays: the reader may still need it
        assert wal.wal_path(workspace.path).stat().st_size > 0
        reader.execute("COMMIT")
    workspace.sittings.create(sitting_draft(title="Après la lecture"))  # SQLite restarts the log here
    crashed = crashed_copy(workspace, tmp_path / "crashed" / "programme.wdesk")
    workspace.database.close()
    assert _titles(crashed, tmp_path / "backups") == ["Séance 1", "Séance 2", "Avant la lecture", "Après la lecture"]


def test_a_checkpoint_does_not_wait_for_a_reader_nor_try_again_at_every_change(tmp_path, monkeypatch):
    """A checkpoint that waited for the readers of another process would hold up the change that triggered it (a
    badge scan at the door) for as long as a second window or an export keeps reading: it folds in what it can,
    and is tried again only once the log has grown by as much again (each try reads the whole file to anchor)."""
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 3000)
    tries: list[bool] = []

    def counted(engine: Engine, wait: bool = True) -> bool:
        tries.append(_checkpoint(engine, wait))
        return tries[-1]

    monkeypatch.setattr(db, "checkpoint", counted)
    workspace = make_workspace(tmp_path, sittings=1)
    workspace.database.checkpoint_bytes = 64 * 1024
    tries.clear()
    with closing(sqlite3.connect(f"file:{workspace.path}?mode=ro", uri=True, isolation_level=None)) as reader:
        reader.execute("BEGIN")
        assert reader.execute("SELECT count(*) FROM sitting").fetchone() == (1,)  # a snapshot, held
        started = time.monotonic()
        for n in range(40):
            workspace.sittings.create(sitting_draft(title=f"Pendant la lecture {n}"))
        assert time.monotonic() - started < 2.5  # a single wait for the reader would last 3 s
        assert tries and not any(tries)  # held back each time…
        assert len(tries) <= 40 // 3  # …and not tried again after every change
        assert reader.execute("SELECT count(*) FROM sitting").fetchone() == (1,)
        reader.execute("COMMIT")
    while True not in tries:  # the reader has gone: the next try empties the log
        workspace.sittings.create(sitting_draft(title="Après la lecture"))
    assert wal.wal_path(workspace.path).stat().st_size < 8 * 1024  # the anchor alone
    titles = [sitting.title for sitting in workspace.sittings.all()]
    crashed = crashed_copy(workspace, tmp_path / "crashed" / "programme.wdesk")
    workspace.database.close()
    assert _titles(crashed, tmp_path / "backups") == titles
