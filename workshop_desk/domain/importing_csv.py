"""A CSV file's text split into rows; a quotation mark never closed is reported, not left to swallow the file."""

import csv
import io
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

_QUOTE = '"'


@dataclass(frozen=True, slots=True)
class CsvRows:
    """The rows of a CSV text, and what its quotation marks did."""

    rows: tuple[list[str], ...]
    first_lines: tuple[int, ...]  # the line (1-based) where each row starts
    # Lines (1-based) opening a quoted cell that no quotation mark closes before the end of the file: each such
    # line was read on its own without that quotation mark, and the lines after it as usual.
    open_quotes: tuple[int, ...] = ()
    # (first, last) lines read as one row because of quotation marks, whose quoted text holds whole rows: a
    # quotation mark is probably missing on the first line (a later stray one closed it).
    joined: tuple[tuple[int, int], ...] = ()


class CsvFailed(ValueError):
    """A CSV text the csv module refuses (a cell of more than 128 KB); `line` is where that row starts."""

    def __init__(self, line: int, detail: str) -> None:
        super().__init__(detail)
        self.line = line


def read_csv(text: str, delimiter: str, limit: int) -> CsvRows:
    """At most `limit` rows of `text`; CsvFailed if the csv module refuses it."""
    return _Reader(text, delimiter).read(limit)


class _Reader:
    def __init__(self, text: str, delimiter: str) -> None:
        self.lines = list(io.StringIO(text, newline=""))  # split where the csv module splits: \r\n, \r or \n
        self.delimiter = delimiter
        self.rows: list[list[str]] = []
        self.spans: list[tuple[int, int]] = []  # each row's first and last lines (0-based)
        self.open_quotes: list[int] = []

    def read(self, limit: int) -> CsvRows:
        start = 0
        while start < len(self.lines) and len(self.rows) < limit:
            start = self._read_from(start, limit)
        return CsvRows(tuple(self.rows), tuple(first + 1 for first, _last in self.spans), tuple(self.open_quotes),
                       _joined(self.rows, self.spans, self.delimiter))

    def _read_from(self, start: int, limit: int) -> int:
        """Rows from line `start` on, up to the end, the limit, or a quoted cell left open (that line is read
        without the quotation mark); returns the line to go on from."""
        try:
            for first, last, cells in _records(self.lines, start, self.delimiter):
                if last == len(self.lines) - 1 and self._left_open(first):
                    return self._without_it(first)
                self._add(cells, first, last)
                if len(self.rows) >= limit:
                    break
        except csv.Error as error:  # the cell grew past the csv module's limit: often a quote left open
            first = self.spans[-1][1] + 1 if self.spans and self.spans[-1][1] >= start else start
            if self._left_open(first):
                return self._without_it(first)
            raise CsvFailed(first + 1, str(error)) from error
        return len(self.lines)

    def _left_open(self, first: int) -> bool:
        return open_quote("".join(self.lines[first:]), self.delimiter) is not None

    def _without_it(self, first: int) -> int:
        """The line that opens a quotation mark never closed, read without that mark (on its own line)."""
        self.open_quotes.append(first + 1)
        line = self.lines[first].rstrip("\r\n")
        at = open_quote(line, self.delimiter)
        if at is not None:
            line = line[:at] + line[at + 1:]
        self._add(next(csv.reader([line], delimiter=self.delimiter), []), first, first)
        return first + 1

    def _add(self, cells: list[str], first: int, last: int) -> None:
        self.rows.append(cells)
        self.spans.append((first, last))


def _records(lines: list[str], start: int, delimiter: str) -> Iterator[tuple[int, int, list[str]]]:
    """Each record from line `start` on (0-based), with its first and last lines."""
    reader = csv.reader(iter(lines[start:]), delimiter=delimiter)
    first = start
    for cells in reader:
        last = start + reader.line_num - 1
        yield first, last, cells
        first = last + 1


def open_quote(text: str, delimiter: str) -> int | None:
    """Where in `text` the quotation mark is that opens a cell left open at the end, or None; read as the csv
    module reads (a quotation mark opens a cell only at its start; two in a quoted cell are one; one in the
    middle of a plain cell is a character)."""
    at_start, inside, closing, opened = True, False, False, 0
    for index, char in enumerate(text):
        if inside:
            inside, closing = char != _QUOTE, char == _QUOTE
            continue
        if closing and char == _QUOTE:  # a doubled quotation mark: the cell goes on
            inside, closing = True, False
            continue
        closing = False
        if char == _QUOTE and at_start:
            inside, at_start, opened = True, False, index
            continue
        at_start = char in (delimiter, "\n", "\r")
    return opened if inside else None


def _joined(rows: list[list[str]], spans: list[tuple[int, int]], delimiter: str) -> tuple[tuple[int, int], ...]:
    """Multi-line rows whose quoted text holds lines that look like whole rows of the file."""
    widths = Counter(len(cells) for cells in rows if len(cells) > 1)
    width = widths.most_common(1)[0][0] if widths else 1
    found = []
    for cells, (first, last) in zip(rows, spans, strict=True):
        if last > first and any(_holds_rows(cell, delimiter, width) for cell in cells):
            found.append((first + 1, last + 1))
    return tuple(found)


def _holds_rows(cell: str, delimiter: str, width: int) -> bool:
    inner = cell.splitlines()[1:]
    return any(line.count(delimiter) >= max(1, width - 1) for line in inner)
