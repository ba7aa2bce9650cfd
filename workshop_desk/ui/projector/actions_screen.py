"""The projector's action plan: for each action, what, who leads it (and with whom), and when."""

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from workshop_desk.domain.enums import ActionStatus
from workshop_desk.domain.priorities import Action, action_status_label
from workshop_desk.i18n import _, format_date, ngettext, pgettext
from workshop_desk.ui import theme
from workshop_desk.ui.projector.content import ProjectorContent
from workshop_desk.ui.projector.painting import MAIN, centred, draw_text
from workshop_desk.ui.projector.result_parts import BAR, NOTE
from workshop_desk.ui.projector.screens import Screen

Align = Qt.AlignmentFlag
STATUS_COLOURS = {ActionStatus.PROPOSED: theme.PROJECTOR_MUTED, ActionStatus.PLANNED: BAR,
                  ActionStatus.IN_PROGRESS: theme.PROJECTOR_ACCENT, ActionStatus.DONE: "#66BB6A",
                  ActionStatus.DROPPED: theme.PROJECTOR_DONE}
WHAT, WHO = 0.49, 0.29  # of the width; "when" takes the rest


class ActionsScreen(Screen):
    """A row per action, in plan order, as many as fit at a size the back of the room can read."""

    def paint(self, painter: QPainter, content: ProjectorContent) -> None:
        view, area, h = content.actions, self.margins(), self.height()
        title = view.title if view else _("Action plan")
        draw_text(painter, QRectF(area.left(), area.top(), area.width() * 0.75, h * 0.08), title, h * 0.06,
                  theme.PROJECTOR_ACCENT, bold=True)
        actions = view.actions if view else ()
        count = ngettext("{n} action", "{n} actions", len(actions)).format(n=len(actions))
        draw_text(painter, QRectF(area.left(), area.top(), area.width(), h * 0.08), count, h * NOTE,
                  theme.PROJECTOR_MUTED, align=Align.AlignRight)
        if not actions:
            draw_text(painter, QRectF(area.left(), h * 0.45, area.width(), h * 0.1), _("No action in the plan yet"),
                      h * MAIN, theme.PROJECTOR_MUTED, align=Align.AlignHCenter)
            return
        top = area.top() + h * 0.09
        self._headings(painter, QRectF(area.left(), top, area.width(), h * 0.045))
        self._rows(painter, QRectF(area.left(), top + h * 0.05, area.width(), area.bottom() - top - h * 0.05),
                   actions)

    def _headings(self, painter: QPainter, rect: QRectF) -> None:
        h, w = self.height(), rect.width()
        columns = ((pgettext("action plan", "What"), 0.0, WHAT), (pgettext("action plan", "Who leads"), WHAT, WHO),
                   (pgettext("action plan", "When"), WHAT + WHO, 1 - WHAT - WHO))
        for text, left, width in columns:
            draw_text(painter, QRectF(rect.left() + w * left + h * 0.02, rect.top(), w * width, rect.height()), text,
                      h * 0.035, theme.PROJECTOR_MUTED, bold=True)

    def _rows(self, painter: QPainter, rect: QRectF, actions: tuple[Action, ...]) -> None:
        h = self.height()
        row_height = min(h * 0.13, max(h * MAIN * 2.3, rect.height() / len(actions)))
        room = max(1, int(rect.height() / row_height + 1e-6))  # rows sized height / n must all fit, rounding aside
        shown = actions if len(actions) <= room else actions[:room - 1]
        for index, action in enumerate(shown):
            self._row(painter, QRectF(rect.left(), rect.top() + index * row_height, rect.width(), row_height), action,
                      index)
        if len(shown) < len(actions):
            left_out = len(actions) - len(shown)
            draw_text(painter, QRectF(rect.left(), rect.top() + len(shown) * row_height, rect.width(), row_height),
                      ngettext("… and {n} more action", "… and {n} more actions", left_out).format(n=left_out),
                      h * NOTE, theme.PROJECTOR_MUTED)

    def _row(self, painter: QPainter, rect: QRectF, action: Action, index: int) -> None:
        h, w, size = self.height(), rect.width(), self.height() * MAIN
        if index % 2 == 0:
            painter.fillRect(rect, QColor(255, 255, 255, 14))
        colour = STATUS_COLOURS[ActionStatus(action.status)]
        painter.fillRect(QRectF(rect.left(), rect.top(), h * 0.008, rect.height()), QColor(colour))
        pad = h * 0.02
        centred(painter, QRectF(rect.left() + pad, rect.top(), w * WHAT - pad * 1.5, rect.height()), action.title,
                size, theme.PROJECTOR_TEXT, bold=True)
        who = QRectF(rect.left() + w * WHAT + pad, rect.top(), w * WHO - pad * 1.5, rect.height())
        if action.partners:
            centred(painter, QRectF(who.left(), who.top(), who.width(), who.height() * 0.6), action.lead or "—",
                    size * 0.85, theme.PROJECTOR_TEXT, most=1)
            centred(painter, QRectF(who.left(), who.top() + who.height() * 0.55, who.width(), who.height() * 0.4),
                    _("with {partners}").format(partners=action.partners), h * 0.032, theme.PROJECTOR_MUTED, most=1)
        else:
            centred(painter, who, action.lead or "—", size * 0.85, theme.PROJECTOR_TEXT)
        when = QRectF(rect.left() + w * (WHAT + WHO) + pad, rect.top(), w * (1 - WHAT - WHO) - pad, rect.height())
        deadline = format_date(action.deadline, "medium") if action.deadline else "—"
        centred(painter, QRectF(when.left(), when.top(), when.width(), when.height() * 0.6), deadline, size * 0.85,
                theme.PROJECTOR_TEXT, most=1)
        centred(painter, QRectF(when.left(), when.top() + when.height() * 0.55, when.width(), when.height() * 0.4),
                action_status_label(ActionStatus(action.status)), h * 0.032, colour, bold=True, most=1)
