"""`workshop-desk export badges | attendance | attendance-report`, run in a child process as a user would."""

from pathlib import Path

import docx
import pytest

from tests.factories import make_bad_file
from workshop_desk.domain.attendance import EXPECTED
from workshop_desk.services.demo import build_demo

SITTING = 2  # the demo's first sector workshop, with about twenty people registered



@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, int, int]:
    """The demo file, with how many people it holds and how many are expected at SITTING."""
    folder = tmp_path_factory.mktemp("demo")
    workspace = build_demo(folder / "démo.wdesk", folder / "backups")
    everyone = len(workspace.participants.all())
    roster = workspace.attendance.roster(SITTING)
    expected = sum(1 for e in roster if e.attendance and e.attendance.status in EXPECTED)
    workspace.database.close()
    return workspace.path, everyone, expected


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".docx", ".tmp")))


def test_badges_of_everyone(cli, demo, tmp_path):
    path, everyone, _expected = demo
    out = tmp_path / "badges é.docx"
    result = cli("export", "badges", str(path), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Badges written to {out}"
    assert len(docx.Document(str(out)).inline_shapes) == everyone == 60


def test_badges_ten_per_page_for_one_sitting(cli, demo, tmp_path):
    path, _everyone, expected = demo
    out = tmp_path / "badges.docx"
    result = cli("export", "badges", str(path), "--out", str(out), "--per-page", "10", "--sitting", str(SITTING))
    assert result.returncode == 0, result.stderr
    document = docx.Document(str(out))
    assert len(document.inline_shapes) == expected > 0
    assert round(document.sections[0].top_margin.mm, 1) == 13.5  # the 10-up stock


def test_attendance_sheet_in_french_whatever_the_interface(cli, demo, tmp_path):
    path, _everyone, expected = demo
    out = tmp_path / "émargement.docx"
    result = cli("--lang", "en", "export", "attendance", str(path), "--sitting", str(SITTING), "--out", str(out),
                 "--lang", "fr")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Attendance sheet written to {out}"
    document = docx.Document(str(out))
    assert document.core_properties.language == "fr-FR"
    assert "mardi 26 janvier 2027" in document.sections[0].header.paragraphs[0].text
    assert len(document.tables[1].rows) == expected + 1


def test_attendance_report(cli, demo, tmp_path):
    path, _everyone, _expected = demo
    out = tmp_path / "report.docx"
    result = cli("export", "attendance-report", str(path), "--sitting", str(SITTING), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Attendance report written to {out}"
    summary = docx.Document(str(out)).tables[0]
    assert summary.rows[0].cells[0].text == "Registered"


@pytest.mark.parametrize("verb", ["attendance", "attendance-report"])
def test_an_unknown_sitting_fails_with_a_sentence(cli, demo, tmp_path, verb):
    path, _everyone, _expected = demo
    result = cli("export", verb, str(path), "--sitting", "99", "--out", str(tmp_path / "x.docx"))
    assert result.returncode == 1
    assert "There is no sitting 99" in result.stderr
    assert result.stdout == ""
    assert _leftovers(tmp_path) == []


def test_badges_for_an_unknown_sitting_fail_too(cli, demo, tmp_path):
    path, _everyone, _expected = demo
    result = cli("export", "badges", str(path), "--sitting", "99", "--out", str(tmp_path / "x.docx"))
    assert result.returncode == 1
    assert "There is no sitting 99" in result.stderr


def test_a_missing_folder_fails_with_a_sentence(cli, demo, tmp_path):
    path, _everyone, _expected = demo
    out = tmp_path / "absent" / "x.docx"
    result = cli("export", "badges", str(path), "--out", str(out))
    assert result.returncode == 1
    assert f"Cannot write {out}: the folder {out.parent} does not exist." in result.stderr


def test_an_unwritable_target_fails_and_leaves_nothing_behind(cli, demo, tmp_path):
    path, _everyone, _expected = demo
    target = tmp_path / "a folder.docx"
    target.mkdir()  # a target that cannot be replaced by a file, whoever runs the test (root included)
    result = cli("export", "attendance", str(path), "--sitting", str(SITTING), "--out", str(target))
    assert result.returncode == 1
    assert f"Cannot write {target}" in result.stderr
    assert _leftovers(tmp_path) == ["a folder.docx"]
    assert list(target.iterdir()) == []


def test_the_sitting_is_required_for_a_sheet(cli, demo, tmp_path):
    path, _everyone, _expected = demo
    result = cli("export", "attendance", str(path), "--out", str(tmp_path / "x.docx"))
    assert result.returncode == 2
    assert "--sitting" in result.stderr


def test_a_bad_programme_file_fails_with_its_reason(cli, tmp_path):
    bad = make_bad_file(tmp_path, "random_bytes")
    result = cli("export", "badges", str(bad), "--out", str(tmp_path / "x.docx"))
    assert result.returncode == 1
    assert "is not a Workshop Desk programme file" in result.stderr
    assert not (tmp_path / "x.docx").exists()
