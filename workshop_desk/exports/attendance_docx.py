"""The attendance sheet (feuille d'émargement): one row per expected participant, one signature per half-day."""

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from copy import deepcopy
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.section import _Footer
from docx.shared import Emu, Pt
from docx.styles.style import CharacterStyle, ParagraphStyle
from docx.table import Table, _Cell

from workshop_desk.domain.attendance import EXPECTED, RosterEntry
from workshop_desk.domain.models import Participant, Programme, Sitting, StakeholderGroup
from workshop_desk.domain.people import fold
from workshop_desk.domain.privacy import notice
from workshop_desk.exports import docx_base as base
from workshop_desk.exports import docx_fields
from workshop_desk.i18n import Translator, translator

Translate = Translator  # the document's gettext, which knows its language
MIDDAY = dt.time(13, 0)  # French practice: a signature before 13:00 and one after
ROW_HEIGHT = 11.0  # mm: room for a signature
NOTICE_SIZE = 7.0  # points
_TC, _P = qn("w:tc"), qn("w:p")
LOGO_WIDTH, LOGO_HEIGHT = 40.0, 7.0  # mm at most: the client's logo in the header, within the top margin


class HalfDay(StrEnum):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    WHOLE = "whole"  # the times are unknown: one signature


def half_days(sitting: Sitting) -> tuple[HalfDay, ...]:
    """The half-days a sitting covers, each needing its own signature."""
    start, end = sitting.start_time, sitting.end_time
    morning = start < MIDDAY if start else bool(end and end <= MIDDAY)
    afternoon = end > MIDDAY if end else bool(start and start >= MIDDAY)
    found = (HalfDay.MORNING,) * morning + (HalfDay.AFTERNOON,) * afternoon
    return found or (HalfDay.WHOLE,)


def expected(roster: Sequence[RosterEntry]) -> list[RosterEntry]:
    """Who is expected (invited, registered or already present), by last then first name, accents ignored."""
    return by_name(entry for entry in roster if entry.attendance and entry.attendance.status in EXPECTED)


def by_name(entries: Iterable[RosterEntry]) -> list[RosterEntry]:
    """By last then first name, accents and case ignored (Émilie among the E)."""
    def key(entry: RosterEntry) -> tuple[str, str, int]:
        return fold(entry.participant.last_name), fold(entry.participant.first_name), entry.participant.id

    return sorted(entries, key=key)


def display_name(person: Participant, _: Translate) -> str:
    """'Last First', as sheets are ordered; a record whose data was purged says so."""
    return _("(anonymised)") if person.anonymised else person.sort_name


def group_names(groups: Sequence[StakeholderGroup]) -> dict[int | None, str]:
    return {group.id: group.name for group in groups}


@dataclass(frozen=True, slots=True)
class Styles:
    """The named styles of our documents (restyled at once in Word, unlike direct formatting)."""

    label: CharacterStyle
    heading: ParagraphStyle  # table header cells
    text: ParagraphStyle  # table cells
    figure: ParagraphStyle  # table cells holding a number
    small: ParagraphStyle  # the privacy notice


def add_styles(document: DocxDocument) -> Styles:
    label = document.styles.add_style("Field Label", WD_STYLE_TYPE.CHARACTER)
    assert isinstance(label, CharacterStyle)
    label.font.bold = True
    heading = base.add_paragraph_style(document, "Table Heading", 9, bold=True)
    text = base.add_paragraph_style(document, "Table Text", 9)
    figure = base.add_paragraph_style(document, "Table Figure", 9, base="Table Text")
    figure.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    small = base.add_paragraph_style(document, "Small Print", NOTICE_SIZE)
    small.paragraph_format.space_before, small.paragraph_format.space_after = Pt(3), Pt(2)
    base.set_colour(small, "#404040")
    for style in (heading, text, figure):  # the table style's cell margins already keep text off the borders
        style.paragraph_format.space_before = style.paragraph_format.space_after = Pt(2)
    return Styles(label, heading, text, figure, small)


def sitting_details(_: Translate, programme: Programme, sitting: Sitting, language: str) -> list[tuple[str, str]]:
    """The lines that identify a sitting on a document kept as proof (label, value)."""
    lines = [(_("Programme:"), programme.title), (_("Sitting:"), sitting.title),
             (_("Date:"), base.long_date(sitting.date, language)), (_("Times:"), base.times(sitting, language)),
             (_("Venue:"), sitting.venue), (_("Facilitators:"), sitting.facilitators)]
    return [(label, value) for label, value in lines if value.strip()]


