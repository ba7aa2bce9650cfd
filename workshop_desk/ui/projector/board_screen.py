"""The projector's idea screens: the board (or one theme) mirrored read-only, one note in large type, and the
pinned question from the room."""

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QResizeEvent
from PySide6.QtWidgets import QFrame, QGraphicsItem, QGraphicsScene, QGraphicsView, QStyleOptionGraphicsItem, QWidget

from workshop_desk.domain.ideas import Theme
from workshop_desk.i18n import _, ngettext
from workshop_desk.ui import theme
from workshop_desk.ui.board.items import NoteItem, ThemeItem
from workshop_desk.ui.projector.content import BoardView, ProjectorContent
from workshop_desk.ui.projector.painting import MAIN, draw_text
from workshop_desk.ui.projector.screens import Screen

Align = Qt.AlignmentFlag
TITLE = 0.11  # of the screen height, above the board
MAX_SCALE = 2.5  # one theme of three notes: large, not absurd
LABEL = 0.032  # a theme's name is at least this share of the screen height, whatever the zoom


class ThemeLabel(QGraphicsItem):
    """A theme's name across the top of its area, at a size the room can read when the board is zoomed out."""

    def __init__(self, board_theme: Theme, height: float) -> None:
        super().__init__()
        self.name, self.colour = board_theme.name, QColor(board_theme.colour)
        self._rect = QRectF(0, 0, board_theme.width, min(height, board_theme.height * 0.6))
        self.setPos(board_theme.x, board_theme.y)
        self.setZValue(2.0)  # above the notes

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.fillRect(self._rect, self.colour)
        font = theme.font_px(self._rect.height() * 0.62, bold=True)
        painter.setFont(font)
        painter.setPen(QColor("#212121"))
        inner = self._rect.adjusted(self._rect.height() * 0.3, 0, -self._rect.height() * 0.3, 0)
        name = QFontMetricsF(font).elidedText(self.name, Qt.TextElideMode.ElideRight, inner.width())
        painter.drawText(inner, int(Align.AlignLeft | Align.AlignVCenter), name)


class BoardScreen(Screen):
    """The revealed notes where the console has them, scaled to fit the screen, theme areas included."""

    def __init__(self) -> None:
        super().__init__()
        self.board_scene = QGraphicsScene(self)
        self.board_scene.setBackgroundBrush(QColor(theme.PROJECTOR_BACKGROUND))
        self.view = QGraphicsView(self.board_scene, self)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setInteractive(False)
        self.view.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.shown: BoardView | None = None
        self._labels: list[ThemeLabel] = []

    def set_content(self, content: ProjectorContent, empty: str = "") -> None:
        if content.board is not self.shown:
            self.shown = content.board
            self._build(content.board)
        self.view.setVisible(not empty)  # the empty board's sentence shows where the notes would be
        super().set_content(content, empty)

    def heading(self, content: ProjectorContent) -> str:
        return content.board.title if content.board else ""

    def _build(self, view: BoardView | None) -> None:
        self.board_scene.clear()
        self._labels = []
        if view is None:
            return
        for board_theme in view.themes:
            self.board_scene.addItem(ThemeItem(board_theme, sum(1 for n in view.notes if n.theme_id == board_theme.id),
                                               movable=False))
        for note, colour, count in zip(view.notes, view.colours, view.counts, strict=True):
            self.board_scene.addItem(NoteItem(note, colour, count, "", movable=False))
        self._fit()

    def _fit(self) -> None:
        h = self.height()
        self.view.setGeometry(int(self.width() * 0.03), int(h * TITLE), int(self.width() * 0.94),
                              int(h * (1 - TITLE - 0.03)))
        rect = self.board_scene.itemsBoundingRect()
        if rect.isEmpty():
            return
        self.view.setSceneRect(rect)
        self.view.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.view.transform().m11() > MAX_SCALE:
            self.view.resetTransform()
            self.view.scale(MAX_SCALE, MAX_SCALE)
        self.view.centerOn(rect.center())
        self._label_themes(self.view.transform().m11())

    def _label_themes(self, scale: float) -> None:
        """Readable theme names when the zoom makes the themes' own headers too small."""
        for label in self._labels:
            self.board_scene.removeItem(label)
        wanted = self.height() * LABEL / max(scale, 1e-3)  # in scene units
        shown = self.shown.themes if self.shown else ()
        self._labels = [ThemeLabel(t, wanted * 1.5) for t in shown] if wanted > 24.0 else []
        for label in self._labels:
            self.board_scene.addItem(label)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def paint(self, painter: QPainter, content: ProjectorContent) -> None:
        view, h = content.board, self.height()
        if view is None:
            return
        area = QRectF(self.width() * 0.03, h * 0.025, self.width() * 0.94, h * (TITLE - 0.03))
        count = ngettext("{n} idea", "{n} ideas", len(view.notes)).format(n=len(view.notes))
        count_width = QFontMetricsF(theme.font_px(h * 0.04)).horizontalAdvance(count) + h * 0.04
        draw_text(painter, QRectF(area.left(), area.top(), area.width() - count_width, area.height()), view.title,
                  h * 0.055, theme.PROJECTOR_ACCENT, bold=True)
        draw_text(painter, area, count, h * 0.04, theme.PROJECTOR_MUTED, align=Align.AlignRight)


