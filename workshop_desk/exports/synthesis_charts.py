"""The synthesis' native Excel charts: horizontal bars as tall as their number of options (every label shows),
titled with their sitting and their vote; the ballots' charts packed whole onto A4 pages of their own sheet."""

import math
from collections.abc import Iterable

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties, RegularTextRun
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.pagebreak import Break

from workshop_desk.exports import synthesis_sheets as sheets
from workshop_desk.exports.synthesis_sheets import Span, Translate

BAR = "2F5597"
ROW_CM = 0.53  # a row of the default height (15 points)
PAGE_ROWS = 46  # rows on an A4 portrait page inside our margins
WIDTH_CM = 17.0  # within an A4 portrait page's printable width, so no chart is shrunk to fit


def _text(lines: Iterable[tuple[str, int, bool]]) -> RichText:
    """Rich text of (line, size in points, bold) paragraphs."""
    paragraphs = [Paragraph(pPr=ParagraphProperties(defRPr=CharacterProperties(sz=size * 100, b=bold)),
                            r=[RegularTextRun(rPr=CharacterProperties(sz=size * 100, b=bold), t=line)])
                  for line, size, bold in lines]
    return RichText(p=paragraphs)


def _font(size: int) -> RichText:
    """Text properties of an axis or of data labels: this size, not bold."""
    properties = CharacterProperties(sz=size * 100, b=False)
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=properties), endParaRPr=properties)])


def bar_chart(title: str, labels: Reference, values: Reference, bars: int) -> BarChart:
    """Horizontal bars, first row on top, each named and labelled with its value; `title`'s first line in bold."""
    chart = BarChart()
    chart.type, chart.legend, chart.gapWidth = "bar", None, 40
    first, *rest = title.split("\n")
    chart.title = Title(tx=Text(rich=_text([(first, 11, True), *((line, 10, False) for line in rest)])),
                        overlay=False)
    chart.height, chart.width = height(bars), WIDTH_CM
    chart.add_data(values)
    series = chart.series[0]
    series.cat = AxDataSource(strRef=StrRef(f=str(labels)))  # text, not numbers
    series.graphicalProperties.solidFill = BAR
    series.graphicalProperties.line.solidFill = BAR
    chart.dataLabels = DataLabelList(showVal=True, showSerName=False, showCatName=False, showLegendKey=False,
                                     showPercent=False)
    chart.dataLabels.txPr = _font(8)
    chart.x_axis.delete = chart.y_axis.delete = False
    chart.x_axis.scaling.orientation = "maxMin"  # the first row at the top, as in the table
    chart.x_axis.txPr = _font(9 if bars <= 20 else 8)
    chart.x_axis.tickLblSkip = 1  # every option named, never one in two
    chart.y_axis.txPr = _font(8)
    chart.y_axis.majorGridlines = None
    return chart


def height(bars: int) -> float:
    """Centimetres for a title, an axis and `bars` bars: 8 mm each, room for a label on two lines (a spreadsheet
    short of room skips every other label); less when there are many, down to 5 mm, for the chart to fit a page."""
    return 3.2 + max(0.5, min(0.8, 21.0 / max(bars, 1))) * bars


def rows_taken(bars: int) -> int:
    """Rows of the sheet a chart of `bars` bars covers, with one row of space under it."""
    return math.ceil(height(bars) / ROW_CM) + 1


def ballot_charts(ws: WriteOnlyWorksheet, results: WriteOnlyWorksheet, spans: list[Span], label_column: int,
                  value_column: int, _: Translate) -> None:
    """One chart per ballot, fed from its rows of the results sheet, placed down the sheet so that none is cut by
    a page: a page break wherever the next chart would not fit whole."""
    row, page_top = 1, 1
    for span in spans:
        count = span.end - span.start + 1
        bars = min(count, sheets.MOST_BARS)
        title = span.sitting + "\n" + span.ballot
        if count > bars:
            title += " " + _("(the first {shown} of {count} options)").format(shown=bars, count=count)
        first = span.start + 2  # the results' header is row 1
        labels = Reference(results, min_col=label_column + 1, min_row=first, max_row=first + bars - 1)
        values = Reference(results, min_col=value_column + 1, min_row=first, max_row=first + bars - 1)
        taken = rows_taken(bars)
        if row > page_top and row + taken - 1 > page_top + PAGE_ROWS - 1:
            ws.row_breaks.append(Break(id=row - 1))
            page_top = row
        ws.add_chart(bar_chart(title, labels, values, bars), f"A{row}")
        row += taken


def chart_under(ws: WriteOnlyWorksheet, title: str, labels: Reference, values: Reference, bars: int, row: int,
                rows_above: int) -> None:
    """A chart at `row`, under a table; on the next page if it would not fit whole under `rows_above` rows."""
    if rows_above % PAGE_ROWS + rows_taken(bars) > PAGE_ROWS:
        ws.row_breaks.append(Break(id=row - 1))
    ws.add_chart(bar_chart(title, labels, values, bars), f"A{row}")
