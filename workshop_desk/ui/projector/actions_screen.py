"""The projector's action plan: for each action, what, who leads it (and with whom), and when; paged."""

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from workshop_desk.domain.enums import ActionStatus
from workshop_desk.domain.priorities import Action, action_status_label
from workshop_desk.i18n import _, language, ngettext, pgettext, short_date
from workshop_desk.ui import theme
from workshop_desk.ui.projector.content import ProjectorContent
from workshop_desk.ui.projector.painting import (
    centred,
    draw_text,
    line_height,
    lines_needed,
    main_size,
    pages_by_height,
    read_size,
    text_width,
)
from workshop_desk.ui.projector.result_parts import LIGHT_BLUE
from workshop_desk.ui.projector.screens import Screen

Align = Qt.AlignmentFlag
STATUS_COLOURS = {ActionStatus.PROPOSED: theme.PROJECTOR_MUTED, ActionStatus.PLANNED: LIGHT_BLUE,
                  ActionStatus.IN_PROGRESS: theme.PROJECTOR_ACCENT, ActionStatus.DONE: "#66BB6A",
                  ActionStatus.DROPPED: theme.PROJECTOR_DONE}
WHAT, WHO = 0.42, 0.36  # of the width; "when" takes the rest


class ActionsScreen(Screen):
    """A row per action, in plan order, names wrapped rather than cut; pages turn when they do not all fit."""

    def heading(self, content: ProjectorContent) -> str:
        return content.actions.title if content.actions else _("Action plan")

    def paint(self, painter: QPainter, content: ProjectorContent) -> None:
        view, area, h = content.actions, self.margins(), self.height()
        actions = view.actions if view else ()
        count = ngettext("{n} action", "{n} actions", len(actions)).format(n=len(actions))
        count_width = text_width(count + " (10/10)", read_size(h)) + h * 0.04
        title = view.title if view else _("Action plan")
        top = area.top() + draw_text(painter, QRectF(area.left(), area.top(), area.width() - count_width, h), title,
                                     main_size(h), theme.PROJECTOR_ACCENT, bold=True, max_lines=2, main=True)
        if not actions:
            return
        top += self._headings(painter, QRectF(area.left(), top + h * 0.01, area.width(), h)) + h * 0.015
        rows = QRectF(area.left(), top, area.width(), area.bottom() - top)
        heights = [self._row_height(action, rows.width()) for action in actions]
        pages = pages_by_height(heights, rows.height())
        self.pages = len(pages)
        if self.pages > 1:
            count += " " + _("({page}/{pages})").format(page=content.page % self.pages + 1, pages=self.pages)
        draw_text(painter, QRectF(area.left(), area.top(), area.width(), h), count, read_size(h),
                  theme.PROJECTOR_MUTED, align=Align.AlignRight)
        for index in pages[content.page % self.pages]:
            self._row(painter, QRectF(rows.left(), top, rows.width(), heights[index]), actions[index], index)
            top += heights[index]

    def _headings(self, painter: QPainter, rect: QRectF) -> float:
        h, w = self.height(), rect.width()
        columns = ((pgettext("action plan", "What"), 0.0, WHAT), (pgettext("action plan", "Who leads"), WHAT, WHO),
                   (pgettext("action plan", "When"), WHAT + WHO, 1 - WHAT - WHO))
        for text, left, width in columns:
            draw_text(painter, QRectF(rect.left() + w * left + h * 0.02, rect.top(), w * width - h * 0.03,
                                      rect.height()), text, read_size(h), theme.PROJECTOR_MUTED, bold=True)
        return line_height(read_size(h), bold=True)

    def _texts(self, action: Action) -> tuple[str, str, str, str]:
        partners = _("with {partners}").format(partners=action.partners) if action.partners else ""
        # The room reads a narrow column: the date in figures (the console writes it in full, weekday first).
        deadline = short_date(action.deadline, language()) if action.deadline else "—"
        return action.lead or "—", partners, deadline, action_status_label(ActionStatus(action.status))

    def _row_height(self, action: Action, width: float) -> float:
        h = self.height()
        size, pad = read_size(h), h * 0.02
        lead, partners, deadline, status = self._texts(action)
        what = lines_needed(action.title, size, width * WHAT - pad * 1.5, bold=True)
        who = sum(lines_needed(text, size, width * WHO - pad * 1.5) for text in (lead, partners) if text)
        when = sum(lines_needed(text, size, width * (1 - WHAT - WHO) - pad) for text in (deadline, status))
        return max(what, who, when) * line_height(size, bold=True) + pad

    def _row(self, painter: QPainter, rect: QRectF, action: Action, index: int) -> None:
        h, w, size = self.height(), rect.width(), read_size(self.height())
        if index % 2 == 0:
            painter.fillRect(rect, QColor(255, 255, 255, 14))
        colour = STATUS_COLOURS[ActionStatus(action.status)]
        painter.fillRect(QRectF(rect.left(), rect.top(), h * 0.008, rect.height()), QColor(colour))
        pad = h * 0.02
        inner = rect.adjusted(0, pad / 2, 0, -pad / 2)
        centred(painter, QRectF(inner.left() + pad, inner.top(), w * WHAT - pad * 1.5, inner.height()), action.title,
                size, theme.PROJECTOR_TEXT, bold=True, most=100)
        lead, partners, deadline, status = self._texts(action)
        self._stack(painter, QRectF(inner.left() + w * WHAT + pad, inner.top(), w * WHO - pad * 1.5, inner.height()),
                    ((lead, theme.PROJECTOR_TEXT, False), (partners, theme.PROJECTOR_MUTED, False)))
        self._stack(painter, QRectF(inner.left() + w * (WHAT + WHO) + pad, inner.top(), w * (1 - WHAT - WHO) - pad,
                                    inner.height()), ((deadline, theme.PROJECTOR_TEXT, False), (status, colour, True)))

    def _stack(self, painter: QPainter, rect: QRectF, texts: tuple[tuple[str, str, bool], ...]) -> None:
        """Texts one under the other, each wrapped as it needs, the whole centred vertically in `rect`."""
        size = read_size(self.height())
        shown = [(text, colour, bold) for text, colour, bold in texts if text]
        heights = [lines_needed(text, size, rect.width(), bold) * line_height(size, bold) for text, _c, bold in shown]
        top = rect.top() + (rect.height() - sum(heights)) / 2
        for (text, colour, bold), height in zip(shown, heights, strict=True):
            draw_text(painter, QRectF(rect.left(), top, rect.width(), height), text, size, colour, bold,
                      max_lines=100)
            top += height
