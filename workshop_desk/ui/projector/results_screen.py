"""The projector's vote screen: 'Votes: N' until the result is revealed, then bars, a ranking, a consent round,
or (results_charts.py) the 2×2 scatter and the multi-criteria table — all painted to the screen's scale."""

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter

from workshop_desk.domain.consent import AGREE, CONCERNS, OBJECTION, ConsentOutcome, outcome_label, stance_label
from workshop_desk.domain.enums import BallotMethod, BallotStatus
from workshop_desk.domain.voting import RatingSettings, Result, ResultRow
from workshop_desk.i18n import _, ngettext
from workshop_desk.ui import theme
from workshop_desk.ui.projector.content import ProjectorContent
from workshop_desk.ui.projector.painting import MAIN, centred, draw_text
from workshop_desk.ui.projector.result_parts import BAR, NOTE, fitted, ordered_rows
from workshop_desk.ui.projector.results_charts import paint_criteria, paint_matrix
from workshop_desk.ui.projector.screens import Screen
from workshop_desk.ui.projector.vote_views import ResultView
from workshop_desk.ui.voting import texts

Align = Qt.AlignmentFlag
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
            draw_text(painter, QRectF(area.left(), h * 0.42, area.width(), h * 0.1), _("No vote to show yet"),
                      h * MAIN, theme.PROJECTOR_MUTED, align=Align.AlignHCenter)
            return
        draw_text(painter, QRectF(area.left(), area.top(), area.width(), h * 0.08), view.title, h * 0.06,
                  theme.PROJECTOR_ACCENT, bold=True)
        counts = view.result is not None  # while hidden, "Votes: N" below says it
        draw_text(painter, QRectF(area.left(), area.top() + h * 0.075, area.width(), h * 0.06),
                  texts.heading_line(view.method, view.status, view.ballots if counts else 0,
                                     view.tallied if counts else 0, counts), h * NOTE, theme.PROJECTOR_MUTED)
        body = QRectF(area.left(), area.top() + h * 0.15, area.width(), area.height() - h * 0.15)
        if view.result is None:
            paint_waiting(painter, body, view, h)
        else:
            paint_result(painter, body, view, view.result, h)


def paint_result(painter: QPainter, rect: QRectF, view: ResultView, result: Result, h: float) -> None:
    """The revealed result, drawn the way its method reads best, with its notes along the bottom."""
    metrics = QFontMetricsF(theme.font_px(h * NOTE))
    notes = [note for note in _notes(view, result, lambda text: metrics.horizontalAdvance(text) <= rect.width() * 1.8)
             if note]
    lines = [1 if metrics.horizontalAdvance(note) <= rect.width() else 2 for note in notes]  # a long note wraps
    body = QRectF(rect.left(), rect.top(), rect.width(), rect.height() - sum(lines) * metrics.lineSpacing())
    if view.method == BallotMethod.MATRIX:
        paint_matrix(painter, body, view, result, h)
    elif view.method == BallotMethod.CRITERIA:
        paint_criteria(painter, body, view, result, h)
    elif view.method == BallotMethod.CONSENT:
        paint_consent(painter, body, result, h)
    else:
        paint_bars(painter, body, view, result, h)
    top = body.bottom()
    for note, count in zip(notes, lines, strict=True):
        top += draw_text(painter, QRectF(rect.left(), top, rect.width(), count * metrics.lineSpacing()), note,
                         h * NOTE, theme.PROJECTOR_ACCENT if note.startswith(WARNING_MARK) else theme.PROJECTOR_MUTED,
                         max_lines=count)


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


