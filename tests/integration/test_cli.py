"""The headless command line, run in a child process as a user would, with a private user folder."""

import re
from datetime import date

import pytest

from tests.factories import make_bad_file
from workshop_desk import __version__
from workshop_desk.services import demo_content
from workshop_desk.services.demo import build_demo
from workshop_desk.storage import header


@pytest.fixture
def demo_path(tmp_path):
    """The demo file, built in this process (the `demo` verb itself is tested below)."""
    path = tmp_path / "files" / "démo Gare-Confluence.wdesk"
    build_demo(path, tmp_path / "backups").database.close()
    return path


def test_version(cli):
    result = cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"workshop-desk {__version__}"


def test_demo_writes_a_file_and_nothing_else_next_to_it(cli, tmp_path, data_home):
    path = tmp_path / "out" / "démo.wdesk"
    path.parent.mkdir()
    result = cli("demo", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Demo programme written to {path}"
    assert [p.name for p in path.parent.iterdir()] == [path.name]
    assert data_home.is_dir()  # the user data folder is the private one of this test
    assert cli("check", str(path)).returncode == 0


def test_demo_refuses_to_overwrite(cli, demo_path):
    before = demo_path.read_bytes()
    result = cli("demo", str(demo_path))
    assert result.returncode == 1
    assert "already exists" in result.stderr
    assert demo_path.read_bytes() == before


def test_list_prints_id_date_kind_title(cli, demo_path):
    result = cli("list", str(demo_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) >= len(demo_content.SITTINGS) >= 7  # later demo steps add sittings (in date order)
    titles = {spec["title"] for spec in demo_content.SITTINGS}
    rows = [row for row in (line.split("\t") for line in lines) if row[3] in titles]
    assert all(len(row) == 4 for row in rows)
    assert [int(row[0]) for row in rows] == sorted(int(row[0]) for row in rows)
    assert [row[1] for row in rows] == [spec["date"].isoformat() for spec in demo_content.SITTINGS]
    assert [row[2] for row in rows] == [str(spec["kind"]) for spec in demo_content.SITTINGS]
    assert [row[3] for row in rows] == [spec["title"] for spec in demo_content.SITTINGS]
    assert rows[0] == ["1", date(2027, 1, 14).isoformat(), "plenary",
                       "Petit-déjeuner des acteurs économiques"]


def test_list_of_a_bad_file_fails_with_a_sentence(cli, tmp_path):
    path = make_bad_file(tmp_path, "random_bytes")
    before = path.read_bytes()
    result = cli("list", str(path))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "is not a Workshop Desk programme file" in result.stderr
    assert path.read_bytes() == before


def test_check_a_sound_file(cli, demo_path):
    result = cli("check", str(demo_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    count = len(cli("list", str(demo_path)).stdout.splitlines())
    assert lines == [f"ok: {demo_path}: valid: schema {header.SCHEMA_VERSION}, {count} sittings"]


@pytest.mark.parametrize("kind", ["truncated", "corrupt_page", "too_new_user_version", "foreign_sqlite"])
def test_check_a_bad_file(cli, tmp_path, kind):
    path = make_bad_file(tmp_path, kind)
    before = path.read_bytes()
    result = cli("check", str(path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert re.match(rf"error: {re.escape(str(path))}: .+", lines[0])
    assert path.read_bytes() == before


def test_check_a_missing_file(cli, tmp_path):
    result = cli("check", str(tmp_path / "absent.wdesk"))
    assert result.returncode == 1
    assert result.stdout.startswith("error: ")
    assert "does not exist" in result.stdout


def test_check_in_french(cli, demo_path):
    result = cli("--lang", "fr", "check", str(demo_path))
    assert result.returncode == 0, result.stderr
    count = len(cli("list", str(demo_path)).stdout.splitlines())
    valid = f"fichier valide\xa0: schéma {header.SCHEMA_VERSION}, {count} séances"
    assert result.stdout.splitlines() == [f"ok: {demo_path}: {valid}"]
