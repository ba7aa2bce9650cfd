"""The Excel synthesis of a sitting or of the programme: key figures, attendance, ideas, questions, speaking time,
votes, results, priorities, action plan and timings, each an Excel table with filters and totals, with native
bar charts; every sheet prints on A4 with its header row, the programme and the sitting, and numbered pages."""

import re
import warnings
from collections.abc import Sequence
from pathlib import Path

from babel.dates import format_date
from openpyxl import Workbook
from openpyxl.chart import Reference
from openpyxl.styles import Alignment, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
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
from workshop_desk.exports import synthesis_charts as charts
from workshop_desk.exports import synthesis_people as people
from workshop_desk.exports import synthesis_sheets as sheets
from workshop_desk.exports import text_width, xlsx_print
from workshop_desk.exports.synthesis_sheets import TEXT, Sheet, Translate
from workshop_desk.exports.xlsx_cells import cell, formula
from workshop_desk.exports.xlsx_stream import Rows, Style, style
from workshop_desk.i18n import translator

_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")
_LETTERS = {chr(code): chr(code).upper() for code in range(ord("a"), ord("z") + 1)}
_CHARTS_SHOWN = 40  # ballots charted at most (the results sheet has them all)
_TOTAL = xlsx_print.font(bold=True)


class _Look:
    """What every sheet of one workbook shares: its language's formats, its page header and footer."""

    def __init__(self, _: Translate, report: ProgrammeReport, language: str) -> None:
        self._ = _
        self.formats = xlsx_print.number_formats(language)
        scope, locale = sheets.scope(_, report), xlsx_print.LOCALES.get(language, "en-GB").replace("-", "_")
        if not report.whole_programme and len(report.sittings) == 1 and report.sittings[0].sitting.date:
            scope += " — " + format_date(report.sittings[0].sitting.date, format="long", locale=locale)
        written = report.written_at.date() if report.written_at else None
        self.header = (report.programme.title, scope)
        self.footer = (xlsx_print.page_numbers(_("Page {page} of {pages}")),
                       _("Written on {date}").format(date=format_date(written, format="long", locale=locale))
                       if written else "")

    def styles(self, ws: WriteOnlyWorksheet, columns: list[tuple[str, str, float]]) -> list[Style]:
        """Each column's style: its number format; text wrapped; everything at the top of its row."""
        found = []
        for _heading, kind, _width in columns:
            wrap = Alignment(vertical="top", wrap_text=kind == TEXT)
            found.append(style(ws, alignment=wrap) if kind == TEXT else
                         style(ws, alignment=wrap, number_format=self.formats[kind]))
        return found

    @staticmethod
    def headings(ws: WriteOnlyWorksheet, columns: list[tuple[str, str, float]]) -> list[Style]:
        """The header row: white on blue, bold, wrapped; over figures, on the right as they are."""
        font, fill = xlsx_print.font(bold=True, colour="FFFFFF"), PatternFill("solid", fgColor=charts.BAR)
        return [style(ws, font=font, fill=fill, alignment=Alignment(
            wrap_text=True, vertical="center", horizontal="left" if kind == TEXT else "right"))
            for _heading, kind, _width in columns]


def write_synthesis(path: Path, report: ProgrammeReport, language: str, options: ReportOptions) -> Path:
    """Write the workbook atomically (temporary file, then renamed over `path`); returns `path`."""
    _ = translator(language)
    look = _Look(_, report, language)
    workbook = Workbook(write_only=True)
    xlsx_print.use_arial(workbook)
    written: dict[str, WriteOnlyWorksheet] = {}
    chosen = [sheets.pruned(sheet) for sheet in _wanted(_, report, options)]
    for sheet in chosen:
        written[sheet.key] = _write(workbook, sheet, look, report)
    results = next((sheet for sheet in chosen if sheet.key == "Results"), None)
    if results is not None:
        _ballot_charts(workbook, look, report, results, written["Results"])
    title = _("Synthesis") + " — " + report.programme.title
    xlsx_print.describe(workbook, language, title, sheets.scope(_, report), _creator(report), report.written_at)
    return xlsx_print.save(workbook, path)


