"""Shared python-docx helpers: A4 documents with our styles, page-number fields, tables, pictures, atomic save."""

import datetime as dt
import os
import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.image.image import Image
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.shape import CT_Inline
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.image import ImagePart
from docx.shared import Emu, Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from workshop_desk import i18n
from workshop_desk.domain.models import Sitting
from workshop_desk.i18n import LANGUAGES

# Arial: Word and LibreOffice (through its metric twin, Liberation Sans) then break lines at the same places.
FONT = "Arial"
A4_WIDTH, A4_HEIGHT = 210.0, 297.0  # mm
LOCALES = {"fr": "fr-FR", "en": "en-GB"}
# Characters that XML 1.0 cannot hold (python-docx would raise on them): control characters, lone surrogates.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


@dataclass(frozen=True, slots=True)
class PageSetup:
    """An A4 page; margins and header/footer distances in millimetres."""

    landscape: bool = False
    top: float = 15.0
    bottom: float = 15.0
    left: float = 15.0
    right: float = 15.0
    header: float = 8.0
    footer: float = 8.0

    @property
    def width(self) -> float:
        return A4_HEIGHT if self.landscape else A4_WIDTH

    @property
    def height(self) -> float:
        return A4_WIDTH if self.landscape else A4_HEIGHT

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right


def language_of(language: str) -> str:
    """A language the documents are written in ('fr' or 'en'; anything else falls back to English)."""
    return language if language in LANGUAGES else "en"


def new_document(language: str, title: str, page: PageSetup) -> DocxDocument:
    """An empty A4 document with our fonts, spacing, proofing language and page setup."""
    document = Document()
    _set_page(document, page)
    _set_defaults(document, LOCALES[language_of(language)])
    document.core_properties.title = clean(title)
    document.core_properties.language = LOCALES[language_of(language)]
    document.core_properties.author = "Workshop Desk"
    return document


def _set_page(document: DocxDocument, page: PageSetup) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if page.landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(page.width), Mm(page.height)
    section.top_margin, section.bottom_margin = Mm(page.top), Mm(page.bottom)
    section.left_margin, section.right_margin = Mm(page.left), Mm(page.right)
    section.header_distance, section.footer_distance = Mm(page.header), Mm(page.footer)
    section.gutter = Mm(0)


def _set_defaults(document: DocxDocument, locale: str) -> None:
    """Arial everywhere (no theme fonts), 10 pt single-spaced body text, the proofing language."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = run_defaults.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        run_defaults.append(lang)
    lang.set(qn("w:val"), locale)
    _use_font(run_defaults)
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Header", "Footer"):
        _use_font(document.styles[name].element.get_or_add_rPr())
    normal = document.styles["Normal"]
    normal.font.size = Pt(10)
    normal.paragraph_format.space_before, normal.paragraph_format.space_after = Pt(0), Pt(3)
    normal.paragraph_format.line_spacing = 1.0
    for name in ("Header", "Footer"):  # running heads: small and grey, on one line where they can
        document.styles[name].font.size = Pt(8)
        document.styles[name].font.color.rgb = RGBColor(0x40, 0x40, 0x40)
    for name, size in (("Title", 20), ("Heading 1", 14), ("Heading 2", 12)):
        document.styles[name].font.size = Pt(size)
        document.styles[name].paragraph_format.space_before = Pt(10 if name != "Title" else 0)
        document.styles[name].paragraph_format.space_after = Pt(6)


def _use_font(run_properties: BaseOxmlElement) -> None:
    fonts = run_properties.get_or_add_rFonts()  # type: ignore[attr-defined]
    for attribute in _THEME_FONTS:  # a theme font would win over the named one
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)


def add_paragraph_style(document: DocxDocument, name: str, size: float, bold: bool = False,
                        base: str = "Normal") -> ParagraphStyle:
    """A named paragraph style (so a user can restyle every badge name at once in Word)."""
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = document.styles[base]
    style.quick_style = True
    style.font.size, style.font.bold = Pt(size), bold
    style.paragraph_format.space_before, style.paragraph_format.space_after = Pt(0), Pt(0)
    return style


def set_colour(style: ParagraphStyle, colour: str) -> None:
    style.font.color.rgb = RGBColor.from_string(colour.lstrip("#").upper())


def clean(text: str) -> str:
    """`text` without the characters a .docx cannot hold (accents and emoji are kept)."""
    return _NOT_XML.sub("", text)


def write(paragraph: Paragraph, text: str, size: float | None = None) -> Run:
    """Append `text` to `paragraph` in one run (a size only where the content decides it)."""
    run = paragraph.add_run(clean(text))
    if size is not None:
        run.font.size = Pt(size)
    return run


def set_style(paragraph: Paragraph, style: ParagraphStyle) -> Paragraph:
    """Apply `style` by its id: python-docx's `paragraph.style = ` scans every style of the document to find
    the default one, each time (8 of the 10 seconds of an 800-row sheet)."""
    paragraph._p.style = style.style_id
    return paragraph


def add_paragraph(container: DocxDocument | _Cell, text: str, style: ParagraphStyle) -> Paragraph:
    """A new paragraph holding `text`, in `style`."""
    return set_style(container.add_paragraph(clean(text)), style)


def fill(cell: _Cell, text: str, style: ParagraphStyle) -> Paragraph:
    """Put `text` in the cell's (first, empty) paragraph, in `style`."""
    paragraph = set_style(cell.paragraphs[0], style)
    if text:
        write(paragraph, text)
    return paragraph


