"""A sitting's seating plan on paper: table lists (per round, then a page per table to post) and route cards."""

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell

from workshop_desk.domain.models import Participant, Programme, Sitting, StakeholderGroup
from workshop_desk.domain.people import fold
from workshop_desk.domain.table_plan import RoomTable, SittingPlan
from workshop_desk.exports import docx_base as base
from workshop_desk.exports.attendance_docx import Translate, add_page_furniture, add_styles, display_name, group_names
from workshop_desk.exports.badges_docx import line_count, name_size, text_width
from workshop_desk.i18n import translator

PT = 25.4 / 72  # millimetres in a point
LINE = 1.15  # Arial's single line spacing, in ems: what Word and LibreOffice give a line
REGULAR = 0.92  # Arial regular is about this much narrower than the bold that `text_width` measures
GREY, BORDER, HEAD = "#595959", "BFBFBF", "#E7E6E6"
# Overview layouts, best first: (table blocks side by side, points). One block a row at 10 pt keeps each
# person on one line; then two blocks a row, the type shrinking until a round fits on one page.
OVERVIEW_LAYOUTS = ((1, 10), (2, 10), (2, 9), (2, 8), (2, 7))
OVERVIEW_GAP = 6.0  # mm between the two table blocks of a band
CELL_MARGINS = 3.8  # mm: Word's default cell margins, left and right together
HEADING_1 = (10 + 14 * LINE + 6) * PT  # mm a round's heading takes: space before, line, space after
POSTER_TABLE_SIZES = tuple(range(96, 29, -6))  # the table's name, as large as two lines allow
POSTER_PERSON_SIZES = (26, 24, 22, 20, 18, 16, 14, 12, 11, 10)
CARD_ROWS = {4: 2, 6: 3, 8: 4, 10: 5}  # cards per page → rows of two cards
CARD_MARGIN, CARD_PAD = 10.0, 4.0  # mm: around the grid on the page; inside a card, before its text
ROUND_SIZES = (11, 10, 9, 8, 7)
CUT = "808080"  # dashed cut lines between cards
CARD_LOGO = (22.0, 6.0)  # mm at most, wide and high: the client's logo at the top right of a card
Entry = tuple[str, str, str]  # a person in the overview: name (and role), organisation, group


# --- Measures and plan reading ----------------------------------------------------------------------

def height(size: float, lines: int = 1) -> float:
    """Height in mm of `lines` lines of text at `size` points."""
    return lines * size * LINE * PT


def lines_of(text: str, size: float, width: float, bold: bool = True) -> int:
    """Estimated lines `text` takes at `size` points in `width` mm (Word breaks a word too long for a line)."""
    room = width * 0.95 / (1.0 if bold else REGULAR)  # 0.95: the estimate is not the font's exact metrics
    return line_count(text, size, room) or math.ceil(text_width(text, size) / room)


def by_name(people: Iterable[Participant]) -> list[Participant]:
    """By last then first name, accents and case ignored (Émilie among the E)."""
    return sorted(people, key=lambda person: (fold(person.last_name), fold(person.first_name), person.id))


def seated(plan: SittingPlan, people: Mapping[int, Participant], round_index: int,
           table: RoomTable) -> list[Participant]:
    """Who sits at `table` in a round, by name (an id missing from `people` is left out)."""
    return by_name(people[p] for p in plan.plan.rounds[round_index].get(table.id, ()) if p in people)


def table_label(table: RoomTable) -> str:
    """'Table 2 — Santé', or the name alone when the table has no theme."""
    return f"{table.name} — {table.theme.strip()}" if table.theme.strip() else table.name


def roles(table: RoomTable, person: Participant, _: Translate) -> str:
    """'(host)', '(rapporteur)', both, or nothing: the person's role at this table."""
    found = [label for holder, label in ((table.host_id, _("host")), (table.rapporteur_id, _("rapporteur")))
             if holder == person.id]
    return f"({', '.join(found)})" if found else ""


