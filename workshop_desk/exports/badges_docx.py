"""The badge sheet: A4 pages of pre-cut badges with the name, organisation, group band and a QR code."""

import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import _Cell, _Row

from workshop_desk.domain.joining import qr_maker
from workshop_desk.domain.models import Participant, Programme, StakeholderGroup
from workshop_desk.exports import docx_base as base
from workshop_desk.i18n import translator

QR_BOX = 10  # pixels per module
PAD = 4.0  # mm between a badge's left edge and its text
SMALLEST_NAME, UNBROKEN_NAME = 10, 14  # points: a name shrinks to 14 pt on its lines before it may wrap
NAME_LINES = 3  # first and last name together, wrapped at spaces and hyphens
_BREAKS = re.compile(r"(?<=[\s-])")  # a line may break after a space or a hyphen
BORDER = "BFBFBF"  # light grey outline: a cutting guide on plain paper, barely visible on pre-cut stock
LOGO_HEIGHT = 0.4  # the client's logo under the QR code: at most this fraction of the code's side high


@dataclass(frozen=True, slots=True)
class BadgeStock:
    """The grid of an A4 sheet of pre-cut badges (mm): two columns of `rows` badges."""

    rows: int
    width: float
    height: float
    top: float
    left: float
    gap: float  # between the two columns
    band: float  # height of the coloured group band
    qr: float  # side of the QR code
    name_size: int  # largest name size, points

    @property
    def per_page(self) -> int:
        return 2 * self.rows

    @property
    def qr_column(self) -> float:
        return self.qr + 4.0

    @property
    def text_column(self) -> float:
        return self.width - self.qr_column

    @property
    def text_width(self) -> float:
        """Room for a line of text on the badge."""
        return self.text_column - PAD - 1.5

    def page(self) -> base.PageSetup:
        # Room for exactly `rows` badges and 2 mm more: enough for the 1 pt paragraph that ends the document,
        # too little for the band of the next badge, which must start the next page.
        bottom = base.A4_HEIGHT - self.top - self.rows * self.height - 2.0
        right = base.A4_WIDTH - self.left - 2 * self.width - self.gap
        return base.PageSetup(top=self.top, bottom=bottom, left=self.left, right=right, header=3.0, footer=3.0)


STOCKS: dict[int, BadgeStock] = {
    # 99.1 × 67.7 mm, 2 × 4: Avery L7165 and its equivalents (Herma 4625, Agipa 119015...).
    8: BadgeStock(rows=4, width=99.1, height=67.7, top=13.1, left=4.65, gap=2.5, band=11.0, qr=26.0, name_size=24),
    # 85 × 54 mm, 2 × 5: business-card stock that fits badge holders (Avery C32011 and equivalents).
    10: BadgeStock(rows=5, width=85.0, height=54.0, top=13.5, left=15.0, gap=10.0, band=9.0, qr=21.0, name_size=20),
}

# Arial Bold advance widths (thousandths of an em): enough to choose a size without the font file.
_WIDTHS = {
    **dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", (722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833,
                                             722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611),
               strict=True)),
    **dict(zip("abcdefghijklmnopqrstuvwxyz", (556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889,
                                             611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500),
               strict=True)),
    **dict.fromkeys("0123456789", 556),
    " ": 278, "-": 333, "'": 238, "’": 278, ".": 278, ",": 278, "(": 333, ")": 333, "&": 722, "/": 278,
    "Œ": 1000, "œ": 944, "Æ": 1000, "æ": 889, "ß": 611,
}


def _char_width(char: str) -> int:
    if char in _WIDTHS:
        return _WIDTHS[char]
    if unicodedata.combining(char):
        return 0
    letter = unicodedata.normalize("NFKD", char)[:1]  # 'é' is as wide as 'e'
    if letter in _WIDTHS:
        return _WIDTHS[letter]
    return 1000 if unicodedata.east_asian_width(char) in ("W", "F") else 700  # emoji, CJK: a full em


def text_width(text: str, size: float) -> float:
    """Estimated width in mm of `text` set in bold Arial at `size` points."""
    return sum(_char_width(char) for char in text) / 1000 * size * 25.4 / 72


