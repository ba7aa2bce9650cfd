"""The projector's grid results: the impact × feasibility scatter with its quadrants, and the multi-criteria table
with weighted totals, dissent marks and a radar of one option."""

import math
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF

from workshop_desk.domain.counting_grid import FEASIBILITY, IMPACT, Quadrant, criterion_key, quadrant_label
from workshop_desk.domain.voting import CriteriaSettings, MatrixSettings, Result, ResultRow
from workshop_desk.i18n import _
from workshop_desk.ui import theme
from workshop_desk.ui.projector.painting import (
    centred,
    draw_text,
    flow,
    line_height,
    lines_needed,
    pages_by_height,
    read_size,
    text_width,
)
from workshop_desk.ui.projector.result_parts import BAR, ordered_rows
from workshop_desk.ui.projector.vote_views import ResultView
from workshop_desk.ui.voting import texts

Align = Qt.AlignmentFlag
TOTAL_SPLIT = 0.6  # of a criteria row's width: the option's name, then its weighted total
DARK = theme.PROJECTOR_BACKGROUND
QUADRANTS = {  # where each quadrant sits (right: feasible, top: high impact), and a faint tint of its meaning
    Quadrant.QUICK_WIN: (True, True, QColor(102, 187, 106, 46)),
    Quadrant.MAJOR_PROJECT: (False, True, QColor(79, 134, 198, 46)),
    Quadrant.FILL_IN: (True, False, QColor(255, 201, 64, 30)),
    Quadrant.SET_ASIDE: (False, False, QColor(255, 255, 255, 10)),
}


# --- Impact × feasibility -----------------------------------------------------------------------------------


def paint_matrix(painter: QPainter, rect: QRectF, view: ResultView, result: Result, h: float, page: int) -> int:
    """A square plot (feasibility across, impact up) with numbered points, and the legend beside it, a page at a
    time when it does not fit. Returns the number of pages."""
    settings = view.settings if isinstance(view.settings, MatrixSettings) else MatrixSettings()
    size = read_size(h)
    axis = line_height(size) * 1.1
    side = min(rect.height() - axis, rect.width() * 0.5 - axis)
    plot = QRectF(rect.left() + axis, rect.top(), side, side)
    _quadrants(painter, plot, h)
    draw_text(painter, QRectF(plot.left(), plot.bottom(), plot.width(), axis), _("Feasibility") + " →", size,
              theme.PROJECTOR_MUTED, align=Align.AlignHCenter)
    painter.save()
    painter.translate(rect.left(), plot.bottom())
    painter.rotate(-90)
    draw_text(painter, QRectF(0, 0, plot.height(), axis), _("Impact") + " →", size, theme.PROJECTOR_MUTED,
              align=Align.AlignHCenter)
    painter.restore()
    rows = [row for row in ordered_rows(view, result) if row.score is not None]
    winners = {row.option_id for row in result.winners}
    placed: list[QPointF] = []
    for number, row in enumerate(rows, start=1):
        point = _spot(plot, row, settings, placed, size * 0.75)
        placed.append(point)
        _disc(painter, point, size * 0.75, str(number), row.option_id in winners, h)
    legend = QRectF(plot.right() + h * 0.04, rect.top(), rect.right() - plot.right() - h * 0.04, rect.height())
    return _legend(painter, legend, rows, winners, h, page)


