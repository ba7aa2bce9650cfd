"""The Excel synthesis of a sitting or of the programme: key figures, attendance, ideas, votes, results,
priorities, action plan and timings, each an Excel table with filters, plus native bar charts."""

import os
import re
import secrets
import warnings
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from workshop_desk.domain.report import (
    ACTIONS,
    AGENDA,
    ATTENDANCE,
    CONTRIBUTIONS,
    PRIORITIES,
    VOTES,
    ProgrammeReport,
    ReportOptions,
)
from workshop_desk.exports import synthesis_sheets as sheets
from workshop_desk.exports.synthesis_sheets import Sheet, Translate
from workshop_desk.exports.xlsx_cells import cell, formula
from workshop_desk.i18n import translator

_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")
_KEY_FIGURES = 8
_CHARTS_SHOWN = 40  # ballots charted at most (each chart takes 18 rows of the charts sheet)


def write_synthesis(path: Path, report: ProgrammeReport, language: str, options: ReportOptions) -> Path:
    """Write the workbook atomically (temporary file, then renamed over `path`); returns `path`."""
    _ = translator(language)
    wanted = [sheets.summary(_, report)]
    if options.wants(ATTENDANCE):
        wanted += [sheets.attendance(_, report), sheets.present(_, report, options)]
    if options.wants(CONTRIBUTIONS):
        wanted.append(sheets.ideas(_, report))
    results = sheets.results(_, report)
    if options.wants(VOTES):
        wanted += [sheets.votes(_, report), results]
    if options.wants(PRIORITIES):
        wanted += sheets.priorities(_, report)
    if options.wants(ACTIONS):
        wanted.append(sheets.actions(_, report))
    if options.wants(AGENDA):
        wanted.append(sheets.timings(_, report))
    workbook = Workbook(write_only=True)
    title = _("Synthesis") + " — " + report.programme.title
    workbook.properties.title, workbook.properties.creator = title, "Workshop Desk"
    written = [sheet for sheet in wanted if sheet.rows or sheet.key == "Summary"]
    for sheet in written:
        _write(workbook, sheet, _, report)
    if any(sheet is results for sheet in written):
        _charts(workbook, _, report, results)
    return _save(workbook, path)


def _write(workbook: Workbook, sheet: Sheet, _: Translate, report: ProgrammeReport) -> None:
    ws = workbook.create_sheet(_tab(sheet.title))
    bold = Font(bold=True)
    summary = sheet.key == "Summary"
    first = _KEY_FIGURES + 4 if summary else 1
    ws.freeze_panes = f"A{first + 1}"
    for number, (_heading, _format, width) in enumerate(sheet.columns, start=1):  # before any row is written
        ws.column_dimensions[get_column_letter(number)].width = width
    _print_setup(ws)
    if summary:  # key figures above the table of sittings
        _key_figures(ws, _, report, bold)
    ws.append([cell(ws, heading) for heading, _format, _width in sheet.columns])
    formats = [number_format if number_format not in ("", "General", sheets.TEXT) else None
               for _heading, number_format, _width in sheet.columns]
    for index, values in enumerate(sheet.rows):
        ws.append(_line(ws, sheet, values, formats, first + 1 + index))
    last = first + max(len(sheet.rows), 1)
    if not sheet.rows:
        ws.append([None] * len(sheet.columns))
    end = get_column_letter(len(sheet.columns))
    table = Table(displayName=sheet.key, ref=f"A{first}:{end}{last}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    table.tableColumns = [TableColumn(id=number, name=heading)  # a write-only sheet cannot read them back
                          for number, (heading, _format, _width) in enumerate(sheet.columns, start=1)]
    table.autoFilter = AutoFilter(ref=table.ref)
    with warnings.catch_warnings():  # "you must add table columns manually": they are, just above
        warnings.simplefilter("ignore", UserWarning)
        ws.add_table(table)
    if sheet.totals:
        _totals(ws, sheet, first, last, bold, _("Total"))
    if sheet.chart and sheet.rows:
        _group_chart(ws, sheet, first, last)


def _line(ws: object, sheet: Sheet, values: list[sheets.Value], formats: list[str | None],
          row_number: int) -> list[object]:
    """One data row: the sheet's own formulas where it has them, every other value through `cell`."""
    line: list[object] = []
    for column, value in enumerate(values):
        template = sheet.formulas.get(column)
        line.append(formula(ws, template.format(row=row_number), formats[column]) if template is not None
                    else cell(ws, value, formats[column]))
    return line