# --- Table lists ------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _ListStyles:
    cell: ParagraphStyle  # a block's cells in the overview
    block: ParagraphStyle  # a block's title: the table's name and theme
    note: ParagraphStyle
    poster_round: ParagraphStyle
    poster_table: ParagraphStyle
    poster_theme: ParagraphStyle
    poster_name: ParagraphStyle
    poster_detail: ParagraphStyle


def _list_styles(document: DocxDocument) -> _ListStyles:
    add = base.add_paragraph_style
    cell, block, note = add(document, "Block Text", 9), add(document, "Block Title", 11, True), add(document, "Note", 8)
    cell.paragraph_format.space_before = cell.paragraph_format.space_after = Pt(1)
    block.paragraph_format.space_before = block.paragraph_format.space_after = Pt(2)
    block.paragraph_format.keep_with_next = True  # a block's title stays with its first people
    note.paragraph_format.space_after = Pt(2)
    posters = [add(document, name, size, bold) for name, size, bold in (
        ("Poster Round", 28, True), ("Poster Table", 72, True), ("Poster Theme", 26, False),
        ("Poster Name", 20, True), ("Poster Detail", 12, False))]
    for style in posters:
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    posters[2].font.italic = True
    posters[0].paragraph_format.space_after, posters[2].paragraph_format.space_after = Pt(12), Pt(24)
    posters[3].paragraph_format.space_before = Pt(8)
    for style in (note, posters[0], posters[4]):
        base.set_colour(style, GREY)
    return _ListStyles(cell, block, note, *posters)


def _block_widths(block: float, groups: Iterable[str], size: int) -> list[float]:
    """Name, organisation and group columns of a table block at `size` points: the group's as wide as its
    longest name where there is room, else as its longest word (so that "Entreprises" never breaks)."""
    names = [name for name in groups if name.strip()]
    whole = max((text_width(name, size) * REGULAR for name in names), default=0.0) + CELL_MARGINS + 1.0
    word = max((text_width(word, size) for name in names for word in name.split()), default=0.0) + CELL_MARGINS + 1.0
    group = whole if whole <= block * 0.3 else min(max(word, 12.0), block * 0.35)
    return [(block - group) * 0.45, (block - group) * 0.55, group]


