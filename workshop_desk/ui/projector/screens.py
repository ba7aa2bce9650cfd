"""The projector's screens: welcome, agenda, pause and blank, each painted to scale."""

from typing import NamedTuple

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget

from workshop_desk.domain.agenda import TimedItem, timed_items
from workshop_desk.domain.clock import local
from workshop_desk.domain.countdown import Phase
from workshop_desk.domain.enums import label
from workshop_desk.domain.live import ItemProgress, Pace, format_clock
from workshop_desk.i18n import _, format_date, format_minutes, format_time, ngettext, pgettext
from workshop_desk.ui import theme
from workshop_desk.ui.projector.content import ProjectorContent
from workshop_desk.ui.projector.painting import (
    centred,
    draw_text,
    flow,
    line_height,
    lines_needed,
    main_size,
    read_size,
    text_width,
)

Align = Qt.AlignmentFlag


class Screen(QWidget):
    """A full-window screen painted from the latest ProjectorContent."""

    def __init__(self) -> None:
        super().__init__()
        self.content: ProjectorContent | None = None
        self.empty = ""  # the sentence shown instead, when there is nothing to show (projector/registry.py)
        self.pages = 1  # set by each paint: more than one, and the controller turns them (content.page)
        self.setAutoFillBackground(True)
        self.setPalette(theme.projector_palette())

    def set_content(self, content: ProjectorContent, empty: str = "") -> None:
        self.content = content
        self.empty = empty
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(self.rect(), QColor(theme.PROJECTOR_BACKGROUND))
        self.pages = 1
        try:
            if self.content is not None and self.empty:
                self.paint_empty(painter, self.content)
            elif self.content is not None:
                self.paint(painter, self.content)
        finally:  # a painter left open on a widget crashes Qt; the error itself reaches the log
            painter.end()

    def paint(self, painter: QPainter, content: ProjectorContent) -> None:
        """Draw the screen; subclasses override."""

    def heading(self, content: ProjectorContent) -> str:
        """What the screen is about, kept above its empty state; subclasses override."""
        return ""

    def paint_empty(self, painter: QPainter, content: ProjectorContent) -> None:
        """The heading, and the sentence saying why there is nothing to show yet, so the room never faces a void."""
        area, h = self.margins(), self.height()
        draw_text(painter, QRectF(area.left(), area.top(), area.width(), h * 0.12), self.heading(content),
                  main_size(h), theme.PROJECTOR_ACCENT, bold=True, main=True)
        draw_text(painter, QRectF(area.left(), h * 0.38, area.width(), h * 0.4), self.empty, read_size(h) * 1.2,
                  theme.PROJECTOR_MUTED, align=Align.AlignHCenter, max_lines=4)

    def margins(self) -> QRectF:
        """The safe area: projectors often crop the edges."""
        w, h = self.width(), self.height()
        return QRectF(w * 0.06, h * 0.07, w * 0.88, h * 0.86)