def _print_setup(ws: object) -> None:
    """Printed landscape on A4, as wide as the page, the header row repeated on every page."""
    ws.page_setup.orientation = "landscape"  # type: ignore[attr-defined]
    ws.page_setup.paperSize = 9  # type: ignore[attr-defined]  # A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0  # type: ignore[attr-defined]
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[attr-defined]


def _key_figures(ws: object, _: Translate, report: ProgrammeReport, bold: Font) -> None:
    """The programme's name, the scope, its _KEY_FIGURES key figures as label/value lines, a blank line."""
    sittings = report.sittings
    figures = [(_("Sittings"), len(sittings)),
               (_("Present (all sittings)"), sum(sum(1 for e in s.roster if e.attendance and
                                                     e.attendance.status == "present") for s in sittings)),
               (_("Ideas"), sum(1 for s in sittings for i in s.ideas if i.merged_into_id is None)),
               (_("Questions"), sum(len(s.questions) for s in sittings)),
               (_("Ballots"), sum(len(s.ballots) for s in sittings)),
               (_("Ballot papers"), sum(b.result.voters for s in sittings for b in s.ballots)),
               (_("Priorities"), sum(len(s.priorities) for s in sittings)),
               (_("Actions"), len(report.actions))]
    scope = _("Whole programme") if report.whole_programme else sittings[0].sitting.title if sittings else ""
    ws.append([cell(ws, report.programme.title, font=Font(bold=True, size=14))])  # type: ignore[attr-defined]
    ws.append([cell(ws, scope)])  # type: ignore[attr-defined]
    for label, value in figures:
        ws.append([cell(ws, label, font=bold), value])  # type: ignore[attr-defined]
    ws.append([])  # type: ignore[attr-defined]
    assert len(figures) == _KEY_FIGURES


def _totals(ws: object, sheet: Sheet, first: int, last: int, bold: Font, total: str) -> None:
    line: list[object] = [None] * len(sheet.columns)
    line[0] = cell(ws, total, font=bold)
    for column in sheet.totals:
        letter = get_column_letter(column + 1)
        number_format = sheet.columns[column][1]
        line[column] = formula(ws, f"=SUM({letter}{first + 1}:{letter}{last})", font=bold,
                               number_format=number_format if number_format not in ("", "General", sheets.TEXT)
                               else None)
    ws.append(line)  # type: ignore[attr-defined]


def _group_chart(ws: object, sheet: Sheet, first: int, last: int) -> None:
    assert sheet.chart is not None
    title, label_column, value_column = sheet.chart
    chart = BarChart()
    chart.type, chart.title, chart.legend = "bar", title, None
    chart.height, chart.width = max(7.0, 0.6 * (last - first) + 3), 16.0
    chart.add_data(Reference(ws, min_col=value_column + 1, min_row=first, max_row=last),  # type: ignore[arg-type]
                   titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=label_column + 1, min_row=first + 1,  # type: ignore[arg-type]
                                   max_row=last))
    chart.y_axis.delete = chart.x_axis.delete = False
    chart.x_axis.scaling.orientation = "maxMin"  # the first row at the top, as in the table
    ws.add_chart(chart, f"{get_column_letter(len(sheet.columns) + 2)}2")  # type: ignore[attr-defined]


def _charts(workbook: Workbook, _: Translate, report: ProgrammeReport, results: Sheet) -> None:
    """A bar chart of each ballot's scores, on a sheet of its own, fed from the results table."""
    spans = list(sheets.ballot_spans(report))[:_CHARTS_SHOWN]
    if not spans:
        return
    ws = workbook.create_sheet(_tab(_("Charts")))
    _print_setup(ws)
    source = workbook[_tab(results.title)]
    for number, (title, start, end) in enumerate(spans):
        chart = BarChart()
        chart.type, chart.title, chart.legend = "bar", title, None
        chart.height, chart.width = 8.5, 18.0
        chart.add_data(Reference(source, min_col=6, min_row=start + 2, max_row=end + 2))
        chart.set_categories(Reference(source, min_col=5, min_row=start + 2, max_row=end + 2))
        chart.y_axis.delete = chart.x_axis.delete = False
        chart.x_axis.scaling.orientation = "maxMin"
        ws.add_chart(chart, f"A{1 + number * 18}")


def _tab(title: str) -> str:
    """A valid sheet name: at most 31 characters, none of []:*?/\\."""
    return _BAD_TITLE.sub(" ", title)[:31]


def _save(workbook: Workbook, path: Path) -> Path:
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        workbook.save(str(temporary))
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return path
