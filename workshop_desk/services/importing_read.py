"""Reading a spreadsheet file (.xlsx, or .csv in any of the encodings and separators Excel writes)."""

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import Any

from workshop_desk.domain.importing import MAX_ROWS, ImportFailed, SourceTable, build_table, find_header
from workshop_desk.domain.importing_csv import CsvFailed, read_csv
from workshop_desk.domain.importing_text import decode_text
from workshop_desk.i18n import N_, _

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # old .xls, or a password-protected workbook
_DELIMITERS = (";", ",", "\t")
_DELIMITER_NAMES = {";": N_("semicolons"), ",": N_("commas"), "\t": N_("tabs")}
_SNIFF_LINES = 40
_SNIFF_WIDTH = 10_000  # characters of each line: a huge cell must not stop the guess (the csv module's limit)


def read_source(path: Path, encoding: str | None = None) -> SourceTable:
    """The file's header and rows; ImportFailed with a sentence for the user if it cannot be read.

    `encoding` (a key of importing_text.ENCODINGS) reads a CSV file in that encoding rather than the guessed one."""
    head = _read_bytes(path, 8)
    if not head.strip():
        raise ImportFailed(_("“{name}” is empty.").format(name=path.name))
    if head.startswith(_OLE):
        raise ImportFailed(_("“{name}” is an old Excel file (.xls) or a password-protected workbook. Open it in "
                             "Excel and save it as .xlsx or .csv, without a password.").format(name=path.name))
    if head.startswith(_ZIP):
        return _read_xlsx(path)
    return _read_csv(path, encoding)  # whatever its extension says: a ".xlsx" is often a renamed CSV


def _read_bytes(path: Path, size: int | None = None) -> bytes:
    with _open(path) as handle:
        return handle.read(size) if size is not None else handle.read()


def _open(path: Path) -> io.BufferedReader:
    try:
        return path.open("rb")
    except FileNotFoundError as exc:
        raise ImportFailed(_("The file “{name}” does not exist (any more).").format(name=path.name)) from exc
    except IsADirectoryError as exc:
        raise ImportFailed(_("“{name}” is a folder, not a spreadsheet.").format(name=path.name)) from exc
    except PermissionError as exc:
        raise ImportFailed(_("“{name}” cannot be opened: it may be open in Excel, or you may lack the right to "
                             "read it. Close it and try again.").format(name=path.name)) from exc
    except OSError as exc:
        raise ImportFailed(_("The file “{name}” cannot be read: {detail}").format(
            name=path.name, detail=exc.strerror or exc)) from exc


# Excel --------------------------------------------------------------------------------------------------------

def _read_xlsx(path: Path) -> SourceTable:
    """The first sheet (the active one first) that has a header row."""
    import openpyxl  # 0.15 s to import: only when a workbook is read

    # A file object, not the path: openpyxl refuses a sound workbook whose name does not end in .xlsx.
    with _open(path) as handle:
        try:
            workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises a dozen kinds on a zip that is not a workbook
            raise ImportFailed(_("“{name}” is not a readable Excel workbook (.xlsx). Open it in Excel and save "
                                 "it again, or save it as .csv.").format(name=path.name)) from exc
        try:
            return _first_table(path.name, workbook)
        except ImportFailed:
            raise
        except Exception as exc:  # a damaged sheet inside a sound zip: broken XML, impossible cell values
            raise ImportFailed(_("“{name}” is damaged and cannot be read. Open it in Excel and save it "
                                 "again.").format(name=path.name)) from exc
        finally:
            workbook.close()


def _first_table(name: str, workbook: Any) -> SourceTable:
    sheets = list(workbook.worksheets)
    active = workbook.active
    for sheet in sorted(sheets, key=lambda s: s is not active):
        if not hasattr(sheet, "iter_rows"):  # chart sheets
            continue
        sheet.reset_dimensions()  # some exporters write a wrong size: read every row that is really there
        rows = _capped(name, sheet.iter_rows(values_only=True))
        if find_header(rows) is not None:
            details = _("sheet “{sheet}”").format(sheet=sheet.title) if len(sheets) > 1 else ""
            return build_table(name, rows, details)
    if not sheets:
        raise ImportFailed(_("“{name}” has no sheet.").format(name=name))
    return build_table(name, [])  # raises: no header


def _capped(name: str, rows: Iterator[Sequence[object]]) -> list[Sequence[object]]:
    """The rows, refusing a file far longer than any invitee list (it would only freeze the screen)."""
    taken = list(islice(rows, MAX_ROWS + HEADROOM))
    if len(taken) > MAX_ROWS + HEADROOM - 1:
        raise ImportFailed(_("“{name}” has more than {n} rows; an invitee list is far shorter. Check that it is "
                             "the right file.").format(name=name, n=f"{MAX_ROWS:,}"))
    return taken


HEADROOM = 100  # title rows and blank lines on top of MAX_ROWS data rows


# CSV ----------------------------------------------------------------------------------------------------------

def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name), the encoding guessed (see importing_text.decode_text)."""
    text, decoding = decode_text(data)
    return text, decoding.encoding


def sniff_delimiter(text: str) -> str:
    """The separator that splits most of the first lines into the same number of cells."""
    lines = [line[:_SNIFF_WIDTH] for line in text.splitlines()[:_SNIFF_LINES] if line.strip()]

    def score(delimiter: str) -> tuple[int, int]:
        widths = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        common = max(set(widths), key=widths.count) if widths else 1
        return (widths.count(common) if common > 1 else 0), common

    return max(_DELIMITERS, key=score)


def _read_csv(path: Path, encoding: str | None) -> SourceTable:
    text, decoding = decode_text(_read_bytes(path), encoding)
    if text.lstrip()[:1] == "<":  # registration tools often export an HTML table named .xls
        raise ImportFailed(_("“{name}” is a web page (HTML) with a spreadsheet's name. Open it in Excel and save "
                             "it as .xlsx or .csv.").format(name=path.name))
    if "\x00" in text:
        raise ImportFailed(_("“{name}” is neither an Excel workbook (.xlsx) nor a CSV text file.").format(
            name=path.name))
    delimiter = sniff_delimiter(text)
    try:
        parsed = read_csv(text, delimiter, MAX_ROWS + HEADROOM)
    except CsvFailed as exc:
        raise ImportFailed(_("“{name}” is not a well-formed CSV file: the row that starts on line {line} has a "
                             "cell of more than {n} characters.").format(
            name=path.name, line=exc.line, n=f"{csv.field_size_limit():,}")) from exc
    rows = _capped(path.name, iter(parsed.rows))
    table = build_table(path.name, rows, f"{decoding.encoding}, {_(_DELIMITER_NAMES[delimiter])}", parsed.first_lines)
    return replace(table, decoding=decoding, open_quotes=parsed.open_quotes, joined=parsed.joined)