def _quadrants(painter: QPainter, plot: QRectF, h: float) -> None:
    half_w, half_h, size = plot.width() / 2, plot.height() / 2, read_size(h)
    for kind, (right, top, tint) in QUADRANTS.items():
        cell = QRectF(plot.left() + (half_w if right else 0), plot.top() + (0 if top else half_h), half_w, half_h)
        painter.fillRect(cell, tint)
        inner = cell.adjusted(h * 0.012, h * 0.008, -h * 0.012, -h * 0.008)
        text = quadrant_label(kind)
        lines = lines_needed(text, size, inner.width())
        used = lines * line_height(size)
        draw_text(painter, inner if top else QRectF(inner.left(), inner.bottom() - used, inner.width(), used), text,
                  size, theme.PROJECTOR_MUTED, align=Align.AlignRight if right else Align.AlignLeft,
                  max_lines=lines)
    painter.setPen(QPen(QColor(theme.PROJECTOR_MUTED), max(1.0, h * 0.002)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(plot)
    painter.drawLine(QPointF(plot.center().x(), plot.top()), QPointF(plot.center().x(), plot.bottom()))
    painter.drawLine(QPointF(plot.left(), plot.center().y()), QPointF(plot.right(), plot.center().y()))


def _spot(plot: QRectF, row: ResultRow, settings: MatrixSettings, placed: list[QPointF], radius: float) -> QPointF:
    """Where the option's two means put it; nudged around its place when another point already sits there."""
    span = settings.high - settings.low or 1
    x = plot.left() + (float(row.extra.get(FEASIBILITY) or settings.low) - settings.low) / span * plot.width()
    y = plot.bottom() - (float(row.extra.get(IMPACT) or settings.low) - settings.low) / span * plot.height()
    point, turn = QPointF(x, y), 0
    while any(math.dist((point.x(), point.y()), (p.x(), p.y())) < radius * 1.8 for p in placed) and turn < 12:
        angle = turn * math.pi / 3
        point = QPointF(x + math.cos(angle) * radius * 2 * (1 + turn // 6), y + math.sin(angle) * radius * 2)
        turn += 1
    return QPointF(min(max(point.x(), plot.left() + radius), plot.right() - radius),
                   min(max(point.y(), plot.top() + radius), plot.bottom() - radius))


def _disc(painter: QPainter, centre: QPointF, radius: float, text: str, won: bool, h: float) -> None:
    painter.setPen(QPen(QColor(DARK), max(1.0, h * 0.003)))
    painter.setBrush(QBrush(QColor(theme.PROJECTOR_ACCENT if won else theme.PROJECTOR_TEXT)))
    painter.drawEllipse(centre, radius, radius)
    box = QRectF(centre.x() - radius * 2, centre.y() - radius, 4 * radius, 2 * radius)
    centred(painter, box, text, read_size(h), DARK, bold=True, align=Align.AlignHCenter, most=1)


def _legend(painter: QPainter, rect: QRectF, rows: list[ResultRow], winners: set[int], h: float, page: int) -> int:
    """The options by number, their names wrapped; the winners with their quadrant. Returns the number of pages."""
    size = read_size(h)
    indent = size * 1.9
    legend_texts = [_legend_text(row, row.option_id in winners) for row in rows]
    heights = [lines_needed(text, size, rect.width() - indent, True) * line_height(size, True) + size * 0.35
               for text in legend_texts]
    pages = pages_by_height(heights, rect.height())
    top = rect.top()
    for index in pages[page % len(pages)]:
        won = rows[index].option_id in winners
        _disc(painter, QPointF(rect.left() + size * 0.75, top + line_height(size, True) / 2), size * 0.75,
              str(index + 1), won, h)
        draw_text(painter, QRectF(rect.left() + indent, top, rect.width() - indent, heights[index]),
                  legend_texts[index], size, theme.PROJECTOR_ACCENT if won else theme.PROJECTOR_TEXT, bold=won,
                  max_lines=100)
        top += heights[index]
    return len(pages)


def _legend_text(row: ResultRow, won: bool) -> str:
    quadrant = row.extra.get("quadrant")
    text = ("≠ " if row.dissent else "") + row.label
    return text + (f"  ({quadrant_label(Quadrant(str(quadrant)))})" if quadrant and won else "")


# --- Multi-criteria grid ------------------------------------------------------------------------------------


def paint_criteria(painter: QPainter, rect: QRectF, view: ResultView, result: Result, h: float, page: int) -> int:
    """Per option, ranked: its name and weighted total, then its mean on each criterion (≠ where voters disagree),
    and a small radar of its profile, spokes in the criteria's order from the top, clockwise; a page at a time
    when they do not all fit. Returns the number of pages."""
    size, rows = read_size(h), ordered_rows(view, result)
    radar = line_height(size) * 2.4 if len(view.criteria) >= 3 else 0.0
    width = rect.width() - radar
    heights = [_criteria_height(row, view, width, size) for row in rows]
    pages = pages_by_height(heights, rect.height())
    winners = {row.option_id for row in result.winners}
    top = rect.top()
    for index in pages[page % len(pages)]:
        row = rows[index]
        line = QRectF(rect.left(), top, rect.width(), heights[index])
        _criteria_row(painter, line, row, view, _CriteriaRow(width, size, row.option_id in winners,
                                                             row.option_id == view.focus_option_id, index), h)
        if radar:
            centre = QPointF(line.right() - radar / 2, line.center().y())
            _radar(painter, centre, min(radar, line.height()) * 0.42, view, row, row.option_id in winners, h)
        top += heights[index]
    return len(pages)


class _CriteriaRow(NamedTuple):
    width: float  # left of the radar
    size: float
    won: bool
    focused: bool
    number: int  # its place in the list: even rows are shaded


def _scores(row: ResultRow, view: ResultView) -> list[tuple[str, bool]]:
    """'Emploi ×2 3.4' per criterion, and whether voters split on it."""
    scores = []
    for criterion in view.criteria:
        mean = row.extra.get(criterion_key(criterion))
        name = criterion.name + (f" ×{texts.number(criterion.weight)}" if criterion.weight != 1 else "")
        split = criterion.name in row.dissent
        value = texts.number(float(mean) if mean is not None else None, fixed=True)
        scores.append((f"{name} {value}" + (" ≠" if split else ""), split))
    return scores


def _total(row: ResultRow) -> str:
    return _("Weighted total") + " " + texts.number(row.score, fixed=True)


def _criteria_height(row: ResultRow, view: ResultView, width: float, size: float) -> float:
    name = lines_needed(row.label, size, width * TOTAL_SPLIT - size, True)
    total = lines_needed(_total(row), size, width * (1 - TOTAL_SPLIT), True)
    places = flow([text_width(text, size) for text, _split in _scores(row, view)], width - size * 0.6, size * 1.2)
    return (max(name, total) + places[-1][0] + 1) * line_height(size, True) + size * 0.7


def _criteria_row(painter: QPainter, line: QRectF, row: ResultRow, view: ResultView, how: _CriteriaRow,
                  h: float) -> None:
    size = how.size
    if how.number % 2 == 0:
        painter.fillRect(line, QColor(255, 255, 255, 14))
    if how.focused:
        painter.fillRect(QRectF(line.left() - h * 0.015, line.top(), h * 0.008, line.height()),
                         QColor(theme.PROJECTOR_ACCENT))
    colour = theme.PROJECTOR_ACCENT if how.won else theme.PROJECTOR_TEXT
    inner = QRectF(line.left() + size * 0.3, line.top() + size * 0.3, how.width - size * 0.6, line.height())
    used = draw_text(painter, QRectF(inner.left(), inner.top(), inner.width() * TOTAL_SPLIT - size, inner.height()),
                     row.label, size, colour, bold=True, max_lines=100)
    used = max(used, draw_text(painter, QRectF(inner.left() + inner.width() * TOTAL_SPLIT, inner.top(),
                                               inner.width() * (1 - TOTAL_SPLIT), inner.height()), _total(row),
                               size, colour, bold=True, align=Align.AlignRight, max_lines=100))
    scores = _scores(row, view)
    places = flow([text_width(text, size) for text, _split in scores], inner.width(), size * 1.2)
    for (number, x), (text, split) in zip(places, scores, strict=True):
        top = inner.top() + used + number * line_height(size, True)
        draw_text(painter, QRectF(inner.left() + x, top, inner.width() - x, line_height(size, True)), text, size,
                  theme.PROJECTOR_OVERRUN if split else theme.PROJECTOR_MUTED)


def _radar(painter: QPainter, centre: QPointF, radius: float, view: ResultView, row: ResultRow, won: bool,
           h: float) -> None:
    """An option's mean on each criterion as a polygon in a ring (the scale's top), spokes from the top."""
    settings = view.settings if isinstance(view.settings, CriteriaSettings) else CriteriaSettings()
    count, span = len(view.criteria), (settings.high - settings.low) or 1

    def point(index: int, share: float) -> QPointF:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        return QPointF(centre.x() + math.cos(angle) * radius * share, centre.y() + math.sin(angle) * radius * share)

    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor(255, 255, 255, 70), max(1.0, h * 0.0015)))
    painter.drawPolygon(QPolygonF([point(i, 1.0) for i in range(count)]))
    for index in range(count):
        painter.drawLine(centre, point(index, 1.0))
    shares = [max(0.0, (float(mean) - settings.low) / span) if mean is not None else 0.0
              for mean in (row.extra.get(criterion_key(c)) for c in view.criteria)]
    colour = QColor(theme.PROJECTOR_ACCENT if won else BAR)
    painter.setPen(QPen(colour, max(1.5, h * 0.003)))
    colour.setAlpha(110)
    painter.setBrush(colour)
    painter.drawPolygon(QPolygonF([point(i, share) for i, share in enumerate(shares)]))
