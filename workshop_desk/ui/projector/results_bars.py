"""The projector's bars (dots, points, hands, ratings, a ranking's Borda points) and a ranking's Schulze notes."""

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from workshop_desk.domain.voting import RatingSettings, Result, ResultRow
from workshop_desk.i18n import _, ngettext
from workshop_desk.ui import theme
from workshop_desk.ui.projector.painting import (
    centred,
    line_height,
    lines_needed,
    pages_by_height,
    read_size,
    text_width,
)
from workshop_desk.ui.projector.result_parts import BAR, WARNING_MARK, ordered_rows
from workshop_desk.ui.projector.vote_views import ResultView
from workshop_desk.ui.voting import texts
from workshop_desk.ui.voting.method_views import score_text

Align = Qt.AlignmentFlag
PROJECTOR_PAIRS = 4  # undecided pairs named on the screen at most (the console and the documents name them all)


def schulze_notes(result: Result, fits: Callable[[str], bool]) -> list[str]:
    """Beside Borda's bars: who the Schulze count elects (a warning when it differs), and the pairs it leaves
    undecided."""
    schulze = texts.schulze_note(result)
    return [f"{WARNING_MARK} {schulze}" if result.winners_differ else schulze, _undecided(result, fits)]


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
    values = [("≠ " if row.dissent else "") + score_text(view.method, row, result, high)
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
