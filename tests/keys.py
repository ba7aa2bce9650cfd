"""Typing text into widgets in tests, accents and emoji included.

`qtbot.keyClicks` aborts the process on non-ASCII characters (QTest's key table), so text is sent
as key events that carry it, with Qt.Key_unknown.
"""

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` into `widget` as a user would, one character at a time."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QCoreApplication.sendEvent(widget, event)