def fitting_size(text: str, rect: QRectF, start: float, smallest: float, bold: bool = False) -> float:
    """The largest pixel size, from `start` down, at which `text` wrapped fits `rect`."""
    size = start
    while size > smallest:
        metrics = QFontMetricsF(theme.font_px(size, bold))
        needed = metrics.boundingRect(rect, int(Qt.TextFlag.TextWordWrap), text)
        if needed.height() <= rect.height() and needed.width() <= rect.width():
            break
        size *= 0.92
    return max(size, smallest)


class NoteScreen(Screen):
    """One note in large type, on its colour, with its theme above it and ×n if notes were merged into it."""

    def paint(self, painter: QPainter, content: ProjectorContent) -> None:
        view, area, h = content.board, self.margins(), self.height()
        note = view.focus if view else None
        if view is None or note is None:
            return
        if view.focus_theme:
            draw_text(painter, QRectF(area.left(), area.top(), area.width(), h * 0.08), view.focus_theme, h * 0.05,
                      theme.PROJECTOR_MUTED, bold=True, align=Align.AlignHCenter)
        card = QRectF(area.left() + area.width() * 0.06, area.top() + h * 0.11, area.width() * 0.88, h * 0.66)
        painter.fillRect(card.translated(h * 0.008, h * 0.01), QColor(0, 0, 0, 90))
        painter.fillRect(card, QColor(view.focus_colour or "#FFF59D"))
        inner = card.adjusted(h * 0.05, h * 0.05, -h * 0.05, -h * 0.05)
        size = fitting_size(note.text, inner, h * 0.085, h * 0.04, bold=True)
        painter.setFont(theme.font_px(size, bold=True))
        painter.setPen(QColor("#212121"))
        painter.drawText(inner, int(Align.AlignCenter | Qt.TextFlag.TextWordWrap), note.text)
        if view.focus_count > 1:
            text = ngettext("{n} note says this", "{n} notes say this", view.focus_count).format(n=view.focus_count)
            draw_text(painter, QRectF(area.left(), card.bottom() + h * 0.03, area.width(), h * 0.07), text, h * 0.045,
                      theme.PROJECTOR_ACCENT, bold=True, align=Align.AlignHCenter)


class QuestionScreen(Screen):
    """The pinned question, who asked it, and how many people asked for it."""

    def heading(self, content: ProjectorContent) -> str:
        return _("Question from the room")

    def paint(self, painter: QPainter, content: ProjectorContent) -> None:
        question, area, h = content.question, self.margins(), self.height()
        heading = _("Question from the room")
        draw_text(painter, QRectF(area.left(), area.top(), area.width(), h * 0.08), heading, h * 0.05,
                  theme.PROJECTOR_ACCENT, bold=True)
        if question is None or question.hidden:
            return
        text_rect = QRectF(area.left(), area.top() + h * 0.13, area.width(), h * 0.5)
        size = fitting_size(question.text, text_rect, h * 0.085, h * 0.045, bold=True)
        painter.setFont(theme.font_px(size, bold=True))
        painter.setPen(QColor(theme.PROJECTOR_TEXT))
        painter.drawText(text_rect, int(Align.AlignLeft | Align.AlignVCenter | Qt.TextFlag.TextWordWrap), question.text)
        bottom = QRectF(area.left(), area.bottom() - h * 0.1, area.width(), h * 0.08)
        if question.asked_by:
            draw_text(painter, bottom, f"— {question.asked_by}", h * MAIN, theme.PROJECTOR_MUTED)
        if question.votes:
            votes = ngettext("{n} person asks this", "{n} people ask this", question.votes).format(n=question.votes)
            draw_text(painter, bottom, votes, h * MAIN, theme.PROJECTOR_ACCENT, bold=True, align=Align.AlignRight)