class WelcomeScreen(Screen):
    """Programme, sitting, date, times and venue; the logo when there is one."""

    def paint(self, painter: QPainter, content: ProjectorContent) -> None:
        area, h = self.margins(), self.height()
        top = area.top()
        if content.programme and content.programme.logo:
            self._paint_logo(painter, content.programme.logo, area)
        sitting = content.agenda.sitting if content.agenda else None
        if sitting is None:
            self._paint_greeting(painter, content, area)
            return
        top += draw_text(painter, QRectF(area.left(), top, area.width() * 0.65, h),
                         pgettext("projector heading", "Welcome"), read_size(h), theme.PROJECTOR_ACCENT,
                         bold=True) + h * 0.025
        if content.programme:
            top += draw_text(painter, QRectF(area.left(), top, area.width(), h), content.programme.title,
                             read_size(h), theme.PROJECTOR_MUTED, max_lines=2) + h * 0.03
        top += draw_text(painter, QRectF(area.left(), top, area.width(), h), sitting.title,
                         main_size(h) * 1.15, theme.PROJECTOR_TEXT, bold=True, max_lines=3, main=True) + h * 0.03
        bottom = self._paint_head_count(painter, content, area) if content.head_count is not None else area.bottom()
        for line in self._details(content):
            if top + line_height(read_size(h)) > bottom:
                break
            top += draw_text(painter, QRectF(area.left(), top, area.width(), h), line,
                             read_size(h), theme.PROJECTOR_TEXT, max_lines=2) + h * 0.012

    def _paint_greeting(self, painter: QPainter, content: ProjectorContent, area: QRectF) -> None:
        """Before a sitting is chosen (or a file opened): a large welcome, and the programme's title under it."""
        h = self.height()
        top = area.top() + area.height() * 0.3
        top += draw_text(painter, QRectF(area.left(), top, area.width(), h), pgettext("projector heading", "Welcome"),
                         main_size(h) * 2, theme.PROJECTOR_ACCENT, bold=True, align=Align.AlignHCenter,
                         main=True) + h * 0.04
        if content.programme:
            draw_text(painter, QRectF(area.left(), top, area.width(), h), content.programme.title, main_size(h),
                      theme.PROJECTOR_TEXT, bold=True, align=Align.AlignHCenter, max_lines=3, main=True)

    def _paint_head_count(self, painter: QPainter, content: ProjectorContent, area: QRectF) -> float:
        """'37 people here', and a chip per stakeholder group (on CHIP_ROWS rows at most, the largest groups first, then
        '+N others'), along the bottom of the screen; returns where this takes over."""
        count, h = content.head_count, self.height()
        assert count is not None
        size = read_size(h)
        chips = _chips(content, area.width(), size)
        rows = max(chip.row for chip in chips) + 1 if chips else 0
        chips_top = area.bottom() - rows * line_height(size) * CHIP_ROW
        total = ngettext("{n} person here", "{n} people here", count.present).format(n=count.present)
        total_top = chips_top - line_height(main_size(h), bold=True) - h * 0.01
        draw_text(painter, QRectF(area.left(), total_top, area.width(), h), total, main_size(h),
                  theme.PROJECTOR_ACCENT, bold=True)
        for chip in chips:
            top = chips_top + chip.row * line_height(size) * CHIP_ROW
            if chip.colour:  # its swatch before it
                painter.fillRect(QRectF(area.left() + chip.x - size * 1.1, top + size * 0.3, size * 0.8, size * 0.8),
                                 QColor(chip.colour))
            draw_text(painter, QRectF(area.left() + chip.x, top, chip.width, line_height(size)), chip.text, size,
                      theme.PROJECTOR_TEXT)
        return total_top - h * 0.02

    @staticmethod
    def _details(content: ProjectorContent) -> list[str]:
        sitting = content.agenda.sitting  # type: ignore[union-attr]
        lines = []
        when = format_date(sitting.date) if sitting.date else ""
        if sitting.start_time and sitting.end_time:
            when += " · " + _("{start} – {end}").format(start=format_time(sitting.start_time),
                                                         end=format_time(sitting.end_time))
        if when:
            lines.append(when[:1].upper() + when[1:])
        if sitting.venue:
            lines.append(sitting.venue)
        return lines

    def _paint_logo(self, painter: QPainter, data: bytes, area: QRectF) -> None:
        """The client's logo in the top right corner, on a white card (most logos are drawn for paper)."""
        pixmap = QPixmap()
        if not pixmap.loadFromData(data):
            return
        height = int(self.height() * 0.12)
        scaled = pixmap.scaled(int(area.width() * 0.3), height, Qt.AspectRatioMode.KeepAspectRatio,
                               Qt.TransformationMode.SmoothTransformation)
        pad = self.height() * 0.012
        card = QRectF(area.right() - scaled.width() - 2 * pad, area.top(), scaled.width() + 2 * pad,
                      scaled.height() + 2 * pad)
        painter.fillRect(card, QColor("#FFFFFF"))
        painter.drawPixmap(int(card.left() + pad), int(card.top() + pad), scaled)


