"""A sticky note and a theme area as light graphics items, painted with less detail when they are small."""

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QStaticText, QTextOption
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from workshop_desk.domain.ideas import (
    NOTE_FONT_PX,
    NOTE_LINE,
    NOTE_PADDING,
    THEME_HEADER,
    Frame,
    Idea,
    Theme,
    note_size,
    pastel,
)
from workshop_desk.i18n import _, ngettext
from workshop_desk.ui import theme as look
from workshop_desk.ui.tooltips import typed_tip

DETAIL_SCALE = 0.4  # below this zoom a note is a plain coloured rectangle: 10,000 of them still paint fast
TEXT_SCALE = 0.18  # below this zoom a theme's name is not drawn
NOTE_Z, THEME_Z = 1.0, -1.0
MIN_FONT_PX = 10.0
HANDLE = 24.0  # the resize grip in a theme's bottom-right corner
INK = QColor("#212121")
MUTED_INK = QColor("#5D4037")
SHADOW = QColor(0, 0, 0, 45)
SELECTED = QColor(look.ACCENT)
Flag = QGraphicsItem.GraphicsItemFlag
_brushes: dict[str, QBrush] = {}
_fonts: dict[tuple[float, bool, bool], QFont] = {}


def brush(colour: str) -> QBrush:
    """One shared brush per colour (10,000 notes, a handful of colours)."""
    found = _brushes.get(colour)
    if found is None:
        found = _brushes[colour] = QBrush(QColor(colour))
    return found


def font(pixels: float, bold: bool = False, italic: bool = False) -> QFont:
    key = (pixels, bold, italic)
    found = _fonts.get(key)
    if found is None:
        found = _fonts[key] = look.font_px(pixels, bold)
        found.setItalic(italic)
    return found


class FrameDetail:
    """The level of detail of the frame being painted, worked out once by the view (10,000 notes ask for it)."""

    lod: float | None = None


def level_of_detail(painter: QPainter) -> float:
    lod = FrameDetail.lod
    return lod if lod is not None else QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())


class NoteItem(QGraphicsItem):
    """A sticky note: wrapped text, a footer (author, table, 'hidden'), and ×n when notes were merged into it."""

    def __init__(self, idea: Idea, colour: str, count: int = 1, footer: str = "", movable: bool = True) -> None:
        super().__init__()
        self.idea = idea
        self.count = count
        self.footer = footer
        self._brush = brush(colour)
        self._text: QStaticText | None = None
        self._font_px = NOTE_FONT_PX
        self._rect = QRectF()
        self._bounds = QRectF()
        self._size_to(idea.text)
        if movable:
            self.setFlags(Flag.ItemIsMovable | Flag.ItemIsSelectable)
        self.setPos(idea.x, idea.y)
        self.setZValue(NOTE_Z)

    def _size_to(self, text: str) -> None:
        width, height = note_size(text)
        self.prepareGeometryChange()
        self._rect = QRectF(0, 0, width, height)
        self._bounds = QRectF(-2, -12, width + 14, height + 16)  # shadow, selection outline and the ×n badge
        self._text = None

    @property
    def size(self) -> tuple[float, float]:
        return self._rect.width(), self._rect.height()

    def centre(self) -> QPointF:
        return self.pos() + self._rect.center()

    def set_idea(self, idea: Idea, colour: str, count: int, footer: str) -> None:
        """Show the note's latest saved state."""
        if idea.text != self.idea.text:
            self._size_to(idea.text)
        self.idea, self.count, self.footer = idea, count, footer
        self._brush = brush(colour)
        if self.pos() != QPointF(idea.x, idea.y):
            self.setPos(idea.x, idea.y)
        self.update()

    def set_colour(self, colour: str) -> None:
        if self._brush.color().name().upper() != colour.upper():
            self._brush = brush(colour)
            self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        selected = self.isSelected()  # not option.state: Python enum flags cost a microsecond a note
        if level_of_detail(painter) < DETAIL_SCALE:
            painter.fillRect(self._rect, SELECTED if selected else self._brush)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(self._rect.translated(3, 4), SHADOW)
        painter.fillRect(self._rect, self._brush)
        if self.idea.hidden:
            painter.fillRect(self._rect, QBrush(QColor(255, 255, 255, 150), Qt.BrushStyle.BDiagPattern))
        self._paint_text(painter)
        self._paint_footer(painter)
        if self.count > 1:
            self._paint_badge(painter)
        painter.setBrush(Qt.BrushStyle.NoBrush)  # the view does not save the painter's state between items
        if selected:
            painter.setPen(QPen(SELECTED, 4))
            painter.drawRect(self._rect.adjusted(-1, -1, 1, 1))
        elif self.idea.hidden:
            painter.setPen(QPen(MUTED_INK, 1.5, Qt.PenStyle.DashLine))
            painter.drawRect(self._rect)

    def _paint_text(self, painter: QPainter) -> None:
        if self._text is None:
            self._text = self._prepare_text()
        painter.setPen(INK)
        painter.setFont(font(self._font_px))
        painter.save()
        painter.setClipRect(self._rect.adjusted(0, 0, 0, -NOTE_LINE))
        painter.drawStaticText(QPointF(NOTE_PADDING, NOTE_PADDING), self._text)
        painter.restore()

    def _prepare_text(self) -> QStaticText:
        """The wrapped text, in a smaller font if the estimate of the note's size was short."""
        available = self._rect.height() - 2 * NOTE_PADDING - NOTE_LINE
        pixels = NOTE_FONT_PX
        while True:
            text = QStaticText(self.idea.text)
            text.setTextFormat(Qt.TextFormat.PlainText)  # a note reads as typed, "<b>" included (phones type too)
            text.setTextWidth(self._rect.width() - 2 * NOTE_PADDING)
            option = QTextOption()
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            text.setTextOption(option)
            text.prepare(font=font(pixels))
            if text.size().height() <= available or pixels <= MIN_FONT_PX:
                break
            pixels -= 1
        self._font_px = pixels
        if text.size().height() > available:
            self.setToolTip(typed_tip(self.idea.text))
        return text

    def _paint_footer(self, painter: QPainter) -> None:
        parts = [self.footer] if self.footer else []
        if self.idea.hidden:
            parts.append(_("hidden"))
        if not parts:
            return
        painter.setPen(MUTED_INK)
        painter.setFont(font(11.0, italic=self.idea.hidden))
        line = QRectF(NOTE_PADDING, self._rect.height() - NOTE_LINE - 6, self._rect.width() - 2 * NOTE_PADDING - 30,
                      NOTE_LINE)
        text = painter.fontMetrics().elidedText(" · ".join(parts), Qt.TextElideMode.ElideRight, int(line.width()))
        painter.drawText(line, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)

    def _paint_badge(self, painter: QPainter) -> None:
        """'×3': three notes said the same thing (their texts are in the tooltip)."""
        pill = QRectF(self._rect.width() - 34, -10, 44, 22)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#37474F"))
        painter.drawRoundedRect(pill, 11, 11)
        painter.setPen(QColor("#FFFFFF"))
        painter.setFont(font(13.0, bold=True))
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), f"×{self.count}")


