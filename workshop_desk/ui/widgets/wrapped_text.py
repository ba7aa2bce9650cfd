"""A window whose minimum height follows its wrapped text, so that shrinking it never squeezes a paragraph."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class _HeightFollowsText(QObject):
    """Qt sets a window's minimum size from its layout without height-for-width: a wrapped label then gets fewer
    lines than it needs, and overlaps the row below. On each resize the minimum height is set for the width."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest) and isinstance(watched, QWidget):
            _follow(watched)
        return False


def _follow(window: QWidget) -> None:
    layout = window.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    needed = layout.totalHeightForWidth(window.width())
    if needed != window.minimumHeight():
        window.setMinimumHeight(needed)


def keep_wrapped_text_whole(window: QWidget) -> None:
    """Make `window`'s minimum height follow its width, as its wrapped labels need."""
    window.installEventFilter(_HeightFollowsText(window))
