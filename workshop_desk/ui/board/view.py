"""The board's view: zoom (Ctrl+wheel, + and −, 0 to fit), pan (space+drag, middle button), rubber-band selection."""

from PySide6.QtCore import QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsView, QStyleOptionGraphicsItem, QWidget

from workshop_desk.domain.ideas import NOTE_FONT_PX
from workshop_desk.ui.board.items import FrameDetail
from workshop_desk.ui.board.scene import BoardScene

MIN_SCALE, MAX_SCALE = 0.02, 4.0
READABLE_PX = 11.0  # the smallest note text the console shows by itself (fit, arrange); the user may zoom out
READABLE = READABLE_PX / NOTE_FONT_PX
STEP = 1.25


class BoardCanvas(QGraphicsView):
    """Drawn for speed: only what changed is repainted; small notes are painted as plain rectangles."""

    zoomed = Signal(float)  # the new scale

    def __init__(self, scene: BoardScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.board = scene
        self._pan_from: QPoint | None = None
        self._space = False
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlags(QGraphicsView.OptimizationFlag.DontSavePainterState
                                  | QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawBackground(painter, rect)
        FrameDetail.lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())

    def paintEvent(self, event: QPaintEvent) -> None:
        try:
            super().paintEvent(event)
        finally:
            FrameDetail.lod = None  # items painted elsewhere (the projector) work it out themselves

    def scale_factor(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        target = min(MAX_SCALE, max(MIN_SCALE, self.scale_factor() * factor))
        if abs(target - self.scale_factor()) > 1e-6:
            self.scale(target / self.scale_factor(), target / self.scale_factor())
            self.zoomed.emit(target)

    def zoom_to(self, scale: float) -> None:
        self.zoom_by(scale / self.scale_factor())

    def fit_all(self) -> None:
        """Everything on the board in view."""
        self.fit_rect(self.board.content_rect())

    def fit_rect(self, rect: QRectF) -> None:
        margin = max(rect.width(), rect.height()) * 0.03 + 20
        self.fitInView(rect.adjusted(-margin, -margin, margin, margin), Qt.AspectRatioMode.KeepAspectRatio)
        if self.scale_factor() > 1.0:  # a few notes: not blown up past their natural size
            self.zoom_to(1.0)
            self.centerOn(rect.center())
        self.zoomed.emit(self.scale_factor())

    def fit_readable(self) -> None:
        """Everything in view if the notes stay readable there; else the board's top left, readable."""
        rect = self.board.content_rect()
        self.fit_rect(rect)
        if self.scale_factor() < READABLE:
            self.resetTransform()
            self.scale(READABLE, READABLE)
            seen = self.viewport().size() / READABLE
            self.centerOn(rect.left() + seen.width() / 2 - 20, rect.top() + seen.height() / 2 - 20)
            self.zoomed.emit(READABLE)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1.0015 ** event.angleDelta().y())
            event.accept()
        else:
            super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / STEP)
        elif key == Qt.Key.Key_0:
            self.fit_all()
        elif key == Qt.Key.Key_1:
            self.zoom_to(1.0)
        else:
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
        else:
            super().keyReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pan = event.button() == Qt.MouseButton.MiddleButton or (
            event.button() == Qt.MouseButton.LeftButton and self._space)
        if pan:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            point = event.position().toPoint()
            delta, self._pan_from = point - self._pan_from, point
            self.pan_by(-delta.x(), -delta.y())
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor) if self._space else self.viewport().unsetCursor()
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def pan_by(self, dx: int, dy: int) -> None:
        """Scroll the board by this many screen pixels."""
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + dx)
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + dy)
