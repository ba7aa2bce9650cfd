"""The projector's grid results: the impact × feasibility scatter with its quadrants, and the multi-criteria table
with weighted totals, dissent marks and a radar of one option."""

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPen, QPolygonF

from workshop_desk.domain.counting_grid import FEASIBILITY, IMPACT, Quadrant, criterion_key, quadrant_label
from workshop_desk.domain.voting import CriteriaSettings, MatrixSettings, Result, ResultRow
from workshop_desk.i18n import _
from workshop_desk.ui import theme
from workshop_desk.ui.projector.painting import MAIN, centred, draw_text
from workshop_desk.ui.projector.result_parts import BAR, fitted, ordered_rows
from workshop_desk.ui.projector.vote_views import ResultView
from workshop_desk.ui.voting import texts

Align = Qt.AlignmentFlag
DARK = theme.PROJECTOR_BACKGROUND
QUADRANTS = {  # where each quadrant sits (right: feasible, top: high impact), and a faint tint of its meaning
    Quadrant.QUICK_WIN: (True, True, QColor(102, 187, 106, 46)),
    Quadrant.MAJOR_PROJECT: (False, True, QColor(79, 134, 198, 46)),
    Quadrant.FILL_IN: (True, False, QColor(255, 201, 64, 30)),
    Quadrant.SET_ASIDE: (False, False, QColor(255, 255, 255, 10)),
}


# --- Impact × feasibility -----------------------------------------------------------------------------------


def paint_matrix(painter: QPainter, rect: QRectF, view: ResultView, result: Result, h: float) -> None:
    """A square plot (feasibility across, impact up) with numbered points, and the legend beside it."""
    settings = view.settings if isinstance(view.settings, MatrixSettings) else MatrixSettings()
    axis = h * 0.06
    side = min(rect.height(), rect.width() * 0.5) - axis
    plot = QRectF(rect.left() + axis, rect.top(), side, side)
    _quadrants(painter, plot, h)
    draw_text(painter, QRectF(plot.left(), plot.bottom() + h * 0.005, plot.width(), axis),
              _("Feasibility") + " →", h * 0.035, theme.PROJECTOR_MUTED, align=Align.AlignHCenter)
    painter.save()
    painter.translate(rect.left(), plot.bottom())
    painter.rotate(-90)
    draw_text(painter, QRectF(0, 0, plot.height(), axis * 0.8), _("Impact") + " →", h * 0.035,
              theme.PROJECTOR_MUTED, align=Align.AlignHCenter)
    painter.restore()
    rows = [row for row in ordered_rows(view, result) if row.score is not None]
    winners = {row.option_id for row in result.winners}
    placed: list[QPointF] = []
    for number, row in enumerate(rows, start=1):
        point = _spot(plot, row, settings, placed, h * 0.03)
        placed.append(point)
        _disc(painter, point, h * 0.03, str(number), row.option_id in winners, h)
    legend = QRectF(plot.right() + h * 0.06, rect.top(), rect.right() - plot.right() - h * 0.06, rect.height())
    _legend(painter, legend, rows, winners, h)


def _quadrants(painter: QPainter, plot: QRectF, h: float) -> None:
    half_w, half_h = plot.width() / 2, plot.height() / 2
    for kind, (right, top, tint) in QUADRANTS.items():
        cell = QRectF(plot.left() + (half_w if right else 0), plot.top() + (0 if top else half_h), half_w, half_h)
        painter.fillRect(cell, tint)
        inner = cell.adjusted(h * 0.015, h * 0.01, -h * 0.015, -h * 0.01)
        draw_text(painter, inner if top else QRectF(inner.left(), inner.bottom() - h * 0.05, inner.width(), h * 0.05),
                  quadrant_label(kind), h * 0.035, theme.PROJECTOR_MUTED, bold=True,
                  align=Align.AlignRight if right else Align.AlignLeft)
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
    box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
    centred(painter, box, text, radius * 1.1, DARK, bold=True, align=Align.AlignHCenter, most=1)


def _legend(painter: QPainter, rect: QRectF, rows: list[ResultRow], winners: set[int], h: float) -> None:
    size = min(h * MAIN, max(h * 0.035, rect.height() / max(1, len(rows)) / 1.5))
    row_height = size * 1.5
    shown, left_out = fitted(rows, rect.height(), row_height)
    for index, row in enumerate(shown):
        top = rect.top() + index * row_height
        won = row.option_id in winners
        _disc(painter, QPointF(rect.left() + size * 0.6, top + row_height / 2), size * 0.6, str(index + 1), won, h)
        quadrant = row.extra.get("quadrant")
        text = ("≠ " if row.dissent else "") + row.label
        text += f"  ({quadrant_label(Quadrant(str(quadrant)))})" if quadrant and won else ""
        centred(painter, QRectF(rect.left() + size * 1.5, top, rect.width() - size * 1.5, row_height), text, size,
                theme.PROJECTOR_ACCENT if won else theme.PROJECTOR_TEXT, bold=won, most=1)
    if left_out:
        draw_text(painter, QRectF(rect.left(), rect.top() + len(shown) * row_height, rect.width(), row_height),
                  _("… and {n} more").format(n=left_out), size * 0.8, theme.PROJECTOR_MUTED)


# --- Multi-criteria grid ------------------------------------------------------------------------------------