def _wanted(_: Translate, report: ProgrammeReport, options: ReportOptions) -> list[Sheet]:
    """The sheets of the sections asked for, those with nothing to show left out (the summary always there)."""
    wanted = [people.summary(_, report)]
    if options.wants(ATTENDANCE):
        wanted += [people.attendance(_, report), people.people_by_group(_, report),
                   people.those_present(_, report, options)]
    if options.wants(CONTRIBUTIONS):
        wanted += [sheets.ideas(_, report), sheets.questions(_, report, options),
                   people.speakers(_, report, options), people.speaking_by_group(_, report)]
    if options.wants(VOTES):
        wanted += [sheets.votes(_, report), sheets.results(_, report)]
    if options.wants(PRIORITIES):
        wanted += sheets.priorities(_, report)
    if options.wants(ACTIONS):
        wanted.append(sheets.actions(_, report))
    if options.wants(AGENDA):
        wanted.append(sheets.timings(_, report))
    return [sheet for sheet in wanted if sheet.rows or sheet.key == "Summary"]


def _creator(report: ProgrammeReport) -> str:
    """Who made the document: the facilitators of its sittings (each once), or else the programme's client."""
    names: list[str] = []
    for s in report.sittings:
        for name in (part.strip() for part in re.split(r"[,;]", s.sitting.facilitators)):
            if name and name not in names:
                names.append(name)
    return ", ".join(names) or report.programme.client


def _write(workbook: Workbook, sheet: Sheet, look: _Look, report: ProgrammeReport) -> WriteOnlyWorksheet:
    ws = workbook.create_sheet(_tab(sheet.title))
    figures = people.key_figures(look._, report) if sheet.key == "Summary" else []
    first = len(figures) + 4 if figures else 1  # the table's header row
    for number, (_heading, _kind, width) in enumerate(sheet.columns, start=1):  # before any row is written
        ws.column_dimensions[get_column_letter(number)].width = width
    ws.freeze_panes = f"A{first + 1}"
    xlsx_print.set_page(ws, [width for _h, _k, width in sheet.columns], first, look.header, look.footer)
    wraps = [width if kind == TEXT else 0 for _h, kind, width in sheet.columns]
    rows = Rows(ws, look.styles(ws, sheet.columns), style(ws, number_format=look.formats[sheets.DATE]), wraps)
    if figures:
        _key_figures(ws, rows, look, figures)
    _heading_row(ws, rows, sheet)
    for values in sheet.rows:
        rows.append(_with_formulas(ws, sheet, values, rows.count + 1, look) if sheet.formulas else values)
    last = first + max(len(sheet.rows), 1)
    if not sheet.rows:
        rows.skip()
    _add_table(ws, sheet, first, last)
    if sheet.totals:
        _totals(ws, rows, sheet, first, last, look)
    for note in sheet.notes:
        rows.append([cell(ws, note[0], font=_TOTAL), *note[1:]])
    if sheet.chart and sheet.rows:
        _chart_under(ws, sheet, first, last, rows.count + 2)
    return ws


def _heading_row(ws: WriteOnlyWorksheet, rows: Rows, sheet: Sheet) -> None:
    """The table's header row, as tall as its longest heading needs."""
    headings = [heading for heading, _kind, _width in sheet.columns]
    lines = max(text_width.lines(heading, width, bold=True) for heading, _kind, width in sheet.columns)
    rows.append(headings, _Look.headings(ws, sheet.columns), lines)


