"""The projector's vote screen: what came in until the result is revealed, then bars, a ranking, a consent round,
or (results_charts.py) the 2×2 scatter and the multi-criteria table — all painted to the screen's scale."""

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from workshop_desk.domain.consent import AGREE, CONCERNS, OBJECTION, ConsentOutcome, outcome_label, stance_label
from workshop_desk.domain.enums import BallotMethod, BallotStatus
from workshop_desk.domain.voting import Comment, RatingSettings, Result, ResultRow
from workshop_desk.i18n import _, ngettext
from workshop_desk.ui import theme
from workshop_desk.ui.projector.content import ProjectorContent
from workshop_desk.ui.projector.painting import (
    centred,
    draw_text,
    flow,
    line_height,
    lines_needed,
    main_size,
    pages_by_height,
    read_size,
    text_width,
)
from workshop_desk.ui.projector.result_parts import BAR, ordered_rows
from workshop_desk.ui.projector.results_charts import paint_criteria, paint_matrix
from workshop_desk.ui.projector.screens import Screen
from workshop_desk.ui.projector.vote_views import ResultView
from workshop_desk.ui.voting import texts

Align = Qt.AlignmentFlag
OUTCOME_SPLIT = 0.62  # of the width: a consent row's proposal, then its outcome
PROJECTOR_PAIRS = 4  # undecided pairs named on the screen at most (the console and the documents name them all)
WARNING_MARK = "⚠"  # before a note the room must not miss (Borda and Schulze elect different winners)
STANCE_COLOURS = {AGREE: "#66BB6A", CONCERNS: theme.PROJECTOR_ACCENT, OBJECTION: theme.PROJECTOR_OVERRUN}
OUTCOME_COLOURS = {ConsentOutcome.ADOPTED: "#66BB6A", ConsentOutcome.ADOPTED_WITH_CONCERNS: theme.PROJECTOR_ACCENT,
                   ConsentOutcome.BLOCKED: theme.PROJECTOR_OVERRUN, ConsentOutcome.PENDING: theme.PROJECTOR_MUTED}


class ResultsScreen(Screen):
    """One ballot: its title and counts on top, then what the room may see of it."""

    def paint(self, painter: QPainter, content: ProjectorContent) -> None:
        view, area, h = content.result, self.margins(), self.height()
        if view is None:
            return
        top = area.top() + draw_text(painter, QRectF(area.left(), area.top(), area.width(), h), view.title,
                                     main_size(h), theme.PROJECTOR_ACCENT, bold=True, max_lines=2, main=True)
        counts = view.result is not None  # while hidden, the counts stand large below
        top += draw_text(painter, QRectF(area.left(), top, area.width(), h),
                         texts.heading_line(view.method, view.status, view.ballots if counts else 0,
                                            view.tallied if counts else 0, counts), read_size(h),
                         theme.PROJECTOR_MUTED, max_lines=2) + h * 0.025
        body = QRectF(area.left(), top, area.width(), area.bottom() - top)
        if view.result is None:
            self.pages = paint_waiting(painter, body, view, h, content.page)
        else:
            self.pages = paint_result(painter, body, view, view.result, h, content.page)


def paint_result(painter: QPainter, rect: QRectF, view: ResultView, result: Result, h: float, page: int) -> int:
    """The revealed result, drawn the way its method reads best, with its notes along the bottom; returns how many
    pages it takes (the notes are on each)."""
    size = read_size(h)
    notes = [note for note in _notes(view, result, lambda text: lines_needed(text, size, rect.width()) <= 2)
             if note]
    heights = [lines_needed(note, size, rect.width()) * line_height(size) for note in notes]
    body = QRectF(rect.left(), rect.top(), rect.width(), rect.height() - sum(heights))
    if view.method == BallotMethod.MATRIX:
        pages = paint_matrix(painter, body, view, result, h, page)
    elif view.method == BallotMethod.CRITERIA:
        pages = paint_criteria(painter, body, view, result, h, page)
    elif view.method == BallotMethod.CONSENT:
        pages = paint_consent(painter, body, result, h, page)
    else:
        pages = paint_bars(painter, body, view, result, h, page)
    top = body.bottom()
    for note, height in zip(notes, heights, strict=True):
        top += draw_text(painter, QRectF(rect.left(), top, rect.width(), height), note, size,
                         theme.PROJECTOR_ACCENT if note.startswith(WARNING_MARK) else theme.PROJECTOR_MUTED,
                         max_lines=100)
    return pages


def _notes(view: ResultView, result: Result, fits: Callable[[str], bool]) -> list[str]:
    notes = [texts.ties_note(result)]
    if view.method == BallotMethod.RANKING:
        schulze = texts.schulze_note(result)
        notes.append(f"{WARNING_MARK} {schulze}" if result.winners_differ else schulze)
        notes.append(_undecided(result, fits))
    if any(row.dissent for row in result.rows):
        notes.append(_("≠ voters strongly disagree on this criterion.") if view.method == BallotMethod.CRITERIA
                     else _("≠ voters strongly disagree on this option."))
    return notes


def _undecided(result: Result, fits: Callable[[str], bool]) -> str:
    """The pairs Schulze leaves undecided, as many named as `fits` (two lines), else how many there are. The bars
    are Borda's, so the pairs Schulze still orders within a shared rank are left to the console and documents."""
    count = len(result.alternative.undecided()) if result.alternative and result.sources else 0
    for most in range(min(count, PROJECTOR_PAIRS), 0, -1):
        text = texts.undecided_notes(result, most)[0]
        if fits(text):
            return text
    return ngettext("Schulze leaves {n} pair of options undecided.", "Schulze leaves {n} pairs of options undecided.",
                    count).format(n=count) if count else ""


