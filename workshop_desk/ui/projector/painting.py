"""Drawing helpers for the projector: text sized from the screen height, wrapped and elided."""

import re

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter

from workshop_desk.ui import theme

# Where a line may break: any white space but the no-break ones (French « quotes » and the space before ; or :).
_BREAKS = re.compile(r"[^\S\u00a0\u202f]+")
# Main text is at least 1/20 of the screen height: readable from the back of a room.
MAIN = 1 / 20


def text_height(height: int, ratio: float) -> float:
    """Pixel size of a text line that is `ratio` of the screen height."""
    return height * ratio


def draw_text(painter: QPainter, rect: QRectF, text: str, pixels: float, colour: str,
              bold: bool = False, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
              max_lines: int = 1) -> float:
    """Draw `text` in `rect` (wrapped up to `max_lines`, elided past that); returns the height used."""
    font = theme.font_px(pixels, bold)
    painter.setFont(font)
    painter.setPen(QColor(colour))
    metrics = QFontMetricsF(font)
    lines = _wrap(text, metrics, rect.width(), max_lines)
    line_height = metrics.lineSpacing()
    for number, line in enumerate(lines):
        line_rect = QRectF(rect.left(), rect.top() + number * line_height, rect.width(), line_height)
        painter.drawText(line_rect, int(align | Qt.AlignmentFlag.AlignVCenter), line)
    return len(lines) * line_height


def _wrap(text: str, metrics: QFontMetricsF, width: float, max_lines: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in _BREAKS.split(text.strip()):
        candidate = f"{current} {word}".strip()
        if metrics.horizontalAdvance(candidate) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1:])]
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]
