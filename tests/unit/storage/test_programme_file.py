"""Creating and opening programme files: marks, pragmas, schema, and refusing bad files untouched."""

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.factories import (
    BAD_FILE_PROBLEMS,
    BAD_FILES,
    folder_state,
    make_bad_file,
    make_programme_file,
    make_revision_file,
    make_workspace,
    programme_draft,
)
from workshop_desk.services.programmes import ProgrammeService
from workshop_desk.services.workspace import Workspace
from workshop_desk.storage import migrate
from workshop_desk.storage.db import Database, stamp_new_file
from workshop_desk.storage.header import APPLICATION_ID, SCHEMA_VERSION, FileProblem, ProgrammeFileError, parse_header
from workshop_desk.storage.programme_file import create_file, open_file


def _pragma(path: Path, name: str) -> object:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        return connection.execute(f"PRAGMA {name}").fetchone()[0]


def _new(path: Path) -> Database:
    return create_file(path, lambda building: ProgrammeService(building).create(programme_draft()))


def test_new_file_is_marked_as_ours_in_wal_mode_at_the_current_schema(tmp_path):
    path = tmp_path / "new.wdesk"
    _new(path).close()
    header = parse_header(path.read_bytes()[:100])
    assert header is not None
    assert header.application_id == APPLICATION_ID
    assert header.user_version == SCHEMA_VERSION
    assert _pragma(path, "application_id") == APPLICATION_ID
    assert _pragma(path, "user_version") == SCHEMA_VERSION
    assert _pragma(path, "journal_mode") == "wal"
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (migrate.head_revision(),)]


def test_closing_folds_the_log_into_the_file_and_leaves_nothing_beside_it(tmp_path):
    path = tmp_path / "new.wdesk"
    _new(path).close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.wdesk"]


def test_session_connection_has_foreign_keys_and_full_sync(tmp_path):
    database = _new(tmp_path / "new.wdesk")
    try:
        with database.session() as session:
            connection = session.connection()
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        database.close()


def _schema(path: Path) -> dict[str, object]:
    """Every table's columns, keys, indexes and AUTOINCREMENT, in an order that does not depend on how it was made."""
    with closing(sqlite3.connect(path)) as connection:
        tables = [row for row in connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {name: (
            # name, type, not null, primary key (a migration adds columns last, and with a default to fill old rows)
            sorted((row[1], row[2], row[3], row[5]) for row in connection.execute(f"PRAGMA table_info('{name}')")),
            sorted(tuple(row[2:]) for row in connection.execute(f"PRAGMA foreign_key_list('{name}')")),
            sorted((row[1], row[2], tuple(r[2] for r in connection.execute(f"PRAGMA index_info('{row[1]}')")))
                   for row in connection.execute(f"PRAGMA index_list('{name}')")),
            "AUTOINCREMENT" in sql.upper()) for name, sql in tables}


def test_every_migration_from_an_empty_file_gives_the_schema_a_new_file_has(tmp_path):
    new, migrated = tmp_path / "new.wdesk", tmp_path / "migrated.wdesk"
    _new(new).close()
    stamp_new_file(migrated)
    migrate.upgrade(migrated)
    assert _schema(migrated) == _schema(new)
    assert _triggers(migrated) == _triggers(new)
    single_rows = ("wal_anchor", "sync_state")
    keyed_by_id = {name: shape for name, shape in _schema(new).items()
                   if name not in single_rows and ("id", "INTEGER", 1, 1) in shape[0]}  # type: ignore[index]
    assert len(keyed_by_id) == 25
    assert all(autoincrement for *_rest, autoincrement in keyed_by_id.values())  # ids are never reused


def _triggers(path: Path) -> dict[str, str]:
    with closing(sqlite3.connect(path)) as connection:
        return dict(connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())


def test_a_new_file_has_the_schema_of_the_table_classes(tmp_path):
    database = _new(tmp_path / "new.wdesk")
    try:
        with database.engine.connect() as connection:
            assert migrate.schema_differences(connection) == []
            connection.rollback()
    finally:
        database.close()


def test_schema_differences_sees_a_missing_column(tmp_path):
    path = tmp_path / "new.wdesk"
    _new(path).close()
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("DROP TRIGGER sync_sitting_changed")  # it names every column
        connection.execute("ALTER TABLE sitting DROP COLUMN venue")
        connection.commit()
    database = open_file(path, tmp_path / "backups")
    try:
        with database.engine.connect() as connection:
            differences = migrate.schema_differences(connection)
            connection.rollback()
        assert any("venue" in str(d) for d in differences)
    finally:
        database.close()


def test_create_refuses_an_existing_file_and_leaves_it(tmp_path):
    path = tmp_path / "mine.wdesk"
    path.write_bytes(b"precious")
    with pytest.raises(FileExistsError):
        _new(path)
    assert path.read_bytes() == b"precious"


def test_a_creation_that_fails_leaves_no_file_and_no_leftover(tmp_path):
    def fail(_building: Database) -> None:
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        create_file(tmp_path / "new.wdesk", fail)
    assert list(tmp_path.iterdir()) == []


def test_a_file_appears_only_once_it_holds_its_programme(tmp_path):
    path = tmp_path / "new.wdesk"
    seen: list[bool] = []
    create_file(path, lambda building: (seen.append(path.exists()),
                                        ProgrammeService(building).create(programme_draft()))).close()
    assert seen == [False] and path.exists()


def test_sound_file_opens_without_a_migration_backup(tmp_path):
    path = make_programme_file(tmp_path)
    database = open_file(path, tmp_path / "migration-backups")
    try:
        assert database.integrity_problems() == []
        assert not (tmp_path / "migration-backups").exists()
    finally:
        database.close()


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(ProgrammeFileError) as caught:
        open_file(tmp_path / "nowhere.wdesk", tmp_path / "backups")
    assert caught.value.problem is FileProblem.MISSING
    assert not (tmp_path / "nowhere.wdesk").exists()


def test_every_bad_file_kind_has_an_expected_problem():
    assert set(BAD_FILE_PROBLEMS) == set(BAD_FILES)


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
@pytest.mark.parametrize("read_only", [False, True])
def test_bad_file_is_refused_and_left_byte_for_byte_unchanged_with_its_sidecars(tmp_path, kind, read_only):
    path = make_bad_file(tmp_path, kind)
    before = folder_state(path.parent)
    backups = tmp_path / "migration-backups"
    with pytest.raises(ProgrammeFileError) as caught:
        open_file(path, backups, read_only=read_only)
    assert caught.value.problem is BAD_FILE_PROBLEMS[kind]
    assert caught.value.path == path
    assert folder_state(path.parent) == before
    assert not backups.exists()


def test_older_file_is_backed_up_then_upgraded(tmp_path):
    path = make_revision_file(tmp_path / "old.wdesk")
    backups = tmp_path / "migration-backups"
    database = open_file(path, backups)
    try:
        with database.engine.connect() as connection:
            assert migrate.schema_differences(connection) == []
            connection.rollback()
        assert migrate.current_revision(database.engine) == migrate.head_revision()
    finally:
        database.close()
    assert _pragma(path, "user_version") == SCHEMA_VERSION
    copies = list(backups.iterdir())
    assert len(copies) == 1
    assert copies[0].name.startswith("old.before-migration.")
    assert copies[0].suffix == ".wdesk"
    # the copy was taken before the migration: ours, at the old revision
    with closing(sqlite3.connect(copies[0])) as connection:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]