class AgendaScreen(Screen):
    """The agenda with the current item highlighted, the time of day, and the current item's clock."""

    def heading(self, content: ProjectorContent) -> str:
        return content.agenda.sitting.title if content.agenda else ""

    def paint(self, painter: QPainter, content: ProjectorContent) -> None:
        if content.agenda is None:
            return
        area, h = self.margins(), self.height()
        now = local(content.now) if content.now else None
        clock = format_time(now.time()) if now else ""
        clock_width = text_width(clock, read_size(h) * 1.2, bold=True) + h * 0.04
        if clock:
            draw_text(painter, QRectF(area.right() - clock_width, area.top(), clock_width, h), clock,
                      read_size(h) * 1.2, theme.PROJECTOR_MUTED, bold=True, align=Align.AlignRight)
        top = area.top() + draw_text(painter, QRectF(area.left(), area.top(), area.width() - clock_width, h),
                                     content.agenda.sitting.title, main_size(h), theme.PROJECTOR_MUTED, bold=True,
                                     max_lines=2, main=True) + h * 0.03
        footer = h * 0.12 if content.elapsed_seconds is not None else 0.0
        self._paint_items(painter, content, QRectF(area.left(), top, area.width(), area.bottom() - top - footer))
        if footer:
            self._paint_progress(painter, content, QRectF(area.left(), area.bottom() - footer,
                                                          area.width(), footer))

    def _paint_items(self, painter: QPainter, content: ProjectorContent, rect: QRectF) -> None:
        """From the item before the current one (the first when the run has not started), as many as fit."""
        agenda = content.agenda
        assert agenda is not None
        rows, size = timed_items(agenda.sitting, agenda.items), read_size(self.height())
        current = next((i for i, r in enumerate(rows) if r.item.id == agenda.sitting.current_item_id), -1)
        first = max(0, current - 1) if agenda.sitting.is_running else 0
        columns = _AgendaColumns(text_width("00:00 ", size, bold=True),
                                 max((text_width(format_minutes(r.item.planned_minutes), size) for r in rows),
                                     default=0.0) + size)
        top = rect.top()
        for index in range(first, len(rows)):
            title_width = rect.width() - columns.time - columns.minutes
            height = lines_needed(rows[index].item.title, size, title_width, bold=True) * line_height(size, True)
            height = min(height, 2 * line_height(size, True)) + size * 0.35
            if top + height > rect.bottom():
                break
            row_rect = QRectF(rect.left(), top, rect.width(), height)
            self._paint_row(painter, rows[index], row_rect, columns, agenda.sitting.is_running and index == current,
                            agenda.sitting.is_running and index < current)
            top += height

    def _paint_row(self, painter: QPainter, timed: TimedItem, rect: QRectF, columns: "_AgendaColumns",
                   is_current: bool, done: bool) -> None:
        h = self.height()
        colour = theme.PROJECTOR_DONE if done else theme.PROJECTOR_TEXT
        if is_current:
            painter.fillRect(rect.adjusted(-h * 0.02, 0, h * 0.02, 0), QColor(255, 255, 255, 28))
            painter.fillRect(QRectF(rect.left() - h * 0.02, rect.top(), h * 0.012, rect.height()),
                             QColor(theme.PROJECTOR_ACCENT))
            colour = theme.PROJECTOR_ACCENT
        size = read_size(h)
        start = format_time(timed.start) if timed.start else ""
        centred(painter, QRectF(rect.left(), rect.top(), columns.time, rect.height()), start, size, colour,
                bold=is_current, most=1)
        centred(painter, QRectF(rect.left() + columns.time, rect.top(), rect.width() - columns.time - columns.minutes,
                                rect.height()), timed.item.title, size, colour, bold=is_current)
        centred(painter, QRectF(rect.right() - columns.minutes, rect.top(), columns.minutes, rect.height()),
                format_minutes(timed.item.planned_minutes), size, theme.PROJECTOR_MUTED, align=Align.AlignRight,
                most=1)

    def _paint_progress(self, painter: QPainter, content: ProjectorContent, rect: QRectF) -> None:
        agenda = content.agenda
        assert agenda is not None and content.elapsed_seconds is not None
        item = next((i for i in agenda.items if i.id == agenda.sitting.current_item_id), None)
        if item is None:
            return
        progress = ItemProgress(content.elapsed_seconds, item.planned_minutes * 60)
        colour = {Pace.ON_TIME: theme.PROJECTOR_TEXT, Pace.CLOSE: theme.PROJECTOR_ACCENT,
                  Pace.OVERRUN: theme.PROJECTOR_OVERRUN}[progress.pace]
        if progress.pace == Pace.OVERRUN:
            text = _("Over time: {clock}").format(clock=format_clock(-progress.remaining_seconds))
        else:
            text = _("Time left: {clock}").format(clock=format_clock(progress.remaining_seconds))
        h = self.height()
        bar = QRectF(rect.left(), rect.top() + h * 0.01, rect.width(), h * 0.012)
        painter.fillRect(bar, QColor(255, 255, 255, 40))
        share = min(1.0, progress.elapsed_seconds / max(1, progress.planned_seconds))
        painter.fillRect(QRectF(bar.left(), bar.top(), bar.width() * share, bar.height()), QColor(colour))
        draw_text(painter, QRectF(rect.left(), bar.bottom() + h * 0.015, rect.width(), h * 0.08),
                  f"{label(item.kind)} · {text}", read_size(h) * 1.15, colour, bold=True, align=Align.AlignRight)


class _AgendaColumns(NamedTuple):
    time: float
    minutes: float


