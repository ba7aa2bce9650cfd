"""The projector's consent round: each proposal's outcome and stances, then what was written down."""

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from workshop_desk.domain.consent import AGREE, CONCERNS, OBJECTION, ConsentOutcome, outcome_label, stance_label
from workshop_desk.domain.voting import Comment, Result, ResultRow
from workshop_desk.i18n import _
from workshop_desk.ui import theme
from workshop_desk.ui.projector.painting import (
    draw_text,
    flow,
    line_height,
    lines_needed,
    pages_by_height,
    read_size,
    text_width,
)
from workshop_desk.ui.projector.vote_views import ResultView

Align = Qt.AlignmentFlag
OUTCOME_SPLIT = 0.62  # of the width: a consent row's proposal, then its outcome
STANCE_COLOURS = {AGREE: "#66BB6A", CONCERNS: theme.PROJECTOR_ACCENT, OBJECTION: theme.PROJECTOR_OVERRUN}
OUTCOME_COLOURS = {ConsentOutcome.ADOPTED: "#66BB6A", ConsentOutcome.ADOPTED_WITH_CONCERNS: theme.PROJECTOR_ACCENT,
                   ConsentOutcome.BLOCKED: theme.PROJECTOR_OVERRUN, ConsentOutcome.PENDING: theme.PROJECTOR_MUTED}


def paint_consent(painter: QPainter, rect: QRectF, _view: ResultView, result: Result, h: float, page: int) -> int:
    """Per proposal: its outcome, then agree, concerns and objection counts; then what was written down (objections
    first); a page at a time when it does not all fit. Returns the number of pages."""
    rows, size = list(result.rows), read_size(h)
    comments = [_comment_text(row, comment, len(rows) > 1) for row in rows for comment in row.comments]
    colours = [STANCE_COLOURS.get(comment.axis, theme.PROJECTOR_MUTED) for row in rows for comment in row.comments]
    heights = [_consent_height(row, rect.width(), size) for row in rows]
    heights += [lines_needed(text, size, rect.width()) * line_height(size) + size * 0.3 for text in comments]
    pages = pages_by_height(heights, rect.height())
    top = rect.top()
    for index in pages[page % len(pages)]:
        cell = QRectF(rect.left(), top, rect.width(), heights[index])
        if index < len(rows):
            _consent_row(painter, cell, rows[index], size)
        else:
            draw_text(painter, cell, comments[index - len(rows)], size, colours[index - len(rows)], max_lines=100)
        top += heights[index]
    return len(pages)


def _comment_text(row: ResultRow, comment: Comment, name: bool) -> str:
    prefix = f"{row.label} — " if name else ""
    return _("{stance}: {text}").format(stance=stance_label(comment.axis), text=prefix + comment.text)


def _consent_parts(row: ResultRow) -> tuple[str, list[tuple[str, str]]]:
    verdict = ConsentOutcome(str(row.extra.get("outcome")))
    stances = [(f"{round(float(row.extra.get(stance) or 0))} {stance_label(stance)}", STANCE_COLOURS[stance])
               for stance in (AGREE, CONCERNS, OBJECTION)]
    return outcome_label(verdict), stances


def _consent_height(row: ResultRow, width: float, size: float) -> float:
    verdict, stances = _consent_parts(row)
    label = lines_needed(row.label, size, width * OUTCOME_SPLIT - size, True)
    outcome = lines_needed(verdict, size, width * (1 - OUTCOME_SPLIT), True)
    chips = flow([_chip_width(text, size) for text, _colour in stances], width, size * 1.2)[-1][0] + 1
    return (max(label, outcome) + chips) * line_height(size, True) + size * 0.6


def _chip_width(text: str, size: float) -> float:
    return size * 0.5 + text_width(text, size)


def _consent_row(painter: QPainter, rect: QRectF, row: ResultRow, size: float) -> None:
    verdict, stances = _consent_parts(row)
    painter.fillRect(rect.adjusted(0, 0, 0, -size * 0.2), QColor(255, 255, 255, 14))
    inner = rect.adjusted(size * 0.3, size * 0.2, -size * 0.3, -size * 0.4)
    width = inner.width()
    used = draw_text(painter, QRectF(inner.left(), inner.top(), width * OUTCOME_SPLIT - size, inner.height()),
                     row.label, size, theme.PROJECTOR_TEXT, bold=True, max_lines=100)
    colour = OUTCOME_COLOURS[ConsentOutcome(str(row.extra.get("outcome")))]
    used = max(used, draw_text(painter, QRectF(inner.left() + width * OUTCOME_SPLIT, inner.top(),
                                               width * (1 - OUTCOME_SPLIT), inner.height()), verdict, size, colour,
                               bold=True, align=Align.AlignRight, max_lines=100))
    spacing = line_height(size, True)
    places = flow([_chip_width(text, size) for text, _colour in stances], width, size * 1.2)
    for (number, x), (text, swatch) in zip(places, stances, strict=True):
        top = inner.top() + used + number * spacing
        painter.fillRect(QRectF(inner.left() + x, top + size * 0.3, size * 0.3, size * 0.8), QColor(swatch))
        draw_text(painter, QRectF(inner.left() + x + size * 0.5, top, width, spacing), text, size,
                  theme.PROJECTOR_TEXT)
