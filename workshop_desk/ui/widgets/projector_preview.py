"""A live miniature of what the projector shows, for the facilitator's console."""

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ProjectorPreview(QLabel):
    """Redraws from `source.grab()` when told; keeps the source's aspect ratio."""

    def __init__(self, source: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(QSize(192, 108))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setStyleSheet("background: #000; border: 1px solid #444;")

    def refresh(self) -> None:
        """Take a fresh picture of the projector."""
        pixmap: QPixmap = self._source.grab()
        target = self.size() - QSize(2, 2)
        self.setPixmap(pixmap.scaled(target, Qt.AspectRatioMode.KeepAspectRatio,
                                     Qt.TransformationMode.SmoothTransformation))

    def heightForWidth(self, width: int) -> int:
        source = self._source.size()
        return int(width * source.height() / max(1, source.width()))

    def hasHeightForWidth(self) -> bool:
        return True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.refresh()
