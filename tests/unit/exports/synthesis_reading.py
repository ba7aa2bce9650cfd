"""Reading a synthesis workbook back for the tests: its tables, key figures, totals and chart titles."""

import re
from pathlib import Path

import openpyxl
from openpyxl.chart.title import Title
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from workshop_desk.domain.report import ProgrammeReport, ReportOptions
from workshop_desk.exports.synthesis_xlsx import write_synthesis

EVERYTHING = ReportOptions()


def written(tmp_path: Path, report: ProgrammeReport, language: str = "en",
            options: ReportOptions = EVERYTHING) -> Workbook:
    path = write_synthesis(tmp_path / f"synthesis-{language}.xlsx", report, language, options)
    return openpyxl.load_workbook(path)


def sheet_of(workbook: Workbook, name: str) -> Worksheet:
    """The sheet holding the Excel table `name`."""
    for sheet in workbook.worksheets:
        if name in sheet.tables:
            return sheet
    raise KeyError(name)


def bounds(sheet: Worksheet) -> tuple[int, int]:
    """The header row and the last data row of the sheet's table."""
    (table,) = sheet.tables.values()
    first, last = re.findall(r"\d+", table.ref)
    return int(first), int(last)


def table(workbook: Workbook, name: str) -> list[list[object]]:
    """The cells of an Excel table (header row first)."""
    sheet = sheet_of(workbook, name)
    return [[cell.value for cell in row] for row in sheet[sheet.tables[name].ref]]


def column(workbook: Workbook, name: str, heading: str) -> list[object]:
    """The data cells of one column of a table."""
    rows = table(workbook, name)
    found = rows[0].index(heading)
    return [row[found] for row in rows[1:]]


def totals(workbook: Workbook, name: str) -> dict[str, object]:
    """The line under a table that starts with "Total" (or its translation): heading -> cell."""
    sheet = sheet_of(workbook, name)
    first, last = bounds(sheet)
    headings = [cell.value for cell in sheet[first]]
    return {str(heading): cell.value for heading, cell in zip(headings, sheet[last + 1], strict=False)}


def key_figures(workbook: Workbook) -> dict[str, object]:
    """The label/value lines above the summary's table."""
    sheet = workbook.worksheets[0]
    first, _last = bounds(sheet)
    return {sheet.cell(row, 1).value: sheet.cell(row, 2).value for row in range(3, first - 1)}


def title_text(title: Title | None) -> str:
    """A chart title's text, its paragraphs joined by line breaks."""
    if title is None or title.tx is None or title.tx.rich is None:
        return ""
    return "\n".join("".join(run.t for run in paragraph.r or []) for paragraph in title.tx.rich.p)
