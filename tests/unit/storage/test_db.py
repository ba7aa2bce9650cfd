"""The unit of work, integrity checks and consistent copies through SQLite's backup API."""

import sqlite3
from contextlib import closing

import pytest
from sqlmodel import select

from tests.factories import make_workspace, side_files, sitting_draft
from workshop_desk.storage import db
from workshop_desk.storage.errors import StorageError, WriteProblem
from workshop_desk.storage.programme_file import open_file
from workshop_desk.storage.tables import AgendaItemTable, SittingTable


def _titles(path, table):
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(f"SELECT id, title FROM {table} ORDER BY id").fetchall()


def test_session_commits_at_the_end_of_the_block(tmp_path):
    workspace = make_workspace(tmp_path, sittings=1)
    database = workspace.database
    try:
        with database.session() as session:
            session.add(SittingTable(programme_id=1, title="Ajoutée"))
        with database.session() as session:
            assert "Ajoutée" in [row.title for row in session.exec(select(SittingTable))]
    finally:
        database.close()


def test_session_rolls_back_on_error_and_counts_no_change(tmp_path):
    workspace = make_workspace(tmp_path, sittings=1)
    database = workspace.database
    try:
        count = database.change_count
        with pytest.raises(RuntimeError), database.session() as session:
            session.add(SittingTable(programme_id=1, title="Perdue"))
            session.flush()
            raise RuntimeError("boom")
        assert database.change_count == count
        assert "Perdue" not in [s.title for s in workspace.sittings.all()]
    finally:
        database.close()


def test_a_file_another_program_keeps_locked_is_busy_and_nothing_is_half_done(tmp_path, monkeypatch):
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 100)
    workspace = make_workspace(tmp_path, sittings=1)
    database = workspace.database
    try:
        count = database.change_count
        with closing(sqlite3.connect(workspace.path, isolation_level=None)) as other:
            other.execute("BEGIN IMMEDIATE")  # another program writing, for longer than the busy timeout
            for attempt in (lambda: workspace.sittings.create(sitting_draft(title="Refusée")), workspace.sittings.all):
                with pytest.raises(StorageError) as busy:
                    attempt()
                assert busy.value.problem == WriteProblem.BUSY
            other.execute("ROLLBACK")
        assert database.change_count == count
        workspace.sittings.create(sitting_draft(title="Acceptée"))  # the same connections work again
        assert [s.title for s in workspace.sittings.all()][1:] == ["Acceptée"]
    finally:
        database.close()


def test_a_session_that_only_reads_is_not_a_change(tmp_path):
    workspace = make_workspace(tmp_path, sittings=2, items=2)
    database = workspace.database
    try:
        count = database.change_count
        workspace.sittings.all()
        workspace.agenda.items(workspace.sittings.all()[0].id)
        workspace.programmes.get()
        assert database.change_count == count
        workspace.sittings.create(sitting_draft(title="Nouvelle"))
        assert database.change_count == count + 1
    finally:
        database.close()


def test_foreign_keys_cascade_from_sitting_to_its_items(tmp_path):
    workspace = make_workspace(tmp_path, sittings=1, items=3)
    try:
        with workspace.database.session() as session:
            session.delete(session.get(SittingTable, 1))
        with workspace.database.session() as session:
            assert list(session.exec(select(AgendaItemTable))) == []
    finally:
        workspace.database.close()


def test_foreign_keys_refuse_an_item_of_a_missing_sitting(tmp_path):
    workspace = make_workspace(tmp_path)
    try:
        with pytest.raises(Exception, match="FOREIGN KEY"), workspace.database.session() as session:
            session.add(AgendaItemTable(sitting_id=999, title="Orphelin"))
    finally:
        workspace.database.close()


def test_integrity_problems_of_a_sound_file_is_empty(tmp_path):
    workspace = make_workspace(tmp_path, sittings=2, items=3)
    try:
        assert workspace.database.integrity_problems() == []
    finally:
        workspace.database.close()


def test_copy_of_an_open_file_opens_and_has_the_same_rows(tmp_path):
    workspace = make_workspace(tmp_path, sittings=3, items=4)
    source = workspace.path
    target = tmp_path / "copies" / "copy.wdesk"
    try:
        assert side_files(source)  # open: its latest commits are still in the write-ahead log
        workspace.database.copy_to(target)
    finally:
        workspace.database.close()
    assert _titles(target, "sitting") == _titles(source, "sitting")
    assert _titles(target, "agenda_item") == _titles(source, "agenda_item")
    assert len(_titles(target, "agenda_item")) == 12
    copy = open_file(target, tmp_path / "migration-backups")
    try:
        assert copy.integrity_problems() == []
    finally:
        copy.close()
    assert [p.name for p in target.parent.iterdir()] == ["copy.wdesk"]  # no temporary left behind


def test_copy_replaces_an_existing_target(tmp_path):
    workspace = make_workspace(tmp_path, sittings=1)
    target = tmp_path / "copy.wdesk"
    target.write_bytes(b"old")
    try:
        workspace.database.copy_to(target)
    finally:
        workspace.database.close()
    assert _titles(target, "sitting") == [(1, "Séance 1")]