class _Lists:
    """Builds the table lists: one overview page per round, then one poster page per table and round."""

    def __init__(self, _: Translate, programme: Programme, sitting: Sitting, plan: SittingPlan,
                 people: Mapping[int, Participant], groups: Sequence[StakeholderGroup], language: str) -> None:
        self._, self.sitting, self.plan, self.people, self.language = _, sitting, plan, people, language
        self.groups = group_names(groups)
        self.page = base.PageSetup(top=18.0, bottom=18.0)
        self.room = self.page.height - self.page.top - self.page.bottom - 6.0  # the footer's line
        self.document = base.sitting_document(language, _("Table lists"), programme, sitting, self.page)
        self.styles, self.own = add_styles(self.document), _list_styles(self.document)
        self.rounds, self.across = len(plan.plan.rounds), 2  # table blocks side by side in the overview

    def entries(self, round_index: int, table: RoomTable) -> list[Entry]:
        """(name and role, organisation, group) of each person at the table, by name; '—' when nobody is."""
        _ = self._
        people = seated(self.plan, self.people, round_index, table)
        return [(f"{display_name(p, _)} {roles(table, p, _)}".strip(), p.organisation, self.groups.get(p.group_id, ""))
                for p in people] or [("—", "", "")]

    def round_title(self, round_index: int) -> str:
        return self._("Round {number} of {count}").format(number=round_index + 1, count=self.rounds)

    def heading(self) -> float:
        """The title, the sitting and what the document holds; returns the height (mm) it takes."""
        _, width = self._, self.page.text_width
        self.document.add_paragraph(_("Table lists"), style="Title")
        when = " · ".join(part for part in (self.sitting.title, base.long_date(self.sitting.date, self.language),
                                            base.times(self.sitting, self.language), self.sitting.venue)
                         if part.strip())
        self.document.add_paragraph(base.clean(when))
        note = _("First, one page per round with every table, for the facilitators and the hosts. Then one page "
                 "per table and round, in large type, to post on the table.")
        base.add_paragraph(self.document, note, self.own.note)
        return height(20) + 8.0 + height(10, lines_of(when, 10, width, False)) + 3 * PT + \
            height(8, lines_of(note, 8, width, False)) + 2 * PT

    # The overview: one table per round; a band of rows per one or two room tables, side by side.

    def pairs(self) -> list[Sequence[RoomTable]]:
        tables, across = self.plan.tables, self.across
        return [tables[first:first + across] for first in range(0, len(tables), across)]

    def overview(self, round_index: int, size: int, widths: list[float]) -> None:
        title = self.document.add_paragraph(self.round_title(round_index), style="Heading 1")
        title.paragraph_format.page_break_before = round_index > 0
        table = base.new_table(self.document, widths if self.across == 1 else [*widths, OVERVIEW_GAP, *widths])
        for pair in self.pairs():
            self._band(table, pair, [self.entries(round_index, t) for t in pair], size)

    def _band(self, table: Table, pair: Sequence[RoomTable], blocks: list[list[Entry]], size: int) -> None:
        head = table.add_row()
        base.keep_together(head)
        cells = head.cells
        for slot, room_table in enumerate(pair):
            cell = base.span(cells[4 * slot:4 * slot + 3])
            base.write(base.fill(cell, "", self.own.block), table_label(room_table), size + 2)
            base.shade(cell, HEAD)
            base.set_borders(cell, ("top", "left", "bottom", "right"), BORDER)
        for index in range(max(len(block) for block in blocks)):
            row = table.add_row()
            base.keep_together(row)
            cells = row.cells
            for slot, block in enumerate(blocks):
                for column, text in enumerate(block[index] if index < len(block) else ()):
                    cell = cells[4 * slot + column]
                    base.write(base.fill(cell, "", self.own.cell), text, size)
                    base.set_borders(cell, ("top", "left", "bottom", "right"), BORDER)
        space = table.add_row()  # white space before the next band
        base.set_height(space, 4.0, exact=True)
        base.keep_together(space)

    def overview_layout(self, room: float) -> tuple[int, list[float]]:
        """The first layout at which every round's overview fits in `room` mm: its size and column widths."""
        for across, size in OVERVIEW_LAYOUTS:
            self.across = across
            block = (self.page.text_width - OVERVIEW_GAP * (across - 1)) / across
            widths = _block_widths(block, self.groups.values(), size)
            if all(self._overview_height(index, size, widths) <= room for index in range(self.rounds)):
                break
        return size, widths

    def _overview_height(self, round_index: int, size: int, widths: list[float]) -> float:
        total, cells = 0.0, [width - CELL_MARGINS for width in widths]
        for pair in self.pairs():
            titles = max(lines_of(table_label(t), size + 2, sum(widths) - CELL_MARGINS) for t in pair)
            total += height(size + 2, titles) + 4 * PT + 4.0  # its padding; the white space after the band
            blocks = [self.entries(round_index, t) for t in pair]
            for index in range(max(len(block) for block in blocks)):
                lines = [lines_of(text, size, width, False) for block in blocks if index < len(block)
                         for text, width in zip(block[index], cells, strict=True)]
                total += height(size, max(lines)) + 2 * PT
        return total

    # The posters: one page per table and round, to post on the table.

    def poster(self, round_index: int, table: RoomTable) -> None:
        people, width = seated(self.plan, self.people, round_index, table), self.page.text_width
        first = base.add_paragraph(self.document, self.round_title(round_index), self.own.poster_round)
        first.paragraph_format.page_break_before = True
        size = _fitting(table.name, POSTER_TABLE_SIZES, width, 2)
        base.write(base.add_paragraph(self.document, "", self.own.poster_table), table.name, size)
        used = height(28) + 12 * PT + height(size, lines_of(table.name, size, width))
        if table.theme.strip():
            size = _fitting(table.theme, (26, 22, 18, 16), width, 2)
            base.write(base.add_paragraph(self.document, "", self.own.poster_theme), table.theme.strip(), size)
            used += height(size, lines_of(table.theme, size, width, False)) + 24 * PT
        size = self._person_size(people, table, self.room - used)
        for person in people:
            self._person(person, table, size)

    def _person(self, person: Participant, table: RoomTable, size: int) -> None:
        paragraph = base.add_paragraph(self.document, "", self.own.poster_name)
        base.write(paragraph, display_name(person, self._), size)
        role = roles(table, person, self._)
        if role:
            base.write(paragraph, f" {role}", round(size * 0.6)).italic = True
        if self._detail(person):
            base.write(base.add_paragraph(self.document, "", self.own.poster_detail), self._detail(person),
                       _detail_size(size))

    def _detail(self, person: Participant) -> str:
        return " · ".join(part for part in (person.organisation.strip(), self.groups.get(person.group_id, "")) if part)

    def _person_size(self, people: Sequence[Participant], table: RoomTable, room: float) -> int:
        """The largest name size at which the table's people fit below its name."""
        width = self.page.text_width
        for size in POSTER_PERSON_SIZES:
            small = _detail_size(size)
            need = sum(8 * PT + height(size, lines_of(f"{display_name(p, self._)} {roles(table, p, self._)}", size,
                                                      width)) + height(small, lines_of(self._detail(p), small, width))
                       for p in people)
            if need <= room:
                return size
        return POSTER_PERSON_SIZES[-1]