def fitting_size(lines: Sequence[str], room: float, sizes: Sequence[int]) -> int:
    """The largest of `sizes` at which every line fits in `room` mm (the smallest if none does)."""
    for size in sizes:
        if all(text_width(line, size) <= room * 0.95 for line in lines):
            return size
    return sizes[-1]


def line_count(text: str, size: float, room: float) -> int | None:
    """How many lines `text` takes at `size` points in `room` mm, wrapped after spaces and hyphens
    (None when one word alone is too wide)."""
    lines, used = 1, 0.0
    for word in _BREAKS.split(text):
        width, trailing = text_width(word.rstrip(), size), text_width(word, size)
        if width > room:
            return None
        if used and used + width > room:
            lines, used = lines + 1, 0.0
        used += trailing
    return lines


def name_size(lines: Sequence[str], room: float, largest: int) -> int:
    """The size of a badge's name: the largest that keeps each line whole down to UNBROKEN_NAME points,
    else the largest at which the lines wrap into NAME_LINES lines at most."""
    room *= 0.95  # the estimate is not the font's exact metrics
    sizes = range(largest, SMALLEST_NAME - 1, -1)
    for size in (size for size in sizes if size >= UNBROKEN_NAME):
        if all(line_count(line, size, room) == 1 for line in lines):
            return size
    for size in sizes:
        counts = [line_count(line, size, room) for line in lines]
        if None not in counts and sum(count or 0 for count in counts) <= NAME_LINES:
            return size
    return SMALLEST_NAME


def qr_png(code: str) -> bytes:
    """`code` as a QR code (PNG, black on white, one bit per pixel): a badge's, a join card's."""
    stream = io.BytesIO()
    qr_maker(code, QR_BOX).make_image().save(stream, format="PNG")
    return stream.getvalue()