def _with_formulas(ws: WriteOnlyWorksheet, sheet: Sheet, values: Sequence[sheets.Value], row: int,
                   look: _Look) -> list[object]:
    """One data row, with the sheet's own formulas in their columns."""
    line: list[object] = list(values)
    for column, template in sheet.formulas.items():
        line[column] = formula(ws, template.format(row=row, **_LETTERS))  # in the column's style
    return line


def _key_figures(ws: WriteOnlyWorksheet, rows: Rows, look: _Look, figures: list[tuple[str, sheets.Value]]) -> None:
    """The programme's name, the scope, the key figures as label/value lines, a blank line."""
    rows.append([cell(ws, look.header[0], font=xlsx_print.font(14, bold=True))], [], lines=1)
    rows.append([look.header[1]], [], lines=1)
    label = style(ws, font=_TOTAL)
    number = style(ws, number_format=look.formats[sheets.INTEGER])
    for name, value in figures:
        rows.append([name, value], [label, number], lines=1)
    rows.skip()


def _add_table(ws: WriteOnlyWorksheet, sheet: Sheet, first: int, last: int) -> None:
    """The rows as an Excel table (banded rows, a filter button on each heading)."""
    end = get_column_letter(len(sheet.columns))
    table = Table(displayName=sheet.key, ref=f"A{first}:{end}{last}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    table.tableColumns = [TableColumn(id=number, name=heading)  # a write-only sheet cannot read them back
                          for number, (heading, _kind, _width) in enumerate(sheet.columns, start=1)]
    table.autoFilter = AutoFilter(ref=table.ref)
    with warnings.catch_warnings():  # "you must add table columns manually": they are, just above
        warnings.simplefilter("ignore", UserWarning)
        ws.add_table(table)


def _totals(ws: WriteOnlyWorksheet, rows: Rows, sheet: Sheet, first: int, last: int, look: _Look) -> None:
    """Under the table: the sum of each totalled column, and the sheet's formulas worked out on those sums."""
    line: list[object] = [None] * len(sheet.columns)
    line[0] = cell(ws, look._("Total"), font=_TOTAL)
    row = rows.count + 1
    for column in sheet.totals:
        letter = get_column_letter(column + 1)
        line[column] = formula(ws, f"=SUM({letter}{first + 1}:{letter}{last})",
                               look.formats[sheet.columns[column][1]], _TOTAL)
    for column, template in sheet.formulas.items():
        if column not in sheet.totals:
            line[column] = formula(ws, template.format(row=row, **_LETTERS), look.formats[sheet.columns[column][1]],
                                   _TOTAL)
    rows.append(line)


def _chart_under(ws: WriteOnlyWorksheet, sheet: Sheet, first: int, last: int, row: int) -> None:
    assert sheet.chart is not None
    chart = sheet.chart
    labels = Reference(ws, min_col=chart.labels + 1, min_row=first + 1, max_row=last)
    values = Reference(ws, min_col=chart.values + 1, min_row=first + 1, max_row=last)
    charts.chart_under(ws, chart.title, labels, values, last - first, row, row - 1)


def _ballot_charts(workbook: Workbook, look: _Look, report: ProgrammeReport, results: Sheet,
                   source: WriteOnlyWorksheet) -> None:
    """A sheet of bar charts, one per counted ballot, fed from the results table."""
    _ = look._
    spans = list(sheets.ballot_spans(report, _))[:_CHARTS_SHOWN]
    if not spans:
        return
    headings = [heading for heading, _kind, _width in results.columns]
    ws = workbook.create_sheet(_tab(_("Charts")))
    xlsx_print.set_page(ws, [charts.WIDTH_CM * 5], None, look.header, look.footer)  # ~5 characters a cm: portrait
    Rows(ws)  # no cells: the charts only
    charts.ballot_charts(ws, source, spans, headings.index(_("Option")), headings.index(_("Score")), _)


def _tab(title: str) -> str:
    """A valid sheet name: at most 31 characters, none of []:*?/\\."""
    return _BAD_TITLE.sub(" ", title)[:31]