def _detail_size(name_size: int) -> int:
    return max(9, round(name_size * 0.55))


def _fitting(text: str, sizes: Sequence[int], width: float, most_lines: int) -> int:
    """The largest of `sizes` at which `text` takes at most `most_lines` lines `width` mm wide."""
    return next((size for size in sizes if lines_of(text, size, width) <= most_lines), sizes[-1])


def write_table_lists(path: Path, programme: Programme, sitting: Sitting, plan: SittingPlan,
                      people: Mapping[int, Participant], groups: Sequence[StakeholderGroup], language: str) -> Path:
    """Write the sitting's table lists: first one overview page per round ("Round 1 of 3": every table as a
    block of its people by name, role, organisation and group — for the facilitators and the hosts; blocks
    go two a row and the type shrinks to 7 pt to keep a round on one page, which holds about 50 people),
    then one page per table and round in large type, to post on the table (a table nobody sits at in a
    round gets no page)."""
    _ = translator(language)
    lists = _Lists(_, programme, sitting, plan, people, groups, language)
    size, widths = lists.overview_layout(lists.room - lists.heading() - HEADING_1)
    for index in range(lists.rounds):
        lists.overview(index, size, widths)
    for index in range(lists.rounds):
        for table in plan.tables:
            if seated(plan, people, index, table):
                lists.poster(index, table)
    header = " · ".join(part for part in (programme.title, sitting.title, base.long_date(sitting.date, language))
                        if part)
    add_page_furniture(lists.document, _, header, "", lists.styles, programme.logo)
    return base.save_atomically(lists.document, path)


# --- Route cards ------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _CardStyles:
    context: ParagraphStyle  # the sitting and its date, small, at the top of each card
    name: ParagraphStyle
    detail: ParagraphStyle  # organisation; the person's role at a table
    route: ParagraphStyle  # 'Round 1 → Table 2 — Santé'
    tiny: ParagraphStyle


def _card_styles(document: DocxDocument) -> _CardStyles:
    add = base.add_paragraph_style
    context, name, detail = add(document, "Card Context", 7.5), add(document, "Card Name", 20, bold=True), \
        add(document, "Card Detail", 9)
    route, tiny = add(document, "Card Route", 10), add(document, "Tiny", 1)
    for style in (context, name, detail, route):
        style.paragraph_format.left_indent = style.paragraph_format.right_indent = Mm(CARD_PAD)
    context.paragraph_format.space_before = Mm(CARD_PAD)
    context.paragraph_format.space_after = Pt(3)
    route.paragraph_format.space_before = Pt(2)
    for style in (context, detail):
        base.set_colour(style, GREY)
    return _CardStyles(context, name, detail, route, tiny)