def _share(view: ResultView, row: ResultRow, biggest: float) -> float:
    if row.score is None:
        return 0.0
    if isinstance(view.settings, RatingSettings):
        span = view.settings.high - view.settings.low
        return max(0.0, (row.score - view.settings.low) / span) if span else 0.0
    return max(0.0, row.score) / biggest if biggest else 0.0


def paint_bars(painter: QPainter, rect: QRectF, view: ResultView, result: Result, h: float, page: int) -> int:
    """One horizontal bar per option: rank, label (wrapped), bar, count and share; the winners in the accent colour;
    as many options to a page as fit. Returns the number of pages."""
    rows, size = ordered_rows(view, result), read_size(h)
    high = view.settings.high if isinstance(view.settings, RatingSettings) else 5
    values = [("≠ " if row.dissent else "") + texts.score_text(view.method, row, result, high)
              + (" · " + _("Schulze #1") if _schulze_only_winner(result, row) else "") for row in rows]
    value_w = max(text_width(value, size, True) for value in values) + size * 0.6 if values else 0.0
    rank_w = max((text_width(texts.rank_text(row), size, True) for row in rows), default=0.0) + size * 0.6
    columns = _Columns(rank_w, rect.width() * 0.42, value_w)
    heights = [lines_needed(row.label, size, columns.label, True) * line_height(size, True) + size * 0.5
               for row in rows]
    pages = pages_by_height(heights, rect.height())
    winners = {row.option_id for row in result.winners}
    winners |= {row.option_id for row in rows if _schulze_only_winner(result, row)}  # both winners in the accent
    biggest = max((abs(row.score or 0.0) for row in rows), default=0.0)
    top = rect.top()
    for index in pages[page % len(pages)]:
        row = rows[index]
        _bar_row(painter, QRectF(rect.left(), top, rect.width(), heights[index]), row, values[index],
                 _share(view, row, biggest), row.option_id in winners, columns, size)
        top += heights[index]
    return len(pages)


def _schulze_only_winner(result: Result, row: ResultRow) -> bool:
    """The row is a winner of the Schulze count (nothing beats it) but not of Borda's."""
    schulze = result.alternative.winners if result.alternative else ()
    return result.winners_differ and row.rank != 1 and any(won.option_id == row.option_id for won in schulze)


class _Columns(NamedTuple):
    """Widths of a bar row's rank, label and value columns (the bar takes the rest)."""

    rank: float
    label: float
    value: float


def _bar_row(painter: QPainter, cell: QRectF, row: ResultRow, value: str, share: float, won: bool,
             columns: _Columns, size: float) -> None:
    colour = theme.PROJECTOR_ACCENT if won else theme.PROJECTOR_TEXT
    centred(painter, QRectF(cell.left(), cell.top(), columns.rank, cell.height()), texts.rank_text(row), size,
            colour if won else theme.PROJECTOR_MUTED, bold=won, most=1)
    left = cell.left() + columns.rank
    value_left = cell.right() - columns.value
    centred(painter, QRectF(left, cell.top(), columns.label, cell.height()), row.label, size, colour, bold=won,
            most=100)
    bar_left = left + columns.label + size * 0.4
    bar = QRectF(bar_left, cell.center().y() - size * 0.45, value_left - size * 0.4 - bar_left, size * 0.9)
    if share:
        painter.fillRect(QRectF(bar.left(), bar.top(), max(2.0, bar.width() * share), bar.height()),
                         QColor(theme.PROJECTOR_ACCENT if won else BAR))
    centred(painter, QRectF(value_left, cell.top(), columns.value, cell.height()), value, size, colour,
            bold=won, align=Align.AlignRight, most=1)


def paint_consent(painter: QPainter, rect: QRectF, result: Result, h: float, page: int) -> int:
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


def paint_waiting(painter: QPainter, rect: QRectF, view: ResultView, h: float, page: int) -> int:
    """What came in, counted as the console counts it ('4 ballots'), where voting stands, and the options in the
    room's order (random when shuffled), a page at a time when they do not all fit: bullets, not numbers that would
    read as a ranking before the result is out. Returns the number of pages."""
    counts = texts.counts_line(view.method, view.ballots, view.tallied)
    top = rect.top() + draw_text(painter, rect, counts, main_size(h) * 1.6, theme.PROJECTOR_TEXT, bold=True,
                                 max_lines=2, main=True)
    state = {BallotStatus.DRAFT: _("Voting has not started yet."), BallotStatus.OPEN: _("Voting is open."),
             BallotStatus.CLOSED: _("Voting is closed: the result is coming.")}[view.status]
    top += draw_text(painter, QRectF(rect.left(), top, rect.width(), h), state, read_size(h),
                     theme.PROJECTOR_ACCENT, max_lines=2) + h * 0.03
    size = read_size(h)
    labels = [f"• {option.label}" for option in view.options]
    heights = [lines_needed(label, size, rect.width()) * line_height(size) for label in labels]
    pages = pages_by_height(heights, rect.bottom() - top)
    for index in pages[page % len(pages)]:
        top += draw_text(painter, QRectF(rect.left(), top, rect.width(), heights[index]), labels[index], size,
                         theme.PROJECTOR_TEXT, max_lines=100)
    return len(pages)
