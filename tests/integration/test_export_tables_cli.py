"""`workshop-desk export tables | routes`, run in a child process as a user would."""

import math
from pathlib import Path

import docx
import pytest

from workshop_desk.services.demo import build_demo

SITTING, UNPLANNED = 2, 3  # the demo's first two sector workshops; only the first gets a seating plan
TABLES, ROUNDS = 4, 3



@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, int]:
    """The demo file with SITTING's registered people seated at TABLES of its tables over ROUNDS rounds."""
    folder = tmp_path_factory.mktemp("demo")
    workspace = build_demo(folder / "démo.wdesk", folder / "backups")
    seated = len(workspace.room_tables.people_to_seat(SITTING))
    tables = workspace.room_tables.ensure_tables(SITTING, TABLES, math.ceil(seated / TABLES))[:TABLES]
    workspace.room_tables.plan(SITTING, ROUNDS, table_ids=[table.id for table in tables])
    assert workspace.room_tables.saved_plan(UNPLANNED) is None
    workspace.database.close()
    return workspace.path, seated


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".docx", ".tmp")))


def test_table_lists(cli, demo, tmp_path):
    path, seated = demo
    out = tmp_path / "tables é.docx"
    result = cli("export", "tables", str(path), "--sitting", str(SITTING), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Table lists written to {out}"
    document = docx.Document(str(out))
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == [
        f"Round {n} of {ROUNDS}" for n in range(1, ROUNDS + 1)]
    assert len(document.tables) == ROUNDS
    assert len([p for p in document.paragraphs if p.style.name == "Poster Table"]) == ROUNDS * TABLES
    assert len([p for p in document.paragraphs if p.style.name == "Poster Name"]) == ROUNDS * seated > 0


def test_route_cards_in_french_whatever_the_interface(cli, demo, tmp_path):
    path, seated = demo
    out = tmp_path / "cartes.docx"
    result = cli("--lang", "en", "export", "routes", str(path), "--sitting", str(SITTING), "--out", str(out),
                 "--lang", "fr")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Route cards written to {out}"
    document = docx.Document(str(out))
    assert document.core_properties.language == "fr-FR"
    cards = [cell.text for row in document.tables[0].rows for cell in row.cells if cell.text]
    assert len(cards) == seated
    assert all(card.count("→") == ROUNDS for card in cards)
    assert "mardi 26 janvier 2027" in cards[0]


@pytest.mark.parametrize("verb", ["tables", "routes"])
def test_a_sitting_without_a_plan_fails_with_a_sentence(cli, demo, tmp_path, verb):
    path, _seated = demo
    result = cli("export", verb, str(path), "--sitting", str(UNPLANNED), "--out", str(tmp_path / "x.docx"))
    assert result.returncode == 1
    assert "has no seating plan yet" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("verb", ["tables", "routes"])
def test_an_unknown_sitting_fails_with_a_sentence(cli, demo, tmp_path, verb):
    path, _seated = demo
    result = cli("export", verb, str(path), "--sitting", "99", "--out", str(tmp_path / "x.docx"))
    assert result.returncode == 1
    assert "There is no sitting 99" in result.stderr
    assert _leftovers(tmp_path) == []


def test_the_sitting_is_required(cli, demo, tmp_path):
    path, _seated = demo
    result = cli("export", "routes", str(path), "--out", str(tmp_path / "x.docx"))
    assert result.returncode == 2
    assert "--sitting" in result.stderr