class CountdownScreen(Screen):
    """The round timer, as large as the screen allows, in the colour of its phase."""

    COLOURS = {Phase.NORMAL: theme.PROJECTOR_TEXT, Phase.WARNING: theme.PROJECTOR_ACCENT,
               Phase.CRITICAL: theme.PROJECTOR_OVERRUN, Phase.OVERTIME: theme.PROJECTOR_OVERRUN}

    def paint(self, painter: QPainter, content: ProjectorContent) -> None:
        view, h, area = content.countdown, self.height(), self.margins()
        if view is None:
            return
        colour = self.COLOURS[view.phase]
        if view.flash:
            painter.fillRect(self.rect(), QColor(colour))
            colour = theme.PROJECTOR_BACKGROUND
        if view.label:  # on two lines at most, above the digits
            draw_text(painter, QRectF(area.left(), area.top(), area.width(), h * 0.1), view.label,
                      read_size(h) * 1.15, theme.PROJECTOR_MUTED if not view.flash else colour, bold=True,
                      align=Align.AlignHCenter, max_lines=2)
        digits = format_clock(view.remaining_seconds)  # overtime shows as "+01:23"
        size = min(h * 0.42, self.width() * 0.9 / max(4.2, len(digits) * 0.62))
        draw_text(painter, QRectF(area.left(), h * 0.5 - size * 0.62, area.width(), size * 1.3), digits, size,
                  colour, bold=True, align=Align.AlignHCenter, main=True)
        if view.speaker:
            draw_text(painter, QRectF(area.left(), h * 0.78, area.width(), h * 0.1), view.speaker, main_size(h),
                      theme.PROJECTOR_TEXT if not view.flash else colour, align=Align.AlignHCenter, max_lines=2)
        elif view.phase == Phase.OVERTIME:
            draw_text(painter, QRectF(area.left(), h * 0.78, area.width(), h * 0.1), _("Time is up"), main_size(h),
                      colour, bold=True, align=Align.AlignHCenter)


class PauseScreen(Screen):
    """'Pause', and when the room is expected back."""

    def paint(self, painter: QPainter, content: ProjectorContent) -> None:
        h, area = self.height(), self.margins()
        draw_text(painter, QRectF(area.left(), h * 0.33, area.width(), h * 0.2), _("Break"), h * 0.16,
                  theme.PROJECTOR_ACCENT, bold=True, align=Align.AlignHCenter, main=True)
        if content.resume_at is not None:
            back = format_time(local(content.resume_at).time())
            draw_text(painter, QRectF(area.left(), h * 0.58, area.width(), h * 0.1),
                      _("We resume at {time}").format(time=back), main_size(h), theme.PROJECTOR_TEXT,
                      align=Align.AlignHCenter)


class BlankScreen(Screen):
    """Nothing: the room looks at the speaker."""

    def paint(self, painter: QPainter, content: ProjectorContent) -> None:
        painter.fillRect(self.rect(), QColor("#000000"))


class WhiteScreen(Screen):
    """Plain white: light for the room, or a surface to point at."""

    def paint(self, painter: QPainter, content: ProjectorContent) -> None:
        painter.fillRect(self.rect(), QColor("#FFFFFF"))


class Chip(NamedTuple):
    """A stakeholder group's head count on the welcome screen: where it goes, and its colour swatch."""

    text: str
    colour: str
    row: int
    x: float
    width: float


CHIP_ROW = 1.25  # of a line: the space between two rows of chips
CHIP_ROWS = 3


def _chips(content: ProjectorContent, width: float, size: float) -> list[Chip]:
    """The groups' chips, largest groups first, on CHIP_ROWS rows; the last one says how many groups did not fit."""
    assert content.head_count is not None
    names = {group.id: group for group in content.groups}
    counts = sorted(content.head_count.by_group.items(), key=lambda item: (item[0] is None, -item[1]))
    texts = [(f"{names[g].name if g in names else _('(no group)')} {n}", names[g].colour if g in names else
              "#BDBDBD") for g, n in counts]
    for shown in range(len(texts), -1, -1):
        left = len(texts) - shown
        more = [(ngettext("+{n} other", "+{n} others", left).format(n=left), "")] if left else []
        chips = _placed([*texts[:shown], *more], width, size)
        if chips is not None:
            return chips
    return []


def _placed(texts: list[tuple[str, str]], width: float, size: float) -> list[Chip] | None:
    """The chips in rows across `width`, or None when they need more than CHIP_ROWS rows."""
    widths = [text_width(text, size) + (size * 1.1 if colour else 0.0) for text, colour in texts]
    places = flow(widths, width, size * 1.2)
    if any(row >= CHIP_ROWS for row, _x in places) or any(chip > width for chip in widths):
        return None
    return [Chip(text, colour, row, x + (size * 1.1 if colour else 0.0), chip)
            for (text, colour), (row, x), chip in zip(texts, places, widths, strict=True)]


