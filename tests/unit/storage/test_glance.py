"""The first look at a programme file: its title and sittings, read without the ORM and without writing anything."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import make_pre_alembic_file
from workshop_desk.services.demo import build_demo
from workshop_desk.services.workspace import Workspace
from workshop_desk.storage.glance import glance


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("glance")
    build_demo(folder / "demo.wdesk", folder / "backups").database.close()
    return folder / "demo.wdesk"


def _state(folder: Path) -> list[tuple[str, int, int]]:
    return sorted((entry.name, entry.stat().st_size, entry.stat().st_mtime_ns) for entry in os.scandir(folder))


def test_the_first_look_is_what_the_open_file_says(demo: Path) -> None:
    seen = glance(demo)
    assert seen is not None and seen.path == demo
    workspace = Workspace.open(demo, demo.parent / "backups", read_only=True)
    try:
        assert seen.programme.title == workspace.programmes.get().title
        assert [(s.id, s.title, s.kind, s.date, s.is_running) for s in seen.sittings] == \
            [(s.id, s.title, s.kind, s.date, s.is_running) for s in workspace.sittings.all()]
    finally:
        workspace.close()


def test_a_first_look_writes_nothing_not_even_beside_the_file(demo: Path) -> None:
    before = _state(demo.parent)
    assert glance(demo) is not None
    assert _state(demo.parent) == before  # no -wal, no -shm, no lock; the file untouched


def test_a_first_look_needs_no_database_layer(demo: Path) -> None:
    code = ("import sys; from pathlib import Path; from workshop_desk.storage.glance import glance; "
            f"assert glance(Path({str(demo)!r})) is not None; "
            "assert not {'sqlalchemy', 'sqlmodel', 'alembic'} & set(sys.modules), sorted(sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_no_first_look_at_what_the_opening_must_explain(tmp_path: Path, demo: Path) -> None:
    assert glance(tmp_path / "missing.wdesk") is None
    assert glance(tmp_path) is None
    (tmp_path / "notes.wdesk").write_text("not a programme", encoding="utf-8")
    assert glance(tmp_path / "notes.wdesk") is None
    assert glance(make_pre_alembic_file(tmp_path / "old.wdesk")) is None  # to be migrated first
    truncated = tmp_path / "truncated.wdesk"
    truncated.write_bytes(demo.read_bytes()[:3000])
    assert glance(truncated) is None
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t (x)")
    assert glance(other) is None
