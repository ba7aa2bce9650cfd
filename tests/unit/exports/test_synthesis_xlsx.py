"""The Excel synthesis, read back with openpyxl: tables, frozen headers, formats, formulas and native charts."""

from pathlib import Path

import openpyxl
import pytest
from openpyxl.chart import BarChart
from openpyxl.workbook.workbook import Workbook

from tests.unit.exports.report_builders import programme_report, ranked_report, report
from workshop_desk.domain.report import ATTENDANCE, SECTIONS, VOTES, ProgrammeReport, ReportOptions
from workshop_desk.exports.synthesis_xlsx import write_synthesis

EVERYTHING = ReportOptions()


def _write(tmp_path: Path, found: ProgrammeReport | None = None, language: str = "en",
           options: ReportOptions = EVERYTHING) -> Workbook:
    path = write_synthesis(tmp_path / "synthesis.xlsx", found or report(), language, options)
    return openpyxl.load_workbook(path)


def _table(workbook: Workbook, name: str) -> list[list[object]]:
    """The cells of an Excel table (header row first)."""
    for sheet in workbook:
        if name in sheet.tables:
            return [[cell.value for cell in row] for row in sheet[sheet.tables[name].ref]]
    raise KeyError(name)


def test_every_sheet_is_an_excel_table_with_a_frozen_header(tmp_path):
    workbook = _write(tmp_path)
    assert workbook.sheetnames == ["Summary", "Attendance", "Those present", "Ideas", "Votes", "Results",
                                   "Priorities", "Action plan", "Timings", "Charts"]
    for sheet in workbook.worksheets[:-1]:
        (table,) = sheet.tables.values()
        assert table.autoFilter is not None and table.autoFilter.ref == table.ref
        first_row = int(table.ref.split(":")[0][1:])
        assert sheet.freeze_panes == f"A{first_row + 1}"
        assert sheet.column_dimensions["A"].width >= 10


def test_summary_key_figures_and_totals(tmp_path):
    workbook = _write(tmp_path)
    sheet = workbook["Summary"]
    assert sheet["A1"].value == "Plan économique du quartier Gare-Confluence"
    figures = {sheet.cell(row, 1).value: sheet.cell(row, 2).value for row in range(3, 11)}
    assert figures["Ideas"] == 4 and figures["Ballots"] == 2 and figures["Ballot papers"] == 5
    assert figures["Actions"] == 2
    summary = _table(workbook, "Summary")
    assert summary[1][:4] == ["Atelier santé", summary[1][1], 6, 2]
    assert sheet.cell(sheet.max_row, 3).value == "=SUM(C13:C13)"
    assert sheet.cell(13, 2).number_format == "dd/mm/yyyy"


def test_attendance_by_group_with_a_rate_formula_and_a_chart(tmp_path):
    workbook = _write(tmp_path)
    rows = _table(workbook, "Attendance")
    assert rows[0] == ["Sitting", "Stakeholder group", "Registered", "Present", "Rate"]
    assert rows[1] == ["Atelier santé", "Entreprises", 2, 0, '=IF(C2=0,"",D2/C2)']
    sheet = workbook["Attendance"]
    assert sheet["E2"].number_format == "0%"
    assert sheet.cell(sheet.max_row, 4).value == "=SUM(D2:D4)"
    (chart,) = sheet._charts
    assert isinstance(chart, BarChart) and chart.type == "bar"
    present = _table(workbook, "Present")
    assert [row[1:3] for row in present[1:]] == [["Abadie", "Inès"], ["Étienne", "Émile"]]  # by name


