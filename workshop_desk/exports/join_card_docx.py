"""The join card: one A4 page to post in the room or lay on the tables, with the Wi-Fi and join QR codes."""

from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.styles.style import ParagraphStyle
from docx.table import _Cell

from workshop_desk.domain.joining import STAY, STEPS, JoinCard
from workshop_desk.domain.models import Programme, Sitting
from workshop_desk.exports import docx_base as base
from workshop_desk.exports.badges_docx import qr_png
from workshop_desk.i18n import Translator, translator

Translate = Translator  # the document's gettext, which knows its language

PAGE = base.PageSetup(top=14.0, bottom=14.0, left=16.0, right=16.0)
QR_SIDES = (110.0, 82.0)  # mm, for one code or two side by side: read from a few metres away on a wall
LOGO = (50.0, 18.0)  # mm at most, wide and high


class _Styles:
    def __init__(self, document: DocxDocument) -> None:
        add = base.add_paragraph_style
        self.title = _centred(add(document, "Card Title", 30, bold=True), after=8)
        self.sitting = _centred(add(document, "Card Sitting", 16), after=2)
        self.when = _centred(add(document, "Card Date", 14), after=30)
        self.step = _centred(add(document, "Card Step", 20, bold=True), after=8)
        self.code = _centred(add(document, "Card Code", 11), after=8)
        self.line = _centred(add(document, "Card Line", 16), after=3)
        self.address = _centred(add(document, "Card Address", 20, bold=True), after=3)
        self.stay = _centred(add(document, "Card Last Step", 20, bold=True), after=8)
        self.stay.paragraph_format.space_before = Pt(36)
        self.note = _centred(add(document, "Card Note", 13), after=6)
        base.set_colour(self.note, "#404040")


def _centred(style: ParagraphStyle, after: float) -> ParagraphStyle:
    style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    style.paragraph_format.space_before, style.paragraph_format.space_after = Pt(0), Pt(after)
    return style


def write_join_card(out: Path, programme: Programme, sitting: Sitting, card: JoinCard, language: str) -> Path:
    """Write the card in `language`: the client's logo, what to do, the two codes, the address, stay connected."""
    _ = translator(language)
    document = base.sitting_document(language, _("Join from your phone"), programme, sitting, PAGE)
    styles = _Styles(document)
    _head(document, programme, sitting, styles, language, _)
    _codes(document, card, styles, _)
    base.add_paragraph(document, f"3. {_(STEPS[2])}", styles.stay)
    base.add_paragraph(document, _(STAY), styles.note)
    base.add_paragraph(document, _("What you send stays on the facilitator's computer: nothing goes through the "
                                   "internet."), styles.note)
    return base.save_atomically(document, out)


def _head(document: DocxDocument, programme: Programme, sitting: Sitting, styles: _Styles, language: str,
          _: Translate) -> None:
    logo = base.readable_picture(programme.logo)
    if logo:
        base.Pictures(document).add(base.add_paragraph(document, "", styles.sitting), logo, *LOGO)
    base.add_paragraph(document, _("Take part from your phone"), styles.title)
    base.add_paragraph(document, sitting.title, styles.sitting)
    when = (base.long_date(sitting.date, language), base.times(sitting, language).replace(" ", "\u00a0"))
    base.add_paragraph(document, " · ".join(part for part in when if part), styles.when)


def _codes(document: DocxDocument, card: JoinCard, styles: _Styles, _: Translate) -> None:
    """The Wi-Fi's code and the address's side by side (the address's alone when no network is named)."""
    columns = [(f"1. {_(STEPS[0])}", card.wifi_text, _network_lines(card, _), styles.line)] if card.wifi_text else []
    first = f"2. {_(STEPS[1])}" if columns else card.first_steps(_)
    columns.append((first, card.url, [card.short_url], styles.address))
    width = PAGE.text_width / len(columns)
    table = base.new_table(document, [width] * len(columns))
    row = table.add_row()
    base.keep_together(row)
    pictures = base.Pictures(document)
    side = QR_SIDES[len(columns) - 1]
    for cell, (step, code, lines, style) in zip(row.cells, columns, strict=True):
        _column(cell, (step, code, side), lines, style, styles, pictures)


def _network_lines(card: JoinCard, _: Translate) -> list[str]:
    lines = [_("Network: {name}").format(name=card.wifi_name)]
    if card.wifi_password:
        lines.append(_("Password: {password}").format(password=card.wifi_password))
    return lines


def _column(cell: _Cell, code: tuple[str, str, float], lines: list[str], style: ParagraphStyle, styles: _Styles,
            pictures: base.Pictures) -> None:
    """(step, the QR code's text, its side in mm), then the lines under the code."""
    step, text, side = code
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    base.fill(cell, step, styles.step)
    pictures.add(base.add_paragraph(cell, "", styles.code), qr_png(text), side)
    for line in lines:
        base.add_paragraph(cell, line, style)
