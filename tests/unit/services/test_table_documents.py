"""Table lists and route cards of a sitting, from its saved seating plan in a programme file."""

import os

import docx
import pytest

from tests.factories import sitting_draft
from workshop_desk.domain.enums import AttendanceStatus
from workshop_desk.domain.models import ParticipantDraft
from workshop_desk.domain.table_plan import TableDraft
from workshop_desk.services import documents
from workshop_desk.services.documents import NotReadyError


@pytest.fixture
def planned(workspace):  # type: ignore[no-untyped-def]
    """Eight registered people at two tables over three rounds; Léa hosts the first table."""
    groups = [group.id for group in workspace.programmes.groups()[:4]]
    names = [("Léa", "Moreau"), ("Émile", "Étienne"), ("Zoé", "Dupont"), ("Hugo", "Bernard"), ("Ana", "Fabre"),
             ("Paul", "Garnier"), ("Inès", "Abadie"), ("Yann", "Caron")]
    people = workspace.participants.add_many([ParticipantDraft(first, last, group_id=groups[n % 4])
                                              for n, (first, last) in enumerate(names)])
    sitting = workspace.sittings.create(sitting_draft()).sitting
    workspace.attendance.set_status(sitting.id, [p.id for p in people], AttendanceStatus.REGISTERED)
    workspace.room_tables.add(sitting.id, TableDraft("Santé", theme="Prévention", capacity=4, host_id=people[0].id))
    workspace.room_tables.add(sitting.id, TableDraft("Mobilité", capacity=4))
    plan = workspace.room_tables.plan(sitting.id, rounds=3)
    return workspace, people, sitting, plan


def _leftovers(folder) -> list[str]:  # type: ignore[no-untyped-def]
    return [name for name in os.listdir(folder) if name.endswith((".docx", ".tmp"))]


def test_table_lists_of_the_saved_plan(planned, tmp_path):
    workspace, people, sitting, plan = planned
    path = documents.export_table_lists(workspace, sitting.id, tmp_path / "tables.docx", "en")
    document = docx.Document(str(path))
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == [
        f"Round {n} of 3" for n in (1, 2, 3)]
    posters = [p.text for p in document.paragraphs if p.style.name == "Poster Table"]
    assert posters == ["Santé", "Mobilité"] * 3
    names = [p.text for p in document.paragraphs if p.style.name == "Poster Name"]
    assert len(names) == 3 * len(people)
    assert names.count("Moreau Léa (host)") == 3
    for index, seating in enumerate(plan.plan.rounds):  # each poster lists that round's table, in order
        for number, table in enumerate(plan.tables):
            expected = sorted(workspace.participants.get(p).sort_name for p in seating[table.id])
            shown = _poster_names(document, 2 * index + number)
            assert sorted(name.removesuffix(" (host)") for name in shown) == expected
    assert "Atelier santé" in document.sections[0].header.paragraphs[0].text


def _poster_names(document, poster: int) -> list[str]:  # type: ignore[no-untyped-def]
    found, current = [], -1
    for paragraph in document.paragraphs:
        if paragraph.style.name == "Poster Round":
            current += 1
        elif paragraph.style.name == "Poster Name" and current == poster:
            found.append(paragraph.text)
    return found


def test_route_cards_of_everyone_seated_by_last_name(planned, tmp_path):
    workspace, people, sitting, plan = planned
    path = documents.export_route_cards(workspace, sitting.id, tmp_path / "routes.docx", "fr")
    document = docx.Document(str(path))
    assert document.core_properties.language == "fr-FR"
    cards = [cell.text.replace("\t", " ") for row in document.tables[0].rows for cell in row.cells]
    assert [card.split("\n")[1] for card in cards] == ["Inès Abadie", "Hugo Bernard", "Yann Caron", "Zoé Dupont",
                                                       "Émile Étienne", "Ana Fabre", "Paul Garnier", "Léa Moreau"]
    lea = cards[-1].split("\n")
    assert len([line for line in lea if "→" in line]) == 3
    assert all("Santé — Prévention" in line for line in lea if "→" in line)
    emile = next(card for card in cards if "Émile Étienne" in card)
    table_names = {table.id: table.name for table in plan.tables}
    for index in range(3):
        assert f"{index + 1} → {table_names[plan.plan.table_of(index, people[1].id)]}" in emile


def test_route_cards_come_four_to_ten_to_a_page(planned, tmp_path):
    workspace, _people, sitting, _plan = planned
    path = documents.export_route_cards(workspace, sitting.id, tmp_path / "r.docx", "en", per_page=4)
    assert len(docx.Document(str(path)).tables[0].rows) == 4
    with pytest.raises(ValueError, match="4, 6, 8 or 10"):
        documents.export_route_cards(workspace, sitting.id, tmp_path / "x.docx", "en", per_page=3)
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.parametrize("export", [documents.export_table_lists, documents.export_route_cards])
def test_an_unknown_sitting_or_one_without_a_plan_writes_nothing(planned, tmp_path, export):
    workspace, _people, _sitting, _plan = planned
    with pytest.raises(LookupError):
        export(workspace, 999, tmp_path / "x.docx", "en")
    unplanned = workspace.sittings.create(sitting_draft(title="Atelier mobilité")).sitting
    with pytest.raises(NotReadyError, match="“Atelier mobilité” has no seating plan yet") as raised:
        export(workspace, unplanned.id, tmp_path / "x.docx", "en")
    assert isinstance(raised.value, ValueError)
    assert _leftovers(tmp_path) == []