def paint_bars(painter: QPainter, rect: QRectF, view: ResultView, result: Result, h: float) -> None:
    """One horizontal bar per option: rank, label, bar, count and share; the winners in the accent colour.
    Labels too long for their column go above their bar, across the width, when the rows are tall enough."""
    rows, size = ordered_rows(view, result), h * MAIN
    row_height = min(h * 0.13, max(size * 1.45, rect.height() / max(1, len(rows))))
    shown, left_out = fitted(rows, rect.height(), row_height)
    high = view.settings.high if isinstance(view.settings, RatingSettings) else 5
    values = [("≠ " if row.dissent else "") + texts.score_text(view.method, row, result, high)
              + (" · " + _("Schulze #1") if _schulze_only_winner(result, row) else "") for row in shown]
    bold = QFontMetricsF(theme.font_px(size * 0.9, True))
    value_w = min(rect.width() * 0.34, max(rect.width() * 0.12, *(bold.horizontalAdvance(v) for v in values)) + size)
    columns = _Columns(size * 1.7, rect.width() * 0.4, value_w, False)
    columns.stacked = row_height >= size * 1.8 and any(
        QFontMetricsF(theme.font_px(size, True)).horizontalAdvance(row.label) > columns.label for row in shown)
    winners = {row.option_id for row in result.winners}
    winners |= {row.option_id for row in shown if _schulze_only_winner(result, row)}  # both winners in the accent
    biggest = max((abs(row.score or 0.0) for row in rows), default=0.0)
    for index, (row, value) in enumerate(zip(shown, values, strict=True)):
        _bar_row(painter, QRectF(rect.left(), rect.top() + index * row_height, rect.width(), row_height), row,
                 value, _share(view, row, biggest), row.option_id in winners, columns, size)
    _more(painter, rect, left_out, len(shown) * row_height, h)


def _schulze_only_winner(result: Result, row: ResultRow) -> bool:
    """The row is a winner of the Schulze count (nothing beats it) but not of Borda's."""
    schulze = result.alternative.winners if result.alternative else ()
    return result.winners_differ and row.rank != 1 and any(won.option_id == row.option_id for won in schulze)


class _Columns:
    """Widths of a bar row's rank, label and value columns; `stacked`: labels above the bars."""

    def __init__(self, rank: float, label: float, value: float, stacked: bool) -> None:
        self.rank, self.label, self.value, self.stacked = rank, label, value, stacked


def _bar_row(painter: QPainter, cell: QRectF, row: ResultRow, value: str, share: float, won: bool,
             columns: _Columns, size: float) -> None:
    colour = theme.PROJECTOR_ACCENT if won else theme.PROJECTOR_TEXT
    centred(painter, QRectF(cell.left(), cell.top(), columns.rank, cell.height()), texts.rank_text(row), size,
            colour if won else theme.PROJECTOR_MUTED, bold=won, most=1)
    left = cell.left() + columns.rank
    value_left = cell.right() - columns.value
    if columns.stacked:
        label = QRectF(left, cell.top(), value_left - left - size * 0.4, size * 1.3)
        bar = QRectF(left, label.bottom() + size * 0.05, value_left - left - size * 0.4,
                     min(size * 0.9, max(size * 0.25, cell.height() - size * 1.45)))
    else:
        label = QRectF(left, cell.top(), columns.label, cell.height())
        bar_left = left + columns.label + size * 0.4
        bar = QRectF(bar_left, cell.top() + cell.height() * 0.22, value_left - size * 0.4 - bar_left,
                     cell.height() * 0.56)
    centred(painter, label, row.label, size, colour, bold=won, most=1 if columns.stacked else 2)
    if share:
        painter.fillRect(QRectF(bar.left(), bar.top(), max(2.0, bar.width() * share), bar.height()),
                         QColor(theme.PROJECTOR_ACCENT if won else BAR))
    centred(painter, QRectF(value_left, cell.top(), columns.value, cell.height()), value, size * 0.9, colour,
            bold=won, align=Align.AlignRight, most=1)


def _more(painter: QPainter, rect: QRectF, left_out: int, used: float, h: float) -> None:
    if left_out:
        text = ngettext("… and {n} more option", "… and {n} more options", left_out).format(n=left_out)
        draw_text(painter, QRectF(rect.left(), rect.top() + used, rect.width(), h * 0.07), text, h * NOTE,
                  theme.PROJECTOR_MUTED)


def paint_consent(painter: QPainter, rect: QRectF, result: Result, h: float) -> None:
    """Per proposal: agree, concerns and objection counts, and the outcome; with room, what was written down."""
    size = h * MAIN
    rows = list(result.rows)
    row_height = min(h * 0.16, max(size * 2.2, rect.height() / max(1, len(rows))))
    comments_room = rect.height() - len(rows) * row_height
    shown, left_out = fitted(rows, rect.height(), row_height)
    for index, row in enumerate(shown):
        _consent_row(painter, QRectF(rect.left(), rect.top() + index * row_height, rect.width(), row_height), row, h)
    _more(painter, rect, left_out, len(shown) * row_height, h)
    if comments_room > h * 0.12 and not left_out:
        _comments(painter, QRectF(rect.left(), rect.top() + len(rows) * row_height + h * 0.02, rect.width(),
                                  comments_room - h * 0.02), rows, h)


