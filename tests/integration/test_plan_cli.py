"""`plan tables`, run in a child process as a user would: the plan printed, its quality last, errors."""

import re

import pytest

from tests.factories import backup_root, make_workspace
from workshop_desk.domain.enums import AttendanceStatus
from workshop_desk.domain.models import ParticipantDraft
from workshop_desk.services.workspace import Workspace

QUALITY = re.compile(r"^repeated_pairs=(\d+) mix=(\d\.\d{3})$")



@pytest.fixture
def programme(tmp_path):
    """A file with two sittings; 16 people of 4 groups registered for the first one only."""
    workspace = make_workspace(tmp_path, sittings=2)
    groups = [g.id for g in workspace.programmes.groups()[:4]]
    people = workspace.participants.add_many([ParticipantDraft(f"Élise{n}", f"Nom{n:02d}", group_id=groups[n % 4])
                                              for n in range(16)])
    first, second = (s.id for s in workspace.sittings.all())
    workspace.attendance.set_status(first, [p.id for p in people], AttendanceStatus.REGISTERED)
    workspace.database.close()
    return workspace.path, first, second


def test_plan_tables_prints_each_round_then_the_quality(cli, programme, tmp_path):
    path, sitting, _other = programme
    result = cli("plan", "tables", str(path), "--sitting", str(sitting), "--tables", "4", "--rounds", "5")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line for line in lines if line.startswith("Round")] == [f"Round {n}" for n in range(1, 6)]
    tables = [line for line in lines if line.startswith("Table")]
    assert len(tables) == 5 * 4
    assert all(len(line.split(": ", 1)[1].split(", ")) == 4 for line in tables)
    assert lines[1].startswith("Table 1: Élise")
    quality = QUALITY.match(lines[-1])
    assert quality is not None, lines[-1]
    assert quality.group(1) == "0"
    workspace = Workspace.open(path, backup_root(tmp_path))
    try:
        saved = workspace.room_tables.saved_plan(sitting)
        assert saved is not None and len(saved.plan.rounds) == 5
        assert [(t.name, t.capacity) for t in saved.tables] == [(f"Table {n}", 4) for n in range(1, 5)]
    finally:
        workspace.database.close()


def test_the_same_seed_prints_the_same_plan(cli, programme):
    path, sitting, _other = programme
    args = ("plan", "tables", str(path), "--sitting", str(sitting), "--tables", "3", "--rounds", "3",
            "--seed", "11")
    first, second = cli(*args), cli(*args)
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout
    assert QUALITY.match(first.stdout.splitlines()[-1])


@pytest.mark.parametrize(("sitting", "extra", "message"), [
    ("999", (), "No sitting has the ID 999"),
    ("other", (), "Nobody to seat"),
    ("first", ("--capacity", "3"), "16 people to seat, but the tables seat only 6"),
])
def test_errors_exit_1_with_a_sentence_and_change_nothing(cli, programme, tmp_path, sitting, extra, message):
    path, first, other = programme
    sitting_id = {"first": str(first), "other": str(other)}.get(sitting, sitting)
    result = cli("plan", "tables", str(path), "--sitting", sitting_id, "--tables", "2", "--rounds", "2", *extra)
    assert result.returncode == 1
    assert message in result.stderr
    assert result.stdout == ""
    workspace = Workspace.open(path, backup_root(tmp_path))
    try:
        assert workspace.room_tables.tables(first) == workspace.room_tables.tables(other) == []
    finally:
        workspace.database.close()
