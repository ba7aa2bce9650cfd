"""The table plan on the projector: round by round, each table in large type with who sits there."""

from typing import NamedTuple

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from workshop_desk.i18n import _
from workshop_desk.ui import theme
from workshop_desk.ui.projector.content import PlanView, ProjectorContent, TableView
from workshop_desk.ui.projector.painting import (
    draw_text,
    line_height,
    lines_needed,
    main_size,
    page_of,
    read_size,
)
from workshop_desk.ui.projector.screens import Screen

Align = Qt.AlignmentFlag
GROWTH = (1.4, 1.25, 1.12, 1.0)  # sizes tried above the smallest readable one, largest first
GAP = 0.02  # between tables, of the screen height


class Layout(NamedTuple):
    """Tables in `columns` columns of cells `cell_height` high, `per_page` to a page, names at `size` pixels."""

    columns: int
    per_page: int
    size: float
    cell_height: float


def layout(view: PlanView, width: float, height: float, screen_height: float) -> Layout:
    """The fewest pages, then names on one line, then the largest names (never under the readable size)."""
    best: tuple[tuple[bool, int, int, float], Layout] | None = None
    for growth in GROWTH:
        size = read_size(screen_height) * growth
        for columns in range(1, 6):
            cell_w = width / columns - screen_height * GAP - 2 * _pad(size)
            heights = [_table_lines(table, size, cell_w) for table in view.tables]
            cell_h = max(lines * line_height(size, bold=True) for lines, _wrapped in heights) + 2 * _pad(size) + \
                screen_height * GAP
            per_page = min(len(view.tables), max(1, int(height // cell_h)) * columns)
            wrapped = sum(extra for _lines, extra in heights)
            score = (cell_h <= height, -page_of(len(view.tables), per_page, 0)[1], -wrapped, size)
            if best is None or score > best[0]:
                best = score, Layout(columns, per_page, size, cell_h)
    assert best is not None
    return best[1]


def _pad(size: float) -> float:
    return size * 0.4


def _table_lines(table: TableView, size: float, width: float) -> tuple[int, int]:
    """The lines a table takes at `size` (title and a blank line included), and how many of them are wrapped."""
    counts = [lines_needed(text, size, width, bold=True) for text in (table.title, *table.names)]
    return sum(counts) + 1, sum(counts) - len(counts)


class PlanScreen(Screen):
    """As many tables per page as fit with readable names; the controller turns the pages."""

    def paint(self, painter: QPainter, content: ProjectorContent) -> None:
        view, area, h = content.plan, self.margins(), self.height()
        if view is None or not view.tables:
            return
        title = _("Round {number} of {count}").format(number=view.round_number, count=view.round_count)
        top = area.top() + draw_text(painter, QRectF(area.left(), area.top(), area.width(), h * 0.1), title,
                                     main_size(h), theme.PROJECTOR_ACCENT, bold=True, main=True) + h * 0.02
        plan = layout(view, area.width(), area.bottom() - top, h)
        shown, self.pages = page_of(len(view.tables), plan.per_page, content.page)
        if self.pages > 1:
            page = _("({page}/{pages})").format(page=content.page % self.pages + 1, pages=self.pages)
            draw_text(painter, QRectF(area.left(), area.top(), area.width(), h * 0.1), page, read_size(h),
                      theme.PROJECTOR_MUTED, align=Align.AlignRight)
        cell_w = area.width() / plan.columns
        for number, index in enumerate(shown):
            cell = QRectF(area.left() + (number % plan.columns) * cell_w, top + (number // plan.columns) *
                          plan.cell_height, cell_w - h * GAP, plan.cell_height - h * GAP)
            self._paint_table(painter, view.tables[index], cell, plan.size)

    def _paint_table(self, painter: QPainter, table: TableView, cell: QRectF, size: float) -> None:
        painter.fillRect(cell, QColor(255, 255, 255, 18))
        pad = _pad(size)
        inner = cell.adjusted(pad, pad, -pad, -pad)
        top = inner.top() + draw_text(painter, QRectF(inner.left(), inner.top(), inner.width(), inner.height()),
                                      table.title, size, theme.PROJECTOR_ACCENT, bold=True, max_lines=3)
        top += line_height(size, bold=True) * 0.6
        for name in table.names:
            top += draw_text(painter, QRectF(inner.left(), top, inner.width(), inner.height()), name, size,
                             theme.PROJECTOR_TEXT, max_lines=3)
