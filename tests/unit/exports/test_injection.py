"""Typed text that looks like a formula (OWASP's payloads) stays text in every document, exactly as typed."""

import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from tests.injection import PAYLOADS, carries_a_payload, looks_like, payloaded
from tests.unit.exports import report_builders
from tests.unit.exports.builders import GROUPS, programme, reopen, roster, sitting
from workshop_desk.domain.attendance import EXPECTED, RosterEntry
from workshop_desk.domain.enums import AttendanceStatus
from workshop_desk.domain.models import StakeholderGroup
from workshop_desk.domain.report import ProgrammeReport, ReportOptions
from workshop_desk.exports import synthesis_people as people
from workshop_desk.exports import synthesis_sheets as sheets
from workshop_desk.exports.attendance_docx import write_attendance_sheet
from workshop_desk.exports.attendance_report_docx import write_attendance_report
from workshop_desk.exports.badges_docx import write_badges
from workshop_desk.exports.minutes_docx import write_minutes
from workshop_desk.exports.synthesis_xlsx import write_synthesis
from workshop_desk.exports.xlsx_cells import FORMULA_STARTS, cell, needs_marking


def app_formulas() -> re.Pattern[str]:
    """The formulas the synthesis writes itself: column totals and the per-row formulas of its sheets."""
    found = report_builders.report()
    templates = [*people.attendance(str, found).formulas.values(),
                 *people.people_by_group(str, found).formulas.values(), *sheets.timings(str, found).formulas.values()]
    return looks_like(["=SUM({first}:{last})", *templates])


def workbook_cells(path: Path) -> list[Any]:
    workbook = openpyxl.load_workbook(path)
    return [found for sheet in workbook.worksheets for row in sheet.iter_rows() for found in row]


def check_workbook(path: Path, expected: set[str]) -> None:
    """No typed text became a formula; every expected text is in a text cell, exactly as typed."""
    cells = workbook_cells(path)
    formulas = [found.value for found in cells if found.data_type == "f"]
    pattern = app_formulas()
    assert formulas  # the totals: the check below looks at real formula cells
    assert [value for value in formulas if carries_a_payload(value) or not pattern.fullmatch(value)] == []
    strings = {found.value for found in cells if found.data_type == "s"}
    assert expected <= strings, sorted(expected - strings)
    for found in cells:
        if found.data_type == "s" and needs_marking(found.value):
            assert found.quotePrefix, (found.coordinate, found.value)  # Excel keeps it text when it is edited


def docx_text(path: Path) -> str:
    """Every paragraph of the body, tables and nested tables included, as python-docx reads it."""
    document: Document = reopen(path)
    paragraphs = [Paragraph(p, document._body).text for p in document.element.body.iter(qn("w:p"))]
    return "\n".join(paragraphs)


def check_docx(path: Path, expected: set[str]) -> None:
    """Every expected text reads as typed (a carriage return may come back as a line break, which python-docx
    writes for it in table cells), and no field of the document holds typed text."""
    text = docx_text(path).replace("\r", "\n")
    missing = {value for value in expected if value.replace("\r", "\n") not in text}
    assert not missing, sorted(missing)
    document = reopen(path)
    fields = [node.text or "" for node in document.element.body.iter(qn("w:instrText"))]
    fields += [node.get(qn("w:instr")) or "" for node in document.element.body.iter(qn("w:fldSimple"))]
    assert not any(carries_a_payload(code) for code in fields), fields


def _report(whole: bool) -> ProgrammeReport:
    return payloaded(report_builders.programme_report() if whole else report_builders.report())


def _shown(found: ProgrammeReport) -> set[str]:
    """Texts both deliverables show (sitting and programme titles, ideas, options, actions, present people…)."""
    sitting_report = found.sittings[0]
    present = [e.participant for e in sitting_report.roster if e.attendance and e.attendance.status == "present"]
    shown = {found.programme.title, sitting_report.sitting.title, *(i.text for i in sitting_report.ideas),
             *(o.label for b in sitting_report.ballots for o in b.ballot.options), *(a.title for a in found.actions),
             *(p.title for p in sitting_report.priorities), *(t.name for t in sitting_report.themes),
             *(p.last_name for p in present), *(p.organisation for p in present)}
    assert all(text.startswith(PAYLOADS) for text in shown)
    return shown


def test_the_helper_marks_what_could_start_a_formula_and_changes_no_character():
    for payload in PAYLOADS:
        written: Any = cell(None, payload)
        assert written.value == payload and written.data_type == "s" and written.quotePrefix
    error_code: Any = cell(None, "#N/A")
    assert error_code.data_type == "s"  # not an error cell either
    assert cell(None, "Léa") == "Léa" and cell(None, 12) == 12  # plain values go as they are
    assert cell(None, "a\x07b") == "ab"  # the one change: characters a workbook cannot hold
    assert set(FORMULA_STARTS) == {"=", "+", "-", "@", "\t", "\r"}


@pytest.mark.parametrize("whole", [False, True], ids=["sitting", "programme"])
def test_the_synthesis_writes_typed_text_as_text(tmp_path, whole):
    found = _report(whole)
    path = write_synthesis(tmp_path / "synthesis.xlsx", found, "en", ReportOptions())
    names = found.group_names()
    groups = {names[e.participant.group_id] for e in found.sittings[0].roster if e.participant.group_id}
    check_workbook(path, _shown(found) | groups)


def test_no_sheet_writes_typed_text_another_way(tmp_path):
    """Every text of the report is a payload: a sheet that wrote one without the helper would hold a formula
    (text starting with '=') or a text cell without the quote-prefix flag (the other payloads)."""
    found = _report(True)
    path = write_synthesis(tmp_path / "synthesis.xlsx", found, "fr", ReportOptions())
    check_workbook(path, set())
    assert sum(1 for c in workbook_cells(path) if carries_a_payload(c.value)) > 50


@pytest.mark.parametrize("whole", [False, True], ids=["sitting", "programme"])
def test_the_minutes_keep_typed_text_literal(tmp_path, whole):
    found = _report(whole)
    path = write_minutes(tmp_path / "minutes.docx", found, "en", ReportOptions())
    questions = {q.text for q in found.sittings[0].questions}
    check_docx(path, _shown(found) | questions)


def test_the_attendance_documents_and_badges_keep_typed_text_literal(tmp_path):
    people: list[RosterEntry] = payloaded(roster())
    groups: list[StakeholderGroup] = payloaded(GROUPS)
    found_programme, found_sitting = payloaded(programme()), payloaded(sitting())
    expected = [e.participant for e in people if e.attendance and e.attendance.status in EXPECTED]
    present = [e.participant for e in people if e.attendance and e.attendance.status == AttendanceStatus.PRESENT]
    names = {p.last_name for p in expected} | {p.first_name for p in expected} | {p.organisation for p in expected}
    sheet = write_attendance_sheet(tmp_path / "sheet.docx", found_programme, found_sitting, people, groups, "en")
    check_docx(sheet, names | {found_sitting.title})
    report = write_attendance_report(tmp_path / "report.docx", found_programme, found_sitting, people, groups, "en")
    check_docx(report, {p.last_name for p in present} | {p.organisation for p in present} | {g.name for g in groups})
    badges = write_badges(tmp_path / "badges.docx", expected, groups, "en", 8)
    check_docx(badges, names)
