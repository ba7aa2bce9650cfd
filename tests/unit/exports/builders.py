"""Domain objects made by hand for the export tests (exports never see a database), and docx readers."""

import datetime as dt
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table

from workshop_desk.domain.attendance import RosterEntry
from workshop_desk.domain.enums import AttendanceStatus
from workshop_desk.domain.models import Attendance, Participant, Programme, Sitting, StakeholderGroup
from workshop_desk.i18n import Translator

S = AttendanceStatus
SIGNED_IN = dt.datetime(2027, 2, 2, 13, 52, tzinfo=dt.UTC)


def programme(**overrides: object) -> Programme:
    values: dict[str, object] = {"id": 1, "title": "Plan économique du quartier Gare-Confluence",
                                 "client": "Ville de Saint-Aubin"}
    values.update(overrides)
    return Programme(**values)  # type: ignore[arg-type]


def sitting(start: dt.time | None = dt.time(14, 0), end: dt.time | None = dt.time(16, 30),
            **overrides: object) -> Sitting:
    values: dict[str, object] = {"id": 2, "programme_id": 1, "title": "Atelier santé", "date": dt.date(2027, 2, 2),
                                 "start_time": start, "end_time": end, "venue": "Pépinière Confluence",
                                 "facilitators": "Claire Vasseur, Julien Ombredane"}
    values.update(overrides)
    return Sitting(**values)  # type: ignore[arg-type]


GROUPS = [StakeholderGroup(1, 1, "Entreprises", "#1E88E5", 0), StakeholderGroup(2, 1, "Élus", "#8E24AA", 1),
          StakeholderGroup(3, 1, "Habitants", "#FFEB3B", 2)]  # a light colour: dark text on its band


def person(pid: int, first: str, last: str, group: int | None = 1, organisation: str = "",
           **extra: object) -> Participant:
    return Participant(id=pid, programme_id=1, first_name=first, last_name=last, badge_code=f"CODE{pid:06d}",
                       organisation=organisation, group_id=group, **extra)  # type: ignore[arg-type]


def entry(participant: Participant, status: AttendanceStatus, signed_in: dt.datetime | None = None,
          left: dt.datetime | None = None) -> RosterEntry:
    if status == S.PRESENT and signed_in is None:
        signed_in = SIGNED_IN
    return RosterEntry(participant, Attendance(participant.id, 2, participant.id, status, signed_in, left))


def roster() -> list[RosterEntry]:
    """Seven people: four expected (one present), one excused, one absent, one walk-in present."""
    return [
        entry(person(1, "Léa", "Moreau", 1, "Pharmacie de la Gare"), S.REGISTERED),
        entry(person(2, "Émile", "Étienne", 2, "Conseil départemental", role="Vice-président"), S.PRESENT,
              left=SIGNED_IN + dt.timedelta(hours=1)),
        entry(person(3, "Hugo", "Bernard", None, "Collectif"), S.INVITED),
        entry(person(4, "Zoé", "Dupont", 3, "Habitante"), S.REGISTERED),
        entry(person(5, "Ana", "Fabre", 1, "Atelier Verre", role="Gérante"), S.EXCUSED),
        entry(person(6, "Paul", "Garnier", 2, "Mairie"), S.ABSENT),
        entry(person(7, "Inès", "Abadie", 3, "Régie de quartier"), S.PRESENT,
              signed_in=SIGNED_IN + dt.timedelta(minutes=5)),
    ]


def rows(table: Table) -> list[list[str]]:
    """The text of every cell, row by row (through `row.cells`, which is linear)."""
    return [[cell.text for cell in row.cells] for row in table.rows]


def all_text(document: Document) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def footer_text(document: Document) -> str:
    return "\n".join(p.text for p in document.sections[0].footer.paragraphs)


def field_codes(paragraphs_xml: object) -> list[str]:
    return [node.text.strip() for node in paragraphs_xml.iter(qn("w:instrText"))]  # type: ignore[attr-defined]


def is_header_row(row: object) -> bool:
    tr_pr = row._tr.trPr  # type: ignore[attr-defined]
    return tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None


def shading(cell: object) -> str | None:
    tc_pr = cell._tc.tcPr  # type: ignore[attr-defined]
    shd = tc_pr.find(qn("w:shd")) if tc_pr is not None else None
    return shd.get(qn("w:fill")) if shd is not None else None


def reopen(path: Path) -> Document:
    """The written file, read back by python-docx."""
    assert path.is_file()
    return docx.Document(str(path))


class Marking(Translator):
    """A translator that marks every text it is given («text»), plural forms too: what was not marked did not go
    through it."""

    def __init__(self, language: str = "en") -> None:
        super().__init__(language)
        self.n = lambda singular, plural, count: f"«{singular if count == 1 else plural}»"

    def __call__(self, message: str) -> str:
        return f"«{message}»"

def compatibility_mode(document: Document) -> str | None:
    """The Word version the file asks to be laid out as ('15': the current format, no compatibility mode)."""
    modes = [e.get(qn("w:val")) for e in document.settings.element.iter(qn("w:compatSetting"))
             if e.get(qn("w:name")) == "compatibilityMode"]
    return modes[0] if modes else None