def add_details(container: DocxDocument | _Cell, lines: list[tuple[str, str]], styles: Styles) -> None:
    """'Label: value' lines, the label (translated with its colon: 'Date :' in French) in the Field Label style."""
    for number, (label, value) in enumerate(lines):
        reuse = number == 0 and isinstance(container, _Cell)  # a new cell already holds an empty paragraph
        paragraph = container.paragraphs[0] if reuse else container.add_paragraph()
        paragraph.add_run(base.clean(f"{label} "), styles.label)
        base.write(paragraph, value)


def header_row(table: Table, labels: Sequence[str], styles: Styles) -> None:
    """The table's first row, repeated on every page, shaded light grey, kept with the first row under it."""
    row = table.add_row()
    base.repeat_as_header(row)
    base.keep_together(row)
    for cell, label in zip(row.cells, labels, strict=True):
        base.keep_with_next(base.fill(cell, label, styles.heading))
        base.shade(cell, "#E7E6E6")


def add_page_furniture(document: DocxDocument, _: Translate, header: str, small_print: str, styles: Styles,
                       logo: bytes | None = None) -> None:
    """On every page: what the document is in the header, with the client's `logo` at its right; small print and
    'page X of Y' in the footer (on a first page with a header of its own, a cover, the footer only)."""
    section = document.sections[0]
    paragraph = section.header.paragraphs[0]
    base.write(paragraph, header)
    logo = base.readable_picture(logo)
    if logo:
        text_width = Emu(section.page_width - section.left_margin - section.right_margin)  # type: ignore[operator]
        stops = paragraph.paragraph_format.tab_stops
        for stop in document.styles["Header"].paragraph_format.tab_stops:  # the template's, for Letter paper
            stops.add_tab_stop(stop.position, WD_TAB_ALIGNMENT.CLEAR)
        stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
        paragraph.add_run("\t")
        room = Emu(section.top_margin - section.header_distance).mm - 3.0  # type: ignore[operator]
        base.Pictures(document, section.header.part).add(paragraph, logo, LOGO_WIDTH, min(LOGO_HEIGHT, room))
    footers = [section.footer, section.first_page_footer] if section.different_first_page_header_footer else \
        [section.footer]
    for footer in footers:
        _footer(document, footer, _, small_print, styles)


def _footer(document: DocxDocument, footer: _Footer, _: Translate, small_print: str, styles: Styles) -> None:
    paragraph = footer.paragraphs[0]
    if small_print:
        base.set_style(paragraph, styles.small)
        base.write(paragraph, small_print)
        paragraph = footer.add_paragraph(style=document.styles["Footer"])
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    docx_fields.page_x_of_y(paragraph, _("Page {page} of {pages}"))


def footer_room(text: str, width: float) -> float:
    """Bottom margin (mm) that leaves room for `text` in small print above 'page X of Y'."""
    characters_per_line = width / (NOTICE_SIZE * 0.52 * 25.4 / 72)
    lines = math.ceil(len(text) / characters_per_line) + 1
    return 8.0 + lines * NOTICE_SIZE * 1.2 * 25.4 / 72 + 5.0