def card_height(per_page: int) -> float:
    """Height in mm of a route card when `per_page` (4, 6, 8 or 10) share an A4 page in two columns."""
    if per_page not in CARD_ROWS:
        raise ValueError(f"route cards come 4, 6, 8 or 10 per page, not {per_page}")
    return math.floor((base.A4_HEIGHT - 2 * CARD_MARGIN - 2.0) / CARD_ROWS[per_page] * 2) / 2


class _Cards:
    """Builds the route cards, two a row, in one table whose cell borders are the cut lines."""

    def __init__(self, _: Translate, programme: Programme, sitting: Sitting, plan: SittingPlan, language: str,
                 per_page: int) -> None:
        self._, self.sitting, self.plan = _, sitting, plan
        self.height, rows = card_height(per_page), CARD_ROWS[per_page]
        # Room for exactly `rows` cards and 2 mm more: the 1 pt paragraph that ends the document fits, a card not.
        bottom = base.A4_HEIGHT - CARD_MARGIN - rows * self.height - 2.0
        page = base.PageSetup(top=CARD_MARGIN, bottom=bottom, left=CARD_MARGIN, right=CARD_MARGIN, header=3.0,
                              footer=3.0)
        self.width = page.text_width / 2
        self.text = self.width - 2 * CARD_PAD
        self.document = base.sitting_document(language, _("Route cards"), programme, sitting, page)
        self.styles = _card_styles(self.document)
        self.logo = base.readable_picture(programme.logo)
        self.logo_size = base.picture_size(self.logo, *CARD_LOGO) if self.logo else (0.0, 0.0)
        self.pictures = base.Pictures(self.document)
        stops = self.styles.context.paragraph_format.tab_stops  # the logo at the right of the sitting's line
        stops.add_tab_stop(Mm(self.width - 2 * CARD_PAD), WD_TAB_ALIGNMENT.RIGHT)
        day = base.long_date(sitting.date, language)
        self.tables = {table.id: table for table in plan.tables}
        self.context = " · ".join(part for part in (sitting.title, day, base.times(sitting, language)) if part.strip())
        self.table = base.new_table(self.document, [self.width, self.width])
        base.no_cell_margins(self.table)

    def route(self, person: Participant) -> list[tuple[str, str, str]]:
        """Per round: (the table's name, ' — its theme', ' (stays at this table)'), or a word when unseated."""
        _ = self._
        lines = []
        for index in range(len(self.plan.plan.rounds)):
            table_id = self.plan.plan.table_of(index, person.id)
            table = self.tables.get(table_id) if table_id is not None else None
            if table is None:
                lines.append((_("no table in this round"), "", ""))
                continue
            theme = f" — {table.theme.strip()}" if table.theme.strip() else ""
            fixed = " " + _("(stays at this table)") if self.plan.fixed.get(person.id) == table.id else ""
            lines.append((table.name, theme, fixed))
        return lines

    def lead(self, round_index: int) -> str:
        return self._("Round {number}").format(number=round_index + 1) + " →"

    def lead_width(self, size: int) -> float:
        """Where the tables' names start, after the longest 'Round n →' (wrapped lines start there too)."""
        return max((text_width(self.lead(index), size) for index in range(len(self.plan.plan.rounds))),
                   default=0.0) + 2.0

    def duties(self, person: Participant) -> list[str]:
        """The tables this person hosts or reports for."""
        _ = self._
        found = [_("You host “{table}”.").format(table=t.name) for t in self.plan.tables if t.host_id == person.id]
        return found + [_("You are the rapporteur of “{table}”.").format(table=t.name)
                        for t in self.plan.tables if t.rapporteur_id == person.id]

    def _name_size(self, person: Participant) -> int:
        return name_size([person.full_name], self.text, 20)

    def route_size(self, people: Sequence[Participant]) -> int:
        """One size for every card's route: the largest at which each card's lines fit in its height."""
        return min((self._route_size(person) for person in people), default=ROUND_SIZES[0])

    def _route_size(self, person: Participant) -> int:
        name = self._name_size(person)
        used = CARD_PAD * 2 + self._context_height() + 1.0 + height(name, lines_of(person.full_name, name, self.text))
        for text in [person.organisation.strip(), *self.duties(person)]:
            used += height(9, lines_of(text, 9, self.text)) if text else 0.0
        for size in ROUND_SIZES:
            lines = sum(lines_of("".join(line), size, self.text - self.lead_width(size)) for line in self.route(person))
            if used + lines * height(size) + len(self.plan.plan.rounds) * 2 * PT <= self.height:
                return size
        return ROUND_SIZES[-1]

    def _context_height(self) -> float:
        """The card's first line: the sitting (its last line shared with the client's logo, at the right)."""
        logo_width, logo_height = self.logo_size
        lines = lines_of(self.context, 7.5, self.text - (logo_width + 2.0 if self.logo else 0.0), False)
        last = max(height(7.5), logo_height + 4 * PT if self.logo else 0.0)
        return height(7.5, lines - 1) + last

    def set_route_size(self, size: int) -> None:
        """Route lines at `size` points, hanging: 'Round 1 →', a tab, then the table (its wrapped lines under it)."""
        lead, style = self.lead_width(size), self.styles.route
        style.font.size = Pt(size)
        style.paragraph_format.left_indent, style.paragraph_format.first_line_indent = Mm(CARD_PAD + lead), Mm(-lead)
        style.paragraph_format.tab_stops.add_tab_stop(Mm(CARD_PAD + lead))

    def add_pair(self, pair: Sequence[Participant]) -> None:
        row = self.table.add_row()
        base.set_height(row, self.height)  # at least: a card too full grows rather than lose a round
        base.keep_together(row)
        for cell, person in zip(row.cells, pair, strict=False):
            base.set_borders(cell, ("top", "left", "bottom", "right"), CUT, eighths=6, style="dashed")
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
            self._card(cell, person)

    def _card(self, cell: _Cell, person: Participant) -> None:
        context = base.fill(cell, self.context, self.styles.context)
        if self.logo:
            context.add_run("\t")
            self.pictures.add(context, self.logo, *CARD_LOGO)
        base.write(base.add_paragraph(cell, "", self.styles.name), person.full_name, self._name_size(person))
        if person.organisation.strip():
            base.add_paragraph(cell, person.organisation.strip(), self.styles.detail)
        for duty in self.duties(person):
            base.add_paragraph(cell, duty, self.styles.detail).runs[0].italic = True
        for index, (table, theme, fixed) in enumerate(self.route(person)):
            paragraph = base.add_paragraph(cell, f"{self.lead(index)}\t", self.styles.route)
            if index == 0:
                paragraph.paragraph_format.space_before = Pt(6)
            base.write(paragraph, table).bold = True
            for text, italic in ((theme, False), (fixed, True)):
                if text:
                    base.write(paragraph, text).italic = italic

    def end(self) -> None:
        """The paragraph Word needs after a table, 1 pt high so that it never spills onto a new page."""
        base.add_paragraph(self.document, "", self.styles.tiny)