class ThemeItem(QGraphicsItem):
    """A named, coloured area; dragged by its header band, resized by its bottom-right corner."""

    def __init__(self, theme: Theme, count: int = 0, movable: bool = True) -> None:
        super().__init__()
        self.theme = theme
        self.count = count
        self.highlighted = False  # notes are being dragged over it
        self.resizing = False
        self._rect = QRectF(0, 0, theme.width, theme.height)
        self._press = QPointF()
        self._size_at_press = (theme.width, theme.height)
        if movable:
            self.setFlags(Flag.ItemIsMovable | Flag.ItemIsSelectable)
            self.setAcceptHoverEvents(True)
        self.setPos(theme.x, theme.y)
        self.setZValue(THEME_Z)

    def frame(self) -> Frame:
        return Frame(self.theme.id, self.pos().x(), self.pos().y(), self._rect.width(), self._rect.height())

    def set_theme(self, theme: Theme, count: int) -> None:
        self.theme, self.count = theme, count
        if (self._rect.width(), self._rect.height()) != (theme.width, theme.height):
            self.set_size(theme.width, theme.height)
        if self.pos() != QPointF(theme.x, theme.y):
            self.setPos(theme.x, theme.y)
        self.update()

    def set_size(self, width: float, height: float) -> None:
        self.prepareGeometryChange()
        self._rect = QRectF(0, 0, max(160.0, width), max(THEME_HEADER + 60, height))

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-3, -3, 3, 3)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[operator]
        colour = QColor(self.theme.colour)
        painter.fillRect(self._rect, brush(pastel(self.theme.colour, 0.55)))
        painter.fillRect(QRectF(0, 0, self._rect.width(), THEME_HEADER - 8), colour)
        width = 6.0 if self.highlighted or selected else 2.0
        painter.setPen(QPen(SELECTED if self.highlighted or selected else colour.darker(130), width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self._rect)
        if level_of_detail(painter) < TEXT_SCALE:
            return
        painter.setPen(INK)
        painter.setFont(font(24.0, bold=True))
        header = QRectF(14, 0, self._rect.width() - 28, THEME_HEADER - 8)
        count = ngettext("{n} note", "{n} notes", self.count).format(n=self.count)
        count_width = painter.fontMetrics().horizontalAdvance(count) * 0.7 + 16
        name = painter.fontMetrics().elidedText(self.theme.name, Qt.TextElideMode.ElideRight,
                                                int(header.width() - count_width))
        painter.drawText(header, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), name)
        painter.setFont(font(16.0))
        painter.drawText(header, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), count)
        if self.flags() & Flag.ItemIsMovable:
            self._paint_grip(painter, colour.darker(150))

    def _paint_grip(self, painter: QPainter, colour: QColor) -> None:
        painter.setPen(QPen(colour, 2))
        right, bottom = self._rect.right(), self._rect.bottom()
        for step in (8.0, 14.0, 20.0):
            painter.drawLine(QPointF(right - step, bottom - 3), QPointF(right - 3, bottom - step))

    def in_header(self, point: QPointF) -> bool:
        return 0 <= point.y() <= THEME_HEADER - 8

    def in_grip(self, point: QPointF) -> bool:
        return point.x() >= self._rect.right() - HANDLE and point.y() >= self._rect.bottom() - HANDLE

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        # Only the header moves the theme and only the corner resizes it: elsewhere a drag selects notes.
        if event.button() == Qt.MouseButton.LeftButton and self.in_grip(event.pos()):
            self.resizing = True
            self._press, self._size_at_press = event.scenePos(), (self._rect.width(), self._rect.height())
            event.accept()
        elif self.in_header(event.pos()) or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
        else:
            event.ignore()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.resizing:
            delta = event.scenePos() - self._press
            self.set_size(self._size_at_press[0] + delta.x(), self._size_at_press[1] + delta.y())
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.resizing:
            self.resizing = False
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        if self.in_grip(event.pos()):
            self.setCursor(Qt.CursorShape.SizeFDiagCursor)
        elif self.in_header(event.pos()):
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.unsetCursor()
