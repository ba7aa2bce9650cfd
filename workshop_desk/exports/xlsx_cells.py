"""Workbook cells: what people typed is written as text, never run as a formula; formulas only on purpose."""

import re

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.styles import Font

# What a spreadsheet may take for the start of a formula (OWASP, "CSV injection"): such text is marked as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# What a workbook (XML 1.0) cannot hold: control characters, lone surrogates, the two non-characters.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def needs_marking(text: str) -> bool:
    """True for text that openpyxl or a spreadsheet would otherwise read as a formula or an error code."""
    return text.startswith(FORMULA_STARTS) or text in ERROR_CODES


def clean(text: str) -> str:
    """`text` without the characters a workbook cannot hold (the only change ever made to typed text)."""
    return NOT_XML.sub("", text)


def cell(ws: object, value: object, number_format: str | None = None, font: Font | None = None) -> object:
    """`value` ready for a write-only sheet's row: text exactly as typed, in a text cell.

    Text that could start a formula gets a cell of type string (openpyxl would write '=…' as a formula) with
    Excel's quote-prefix flag (editing the cell in Excel keeps it text); no apostrophe is added to the text.
    Only the characters a workbook cannot hold (control characters) are left out."""
    if isinstance(value, str):
        value = clean(value)
    marked = isinstance(value, str) and needs_marking(value)
    if not marked and font is None and (number_format is None or value is None):
        return value  # the common case: plain text, numbers and dates go as they are
    written = WriteOnlyCell(ws, value)  # type: ignore[arg-type]
    if marked:
        written.data_type = "s"
        written.quotePrefix = True
    if number_format is not None and value is not None:
        written.number_format = number_format
    if font is not None:
        written.font = font
    return written


def formula(ws: object, text: str, number_format: str | None = None, font: Font | None = None) -> WriteOnlyCell:
    """One of the app's own formulas ('=SUM(C2:C9)'): the only way a formula gets into a workbook we write."""
    assert text.startswith("="), text
    written = WriteOnlyCell(ws, text)  # type: ignore[arg-type]
    written.data_type = "f"
    if number_format is not None:
        written.number_format = number_format
    if font is not None:
        written.font = font
    return written
