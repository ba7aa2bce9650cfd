"""The projector's screens: welcome, agenda, pause and blank, each painted to scale."""

from datetime import datetime

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget

from workshop_desk.domain.agenda import TimedItem, timed_items
from workshop_desk.domain.clock import local
from workshop_desk.domain.countdown import Phase
from workshop_desk.domain.enums import label
from workshop_desk.domain.live import ItemProgress, Pace, format_clock
from workshop_desk.i18n import _, format_date, format_minutes, format_time, ngettext, pgettext
from workshop_desk.ui import theme
from workshop_desk.ui.projector.content import ProjectorContent
from workshop_desk.ui.projector.painting import MAIN, draw_text

Align = Qt.AlignmentFlag


class Screen(QWidget):
    """A full-window screen painted from the latest ProjectorContent."""

    def __init__(self) -> None:
        super().__init__()
        self.content: ProjectorContent | None = None
        self.pages = 1  # set by each paint: more than one, and the controller turns them (content.page)
        self.setAutoFillBackground(True)
        self.setPalette(theme.projector_palette())

    def set_content(self, content: ProjectorContent) -> None:
        self.content = content
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(self.rect(), QColor(theme.PROJECTOR_BACKGROUND))
        self.pages = 1
        if self.content is not None:
            self.paint(painter, self.content)
        painter.end()

    def paint(self, painter: QPainter, content: ProjectorContent) -> None:
        """Draw the screen; subclasses override."""

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
        draw_text(painter, QRectF(area.left(), top, area.width(), h * 0.08), pgettext("projector heading", "Welcome"),
                  h * MAIN, theme.PROJECTOR_ACCENT, bold=True)
        top += h * 0.10
        if content.programme:
            top += draw_text(painter, QRectF(area.left(), top, area.width(), h), content.programme.title,
                             h * 0.055, theme.PROJECTOR_MUTED, max_lines=2) + h * 0.03
        sitting = content.agenda.sitting if content.agenda else None
        if sitting is None:
            return
        top += draw_text(painter, QRectF(area.left(), top, area.width(), h), sitting.title,
                         h * 0.085, theme.PROJECTOR_TEXT, bold=True, max_lines=3) + h * 0.04
        for line in self._details(content):
            top += draw_text(painter, QRectF(area.left(), top, area.width(), h), line,
                             h * MAIN, theme.PROJECTOR_TEXT, max_lines=2) + h * 0.012
        if content.head_count is not None:
            self._paint_head_count(painter, content, area)

    def _paint_head_count(self, painter: QPainter, content: ProjectorContent, area: QRectF) -> None:
        """'37 people here', and a chip per stakeholder group, along the bottom of the screen."""
        count, h = content.head_count, self.height()
        assert count is not None
        chips_top = area.bottom() - h * 0.06
        total = ngettext("{n} person here", "{n} people here", count.present).format(n=count.present)
        draw_text(painter, QRectF(area.left(), chips_top - h * 0.11, area.width(), h * 0.09), total, h * 0.07,
                  theme.PROJECTOR_ACCENT, bold=True)
        groups = {group.id: group for group in content.groups}
        x, size = area.left(), h * 0.036
        for group_id, number in sorted(count.by_group.items(), key=lambda item: -item[1]):
            group = groups.get(group_id or -1)
            text = f"{group.name if group else _('(no group)')} {number}"
            width = QFontMetricsF(theme.font_px(size)).horizontalAdvance(text) + size * 1.8
            if x + width > area.right():
                break
            painter.fillRect(QRectF(x, chips_top + size * 0.25, size * 0.8, size * 0.8),
                             QColor(group.colour if group else "#BDBDBD"))
            draw_text(painter, QRectF(x + size * 1.1, chips_top, width, size * 1.3), text, size, theme.PROJECTOR_TEXT)
            x += width + size

    @staticmethod
    def _details(content: ProjectorContent) -> list[str]:
        sitting = content.agenda.sitting  # type: ignore[union-attr]
        lines = []
        when = format_date(sitting.date, "full") if sitting.date else ""
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

    def paint(self, painter: QPainter, content: ProjectorContent) -> None:
        if content.agenda is None:
            return
        area, h = self.margins(), self.height()
        sitting = content.agenda.sitting
        now = local(content.now) if content.now else None
        clock_width = area.width() * 0.18
        draw_text(painter, QRectF(area.left(), area.top(), area.width() - clock_width, h * 0.08),
                  sitting.title, h * 0.05, theme.PROJECTOR_MUTED, bold=True)
        if now:
            draw_text(painter, QRectF(area.right() - clock_width, area.top(), clock_width, h * 0.08),
                      format_time(now.time()), h * 0.05, theme.PROJECTOR_MUTED, bold=True, align=Align.AlignRight)
        top = area.top() + h * 0.11
        footer = h * 0.12 if content.elapsed_seconds is not None else 0.0
        self._paint_items(painter, content, QRectF(area.left(), top, area.width(), area.bottom() - top - footer))
        if footer:
            self._paint_progress(painter, content, QRectF(area.left(), area.bottom() - footer,
                                                          area.width(), footer))

    def _paint_items(self, painter: QPainter, content: ProjectorContent, rect: QRectF) -> None:
        agenda = content.agenda
        assert agenda is not None
        rows = timed_items(agenda.sitting, agenda.items)
        h = self.height()
        row_height = h * MAIN * 1.55
        visible = max(1, int(rect.height() // row_height))
        current = next((i for i, r in enumerate(rows) if r.item.id == agenda.sitting.current_item_id), -1)
        first = min(max(0, current - 1), max(0, len(rows) - visible)) if agenda.sitting.is_running else 0
        for offset, timed in enumerate(rows[first:first + visible]):
            index = first + offset
            row_rect = QRectF(rect.left(), rect.top() + offset * row_height, rect.width(), row_height)
            self._paint_row(painter, timed, row_rect, index, current, agenda.sitting.is_running)

    def _paint_row(self, painter: QPainter, timed: TimedItem, rect: QRectF, index: int, current: int,
                   running: bool) -> None:
        h = self.height()
        is_current = running and index == current
        colour = theme.PROJECTOR_TEXT
        if running and index < current:
            colour = theme.PROJECTOR_DONE
        if is_current:
            painter.fillRect(rect.adjusted(-h * 0.02, 0, h * 0.02, 0), QColor(255, 255, 255, 28))
            painter.fillRect(QRectF(rect.left() - h * 0.02, rect.top(), h * 0.012, rect.height()),
                             QColor(theme.PROJECTOR_ACCENT))
            colour = theme.PROJECTOR_ACCENT
        size = h * MAIN
        time_width = size * 3.7
        minutes_width = size * 4.2
        start = format_time(timed.start) if timed.start else ""
        draw_text(painter, QRectF(rect.left(), rect.top(), time_width, rect.height()), start, size, colour,
                  bold=is_current)
        draw_text(painter, QRectF(rect.left() + time_width, rect.top(), rect.width() - time_width - minutes_width,
                                  rect.height()), timed.item.title, size, colour, bold=is_current)
        draw_text(painter, QRectF(rect.right() - minutes_width, rect.top(), minutes_width, rect.height()),
                  format_minutes(timed.item.planned_minutes), size * 0.8, theme.PROJECTOR_MUTED,
                  align=Align.AlignRight)

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
                  f"{label(item.kind)} · {text}", h * 0.055, colour, bold=True, align=Align.AlignRight)


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
        if view.label:
            draw_text(painter, QRectF(area.left(), area.top(), area.width(), h * 0.1), view.label, h * 0.07,
                      theme.PROJECTOR_MUTED if not view.flash else colour, bold=True, align=Align.AlignHCenter)
        digits = format_clock(view.remaining_seconds)  # overtime shows as "+01:23"
        size = min(h * 0.42, self.width() * 0.9 / max(4.2, len(digits) * 0.62))
        draw_text(painter, QRectF(area.left(), h * 0.5 - size * 0.62, area.width(), size * 1.3), digits, size,
                  colour, bold=True, align=Align.AlignHCenter)
        if view.speaker:
            draw_text(painter, QRectF(area.left(), h * 0.78, area.width(), h * 0.1), view.speaker, h * 0.07,
                      theme.PROJECTOR_TEXT if not view.flash else colour, align=Align.AlignHCenter)
        elif view.phase == Phase.OVERTIME:
            draw_text(painter, QRectF(area.left(), h * 0.78, area.width(), h * 0.1), _("Time is up"), h * 0.07,
                      colour, bold=True, align=Align.AlignHCenter)


class PauseScreen(Screen):
    """'Pause', and when the room is expected back."""

    def paint(self, painter: QPainter, content: ProjectorContent) -> None:
        h, area = self.height(), self.margins()
        draw_text(painter, QRectF(area.left(), h * 0.33, area.width(), h * 0.2), _("Break"), h * 0.16,
                  theme.PROJECTOR_ACCENT, bold=True, align=Align.AlignHCenter)
        back = _resume_time(content)
        if back:
            draw_text(painter, QRectF(area.left(), h * 0.58, area.width(), h * 0.1),
                      _("We resume at {time}").format(time=back), h * 0.07, theme.PROJECTOR_TEXT,
                      align=Align.AlignHCenter)


class BlankScreen(Screen):
    """Nothing: the room looks at the speaker."""

    def paint(self, painter: QPainter, content: ProjectorContent) -> None:
        painter.fillRect(self.rect(), QColor("#000000"))


class WhiteScreen(Screen):
    """Plain white: light for the room, or a surface to point at."""

    def paint(self, painter: QPainter, content: ProjectorContent) -> None:
        painter.fillRect(self.rect(), QColor("#FFFFFF"))


def _resume_time(content: ProjectorContent) -> str:
    """End of the current break item, if the run is on one, as 'HH:MM'."""
    agenda = content.agenda
    if agenda is None or not agenda.sitting.is_running:
        return ""
    item = next((i for i in agenda.items if i.id == agenda.sitting.current_item_id), None)
    if item is None or item.actual_start is None:
        return ""
    from datetime import timedelta

    end: datetime = local(item.actual_start) + timedelta(minutes=item.planned_minutes)
    return format_time(end.time())
