"""Typed text as a tooltip: Qt reads a tooltip that looks like HTML as HTML, so typed text goes in escaped."""

from PySide6.QtGui import Qt


def typed_tip(text: str) -> str:
    """`text` (a note, a question, a name: typed at the console, on a phone, in an imported list) as a tooltip shows
    it exactly as typed, "<b>" included; line breaks kept, long lines wrapped."""
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal) if text else ""
