"""How a workbook reads and prints in the document's language: number formats (€, %, dates), A4 pages as wide as
the sheet with its header row repeated, a header naming the programme and the sitting, numbered pages, the file's
properties, and an atomic save."""

import datetime as dt
import os
import secrets
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.packaging.extended import ExtendedProperties
from openpyxl.styles import Font
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.page import PageMargins
from openpyxl.writer.excel import ExcelWriter
from openpyxl.xml.constants import ARC_APP
from openpyxl.xml.functions import tostring

from workshop_desk import __version__
from workshop_desk.exports.synthesis_sheets import (
    CENTS,
    DATE,
    DECIMAL,
    INTEGER,
    MINUTES,
    MONEY,
    PERCENT,
    TEXT,
    TIME,
)

FONT = "Arial"
if TYPE_CHECKING:
    from _typeshed import SizedBuffer

LOCALES = {"fr": "fr-FR", "en": "en-GB"}
NBSP = "\u00a0"
A4 = 9  # Excel's paper size code
PORTRAIT_WIDTH = 100  # characters of columns an A4 portrait page holds at full size (landscape above)
_PART = 80  # characters at most of a title in a header (Excel allows 255 for the whole header)


def number_formats(language: str) -> dict[str, str]:
    """The number format of each kind of column: euros and percentages as the language writes them ([$€-40C]: the
    euro of French, whose digit grouping LibreOffice then follows), dates that no reader misreads (day/month/year
    in French; "26 Jan 2027" in English, read alike in London and New York)."""
    french = language == "fr"
    return {INTEGER: "#,##0", DECIMAL: "General", MINUTES: "0.0", TEXT: "General", TIME: "hh:mm",
            MONEY: f"#,##0{NBSP}[$€-40C]" if french else "[$€-809]#,##0",
            CENTS: f"#,##0.00{NBSP}[$€-40C]" if french else "[$€-809]#,##0.00",
            PERCENT: f'0"{NBSP}"%' if french else "0%",
            DATE: "dd/mm/yyyy" if french else "[$-809]d mmm yyyy"}


def use_arial(workbook: Workbook) -> None:
    """Arial 10 for the whole workbook (before any style is made): LibreOffice has its metric twin, so columns
    and line breaks come out as in Excel (Calibri, openpyxl's default, is often missing there). Its digits are
    as wide as Calibri 11's, so column widths keep their meaning."""
    workbook._fonts = IndexedList([font()])  # openpyxl has no public setting for the default font


def font(size: float = 10, bold: bool = False, colour: str | None = None) -> Font:
    """Our font (Arial), at this size."""
    return Font(name=FONT, size=size, bold=bold, color=colour, family=2)


def _header_text(text: str) -> str:
    """Typed text in a header or footer: '&' doubled (a lone one starts a code), cut to a reasonable length."""
    text = " ".join(text.split())
    if len(text) > _PART:
        text = text[:_PART - 1].rstrip() + "…"
    return text.replace("&", "&&")


def set_page(ws: WriteOnlyWorksheet, widths: Sequence[float], title_row: int | None, header: tuple[str, str],
             footer: tuple[str, str]) -> None:
    """A4, portrait or landscape as the columns need, fitted to the page's width (as many pages down as it
    takes), `title_row` repeated at the top of each page, the programme and the sitting in the header, the sheet
    and "Page n of m" (`footer`: that template with &P and &N, and the date) in the footer."""
    setup = ws.page_setup
    setup.paperSize = A4
    setup.orientation = "landscape" if sum(widths) > PORTRAIT_WIDTH else "portrait"
    setup.fitToWidth, setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.75, bottom=0.75, header=0.3, footer=0.3)
    if title_row is not None:
        ws.print_title_rows = f"{title_row}:{title_row}"
    ws.print_options.gridLines = False
    ws.sheet_format.defaultRowHeight, ws.sheet_format.customHeight = 15, True  # as charts below tables count it
    page = ws.HeaderFooter
    # Two lines on the left, the programme in bold above the sitting: side by side, long titles would overlap.
    page.oddHeader.left.text = f"&B{_header_text(header[0])}&B\n{_header_text(header[1])}"
    page.oddFooter.left.text = "&A"  # the sheet's name
    page.oddFooter.center.text = footer[0]
    page.oddFooter.right.text = _header_text(footer[1])
    for part in (page.oddHeader.left, page.oddFooter.left, page.oddFooter.center, page.oddFooter.right):
        part.font, part.size = f"{FONT},Regular", 9


def page_numbers(template: str) -> str:
    """'Page {page} of {pages}' with Excel's codes for the page and the number of pages."""
    return template.replace("&", "&&").format(page="&P", pages="&N")


def describe(workbook: Workbook, language: str, title: str, subject: str, creator: str,
             written: dt.datetime | None) -> None:
    """The file's properties: no library's defaults, but what it is, about what, by whom, when, in which
    language."""
    properties = workbook.properties
    properties.title, properties.subject = title, subject
    properties.creator = properties.lastModifiedBy = creator or "Workshop Desk"
    properties.language = LOCALES.get(language, "en-GB")
    moment = (written or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    properties.created = properties.modified = moment
    properties.category = title.split(" — ")[0]


class _Archive(ZipFile):
    """The zip file openpyxl writes into, quicker to compress (a large synthesis is mostly repeated text), and
    naming Workshop Desk, not openpyxl, as the application that made it."""

    def writestr(self, zinfo_or_arcname: str | ZipInfo, data: "SizedBuffer | str", compress_type: int | None = None,
                 compresslevel: int | None = None) -> None:
        if zinfo_or_arcname == ARC_APP:
            properties = ExtendedProperties()
            properties.Application, properties.AppVersion = "Workshop Desk", _app_version()  # it ignores arguments
            data = tostring(properties.to_tree())
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)


def _app_version() -> str:
    """The version as Office writes it ('1.2' → '1.0200'): major, then minor on four digits."""
    parts = [int(p) for p in __version__.split(".")[:2] if p.isdigit()] + [0, 0]
    return f"{parts[0]}.{parts[1]:04d}"


def save(workbook: Workbook, path: Path) -> Path:
    """Write the workbook next to `path` under a temporary name, then rename it over `path`: a crash or a full
    disk never leaves half a workbook (nor destroys the previous one). Returns `path`."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    # os.open with 0o666, unlike mkstemp's 0o600, lets the user's umask decide who may read the file.
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(handle, "wb") as stream:
            ExcelWriter(workbook, _Archive(stream, "w", ZIP_DEFLATED, allowZip64=True, compresslevel=1)).save()
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return path
