"""Printed documents from a programme file: what the services gather and hand to the exports."""

import os
from dataclasses import replace

import docx
import pytest

from tests.factories import FakeWall, sitting_draft
from workshop_desk.domain.enums import AttendanceStatus
from workshop_desk.domain.models import ParticipantDraft, programme_draft
from workshop_desk.services import documents
from workshop_desk.services.attendance import AttendanceService


@pytest.fixture
def filled(workspace):  # type: ignore[no-untyped-def]
    """Four people (one anonymised), a sitting where two are registered and one signed in."""
    groups = workspace.programmes.groups()
    people = workspace.participants.add_many([
        ParticipantDraft("Léa", "Moreau", organisation="Pharmacie", group_id=groups[0].id),
        ParticipantDraft("Émile", "Étienne", group_id=groups[2].id),
        ParticipantDraft("Hugo", "Bernard"),
        ParticipantDraft("Ana", "Fabre")])
    workspace.privacy.anonymise([people[3].id])
    sitting = workspace.sittings.create(sitting_draft()).sitting
    workspace.attendance.set_status(sitting.id, [people[0].id, people[1].id], AttendanceStatus.REGISTERED)
    AttendanceService(workspace.database, FakeWall()).sign_in(sitting.id, people[1].id)
    return workspace, people, sitting


def _names(path):  # type: ignore[no-untyped-def]
    return [p.text for p in docx.Document(str(path)).tables[0].rows[1].cells[0].paragraphs[:2]]


def test_badges_of_everyone_by_name_except_anonymised_records(filled, tmp_path):
    workspace, _people, _sitting = filled
    path = documents.export_badges(workspace, tmp_path / "b.docx", "en")
    document = docx.Document(str(path))
    assert len(document.inline_shapes) == 3
    body = document.tables[0].rows[1].cells
    assert [p.text for p in body[0].paragraphs[:2]] == ["Hugo", "Bernard"]
    assert [p.text for p in body[3].paragraphs[:2]] == ["Émile", "Étienne"]  # É among the E, not after Z


def test_badges_of_a_selection_ten_per_page(filled, tmp_path):
    workspace, people, _sitting = filled
    path = documents.export_badges(workspace, tmp_path / "b.docx", "fr", per_page=10, participant_ids=[people[0].id])
    assert _names(path) == ["Léa", "Moreau"]
    assert len(docx.Document(str(path)).inline_shapes) == 1


def test_badges_for_those_expected_at_a_sitting(filled, tmp_path):
    workspace, people, sitting = filled
    assert sorted(documents.expected_participant_ids(workspace, sitting.id)) == [people[0].id, people[1].id]
    with pytest.raises(LookupError):
        documents.expected_participant_ids(workspace, 999)


def test_unknown_people_or_sizes_write_nothing(filled, tmp_path):
    workspace, _people, _sitting = filled
    with pytest.raises(LookupError):
        documents.export_badges(workspace, tmp_path / "b.docx", "en", participant_ids=[999])
    with pytest.raises(ValueError, match="8 or 10"):
        documents.export_badges(workspace, tmp_path / "b.docx", "en", per_page=12)
    assert not [name for name in os.listdir(tmp_path) if name.endswith((".docx", ".tmp"))]


def test_the_attendance_sheet_of_a_sitting(filled, tmp_path):
    workspace, _people, sitting = filled
    path = documents.export_attendance_sheet(workspace, sitting.id, tmp_path / "s.docx", "en")
    document = docx.Document(str(path))
    body = [[cell.text for cell in row.cells] for row in document.tables[1].rows][1:]
    assert [row[1] for row in body] == ["Étienne Émile", "Moreau Léa"]
    assert body[1][3] == workspace.programmes.groups()[0].name
    assert "Atelier santé" in document.sections[0].header.paragraphs[0].text


def test_the_sheet_carries_the_programmes_privacy_notice(filled, tmp_path):
    workspace, _people, sitting = filled
    programme = workspace.programmes.get()
    workspace.programmes.update(replace(programme_draft(programme), privacy_notice="Gardé {years} ans.",
                                        retention_years=6))
    path = documents.export_attendance_sheet(workspace, sitting.id, tmp_path / "s.docx", "fr")
    assert docx.Document(str(path)).sections[0].footer.paragraphs[0].text == "Gardé 6 ans."


def test_the_attendance_report_of_a_sitting(filled, tmp_path):
    workspace, _people, sitting = filled
    path = documents.export_attendance_report(workspace, sitting.id, tmp_path / "r.docx", "en")
    document = docx.Document(str(path))
    summary = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert (summary["Registered"], summary["Present"], summary["Absent"]) == ("2", "1", "1")
    assert [cell.text for cell in document.tables[2].rows[1].cells][1] == "Étienne Émile"


@pytest.mark.parametrize("export", [documents.export_attendance_sheet, documents.export_attendance_report])
def test_an_unknown_sitting_is_a_lookup_error_and_writes_nothing(filled, tmp_path, export):
    workspace, _people, _sitting = filled
    with pytest.raises(LookupError):
        export(workspace, 999, tmp_path / "x.docx", "en")
    assert not (tmp_path / "x.docx").exists()


def test_exporting_changes_nothing_in_the_file(filled, tmp_path):
    workspace, _people, sitting = filled
    before = workspace.database.change_count
    documents.export_attendance_sheet(workspace, sitting.id, tmp_path / "s.docx", "en")
    documents.export_attendance_report(workspace, sitting.id, tmp_path / "r.docx", "en")
    documents.export_badges(workspace, tmp_path / "b.docx", "en")
    assert workspace.database.change_count == before