def card_holders(plan: SittingPlan, people: Mapping[int, Participant]) -> list[Participant]:
    """Everyone seated in some round of the plan, by name; anonymised records get no card."""
    ids = {person for seating in plan.plan.rounds for seated_ids in seating.values() for person in seated_ids}
    return by_name(people[p] for p in ids if p in people and not people[p].anonymised)


def write_route_cards(path: Path, programme: Programme, sitting: Sitting, plan: SittingPlan,
                      people: Mapping[int, Participant], groups: Sequence[StakeholderGroup], language: str,
                      per_page: int = 8) -> Path:
    """Write one card per seated participant — their name, then 'Round 1 → Table 2 — Santé' for each round —
    `per_page` (4, 6, 8 or 10) to an A4 page between dashed cut lines, sorted by last name, to hand out at
    the door. The client's logo is in a corner; `groups` are not printed: a card is the person's own route."""
    _ = translator(language)
    cards = _Cards(_, programme, sitting, plan, language, per_page)
    holders = card_holders(plan, people)
    cards.set_route_size(cards.route_size(holders))
    for first in range(0, len(holders), 2):
        cards.add_pair(holders[first:first + 2])
    cards.end()
    if not holders:
        cards.document.add_paragraph(_("Nobody is seated in this plan."))
    return base.save_atomically(cards.document, path)