def test_ideas_votes_and_results(tmp_path):
    workbook = _write(tmp_path)
    ideas = _table(workbook, "Ideas")
    assert ideas[1] == ["Atelier santé", "Idées en petits groupes", "Locaux et ateliers", "Table 1",
                        "Des loyers progressifs la première année", 6]
    assert len(ideas) == 1 + 5
    votes = _table(workbook, "Votes")
    assert votes[0] == ["Sitting", "Ballot", "Voter", "Stakeholder group", "Source", "Option", "Criterion", "Axis",
                        "Value"]
    voters = {row[2] for row in votes[1:]}
    assert voters == {"V0001", "V0002", "V0003", "(count)"}  # never "participant-2"
    assert ["Atelier santé", "Priorités de la filière", "(count)", None, "Paper", "Formation", None, None, 6] in votes
    results = _table(workbook, "Results")
    assert results[1] == ["Atelier santé", "Priorités de la filière", "Dot voting", 1, "Locaux et ateliers", 8, 3,
                          None, None]
    charts = workbook["Charts"]._charts
    assert len(charts) == 1  # the dot vote; the consent round is a table of outcomes, not a chart


def test_a_ranking_gives_the_schulze_rank_and_what_a_shared_one_leaves_unsaid(tmp_path):
    results = _table(_write(tmp_path, ranked_report()), "Results")
    assert results[0][-2:] == ["Schulze rank", "Schulze: shared rank"]
    assert [row[3:] for row in results[1:]] == [
        [1, "Locaux et ateliers", 3, 2, 1, "ahead of “Formation”; not separated from “Mobilité”"],
        [2, "Mobilité", 2, 2, 1, "not separated from “Locaux et ateliers”, “Formation”"],
        [3, "Formation", 1, 2, 1, "behind “Locaux et ateliers”; not separated from “Mobilité”"]]
    french = _table(_write(tmp_path, ranked_report(), language="fr"), "Results")
    assert french[1][-1].replace("\xa0", " ") == "devant « Formation » ; non départagé de « Mobilité »"


def test_priorities_actions_and_timings(tmp_path):
    workbook = _write(tmp_path)
    assert _table(workbook, "Priorities")[1] == ["Atelier santé", 1, "Locaux et ateliers", "Premier au vote", 8]
    actions = _table(workbook, "Actions")
    assert actions[1][:5] == ["Ouvrir une pépinière", "Dix ateliers", "Ville — service économique",
                              "Chambre de métiers", actions[1][4]]
    assert actions[1][4].date().isoformat() == "2027-09-30"
    assert workbook["Action plan"]["E2"].number_format == "dd/mm/yyyy"
    timings = _table(workbook, "Timings")
    assert timings[1][1] == "Accueil" and timings[1][4] == 10
    assert timings[1][5] == '=IF(OR(C2="",D2=""),"",ROUND((D2-C2)*1440,0))'
    assert [row[1] for row in timings[-2:]] == ["Round 1", "Round 2"]


def test_anonymised_and_left_out_sections(tmp_path):
    workbook = _write(tmp_path, options=ReportOptions(frozenset(SECTIONS) - {VOTES}, anonymise=True))
    assert "Those present" not in workbook.sheetnames  # names left out
    assert "Votes" not in workbook.sheetnames and "Results" not in workbook.sheetnames
    assert "Charts" not in workbook.sheetnames
    workbook = _write(tmp_path, options=ReportOptions(frozenset({ATTENDANCE})))
    assert workbook.sheetnames == ["Summary", "Attendance", "Those present"]


def test_the_programme_synthesis_consolidates(tmp_path):
    workbook = _write(tmp_path, programme_report())
    assert "Consolidated priorities" in workbook.sheetnames
    assert workbook["Summary"]["A2"].value == "Whole programme"
    assert [row[0] for row in _table(workbook, "Summary")[1:]] == ["Atelier santé", "Plénière de restitution"]
    assert _table(workbook, "Consolidated")[1] == [1, "Locaux et ateliers", "Atelier santé", 1]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_workbook_is_written_atomically_in_each_language(tmp_path, language):
    target = tmp_path / "synthesis.xlsx"
    target.write_bytes(b"old")
    write_synthesis(target, report(), language, EVERYTHING)
    workbook = openpyxl.load_workbook(target)
    summary = workbook.worksheets[0]
    assert summary["A1"].value.startswith("Plan")
    assert [p.name for p in tmp_path.iterdir()] == ["synthesis.xlsx"]
    if language == "fr":
        assert summary["A3"].value == "Séances"  # translated where the catalogue already has it
