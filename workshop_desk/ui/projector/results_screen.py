"""The projector's vote screen: what came in until the result is revealed, then the result as its method paints it."""

from collections.abc import Callable

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from workshop_desk.domain.ballot_texts import provenance
from workshop_desk.domain.enums import BallotStatus, Source
from workshop_desk.domain.voting import Result
from workshop_desk.i18n import _, language, translator
from workshop_desk.ui import theme
from workshop_desk.ui.projector.content import ProjectorContent
from workshop_desk.ui.projector.painting import (
    draw_text,
    line_height,
    lines_needed,
    main_size,
    pages_by_height,
    read_size,
)
from workshop_desk.ui.projector.result_parts import WARNING_MARK
from workshop_desk.ui.projector.result_views import PROJECTOR_VIEWS
from workshop_desk.ui.projector.screens import Screen
from workshop_desk.ui.projector.vote_views import ResultView
from workshop_desk.ui.voting import texts


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
    pages = PROJECTOR_VIEWS[view.method].paint(painter, body, view, result, h, page)
    top = body.bottom()
    for note, height in zip(notes, heights, strict=True):
        top += draw_text(painter, QRectF(rect.left(), top, rect.width(), height), note, size,
                         theme.PROJECTOR_ACCENT if note.startswith(WARNING_MARK) else theme.PROJECTOR_MUTED,
                         max_lines=100)
    return pages


def _notes(view: ResultView, result: Result, fits: Callable[[str], bool]) -> list[str]:
    entry = PROJECTOR_VIEWS[view.method]
    notes = [texts.ties_note(result), *entry.notes(result, fits), _from_where(view, result)]
    if any(row.dissent for row in result.rows):
        notes.append(_(entry.dissent))
    return notes


def _from_where(view: ResultView, result: Result) -> str:
    """Where the votes came from, once more than the console brought them ('…, of which 280 from phones and 32 on
    paper'): the room sees that its phones and its paper were counted together."""
    if all(found.source == Source.CONSOLE for found in result.sources):
        return ""
    return provenance(view.method, result, translator(language()))


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