def test_upgrading_keeps_every_row_and_its_links_and_drops_notes_that_were_deleted(tmp_path):
    path = make_revision_file(tmp_path / "old.wdesk")
    workspace = Workspace.open(path, tmp_path / "backups")
    try:
        assert [p.full_name for p in workspace.participants.all()] == ["Paul Durand", "Léa Martin"]
        assert {p.first_name: p.group_id for p in workspace.participants.all()} == {"Léa": 1, "Paul": None}
        assert [i.text for i in workspace.ideas.ideas(1)] == ["Gardée"]
        assert [(o.label, o.idea_id) for o in workspace.ballots.get(1).options] == [("Effacée", None),
                                                                                    ("Gardée", 1)]
        assert workspace.database.integrity_problems() == []
    finally:
        workspace.close()


def test_a_failed_migration_is_reported_and_rolled_back(tmp_path):
    # an older file with a table in the way: the migration cannot create it
    path = make_revision_file(tmp_path / "odd.wdesk")
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE wal_anchor (id INTEGER PRIMARY KEY)")
        connection.commit()
    before = _schema(path)
    with pytest.raises(ProgrammeFileError) as caught:
        open_file(path, tmp_path / "migration-backups")
    assert caught.value.problem is FileProblem.CORRUPT
    assert _schema(path) == before  # nothing half-changed
    assert len(list((tmp_path / "migration-backups").iterdir())) == 1


@pytest.mark.parametrize("name", ["Séance n°1.wdesk", "Atelier #2.wdesk", "100% santé.wdesk",
                                  "quoi ?.wdesk", "a&b=c.wdesk"])
def test_file_names_with_url_characters_work_and_leave_no_stray_file(tmp_path, name):
    folder = tmp_path / "files"
    path = folder / name
    _new(path).close()
    database = open_file(path, tmp_path / "migration-backups")
    try:
        assert database.integrity_problems() == []
    finally:
        database.close()
    assert [p.name for p in folder.iterdir()] == [name]


def test_a_file_left_open_by_a_crash_reopens_with_everything(tmp_path):
    """The state a crash leaves: the file and its write-ahead log, never folded together."""
    workspace = make_workspace(tmp_path / "live", sittings=2, items=3)
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for suffix in ("", "-wal"):  # copied raw while open, as the disk holds them after a power cut
        (crashed / f"programme.wdesk{suffix}").write_bytes(Path(f"{workspace.path}{suffix}").read_bytes())
    workspace.database.close()
    database = open_file(crashed / "programme.wdesk", tmp_path / "migration-backups")
    try:
        with closing(database.engine.raw_connection()) as connection:
            titles = [row[0] for row in connection.execute("SELECT title FROM agenda_item ORDER BY id")]
        assert titles == ["Point 1", "Point 2", "Point 3"] * 2
        assert database.integrity_problems() == []
    finally:
        database.close()
