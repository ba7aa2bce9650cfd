"""The projector's idea screens: the board (or one theme) as readable cards by theme, one note in large type, and
the pinned question from the room."""

from typing import NamedTuple

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from workshop_desk.domain.ideas import Theme
from workshop_desk.i18n import _, ngettext
from workshop_desk.ui import theme
from workshop_desk.ui.projector.content import BoardView, ProjectorContent
from workshop_desk.ui.projector.painting import (
    centred,
    draw_text,
    fitting_size,
    ink_on,
    line_height,
    lines_needed,
    main_size,
    read_size,
    text_width,
)
from workshop_desk.ui.projector.screens import Screen

Align = Qt.AlignmentFlag
GROWTH = (1.5, 1.3, 1.15, 1.0)  # note sizes tried above the smallest readable one, largest first
COLUMNS = (2, 3, 4, 5)
GAP = 0.02  # between notes, of the screen height


class Block(NamedTuple):
    """A line of the board's layout: a theme's name (`notes` empty), or a row of notes (None: no theme)."""

    height: float
    theme: Theme | None
    notes: tuple[int, ...] = ()  # indexes into the view's notes


class Layout(NamedTuple):
    """The board cut into pages of blocks, at a note text size, in columns."""

    pages: list[list[Block]]
    size: float
    columns: int


def board_layout(view: BoardView, width: float, height: float, screen_height: float) -> Layout:
    """The fewest pages, then the largest notes: a theme's name above its notes, notes in rows, never smaller
    than the readable size; a page ends between rows, and a theme carried over repeats its name."""
    best: tuple[tuple[int, float], Layout] | None = None
    for growth in GROWTH:
        size = read_size(screen_height) * growth
        for columns in COLUMNS:
            blocks = _blocks(view, size, (width - (columns - 1) * screen_height * GAP) / columns, columns,
                             screen_height)
            layout = Layout(_paginate(blocks, height), size, columns)
            score = (-len(layout.pages), size)
            if best is None or score > best[0]:
                best = score, layout
    assert best is not None
    return best[1]


def _grouped(view: BoardView) -> list[tuple[Theme | None, list[int]]]:
    """The notes by theme, themes and notes in the console's reading order (top to bottom, left to right)."""
    themes = sorted(view.themes, key=lambda t: (t.y, t.x))
    order = sorted(range(len(view.notes)), key=lambda i: (view.notes[i].y, view.notes[i].x))
    groups: list[tuple[Theme | None, list[int]]] = [(t, [i for i in order if view.notes[i].theme_id == t.id])
                                                    for t in themes]
    known = {t.id for t in themes}
    groups.append((None, [i for i in order if view.notes[i].theme_id not in known]))
    return [(t, notes) for t, notes in groups if notes]


def _blocks(view: BoardView, size: float, note_w: float, columns: int, screen_height: float) -> list[Block]:
    blocks: list[Block] = []
    gap, pad = screen_height * GAP, size * 0.4
    for board_theme, notes in _grouped(view):
        if board_theme is not None:
            blocks.append(Block(line_height(main_size(screen_height), True) + pad + gap, board_theme))
        for first in range(0, len(notes), columns):
            row = tuple(notes[first:first + columns])
            lines = max(_note_lines(view, i, size, note_w - 2 * pad) for i in row)
            blocks.append(Block(lines * line_height(size) + 2 * pad + gap, board_theme, row))
    return blocks


def _note_lines(view: BoardView, index: int, size: float, width: float) -> int:
    return lines_needed(view.notes[index].text, size, width) + (1 if view.counts[index] > 1 else 0)


def _paginate(blocks: list[Block], height: float) -> list[list[Block]]:
    pages: list[list[Block]] = [[]]
    used = 0.0
    for number, block in enumerate(blocks):
        # A theme's name stays with its first row of notes.
        following = blocks[number + 1].height if not block.notes and number + 1 < len(blocks) else 0.0
        if pages[-1] and used + block.height + following > height:
            pages.append([])
            used = 0.0
        if not pages[-1] and block.notes and block.theme is not None:  # a theme carried over: its name again
            pages[-1].append(_name_block(blocks, block))
            used += pages[-1][-1].height
        pages[-1].append(block)
        used += block.height
    return pages


def _name_block(blocks: list[Block], block: Block) -> Block:
    return next(b for b in blocks if not b.notes and b.theme == block.theme)


