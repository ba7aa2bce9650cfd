"""The anchor after a checkpoint reads again only the pages the checkpoint folded in, and is still exactly the one a
full read gives: after any writes, checkpoints (emptied or held back by a reader), growth, VACUUM and checkpoints
that were not ours; a log left beside an older copy is still refused."""

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from tests.factories import crashed_copy, make_workspace, sitting_draft
from workshop_desk.storage import db, wal
from workshop_desk.storage.header import FileProblem, ProgrammeFileError
from workshop_desk.storage.programme_file import open_file
from workshop_desk.storage.tables import WalAnchorTable


class _Reads:
    """How many pages the anchors digest, and how many times one reads the whole file."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.pages = self.full = 0
        digest, full = wal._digest, wal.page_digests

        def counted_digest(page: bytes) -> bytes:
            self.pages += 1
            return digest(page)

        def counted_full(path: Path, page_size: int) -> bytes:
            self.full += 1
            return full(path, page_size)

        monkeypatch.setattr(wal, "_digest", counted_digest)
        monkeypatch.setattr(wal, "page_digests", counted_full)


def _stored_anchor(database: db.Database) -> bytes:
    with database.engine.connect() as connection:
        digests = connection.exec_driver_sql("SELECT digests FROM wal_anchor WHERE id = 1").scalar()
        connection.rollback()
    assert digests is not None
    return bytes(digests)


def _page_size(database: db.Database) -> int:
    with database.engine.connect() as connection:
        size = int(connection.exec_driver_sql("PRAGMA page_size").scalar() or 0)
        connection.rollback()
    return size


def test_an_anchor_reads_only_the_pages_its_checkpoint_folded_in(tmp_path, monkeypatch):
    """At 190 MB, reading every page took 0.7 s under the gate, every twentieth save: a vote waited for it."""
    workspace = make_workspace(tmp_path, sittings=2, items=3)
    database = workspace.database
    with database.session() as session:  # some 500 pages more, that no change below touches
        session.connection().exec_driver_sql("CREATE TABLE ballast AS SELECT randomblob(2000000) AS body")
    database.checkpoint()
    pages = database.path.stat().st_size // _page_size(database)
    reads = _Reads(monkeypatch)
    for n in range(5):
        workspace.sittings.create(sitting_draft(title=f"Ajoutée {n}"))
        held = wal.read_log(database.path)
        assert held is not None
        reads.pages = 0
        database.checkpoint()
        assert 0 < reads.pages <= len(held.pages) + 2  # + pages added at the end of a file that grew
        assert reads.pages < pages // 10
        assert _stored_anchor(database) == wal.page_digests(database.path, _page_size(database))
    assert reads.full == 5  # the comparisons above, never an anchor
    workspace.close()


def test_a_log_beside_an_older_copy_is_refused_after_anchors_that_read_few_pages(tmp_path, monkeypatch):
    live = make_workspace(tmp_path / "live", sittings=2, items=3)
    live.database.checkpoint_bytes = 16 * 1024  # a checkpoint and its anchor every few changes
    older = tmp_path / "older.wdesk"
    live.database.copy_to(older)
    reads = _Reads(monkeypatch)
    for n in range(40):
        live.sittings.create(sitting_draft(title=f"Plus récente {n}"))
    assert reads.pages and not reads.full  # anchors were written, none of them by reading every page
    own = crashed_copy(live, tmp_path / "own" / "programme.wdesk")
    stale = crashed_copy(live, tmp_path / "stale" / "programme.wdesk")
    live.close()
    shutil.copyfile(older, stale)
    with pytest.raises(ProgrammeFileError) as refused:
        open_file(stale, tmp_path / "backups")
    assert refused.value.problem is FileProblem.FOREIGN_LOG
    recovered = open_file(own, tmp_path / "backups")  # and the file's own log is still replayed
    with closing(recovered.engine.raw_connection()) as connection:
        assert connection.execute("SELECT count(*) FROM sitting").fetchone() == (42,)
    recovered.close()


class AnchorMachine(RuleBasedStateMachine):
    """Random writes, growth, deletions, VACUUM, checkpoints (ours, emptied or held back by a reader; and others'):
    the anchor written after each of ours is the full recomputation, and between them every page the log does not
    hold matches it (wal.py's invariant; a checkpoint not ours may break that one, by design, until ours)."""

    folder: Path

    @initialize(page_size=st.sampled_from([512, 1024, 4096]))
    def open_database(self, page_size: int) -> None:
        self.path = self.folder / f"anchor-{id(self)}.wdesk"
        with closing(sqlite3.connect(self.path)) as connection:
            connection.execute(f"PRAGMA page_size={page_size}")
            connection.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, body BLOB)")
        db.stamp_new_file(self.path)
        engine = db.make_engine(self.path)
        WalAnchorTable.metadata.create_all(engine, tables=[WalAnchorTable.__table__])  # type: ignore[list-item]
        self.database = db.Database(self.path, engine)
        self.database.checkpoint_bytes = 8 * page_size  # checkpoints between our own, as the app makes them
        self.database.checkpoint()
        self.reader: sqlite3.Connection | None = None
        self.stray = False

    def teardown(self) -> None:
        if getattr(self, "reader", None) is not None:
            self.reader.close()  # type: ignore[union-attr]
        if hasattr(self, "database"):
            self.database.close()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def _execute(self, statement: str, *parameters: object) -> None:
        with self.database.session() as session:
            session.connection().exec_driver_sql(statement, parameters)

    @rule(count=st.integers(1, 6), size=st.integers(1, 6000))
    def insert(self, count: int, size: int) -> None:
        for _ in range(count):
            self._execute("INSERT INTO note (body) VALUES (randomblob(?))", size)

    @rule(size=st.integers(1, 3000), modulo=st.integers(2, 5))
    def update(self, size: int, modulo: int) -> None:
        self._execute("UPDATE note SET body = randomblob(?) WHERE id % ? = 0", size, modulo)

    @rule(modulo=st.integers(1, 4))
    def delete(self, modulo: int) -> None:
        self._execute("DELETE FROM note WHERE id % ? != 0", modulo)

    @rule()
    def vacuum(self) -> None:
        with closing(self.database.engine.raw_connection()) as raw:
            raw.driver_connection.execute("VACUUM")  # type: ignore[union-attr]

    @precondition(lambda self: self.reader is None)
    @rule()
    def reader_begins(self) -> None:
        self.reader = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, isolation_level=None)
        self.reader.execute("BEGIN")
        self.reader.execute("SELECT count(*) FROM note").fetchone()  # a snapshot, held

    @precondition(lambda self: self.reader is not None)
    @rule()
    def reader_ends(self) -> None:
        assert self.reader is not None
        self.reader.close()
        self.reader = None

    @rule(mode=st.sampled_from(["PASSIVE", "TRUNCATE"]))
    def checkpoint_not_ours(self, mode: str) -> None:
        """Another program with the file open for writing (the sqlite3 shell) folds the log in."""
        with closing(sqlite3.connect(self.path, isolation_level=None)) as other:
            other.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
        self.stray = True

    @rule()
    def checkpoint(self) -> None:
        self.database.checkpoint()
        self.stray = False
        assert _stored_anchor(self.database) == wal.page_digests(self.path, _page_size(self.database))

    @invariant()
    def every_page_the_log_does_not_hold_matches_the_anchor(self) -> None:
        if not hasattr(self, "database") or self.stray:
            return
        contents = wal.read_log(self.path) if wal.has_log(self.path) else None
        if contents is not None:
            assert wal.log_belongs(self.path, contents, _stored_anchor(self.database))


@pytest.mark.slow
def test_an_anchor_read_in_part_is_always_the_anchor_read_in_full(tmp_path):
    AnchorMachine.folder = tmp_path
    run_state_machine_as_test(AnchorMachine, settings=settings(
        max_examples=30, stateful_step_count=30, deadline=None, suppress_health_check=[HealthCheck.too_slow]))
