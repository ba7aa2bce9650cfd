"""Colours and fonts: one place for the console's accents and the projector's high-contrast look."""

from PySide6.QtGui import QColor, QFont, QPalette

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