# --- Fields ----------------------------------------------------------------------------------------

def add_field(paragraph: Paragraph, instruction: str, shown: str = "1") -> None:
    """A Word field (PAGE, NUMPAGES...) with `shown` as its text until Word or LibreOffice updates it."""
    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    char("separate")
    paragraph.add_run(shown)
    char("end")


def page_x_of_y(paragraph: Paragraph, template: str) -> None:
    """Write a translated 'Page {page} of {pages}' with the two placeholders as live fields."""
    for part in re.split(r"(\{page\}|\{pages\})", template):
        if part == "{page}":
            add_field(paragraph, "PAGE")
        elif part == "{pages}":
            add_field(paragraph, "NUMPAGES")
        elif part:
            paragraph.add_run(part)


# --- Tables ----------------------------------------------------------------------------------------

# The order of the property elements we set, as the schema requires it (Word refuses a file that mixes them).
_ORDER = {
    "w:tblPr": ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
                "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd",
                "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange"),
    "w:trPr": ("w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter", "w:cantSplit",
               "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange"),
    "w:tcPr": ("w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap",
               "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark", "w:headers", "w:cellIns",
               "w:cellDel", "w:cellMerge", "w:tcPrChange"),
}


def _put(parent: BaseOxmlElement, child: BaseOxmlElement) -> None:
    """Set `child` in `parent`, replacing one of the same tag, at the place the schema orders it."""
    tags: Sequence[str] = next(order for tag, order in _ORDER.items() if qn(tag) == parent.tag)
    tag = next(t for t in tags if qn(t) == child.tag)
    for old in parent.findall(child.tag):
        parent.remove(old)
    parent.insert_element_before(child, *tags[tags.index(tag) + 1:])


def _element(tag: str, **attributes: str) -> BaseOxmlElement:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def new_table(container: DocxDocument | _Cell, widths: Sequence[float], style: str | None = None) -> Table:
    """A fixed-layout table with columns of exact widths (mm) and no row yet: add rows with `add_row()`,
    which copies those widths into each new cell (never `table.cell(r, c)`: it is quadratic)."""
    table = container.add_table(rows=0, cols=len(widths))
    if style:
        table.style = style
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
    total = str(round(Mm(sum(widths)).twips))
    _put(table._tbl.tblPr, _element("w:tblW", w=total, type="dxa"))
    return table


