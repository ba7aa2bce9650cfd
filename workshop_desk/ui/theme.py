"""Colours and fonts: one place for the console's accents and the projector's high-contrast look."""

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

ACCENT = "#1565C0"
WARNING = "#C62828"
CAUTION = "#E65100"
OK = "#2E7D32"
MUTED = "#5F6B7A"
CURRENT_ROW = "#FFF3C4"

PROJECTOR_BACKGROUND = "#0E1A2B"
PROJECTOR_TEXT = "#FFFFFF"
PROJECTOR_MUTED = "#B8C4D6"
PROJECTOR_ACCENT = "#FFC940"
PROJECTOR_OVERRUN = "#FF6B6B"
PROJECTOR_DONE = "#7F8DA3"


def projector_palette() -> QPalette:
    """Light text on a dark background: readable from the back of a room, no glare."""
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(PROJECTOR_BACKGROUND))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(PROJECTOR_TEXT))
    palette.setColor(QPalette.ColorRole.Text, QColor(PROJECTOR_TEXT))
    return palette


def font_px(pixels: float, bold: bool = False) -> QFont:
    """A font of a given pixel height (projector text scales with the screen, not with DPI)."""
    font = QFont()
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    return font


def heading_font(scale: float = 1.4) -> QFont:
    """A bold font `scale` times the default size, for page titles in the console."""
    font = QFont()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    return font


def banner_style() -> str:
    """A strip across the top of the console that must not be missed (the programme is read-only)."""
    return f"background: #FFF3C4; color: #4E3B00; border-bottom: 2px solid {CAUTION}; padding: 8px 12px;"


class ConsoleStyle(QProxyStyle):
    """The platform's style, but a tab's label always gets the height of its text. Fusion (Linux) lowers an unselected
    tab's label by shrinking its box below the font's height, and the text is clipped to that box: the accent of a
    capital went, 'Émargement' read 'Emargement'. The box grows back around its centre, so the label stays lowered."""

    def subElementRect(self, element: QStyle.SubElement, option: QStyleOption, widget: QWidget | None = None) -> QRect:
        rect = self.baseStyle().subElementRect(element, option, widget)
        missing = option.fontMetrics.height() - rect.height()
        if element == QStyle.SubElement.SE_TabBarTabText and missing > 0:
            rect.adjust(0, -(missing - missing // 2), 0, missing // 2)
        return rect