def paint_criteria(painter: QPainter, rect: QRectF, view: ResultView, result: Result, h: float) -> None:
    """The grid's table: a mean per criterion (≠ where voters disagree), the weighted total, and a small radar
    of each option's profile, its spokes in the columns' order from the top, clockwise."""
    size, header = h * MAIN, h * 0.15
    heading = h * 0.032
    rows = ordered_rows(view, result)
    body_h = rect.height() - header
    row_height = min(h * 0.1, max(size * 1.4, body_h / max(1, len(rows))))
    widest = max(QFontMetricsF(theme.font_px(heading, True)).horizontalAdvance(word)
                 for word in [*_("Weighted total").split(), _("Profile")])
    widths = _Widths(rect.width(), size * 1.9, max(size * 2.6, widest + size * 0.4),
                     max(row_height, widest + size * 0.2) if len(view.criteria) >= 3 else 0.0, len(view.criteria))
    _criteria_headings(painter, rect, view, widths, header, h)
    shown, left_out = fitted(rows, body_h, row_height)
    winners = {row.option_id for row in result.winners}
    focus = view.focus_option_id
    for index, row in enumerate(shown):
        line = QRectF(rect.left(), rect.top() + header + index * row_height, rect.width(), row_height)
        _criteria_row(painter, line, row, view, widths, row.option_id in winners, row.option_id == focus, index, h)
    if left_out:
        draw_text(painter, QRectF(rect.left(), rect.top() + header + len(shown) * row_height, rect.width(),
                                  row_height), _("… and {n} more").format(n=left_out), h * 0.04, theme.PROJECTOR_MUTED)


class _Widths:
    """The table's columns: label (what is left), one per criterion, the weighted total, the radar."""

    def __init__(self, width: float, column: float, total: float, radar: float, criteria: int) -> None:
        self.column, self.total, self.radar = column, total, radar
        self.label = width - total - radar - column * criteria


def _criteria_headings(painter: QPainter, rect: QRectF, view: ResultView, widths: _Widths, header: float,
                       h: float) -> None:
    heading = h * 0.032
    for index, criterion in enumerate(view.criteria):
        name = criterion.name + (f" ×{texts.number(criterion.weight)}" if criterion.weight != 1 else "")
        _slanted(painter, QPointF(rect.left() + widths.label + (index + 0.3) * widths.column, rect.top() + header),
                 name, heading, theme.PROJECTOR_MUTED)
    x = rect.left() + widths.label + widths.column * len(view.criteria)
    centred(painter, QRectF(x, rect.top() + header - h * 0.09, widths.total, h * 0.085), _("Weighted total"),
            heading, theme.PROJECTOR_ACCENT, bold=True, align=Align.AlignHCenter)
    if widths.radar:
        centred(painter, QRectF(x + widths.total, rect.top() + header - h * 0.09, widths.radar, h * 0.085),
                _("Profile"), heading, theme.PROJECTOR_MUTED, bold=True, align=Align.AlignHCenter)


def _slanted(painter: QPainter, anchor: QPointF, text: str, pixels: float, colour: str) -> None:
    """A column heading written upwards at an angle, so that long criterion names fit narrow columns."""
    painter.save()
    painter.translate(anchor)
    painter.rotate(-35)
    draw_text(painter, QRectF(0, -pixels * 1.3, pixels * 11, pixels * 1.3), text, pixels, colour, bold=True)
    painter.restore()


def _criteria_row(painter: QPainter, line: QRectF, row: ResultRow, view: ResultView, widths: _Widths, won: bool,
                  focused: bool, index: int, h: float) -> None:
    size = h * MAIN
    if index % 2 == 0:
        painter.fillRect(line, QColor(255, 255, 255, 14))
    if focused:
        painter.fillRect(QRectF(line.left() - h * 0.015, line.top(), h * 0.008, line.height()),
                         QColor(theme.PROJECTOR_ACCENT))
    colour = theme.PROJECTOR_ACCENT if won else theme.PROJECTOR_TEXT
    centred(painter, QRectF(line.left() + h * 0.01, line.top(), widths.label - size * 0.4, line.height()),
            row.label, size * 0.9, colour, bold=won)
    x = line.left() + widths.label
    for criterion in view.criteria:
        mean = row.extra.get(criterion_key(criterion))
        cell = QRectF(x, line.top(), widths.column, line.height())
        split = criterion.name in row.dissent
        number = cell.adjusted(0, 0, -size * 0.35, 0) if split else cell  # room for the mark on the right
        centred(painter, number, texts.number(float(mean) if mean is not None else None, fixed=True), size * 0.85,
                theme.PROJECTOR_OVERRUN if split else theme.PROJECTOR_TEXT, align=Align.AlignHCenter, most=1)
        if split:  # the mark of the note below the table
            centred(painter, QRectF(cell.right() - size * 0.5, cell.top(), size * 0.5, cell.height() * 0.6), "≠",
                    size * 0.5, theme.PROJECTOR_OVERRUN, bold=True, most=1)
        x += widths.column
    centred(painter, QRectF(x, line.top(), widths.total, line.height()), texts.number(row.score, fixed=True), size,
            colour, bold=True, align=Align.AlignHCenter, most=1)
    if widths.radar:
        radius = min(widths.radar, line.height()) * 0.46
        centre = QPointF(x + widths.total + widths.radar / 2, line.center().y())
        _radar(painter, centre, radius, view, row, won, h)


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
