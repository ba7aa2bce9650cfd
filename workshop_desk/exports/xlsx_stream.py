"""Rows streamed into a write-only sheet as XML text: openpyxl builds and serialises an object per cell (~10 µs),
too slow for a programme's 200,000 votes. Text is always a text cell (xlsx_cells' rule); formulas only from
`xlsx_cells.formula`."""

import datetime as dt
import math
import re
from collections.abc import Iterator, Sequence
from copy import copy

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import tostring

from workshop_desk.exports import text_width
from workshop_desk.exports.xlsx_cells import clean, needs_marking

_HEAD = f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="{SHEET_MAIN_NS}">'
# What text needs more than copying: characters to leave out or escape, and a space at either end.
_SPECIAL = re.compile("[&<>\r\n\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]|^\\s|\\s$")
Style = str  # ' s="3"': a cell's style attribute, or "" for none
LINE_POINTS = 13  # the height of a line of 10-point text


class _Writer(WorksheetWriter):  # type: ignore[misc]
    """openpyxl's worksheet writer, writing text to its temporary file: the parts before and after the rows
    serialised by openpyxl, the rows by `Rows`."""

    def get_stream(self) -> Iterator[None]:
        with open(self.out, "w", encoding="utf-8", newline="") as out:
            self.file = out
            out.write(_HEAD)
            try:
                while True:
                    element = yield
                    if element is not None and element is not True:
                        out.write(tostring(element).decode("utf-8"))
            except GeneratorExit:
                out.write("</worksheet>")

    def write_header(self) -> None:
        """The page header and footer, their line breaks written as such (openpyxl writes them as _x000a_, which
        LibreOffice prints as it is)."""
        if self.ws.HeaderFooter:
            element = self.ws.HeaderFooter.to_tree()
            for part in element:
                part.text = part.text.replace("_x000a_", "\n") if part.text else part.text
            self.xf.send(element)


def style(ws: WriteOnlyWorksheet, **attributes: object) -> Style:
    """The style attribute of cells with these openpyxl style attributes (number_format, font, alignment…),
    registered once in the workbook: columns share it instead of making a style object per cell."""
    sample = WriteOnlyCell(ws)
    for name, value in attributes.items():
        setattr(sample, name, value)
    return f' s="{sample.style_id}"' if sample.has_style else ""