class BoardScreen(Screen):
    """The revealed notes by theme, in rows of cards as large as fit (pages turn when they do not all fit),
    each theme's name large above its notes."""

    def heading(self, content: ProjectorContent) -> str:
        return content.board.title if content.board else ""

    def paint(self, painter: QPainter, content: ProjectorContent) -> None:
        view, area, h = content.board, self.margins(), self.height()
        if view is None:
            return
        count = ngettext("{n} idea", "{n} ideas", len(view.notes)).format(n=len(view.notes))
        count_width = text_width(count + "  (10/10)", read_size(h)) + h * 0.04  # room for the page it shows
        title_h = draw_text(painter, QRectF(area.left(), area.top(), area.width() - count_width, h), view.title,
                            main_size(h), theme.PROJECTOR_ACCENT, bold=True, max_lines=2, main=True)
        body = QRectF(area.left(), area.top() + title_h + h * 0.02, area.width(), area.bottom() - area.top() -
                      title_h - h * 0.02)
        layout = board_layout(view, body.width(), body.height(), h)
        self.pages = len(layout.pages)
        page = content.page % self.pages
        if self.pages > 1:
            count += "  " + _("({page}/{pages})").format(page=page + 1, pages=self.pages)
        draw_text(painter, QRectF(area.left(), area.top(), area.width(), line_height(main_size(h), True)), count,
                  read_size(h), theme.PROJECTOR_MUTED, align=Align.AlignRight)
        top = body.top()
        for block in layout.pages[page]:
            self._paint_block(painter, view, block, QRectF(body.left(), top, body.width(), block.height), layout)
            top += block.height

    def _paint_block(self, painter: QPainter, view: BoardView, block: Block, rect: QRectF, layout: Layout) -> None:
        h = self.height()
        gap, pad = h * GAP, layout.size * 0.4
        if not block.notes:
            assert block.theme is not None
            band = rect.adjusted(0, 0, 0, -gap)
            painter.fillRect(band, QColor(block.theme.colour))
            centred(painter, band.adjusted(pad, 0, -pad, 0), block.theme.name, main_size(h),
                    ink_on(block.theme.colour), bold=True, most=1)
            return
        note_w = (rect.width() - (layout.columns - 1) * gap) / layout.columns
        for column, index in enumerate(block.notes):
            card = QRectF(rect.left() + column * (note_w + gap), rect.top(), note_w, rect.height() - gap)
            self._paint_note(painter, view, index, card, layout.size)

    @staticmethod
    def _paint_note(painter: QPainter, view: BoardView, index: int, card: QRectF, size: float) -> None:
        colour, pad = view.colours[index], size * 0.4
        painter.fillRect(card, QColor(colour))
        inner = card.adjusted(pad, pad, -pad, -pad)
        used = draw_text(painter, inner, view.notes[index].text, size, ink_on(colour), max_lines=100)
        if view.counts[index] > 1:
            draw_text(painter, QRectF(inner.left(), inner.top() + used, inner.width(), inner.height()),
                      f"×{view.counts[index]}", size, ink_on(colour), bold=True, align=Align.AlignRight)


class NoteScreen(Screen):
    """One note in large type, on its colour, with its theme above it and ×n if notes were merged into it."""

    def paint(self, painter: QPainter, content: ProjectorContent) -> None:
        view, area, h = content.board, self.margins(), self.height()
        note = view.focus if view else None
        if view is None or note is None:
            return
        if view.focus_theme:
            draw_text(painter, QRectF(area.left(), area.top(), area.width(), h * 0.08), view.focus_theme,
                      read_size(h), theme.PROJECTOR_MUTED, bold=True, align=Align.AlignHCenter)
        card = QRectF(area.left() + area.width() * 0.06, area.top() + h * 0.11, area.width() * 0.88, h * 0.62)
        colour = view.focus_colour or "#FFF59D"
        painter.fillRect(card.translated(h * 0.008, h * 0.01), QColor(0, 0, 0, 90))
        painter.fillRect(card, QColor(colour))
        inner = card.adjusted(h * 0.05, h * 0.04, -h * 0.05, -h * 0.04)
        size = fitting_size(note.text, inner.width(), inner.height(), main_size(h) * 1.3, main_size(h), bold=True)
        centred(painter, inner, note.text, size, ink_on(colour), bold=True, align=Align.AlignHCenter, most=100,
                main=True)
        if view.focus_count > 1:
            text = ngettext("{n} note says this", "{n} notes say this", view.focus_count).format(n=view.focus_count)
            draw_text(painter, QRectF(area.left(), card.bottom() + h * 0.03, area.width(), h * 0.07), text,
                      read_size(h), theme.PROJECTOR_ACCENT, bold=True, align=Align.AlignHCenter)


class QuestionScreen(Screen):
    """The pinned question, who asked it, and how many people asked for it."""

    def heading(self, content: ProjectorContent) -> str:
        return _("Question from the room")

    def paint(self, painter: QPainter, content: ProjectorContent) -> None:
        question, area, h = content.question, self.margins(), self.height()
        heading = _("Question from the room")
        top = area.top() + draw_text(painter, QRectF(area.left(), area.top(), area.width(), h), heading,
                                     read_size(h), theme.PROJECTOR_ACCENT, bold=True) + h * 0.03
        if question is None or question.hidden:
            return
        footer = line_height(read_size(h)) + h * 0.03
        text_rect = QRectF(area.left(), top, area.width(), area.bottom() - top - footer)
        size = fitting_size(question.text, text_rect.width(), text_rect.height(), main_size(h) * 1.25, main_size(h),
                            bold=True)
        centred(painter, text_rect, question.text, size, theme.PROJECTOR_TEXT, bold=True, most=100, main=True)
        bottom = QRectF(area.left(), area.bottom() - line_height(read_size(h)), area.width(), h * 0.08)
        votes = ngettext("{n} person asks this", "{n} people ask this", question.votes).format(n=question.votes)
        votes_width = text_width(votes, read_size(h), bold=True) if question.votes else 0.0
        if question.asked_by:
            draw_text(painter, QRectF(bottom.left(), bottom.top(), bottom.width() - votes_width - h * 0.04,
                                      bottom.height()), f"— {question.asked_by}", read_size(h), theme.PROJECTOR_MUTED)
        if question.votes:
            draw_text(painter, bottom, votes, read_size(h), theme.PROJECTOR_ACCENT, bold=True, align=Align.AlignRight)