def no_cell_margins(table: Table) -> None:
    """Text starts exactly at the cell's edge (padding then comes from paragraph indents), so that the
    table edge sits exactly on the page margin whatever Word's compatibility mode."""
    margins = _element("w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        margins.append(_element(f"w:{side}", w="0", type="dxa"))
    _put(table._tbl.tblPr, _element("w:tblInd", w="0", type="dxa"))
    _put(table._tbl.tblPr, margins)


def repeat_as_header(row: _Row) -> None:
    """Repeat this (first) row at the top of every page the table runs onto."""
    _put(row._tr.get_or_add_trPr(), _element("w:tblHeader"))


def keep_together(row: _Row) -> None:
    """Never split this row across two pages."""
    _put(row._tr.get_or_add_trPr(), _element("w:cantSplit"))


def set_height(row: _Row, height: float, exact: bool = False) -> None:
    """Row height in mm: exact (badges) or at least (signature boxes that long names may enlarge)."""
    row.height = Mm(height)
    row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY if exact else WD_ROW_HEIGHT_RULE.AT_LEAST


def span(cells: Sequence[_Cell]) -> _Cell:
    """Make neighbouring cells of one row a single cell (python-docx's `merge` looks the row up among all
    the table's rows, which is quadratic over a long table)."""
    first = cells[0]._tc
    first.width = Emu(sum(cell.width or 0 for cell in cells))
    first.grid_span = len(cells)
    for cell in cells[1:]:
        cell._tc.getparent().remove(cell._tc)
    return cells[0]


def shade(cell: _Cell, colour: str) -> None:
    """Fill the cell with `colour` ('#RRGGBB')."""
    fill_colour = colour.lstrip("#").upper()
    _put(cell._tc.get_or_add_tcPr(), _element("w:shd", val="clear", color="auto", fill=fill_colour))


def set_borders(cell: _Cell, sides: Iterable[str], colour: str = "BFBFBF", eighths: int = 4,
                style: str = "single") -> None:
    """Draw the given sides ('top', 'left', 'bottom', 'right') of a cell; `eighths` of a point wide."""
    borders = _element("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        if side in sides:
            borders.append(_element(f"w:{side}", val=style, sz=str(eighths), space="0", color=colour))
        else:
            borders.append(_element(f"w:{side}", val="nil"))
    _put(cell._tc.get_or_add_tcPr(), borders)


# --- Pictures --------------------------------------------------------------------------------------

class Pictures:
    """Adds pictures in linear time: python-docx's `add_picture` rescans every image part and every id
    of the document for each new picture, which makes 800 badges quadratic (cubic for the names)."""

    def __init__(self, document: DocxDocument) -> None:
        self._part = document.part
        ids = [int(v) for v in self._part.element.xpath("//@id") if str(v).isdigit()]
        self._next_id = max(ids, default=0) + 1
        self._count = 0

    def add(self, paragraph: Paragraph, png: bytes, width: float) -> None:
        """Append the picture to `paragraph`, `width` mm wide (height in proportion)."""
        image = Image.from_blob(png)
        self._count += 1
        part = ImagePart.from_image(image, PackURI(f"/word/media/picture{self._count}.{image.ext}"))
        relation = self._part.relate_to(part, RELATIONSHIP_TYPE.IMAGE)
        cx, cy = image.scaled_dimensions(Mm(width), None)
        inline = CT_Inline.new_pic_inline(self._next_id, relation, f"picture{self._count}.{image.ext}", cx, cy)
        self._next_id += 1
        paragraph.add_run()._r.add_drawing(inline)


# --- Words and numbers -----------------------------------------------------------------------------

def long_date(value: dt.date | None, language: str) -> str:
    """'mardi 26 janvier 2027' / 'Tuesday 26 January 2027' (empty when there is no date)."""
    return i18n.long_date(value, language) if value else ""


def times(sitting: Sitting, language: str) -> str:
    """'14 h 00 – 16 h 30' / '14:00 – 16:30', or the one time known."""
    known = [i18n.clock(value, language) for value in (sitting.start_time, sitting.end_time) if value]
    return " – ".join(known)


# --- Saving ----------------------------------------------------------------------------------------

def save_atomically(document: DocxDocument, path: Path) -> Path:
    """Write the document next to `path` under a temporary name, then rename it over `path`: a crash or a
    full disk never leaves half a document (nor destroys the previous one)."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    # os.open with 0o666, unlike mkstemp's 0o600, lets the user's umask decide who may read the file.
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(handle, "wb") as stream:
            document.save(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return path