class Rows:
    """Appends rows to a new write-only sheet (set its columns, panes and page before: they come first).

    A row is a sequence of plain values (text, numbers, dates, None) and of cells made by `xlsx_cells`; each
    column gets its style (text that could start a formula, that style with Excel's quote-prefix flag)."""

    def __init__(self, ws: WriteOnlyWorksheet, styles: Sequence[Style] = (), dates: Style = "",
                 wraps: Sequence[float] = ()) -> None:
        """`dates`: the style of dates in a column without one; `wraps`: the width of each column whose text
        wraps (0: it does not wrap): a row is made as tall as its longest text needs (a spreadsheet opening the
        file may not work it out)."""
        writer = _Writer(ws)
        writer.write_top()
        ws._writer, ws._rows = writer, self._sheet_data()  # the sheet's close() ends <sheetData>
        self._file = writer.file
        next(ws._rows)
        self._styles = list(styles)
        self._widths = list(wraps)
        self._cell_styles = ws.parent._cell_styles
        self._quoted: dict[Style, Style] = {}
        self._dates = dates or style(ws, number_format="yyyy-mm-dd")
        self._letters: list[str] = []
        self._opens: list[str] = []  # '<c r="B': a cell of the column up to its row number
        self._texts: list[dict[str, tuple[str, int]]] = []  # per column: text -> the rest of its cell, its lines
        self._pending: list[str] = []
        self.count = 0  # rows written: the number of the last one

    def _sheet_data(self) -> Iterator[None]:
        self._file.write("<sheetData>")
        try:
            while True:
                yield
        except GeneratorExit:
            self._flush()
            self._file.write("</sheetData>")

    def append(self, values: Sequence[object], styles: Sequence[Style] | None = None, lines: int = 0) -> int:
        """Write one row (`styles`: instead of the columns'; `lines`: of text it must hold, instead of working
        it out); returns its number."""
        self.count += 1
        number = str(self.count)
        if len(self._opens) < len(values):
            self._widen(len(values))
        if styles is not None:
            cells = [self._cell(self._letters[column] + number, value, styles[column] if column < len(styles) else "")
                     for column, value in enumerate(values) if value is not None]
            return self._row(number, cells, max(lines, 1))
        opens, texts, column_styles = self._opens, self._texts, self._styles
        cells, needed = [], 1
        for column, value in enumerate(values):  # the common cases inline: this runs for every cell
            kind = type(value)
            if kind is str:
                known = texts[column].get(value)  # type: ignore[call-overload]
                if known is None:
                    known = texts[column][value] = self._text(column, value)  # type: ignore[index, arg-type]
                if known[0]:
                    cells.append(f"{opens[column]}{number}{known[0]}")
                    if known[1] > needed:
                        needed = known[1]
            elif (kind is float or kind is int) and math.isfinite(value):  # type: ignore[arg-type]
                cells.append(f'{opens[column]}{number}"{column_styles[column]}><v>{value!r}</v></c>')
            elif value is not None:
                cells.append(self._cell(self._letters[column] + number, value, column_styles[column]))
        return self._row(number, cells, lines or needed)

    def _row(self, number: str, cells: list[str], lines: int) -> int:
        height = f' ht="{LINE_POINTS * lines + 3}" customHeight="1"' if lines > 1 else ""
        self._pending.append(f'<row r="{number}"{height}>{"".join(cells)}</row>')
        if len(self._pending) >= 500:
            self._flush()
        return self.count

    def _flush(self) -> None:
        self._file.write("".join(self._pending))
        self._pending.clear()

    def _widen(self, count: int) -> None:
        """Columns up to `count`: their letters, no style nor wrapping for those the sheet did not describe."""
        while len(self._opens) < count:
            letter = get_column_letter(len(self._opens) + 1)
            self._letters.append(letter)
            self._opens.append(f'<c r="{letter}')
            self._texts.append({})
        self._styles += [""] * (count - len(self._styles))
        self._widths += [0.0] * (count - len(self._widths))

    def skip(self, count: int = 1) -> None:
        """Leave `count` rows empty."""
        self.count += count

    def _text(self, column: int, value: str) -> tuple[str, int]:
        """A text cell of the column after its row number ("" when the text is empty once cleaned), and the
        lines the text takes there."""
        inline, marked, newline = _inline(value)
        if not inline:
            return "", 1
        shown = self._quote(self._styles[column]) if marked else self._styles[column]
        width = self._widths[column]
        lines = text_width.lines(value, width) if width and (newline or len(value) > int(width)) else 1
        return f'"{shown} t="inlineStr">{inline}</c>', lines

    def _cell(self, ref: str, value: object, column_style: Style) -> str:
        """Any value, in a cell at `ref`."""
        kind = type(value)
        if kind is str:
            inline, marked, _newline = _inline(value)  # type: ignore[arg-type]
            shown = self._quote(column_style) if marked else column_style
            return f'<c r="{ref}"{shown} t="inlineStr">{inline}</c>' if inline else ""
        if kind is int or kind is float:
            return f'<c r="{ref}"{column_style}><v>{value!r}</v></c>' if math.isfinite(value) else ""  # type: ignore
        if kind is bool:
            return f'<c r="{ref}"{column_style} t="b"><v>{int(value)}</v></c>'  # type: ignore[call-overload]
        if isinstance(value, dt.date | dt.time):
            shown = column_style if column_style else self._dates
            return f'<c r="{ref}"{shown}><v>{to_excel(value)!r}</v></c>'
        if isinstance(value, Cell):
            return self._styled(ref, value, column_style)
        if isinstance(value, int | float):
            return self._cell(ref, float(value), column_style)
        raise TypeError(f"a workbook cell cannot hold {kind.__name__}")

    def _quote(self, column_style: Style) -> Style:
        """The column's style with Excel's quote-prefix flag (the cell stays text when it is edited)."""
        found = self._quoted.get(column_style)
        if found is None:
            array = copy(self._cell_styles[int(column_style[4:-1])]) if column_style else StyleArray()
            array.quotePrefix = 1
            found = self._quoted[column_style] = f' s="{self._cell_styles.add(array)}"'
        return found

    def _styled(self, ref: str, written: Cell, column_style: Style) -> str:
        """A cell made by xlsx_cells: its own style if it has one, a formula if `formula` made it."""
        shown = f' s="{written.style_id}"' if written.has_style else column_style
        value = written.value
        if written.data_type == "f":
            return f'<c r="{ref}"{shown}><f>{_escaped(value[1:])}</f></c>'
        if written.data_type == "s" and written.quotePrefix:
            inline = _inline(value)[0]
            return f'<c r="{ref}"{shown} t="inlineStr">{inline}</c>' if inline else ""
        return self._cell(ref, value, shown) if value is not None else f'<c r="{ref}"{shown}/>'


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _inline(value: str) -> tuple[str, bool, bool]:
    """The <is> element of a text cell ("" for text that is empty once cleaned), whether it must be marked, and
    whether it holds a line break."""
    if _SPECIAL.search(value) is None:
        return (f"<is><t>{value}</t></is>" if value else "", needs_marking(value), False)
    value = clean(value)
    if not value:
        return "", False, False
    space = ' xml:space="preserve"' if value[0].isspace() or value[-1].isspace() else ""
    return f"<is><t{space}>{_escaped(value)}</t></is>", needs_marking(value), "\n" in value