def _consent_row(painter: QPainter, rect: QRectF, row: ResultRow, h: float) -> None:
    size = h * MAIN
    label_w, chip_w = rect.width() * 0.36, rect.width() * 0.11
    centred(painter, QRectF(rect.left(), rect.top(), label_w, rect.height()), row.label, size, theme.PROJECTOR_TEXT,
            bold=True)
    x = rect.left() + label_w + size * 0.5
    for stance in (AGREE, CONCERNS, OBJECTION):
        count = round(float(row.extra.get(stance) or 0))
        chip = QRectF(x, rect.top() + rect.height() * 0.2, chip_w - size * 0.3, rect.height() * 0.6)
        painter.fillRect(QRectF(chip.left(), chip.top(), size * 0.25, chip.height()), QColor(STANCE_COLOURS[stance]))
        centred(painter, QRectF(chip.left() + size * 0.45, chip.top(), chip.width(), chip.height() * 0.55),
                str(count), size, theme.PROJECTOR_TEXT, bold=True, most=1)
        centred(painter, QRectF(chip.left() + size * 0.45, chip.top() + chip.height() * 0.55, chip.width(),
                                chip.height() * 0.45), stance_label(stance), h * 0.03, theme.PROJECTOR_MUTED, most=1)
        x += chip_w
    verdict = ConsentOutcome(str(row.extra.get("outcome")))
    centred(painter, QRectF(x, rect.top(), rect.right() - x, rect.height()), outcome_label(verdict), size,
            OUTCOME_COLOURS[verdict], bold=True, align=Align.AlignRight)


def _comments(painter: QPainter, rect: QRectF, rows: list[ResultRow], h: float) -> None:
    """The concerns and objections written down, objections first, as many as fit."""
    written = [(row, comment) for row in rows for comment in row.comments]
    size, top = h * NOTE * 1.1, rect.top()
    for row, comment in written:
        if top + size * 1.3 > rect.bottom():
            break
        prefix = f"{row.label} — " if len(rows) > 1 else ""
        text = _("{stance}: {text}").format(stance=stance_label(comment.axis), text=prefix + comment.text)
        top += draw_text(painter, QRectF(rect.left(), top, rect.width(), size * 2.6), text, size,
                         STANCE_COLOURS.get(comment.axis, theme.PROJECTOR_MUTED), max_lines=2) + size * 0.2


def paint_waiting(painter: QPainter, rect: QRectF, view: ResultView, h: float) -> None:
    """'Votes: N', where voting stands, and the options in the room's order (random when shuffled)."""
    draw_text(painter, QRectF(rect.left(), rect.top(), rect.width(), h * 0.15), _("Votes: {n}").format(n=view.votes),
              h * 0.12, theme.PROJECTOR_TEXT, bold=True)
    state = {BallotStatus.DRAFT: _("Voting has not started yet."), BallotStatus.OPEN: _("Voting is open."),
             BallotStatus.CLOSED: _("Voting is closed: the result is coming.")}[view.status]
    draw_text(painter, QRectF(rect.left(), rect.top() + h * 0.16, rect.width(), h * 0.07), state, h * MAIN,
              theme.PROJECTOR_ACCENT)
    _option_list(painter, QRectF(rect.left(), rect.top() + h * 0.27, rect.width(), rect.height() - h * 0.27), view, h)


def _option_list(painter: QPainter, rect: QRectF, view: ResultView, h: float) -> None:
    """The options numbered in display order, in two columns when there are many."""
    options = view.options
    size = h * MAIN * (1.0 if len(options) <= 8 else 0.85)
    row_height = size * 1.4
    room = max(1, int(rect.height() // row_height))
    columns = 1 if len(options) <= room else 2
    per_column = min(room, -(-len(options) // columns))  # balanced columns
    width = rect.width() / columns
    for index, option in enumerate(options[:per_column * columns]):
        column, line = divmod(index, per_column)
        cell = QRectF(rect.left() + column * width, rect.top() + line * row_height, width - size, row_height)
        draw_text(painter, cell, f"{index + 1}. {option.label}", size, theme.PROJECTOR_TEXT)
    if len(options) > per_column * columns:
        left_out = len(options) - per_column * columns
        text = ngettext("… and {n} more option", "… and {n} more options", left_out).format(n=left_out)
        draw_text(painter, QRectF(rect.left(), rect.bottom() - row_height, rect.width(), row_height), text,
                  h * NOTE, theme.PROJECTOR_MUTED, align=Align.AlignRight)
