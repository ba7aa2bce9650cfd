"""The table plan on the projector: round by round, each table in large type with who sits there."""

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from workshop_desk.i18n import _
from workshop_desk.ui import theme
from workshop_desk.ui.projector.content import PlanView, ProjectorContent, TableView
from workshop_desk.ui.projector.painting import draw_text
from workshop_desk.ui.projector.screens import Screen

Align = Qt.AlignmentFlag
MIN_NAME_SHARE = 1 / 26  # names no smaller than this share of the screen height; else pages turn


def layout(view: PlanView, width: float, height: float) -> tuple[int, int, float]:
    """(columns, tables per page, text size) giving the largest readable text, all tables on one page
    when they fit at no less than MIN_NAME_SHARE of the height, else as few pages as possible."""
    names = max((len(table.names) for table in view.tables), default=1)
    chars = max([len(name) for table in view.tables for name in (*table.names, table.title)] + [12])
    best: tuple[int, int, float] | None = None
    for columns in range(1, 5):
        for rows in range(1, 5):
            per_page = min(len(view.tables), columns * rows)
            if per_page < columns * rows - columns + 1 and per_page == len(view.tables) and rows > 1:
                continue  # an empty last row: the same page with fewer rows is better
            size = min(height / rows / (names + 2) * 0.72, width / columns / (chars * 0.58))
            pages = math.ceil(len(view.tables) / per_page)
            score = (size >= height * MIN_NAME_SHARE, -pages, size)
            if best is None or score > (best[2] >= height * MIN_NAME_SHARE, -math.ceil(
                    len(view.tables) / best[1]), best[2]):
                best = (columns, per_page, size)
    assert best is not None
    return best


def page_count(view: PlanView, width: float = 1920, height: float = 1080) -> int:
    _columns, per_page, _size = layout(view, width * 0.88, height * 0.76)
    return max(1, math.ceil(len(view.tables) / per_page))


class PlanScreen(Screen):
    """As many tables per page as fit with readable names; the controller turns the pages."""

    def paint(self, painter: QPainter, content: ProjectorContent) -> None:
        view, area, h = content.plan, self.margins(), self.height()
        if view is None or not view.tables:
            return
        top = area.top() + h * 0.1
        columns, per_page, size = layout(view, area.width(), area.bottom() - top)
        pages = max(1, math.ceil(len(view.tables) / per_page))
        page = view.page % pages
        title = _("Round {number} of {count}").format(number=view.round_number, count=view.round_count)
        if pages > 1:
            title += "   " + _("({page}/{pages})").format(page=page + 1, pages=pages)
        draw_text(painter, QRectF(area.left(), area.top(), area.width(), h * 0.08), title, h * 0.055,
                  theme.PROJECTOR_ACCENT, bold=True)
        shown = view.tables[page * per_page:(page + 1) * per_page]
        rows = math.ceil(len(shown) / columns)
        cell_w, cell_h = area.width() / columns, (area.bottom() - top) / rows
        for index, table in enumerate(shown):
            cell = QRectF(area.left() + (index % columns) * cell_w, top + (index // columns) * cell_h,
                          cell_w - h * 0.02, cell_h - h * 0.02)
            self._paint_table(painter, table, cell, min(size, h * 0.06))

    def _paint_table(self, painter: QPainter, table: TableView, cell: QRectF, size: float) -> None:
        painter.fillRect(cell, QColor(255, 255, 255, 18))
        line, pad = size / 0.72, size * 0.4
        draw_text(painter, QRectF(cell.left() + pad, cell.top() + pad * 0.5, cell.width() - 2 * pad, line * 1.1),
                  table.title, size, theme.PROJECTOR_ACCENT, bold=True)
        for number, name in enumerate(table.names):
            row = QRectF(cell.left() + pad, cell.top() + line * (number + 1.4), cell.width() - 2 * pad, line)
            draw_text(painter, row, name, size, theme.PROJECTOR_TEXT)