class _Sheet:
    """Builds the sheet of one sitting."""

    def __init__(self, _: Translate, programme: Programme, sitting: Sitting, groups: Sequence[StakeholderGroup],
                 language: str) -> None:
        self._ = _
        self.sitting, self.halves = sitting, half_days(sitting)
        self.small_print = notice(programme, _)
        landscape = len(self.halves) > 1  # two signature columns need the width
        width = base.PageSetup(landscape=landscape).text_width
        self.page = base.PageSetup(landscape=landscape, top=18.0, bottom=footer_room(self.small_print, width))
        self.document = base.sitting_document(language, _("Attendance sheet"), programme, sitting, self.page)
        self.styles = add_styles(self.document)
        self.groups = group_names(groups)
        self.programme, self.language = programme, language

    def widths(self) -> list[float]:
        """No., name, organisation, group, then the signatures."""
        signature = 42.0 if len(self.halves) == 1 else 48.0
        rest = self.page.text_width - 11.0 - signature * len(self.halves)
        return [11.0, rest * 0.36, rest * 0.38, rest * 0.26] + [signature] * len(self.halves)

    def labels(self) -> list[str]:
        _ = self._
        names = {HalfDay.MORNING: _("Signature (morning)"), HalfDay.AFTERNOON: _("Signature (afternoon)"),
                 HalfDay.WHOLE: _("Signature")}
        return [_("No."), _("Name"), _("Organisation"), _("Group")] + [names[half] for half in self.halves]

    def heading(self, count: int) -> None:
        _ = self._
        self.document.add_paragraph(_("Attendance sheet"), style="Title")
        boxes = [52.0] * len(self.halves)  # the facilitator signs each half-day too
        table = base.new_table(self.document, [self.page.text_width - sum(boxes), *boxes])
        row = table.add_row()
        base.set_height(row, 30.0)
        base.keep_together(row)
        details = sitting_details(_, self.programme, self.sitting, self.language)
        add_details(row.cells[0], [*details, (_("Expected participants:"), str(count))], self.styles)
        box_labels = {HalfDay.MORNING: _("Facilitator's signature (morning)"),
                      HalfDay.AFTERNOON: _("Facilitator's signature (afternoon)"),
                      HalfDay.WHOLE: _("Facilitator's signature")}
        for cell, half in zip(row.cells[1:], self.halves, strict=True):
            base.fill(cell, box_labels[half], self.styles.heading)
            base.set_borders(cell, ("top", "left", "bottom", "right"), "000000")
        self.document.add_paragraph()

    def participants(self, entries: Sequence[RosterEntry]) -> None:
        table = base.new_table(self.document, self.widths(), "Table Grid")
        header_row(table, self.labels(), self.styles)
        self._rows(table, ([str(number), display_name(entry.participant, self._), entry.participant.organisation,
                            self.groups.get(entry.participant.group_id, "")]
                           for number, entry in enumerate(entries, start=1)))

    def walk_ins(self, first_number: int) -> None:
        """A page of numbered blank rows for people who were not on the list."""
        _ = self._
        title = self.document.add_paragraph(_("Walk-ins"), style="Heading 1")
        title.paragraph_format.page_break_before = True
        self.document.add_paragraph(_("People who came without being on the list sign here."))
        table = base.new_table(self.document, self.widths(), "Table Grid")
        header_row(table, self.labels(), self.styles)
        room = self.page.height - self.page.top - self.page.bottom - 27.0  # title, sentence and header row
        self._rows(table, ([str(number), "", "", ""]
                           for number in range(first_number, first_number + int(room // (ROW_HEIGHT + 0.2)))))

    def _rows(self, table: Table, rows: Iterable[list[str]]) -> None:
        """Rows of a signature's height, never split, their last cells blank for the signatures: one made through
        python-docx, then copied with each row's texts (the object API cost 20 ms a row: seconds for 800)."""
        prototype = table.add_row()
        base.set_height(prototype, ROW_HEIGHT)
        base.keep_together(prototype)
        for cell in prototype.cells:
            base.fill(cell, "", self.styles.text)
        model, tbl = prototype._tr, table._tbl
        tbl.remove(model)
        for texts in rows:
            tr = deepcopy(model)
            for tc, text in zip(tr.iterchildren(_TC), texts, strict=False):
                if text:
                    base.append_text(tc.find(_P), text)
            tbl.append(tr)

    def save(self, path: Path) -> Path:
        _ = self._
        day = base.long_date(self.sitting.date, self.language)
        header = " · ".join(part for part in (self.programme.title, self.sitting.title, day) if part)
        add_page_furniture(self.document, _, header, self.small_print, self.styles, self.programme.logo)
        return base.save_atomically(self.document, path)


def write_attendance_sheet(path: Path, programme: Programme, sitting: Sitting, roster: Sequence[RosterEntry],
                           groups: Sequence[StakeholderGroup], language: str) -> Path:
    """Write the sitting's attendance sheet: the expected participants by name, then a page for walk-ins."""
    _ = translator(language)
    sheet = _Sheet(_, programme, sitting, groups, language)
    entries = expected(roster)
    sheet.heading(len(entries))
    sheet.participants(entries)
    sheet.walk_ins(len(entries) + 1)
    return sheet.save(path)
