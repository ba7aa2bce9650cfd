"""What is said about a file before it is imported: lines that look misread, quotation marks, columns left out."""

from dataclasses import dataclass
from enum import StrEnum

from workshop_desk.domain.importing import Mapping, SourceTable, cell_text, column_letter
from workshop_desk.domain.importing_text import lines_text
from workshop_desk.i18n import _, ngettext


class NoteKind(StrEnum):
    ENCODING = "encoding"  # lines that look misread: another encoding may read them right
    QUOTES = "quotes"  # a quotation mark never closed, or lines read as one row
    COLUMN = "column"  # a column that holds something and will not be imported


@dataclass(frozen=True, slots=True)
class Note:
    """One sentence about the file, for the user to read before importing."""

    kind: NoteKind
    text: str

    def __str__(self) -> str:
        return self.text


def import_notes(table: SourceTable, mapping: Mapping, guessed: Mapping) -> list[Note]:
    """Every note on the file, one sentence each: how it was read, then the columns that will not be imported."""
    return reading_notes(table) + column_notes(table, mapping, guessed)


def reading_notes(table: SourceTable) -> list[Note]:
    """Lines that look misread (the encoding), quotation marks never closed or that joined lines."""
    notes = []
    decoding = table.decoding
    if decoding is not None and decoding.suspects:
        lines = lines_text([suspect.line for suspect in decoding.suspects])
        if decoding.mixed:
            text = _("The file mixes two encodings ({encodings}): each line was read in the one that fits it. "
                     "Check the lines concerned ({lines}).").format(encodings=decoding.encoding, lines=lines)
        else:
            text = _("Some characters look misread ({lines}): the file was read as {encoding}. If names look "
                     "garbled, choose another encoding.").format(lines=lines, encoding=decoding.encoding)
        notes.append(Note(NoteKind.ENCODING, text))
    for line in table.open_quotes:
        notes.append(Note(NoteKind.QUOTES, _(
            "Line {line} opens a quotation mark that is never closed: that line was read without it, and the lines "
            "after it as usual. Check that row.").format(line=line)))
    for first, last in table.joined:
        notes.append(Note(NoteKind.QUOTES, _(
            "Lines {first} to {last} were read as a single row because of quotation marks: one is probably missing "
            "on line {first}. Check that row.").format(first=first, last=last)))
    return notes


def row_remarks(table: SourceTable) -> dict[int, str]:
    """What the reading found on the line where a row starts, by row number (as `table.rows` numbers them)."""
    rows = {line for line, _cells in table.rows}
    remarks: dict[int, list[str]] = {}
    for suspect in table.decoding.suspects if table.decoding is not None else ():
        remarks.setdefault(suspect.line, []).append(_("Some characters may be misread."))
    for line in table.open_quotes:
        remarks.setdefault(line, []).append(_("A quotation mark never closed here was left out."))
    for first, last in table.joined:
        remarks.setdefault(first, []).append(_("Lines {first} to {last} read as this one row.").format(
            first=first, last=last))
    return {line: " ".join(texts) for line, texts in remarks.items() if line in rows}


def column_notes(table: SourceTable, mapping: Mapping, guessed: Mapping) -> list[Note]:
    """The columns that hold something and will not be imported, in up to three sentences: those with no
    heading, those not recognised, those the user chose to leave out (`guessed`: the mapping first proposed)."""
    untitled: list[str] = []
    unknown: list[str] = []
    chosen: list[str] = []
    for index, header in enumerate(table.headers):
        if (index < len(mapping) and mapping[index] is not None) or not _holds_data(table, index):
            continue
        letter = column_letter(index)
        if header == _("Column {letter}").format(letter=letter):
            untitled.append(letter)
        else:
            named = _("{letter} “{header}”").format(letter=letter, header=header)
            (chosen if index < len(guessed) and guessed[index] is not None else unknown).append(named)
    texts = [
        ngettext("Column {columns} has no heading and will not be imported.",
                 "Columns {columns} have no heading and will not be imported.", len(untitled)) if untitled else "",
        ngettext("Column {columns} was not recognised and will not be imported.",
                 "Columns {columns} were not recognised and will not be imported.", len(unknown)) if unknown else "",
        ngettext("Column {columns} will not be imported, as you chose.",
                 "Columns {columns} will not be imported, as you chose.", len(chosen)) if chosen else ""]
    return [Note(NoteKind.COLUMN, text.format(columns=", ".join(columns)))
            for text, columns in zip(texts, (untitled, unknown, chosen), strict=True) if text]


def _holds_data(table: SourceTable, index: int) -> bool:
    return any(index < len(cells) and cell_text(cells[index]) for _line, cells in table.rows)
