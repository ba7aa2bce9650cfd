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
_NEVER = 1 << 30  # characters that always fit a line of a column that does not wrap


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
    column gets its style, text that could start a formula the `quoted` style, dates the `dates` style."""

    def __init__(self, ws: WriteOnlyWorksheet, styles: Sequence[Style] = (), dates: Style = "",
                 wraps: Sequence[float] = ()) -> None:
        """`wraps`: the width of each column whose text wraps (0: it does not wrap); a row is made as tall as its
        longest text needs (a spreadsheet opening the file may not work it out)."""
        writer = _Writer(ws)
        writer.write_top()
        ws._writer, ws._rows = writer, self._sheet_data(writer.file)  # the sheet's close() ends <sheetData>
        next(ws._rows)
        self._file = writer.file
        self._styles = list(styles)
        self._cell_styles = ws.parent._cell_styles
        self._quoted: dict[Style, Style] = {}
        self._dates = dates or style(ws, number_format="yyyy-mm-dd")
        self._texts: dict[str, tuple[str, bool, bool]] = {}
        self._letters: list[str] = []
        self._widths = list(wraps)
        self._sure = [int(width) if width else _NEVER for width in wraps]  # characters that always fit a line
        self._lines: dict[tuple[str, float], int] = {}
        self.count = 0  # rows written: the number of the last one

    @staticmethod
    def _sheet_data(file: object) -> Iterator[None]:
        file.write("<sheetData>")  # type: ignore[attr-defined]
        try:
            while True:
                yield
        except GeneratorExit:
            file.write("</sheetData>")  # type: ignore[attr-defined]

    def append(self, values: Sequence[object], styles: Sequence[Style] | None = None, lines: int = 0) -> int:
        """Write one row (`styles`: instead of the columns'; `lines`: of text it must hold, instead of working
        it out); returns its number."""
        self.count += 1
        number = str(self.count)
        styles = self._styles if styles is None else styles
        if len(self._letters) < len(values) or len(styles) < len(values):
            styles = self._widen(len(values), styles)
        letters, texts, sure, measure = self._letters, self._texts, self._sure, not lines
        parts = [""]
        for column, value in enumerate(values):  # the common cases inline: this runs for every cell
            kind = type(value)
            if kind is str:
                known = texts.get(value)  # type: ignore[call-overload]
                if known is None:
                    known = texts[value] = _inline(value)  # type: ignore[index, arg-type]
                if known[0]:
                    shown = self._quote(styles[column]) if known[1] else styles[column]
                    parts.append(f'<c r="{letters[column]}{number}"{shown} t="inlineStr">{known[0]}</c>')
                    if measure and (known[2] or len(value) > sure[column]):  # type: ignore[arg-type]
                        lines = max(lines, self._lines_of(value, column))  # type: ignore[arg-type]
            elif (kind is float or kind is int) and math.isfinite(value):  # type: ignore[arg-type]
                parts.append(f'<c r="{letters[column]}{number}"{styles[column]}><v>{value!r}</v></c>')
            elif value is not None:
                parts.append(self._cell(letters[column] + number, value, styles[column]))
        height = f' ht="{LINE_POINTS * lines + 3}" customHeight="1"' if lines > 1 else ""
        parts[0] = f'<row r="{number}"{height}>'
        parts.append("</row>")
        self._file.write("".join(parts))
        return self.count

    def _widen(self, count: int, styles: Sequence[Style]) -> list[Style]:
        """Column letters for `count` columns, and `styles` for as many (no style for those it lacks)."""
        while len(self._letters) < count:
            self._letters.append(get_column_letter(len(self._letters) + 1))
            self._sure.append(_NEVER)
        return [*styles, *[""] * (count - len(styles))]

    def _lines_of(self, text: str, column: int) -> int:
        """Lines `text` takes in the column (1 when the column does not wrap)."""
        width = self._widths[column] if column < len(self._widths) else 0
        if not width:
            return 1
        known = self._lines.get((text, width))
        if known is None:
            known = self._lines[(text, width)] = text_width.lines(text, width)
        return known

    def skip(self, count: int = 1) -> None:
        """Leave `count` rows empty."""
        self.count += count

    def _cell(self, ref: str, value: object, column_style: Style) -> str:
        kind = type(value)
        if kind is str:
            return self._text(ref, value, column_style)  # type: ignore[arg-type]
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

    def _text(self, ref: str, value: str, column_style: Style) -> str:
        known = self._texts.get(value)
        if known is None:
            known = self._texts[value] = _inline(value)
        inline, marked, _newline = known
        if not inline:
            return ""
        return f'<c r="{ref}"{self._quote(column_style) if marked else column_style} t="inlineStr">{inline}</c>'

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