def _is_light(colour: str) -> bool:
    """Whether black text reads better than white on `colour` ('#RRGGBB')."""
    red, green, blue = (int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue > 0.6


@dataclass(frozen=True, slots=True)
class _Styles:
    band_light: ParagraphStyle  # white text, on a dark band
    band_dark: ParagraphStyle  # black text, on a light band
    name: ParagraphStyle
    organisation: ParagraphStyle
    role: ParagraphStyle
    code: ParagraphStyle
    picture: ParagraphStyle
    tiny: ParagraphStyle


def _styles(document: DocxDocument, stock: BadgeStock) -> _Styles:
    add = base.add_paragraph_style
    band_light, band_dark = add(document, "Badge Band", 10, bold=True), add(document, "Badge Band Dark", 10, bold=True)
    base.set_colour(band_light, "#FFFFFF")
    base.set_colour(band_dark, "#000000")
    name = add(document, "Badge Name", stock.name_size, bold=True)
    organisation, role = add(document, "Badge Organisation", 10), add(document, "Badge Role", 8.5)
    role.font.italic = True
    base.set_colour(role, "#404040")
    code, picture, tiny = add(document, "Badge Code", 7), add(document, "Badge Picture", 7), add(document, "Tiny", 1)
    code.font.name = "Courier New"  # a fixed-width code is easier to copy by hand
    for style in (band_light, band_dark, name, organisation, role):
        style.paragraph_format.left_indent, style.paragraph_format.right_indent = Mm(PAD), Mm(1.5)
    for style in (code, picture):
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for style in (band_light, band_dark):
        style.font.all_caps = True
    name.paragraph_format.line_spacing = organisation.paragraph_format.line_spacing = 1.0
    organisation.paragraph_format.space_before = Pt(4)
    role.paragraph_format.space_before = Pt(2)
    return _Styles(band_light, band_dark, name, organisation, role, code, picture, tiny)


class _Sheet:
    """Writes badges two by two into one table whose rows are exactly the stock's badges."""

    def __init__(self, document: DocxDocument, stock: BadgeStock, groups: list[StakeholderGroup],
                 logo: bytes | None) -> None:
        self._document, self._stock, self._logo = document, stock, base.readable_picture(logo)
        self._styles = _styles(document, stock)
        self._groups = {group.id: group for group in groups}
        self._pictures = base.Pictures(document)
        columns = (stock.text_column, stock.qr_column)
        self.table = base.new_table(document, (*columns, stock.gap, *columns))
        base.no_cell_margins(self.table)

    def add_pair(self, pair: Sequence[Participant]) -> None:
        band, body = self._row(self._stock.band), self._row(self._stock.height - self._stock.band)
        band_cells, body_cells = band.cells, body.cells
        bands = (base.span(band_cells[0:2]), base.span(band_cells[3:5]))  # a band is one cell, over text and QR
        for slot, person in enumerate(pair):
            first = 3 * slot  # columns: text, QR, gap, text, QR
            self._band(bands[slot], person)
            self._body(body_cells[first], person)
            self._qr(body_cells[first + 1], person)

    def _row(self, height: float) -> _Row:
        row = self.table.add_row()
        base.set_height(row, height, exact=True)
        base.keep_together(row)
        return row

    def _band(self, cell: _Cell, person: Participant) -> None:
        group = self._groups.get(person.group_id) if person.group_id is not None else None
        colour = group.colour if group else "#FFFFFF"
        style = self._styles.band_dark if _is_light(colour) else self._styles.band_light
        base.set_borders(cell, ("top", "left", "right"), BORDER)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        if group:
            base.shade(cell, colour)
        name = group.name if group else ""
        room = self._stock.width - PAD - 1.5
        size = fitting_size([name.upper()], room, range(10, 6, -1))  # the band is one line
        base.write(base.fill(cell, "", style), name, size)

    def _body(self, cell: _Cell, person: Participant) -> None:
        base.set_borders(cell, ("bottom", "left"), BORDER)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        lines = [line for line in (person.first_name, person.last_name) if line.strip()]
        size = name_size(lines, self._stock.text_width, self._stock.name_size)
        paragraph = cell.paragraphs[0]
        for number, line in enumerate(lines):
            paragraph = paragraph if number == 0 else cell.add_paragraph()
            base.set_style(paragraph, self._styles.name)
            base.write(paragraph, line, size)
        if person.organisation.strip():
            fits = text_width(person.organisation, 10) <= 2 * self._stock.text_width * 0.9
            organisation = base.add_paragraph(cell, "", self._styles.organisation)
            base.write(organisation, person.organisation, None if fits else 8)
        if person.role.strip():
            base.add_paragraph(cell, person.role, self._styles.role)

    def _qr(self, cell: _Cell, person: Participant) -> None:
        base.set_borders(cell, ("bottom", "right"), BORDER)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        picture = base.fill(cell, "", self._styles.picture)
        self._pictures.add(picture, qr_png(person.badge_code), self._stock.qr)
        base.add_paragraph(cell, person.badge_code, self._styles.code)
        if self._logo:  # the client's logo under the code, as wide as the code at most
            logo = base.add_paragraph(cell, "", self._styles.picture)
            logo.paragraph_format.space_before = Pt(4)
            self._pictures.add(logo, self._logo, self._stock.qr, self._stock.qr * LOGO_HEIGHT)

    def end(self) -> None:
        """The paragraph Word needs after a table, 1 pt high so that it never spills onto a new page."""
        base.add_paragraph(self._document, "", self._styles.tiny)


def write_badges(path: Path, participants: Sequence[Participant], groups: list[StakeholderGroup], language: str,
                 per_page: int = 8, programme: Programme | None = None) -> Path:
    """Write the badges of `participants` (in the order given), `per_page` (8 or 10) to an A4 sheet; with the
    `programme`'s title in the file's properties and its client's logo on each badge."""
    _ = translator(language)
    stock = stock_for(per_page)
    title = f"{_('Badges')} — {programme.title}" if programme else _("Badges")
    document = base.new_document(language, title, stock.page(), subject=programme.title if programme else "",
                                 author=programme.client if programme else "")
    sheet = _Sheet(document, stock, groups, programme.logo if programme else None)
    for first in range(0, len(participants), 2):
        sheet.add_pair(participants[first:first + 2])
    sheet.end()
    if not participants:
        document.add_paragraph(_("No participant to print a badge for."))
    return base.save_atomically(document, path)


def stock_for(per_page: int) -> BadgeStock:
    """The stock that prints `per_page` badges (8 or 10) on an A4 sheet."""
    if per_page not in STOCKS:
        raise ValueError(f"badges come 8 or 10 per page, not {per_page}")
    return STOCKS[per_page]
