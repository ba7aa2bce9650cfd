"""`check`: a one-line verdict on a programme file, read-only."""

import hashlib
import sqlite3
from contextlib import closing

import pytest

from tests.factories import (
    BAD_FILES,
    folder_state,
    make_bad_file,
    make_programme_file,
    make_revision_file,
    make_workspace,
    side_files,
)
from workshop_desk.services.checking import check_file
from workshop_desk.services.demo import build_demo
from workshop_desk.storage import header


def _sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_sound_demo_file_is_ok(tmp_path):
    path = tmp_path / "demo.wdesk"
    demo = build_demo(path, tmp_path / "backups")
    count = len(demo.sittings.all())
    demo.database.close()
    before = _sha256(path)
    result = check_file(path)
    assert result.ok
    assert result.message == f"valid: schema {header.SCHEMA_VERSION}, {count} sittings"
    assert "\n" not in result.message
    assert _sha256(path) == before
    assert side_files(path) == []


def test_a_file_that_is_open_elsewhere_can_be_checked(tmp_path):
    workspace = make_workspace(tmp_path, sittings=2)
    try:
        result = check_file(workspace.path)
        assert result.ok, result.message
        assert result.message.endswith("2 sittings")
    finally:
        workspace.database.close()


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_file_is_not_ok_with_a_message_and_untouched(tmp_path, kind):
    path = make_bad_file(tmp_path, kind)
    before = folder_state(path.parent)
    result = check_file(path)
    assert not result.ok
    assert path.name in result.message
    assert "\n" not in result.message
    assert folder_state(path.parent) == before


@pytest.mark.parametrize(("kind", "words"), [
    ("random_bytes", "is not a Workshop Desk programme file"),
    ("foreign_sqlite", "is a database, but not a Workshop Desk programme file"),
    ("truncated", "is incomplete"),
    ("too_new_user_version", "was written by a newer version"),
    ("unknown_revision", "was written by a newer version"),
    ("corrupt_page", "is damaged"),
    ("stale_log", "was not written for this file"),
    ("no_programme", "holds no programme"),
])
def test_bad_file_message_says_what_is_wrong(tmp_path, kind, words):
    assert words in check_file(make_bad_file(tmp_path, kind)).message


def test_missing_file(tmp_path):
    result = check_file(tmp_path / "absent.wdesk")
    assert not result.ok
    assert "does not exist" in result.message
    assert not (tmp_path / "absent.wdesk").exists()


def test_older_file_is_not_ok_and_is_not_upgraded(tmp_path):
    path = make_revision_file(tmp_path / "old.wdesk")
    before = _sha256(path)
    result = check_file(path)
    assert not result.ok
    assert "older schema" in result.message
    assert _sha256(path) == before


def test_schema_difference_is_reported(tmp_path):
    path = make_programme_file(tmp_path)
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("DROP TRIGGER sync_sitting_changed")  # it names every column
        connection.execute("ALTER TABLE sitting DROP COLUMN venue")
        connection.commit()
    result = check_file(path)
    assert not result.ok
    assert "schema differs" in result.message


def test_broken_foreign_key_is_reported(tmp_path):
    path = make_programme_file(tmp_path)
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("INSERT INTO agenda_item (sitting_id, position, title, kind, planned_minutes,"
                           " notes) VALUES (999, 0, 'Orphelin', 'other', 10, '')")
        connection.commit()
    result = check_file(path)
    assert not result.ok
    assert result.message.startswith("damaged:")
