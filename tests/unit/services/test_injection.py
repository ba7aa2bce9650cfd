"""Formula-like text from a registration spreadsheet, through the import into a programme file, then through
every document: it reads as the registry holds it, and no workbook cell is a formula that the app did not write."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.factories import make_workspace
from tests.injection import PAYLOADS
from tests.spreadsheets import write_csv, write_xlsx
from tests.unit.exports.test_injection import check_docx, check_workbook
from workshop_desk.domain.enums import BallotMethod
from workshop_desk.domain.ideas import IdeaDraft
from workshop_desk.domain.priorities import ActionDraft
from workshop_desk.domain.table_plan import TableDraft
from workshop_desk.domain.voting import BallotPaper, DotSettings, Mark
from workshop_desk.exports.xlsx_cells import FORMULA_STARTS
from workshop_desk.services import deliverables, documents
from workshop_desk.services.importing import import_file
from workshop_desk.services.workspace import Workspace


def _rows(step: int) -> list[list[object]]:
    """Seven people whose name, first name, organisation, role and group are each a payload."""
    header: list[object] = ["Nom", "Prénom", "Structure", "Fonction", "Collège", "Courriel"]
    return [header] + [[PAYLOADS[(n + step * k) % len(PAYLOADS)] for k in range(5)] + [f"p{n}.{step}@x.fr"]
                       for n in range(len(PAYLOADS))]


def _fill(workspace: Workspace, sitting_id: int) -> None:
    """Everything a sitting produces, each text a payload: ideas, a theme, questions, a vote, a priority, an
    action, tables."""
    people = workspace.participants.all()
    for person in people[:10]:
        workspace.attendance.sign_in(sitting_id, person.id)
    ideas = workspace.ideas.add_many(sitting_id, [IdeaDraft(text) for text in PAYLOADS])
    workspace.themes.create(sitting_id, PAYLOADS[0], [ideas[0].id, ideas[1].id])
    for text in PAYLOADS:
        workspace.questions.add(sitting_id, text, PAYLOADS[2])
    ballot = workspace.ballots.create(sitting_id, PAYLOADS[3], BallotMethod.DOTS, list(PAYLOADS),
                                      settings=DotSettings(dots_per_voter=2))
    workspace.ballots.open(ballot.id)
    options = ballot.options
    workspace.ballots.cast_many(ballot.id, [BallotPaper("", (Mark(options[n].id, 1), Mark(options[n - 1].id, 1)))
                                            for n in range(len(options))])
    workspace.ballots.close(ballot.id)
    workspace.ballots.reveal(ballot.id)
    workspace.priorities.promote(ballot.id)
    for text in PAYLOADS:
        workspace.priorities.create_action(ActionDraft(text, PAYLOADS[1], PAYLOADS[4], PAYLOADS[6]),
                                           sitting_id=sitting_id)
    for text in PAYLOADS[:3]:
        workspace.room_tables.add(sitting_id, TableDraft(text, capacity=8))
    workspace.room_tables.plan(sitting_id, rounds=2, seed=1)


@pytest.fixture(scope="module")
def programme_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A programme file filled through the import (one .xlsx, one .csv) and the services."""
    folder = tmp_path_factory.mktemp("injection")
    workspace = make_workspace(folder, sittings=2)
    try:
        sitting_id = workspace.sittings.all()[0].id
        for path in (write_xlsx(folder / "inscrits.xlsx", _rows(1)), write_csv(folder / "inscrits.csv", _rows(2))):
            _plan, summary = import_file(workspace.database, path, sitting_id)
            assert len(summary.added) == len(PAYLOADS)
        _fill(workspace, sitting_id)
    finally:
        workspace.database.close()
    return workspace.path, sitting_id


@pytest.fixture
def workspace(programme_file: tuple[Path, int], tmp_path: Path) -> Iterator[Workspace]:
    opened = Workspace.open(programme_file[0], tmp_path / "backups")
    yield opened
    opened.database.close()


def _typed(workspace: Workspace, sitting_id: int) -> dict[str, set[str]]:
    """What the registry and the sitting hold, by kind, as they were stored (the import trims spaces)."""
    people = workspace.participants.all()
    present = {e.participant.id for e in workspace.attendance.roster(sitting_id)
               if e.attendance and e.attendance.status == "present"}
    seated = [p for p in people if p.id in present]
    return {
        "names": {p.last_name for p in seated} | {p.first_name for p in seated},
        "organisations": {p.organisation for p in seated},
        "groups": {g.name for g in workspace.programmes.groups() if g.name.startswith(("=", "+", "-", "@"))},
        "ideas": {i.text for i in workspace.ideas.ideas(sitting_id)},
        "questions": {q.text for q in workspace.questions.questions(sitting_id)},
        "options": {o.label for b in workspace.ballots.for_sitting(sitting_id) for o in b.options},
        "actions": {a.title for a in workspace.priorities.actions()},
        "tables": {t.name for t in workspace.room_tables.tables(sitting_id)},
    }


def test_the_import_keeps_formula_like_text_as_typed(workspace, programme_file):
    typed = _typed(workspace, programme_file[1])
    assert "=HYPERLINK(\"http://x\",\"y\")" in typed["names"] and "-2+3" in typed["organisations"]
    assert "=cmd|' /C calc'!A0" in typed["groups"]
    assert "=1" in typed["organisations"]  # '\t=1' and '\r=1' trimmed, like every cell of an import
    assert "@Sum(A1)" in typed["names"]  # an all-capitals name is tidied, as every name of an import
    assert all(text.startswith(FORMULA_STARTS) for kind in typed.values() for text in kind)


@pytest.mark.parametrize("whole", [False, True], ids=["sitting", "programme"])
def test_the_synthesis(workspace, programme_file, tmp_path, whole):
    sitting_id = programme_file[1]
    typed = _typed(workspace, sitting_id)
    path = deliverables.export_synthesis(workspace, tmp_path / "s.xlsx", "fr", None if whole else sitting_id)
    check_workbook(path, set().union(*(typed[kind] for kind in (
        "names", "organisations", "groups", "ideas", "options", "actions", "tables"))))


@pytest.mark.parametrize("whole", [False, True], ids=["sitting", "programme"])
def test_the_minutes(workspace, programme_file, tmp_path, whole):
    sitting_id = programme_file[1]
    typed = _typed(workspace, sitting_id)
    path = deliverables.export_minutes(workspace, tmp_path / "m.docx", "en", None if whole else sitting_id)
    check_docx(path, set().union(*(typed[kind] for kind in (
        "names", "organisations", "ideas", "questions", "options", "actions"))))


def test_the_attendance_documents_badges_and_tables(workspace, programme_file, tmp_path):
    sitting_id = programme_file[1]
    typed = _typed(workspace, sitting_id)
    people = typed["names"] | typed["organisations"]
    check_docx(documents.export_attendance_sheet(workspace, sitting_id, tmp_path / "a.docx", "fr"), people)
    check_docx(documents.export_attendance_report(workspace, sitting_id, tmp_path / "r.docx", "en"),
               people | typed["groups"])
    check_docx(documents.export_badges(workspace, tmp_path / "b.docx", "fr"), people)
    check_docx(documents.export_table_lists(workspace, sitting_id, tmp_path / "t.docx", "en"),
               typed["names"] | typed["tables"])
    check_docx(documents.export_route_cards(workspace, sitting_id, tmp_path / "c.docx", "fr"),
               typed["names"] | typed["tables"])
