"""What a painted projector screen shows: the texts it draws, as the projector's one recorder
(`painting.recording`) saw them while it painted offscreen."""

from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QWidget

from workshop_desk.ui.projector import painting


def drawn_texts(widget: QWidget) -> list[str]:
    """The texts `widget` draws when it paints now (the lines of a wrapped text one by one)."""
    with painting.recording() as drawn:
        widget.grab()
    return [line.text for line in drawn]


def drawn_wholes(widget: QWidget) -> list[str]:
    """The texts `widget` draws when it paints now, each whole however it wrapped."""
    with painting.recording() as drawn:
        widget.grab()
    return list(dict.fromkeys(line.whole for line in drawn))


def drawn_text(widget: QWidget) -> str:
    """Everything `widget` draws, as one line (to look for a sentence that wrapped)."""
    return " ".join(drawn_texts(widget)).replace("\xa0", " ")


def tooltip_shown(tooltip: str) -> str:
    """What a tooltip shows: Qt reads a tooltip that looks like HTML as HTML."""
    if not GuiQt.mightBeRichText(tooltip):
        return tooltip
    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()
