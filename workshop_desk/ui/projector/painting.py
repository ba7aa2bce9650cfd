"""Drawing helpers for the projector: text sized by its cap height on the screen, wrapped, and recordable."""

import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter

from workshop_desk.ui import theme

# Where a line may break: any white space but the no-break ones (French « quotes » and the space before ; or :).
_BREAKS = re.compile(r"[^\S\u00a0\u202f]+")
_HYPHENS = re.compile(r"(?<=\w-)(?=\w)")
# Readable from the back of a room: the cap height (not the point size) of what the screen is about is at least
# 1/20 of the screen height, and of anything else the room must read at least 1/30.
MAIN = 1 / 20
READ = 1 / 30
ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class DrawnText:
    """One line of text as it landed on the screen, for the tests that measure what the room can read."""

    text: str  # the line drawn
    whole: str  # the text it is part of
    ink: QRectF  # where its glyphs are, in the screen's pixels
    cap_height: float  # in the screen's pixels
    colour: QColor
    main: bool  # what the screen is about (held to MAIN rather than READ)
    elided: bool  # cut short with "…" because it did not fit


_recorder: list[DrawnText] | None = None


@contextmanager
def recording() -> Iterator[list[DrawnText]]:
    """Every line draw_text draws until the block ends, in drawing order."""
    global _recorder
    _recorder, before = [], _recorder
    try:
        yield _recorder
    finally:
        _recorder = before


@cache
def _cap_share(bold: bool) -> float:
    """The cap height of the projector's font as a share of its pixel size (about 0.73 for DejaVu Sans)."""
    return QFontMetricsF(theme.font_px(1000, bold)).capHeight() / 1000


def cap_pixels(height: float, share: float, bold: bool = False) -> float:
    """The pixel size at which capitals are `share` of a screen `height` tall."""
    return height * share / _cap_share(bold)


def main_size(height: float) -> float:
    """The pixel size of the text a screen is about (titles, the subject): capitals 1/20 of the screen."""
    return cap_pixels(height, MAIN) * 1.01  # a hair above: rounding to whole pixels must not fall short


def read_size(height: float) -> float:
    """The pixel size of anything else the room must read: capitals 1/30 of the screen."""
    return cap_pixels(height, READ) * 1.01


def line_height(pixels: float, bold: bool = False) -> float:
    """The height of one line of text at `pixels`."""
    return QFontMetricsF(theme.font_px(pixels, bold)).lineSpacing()


def text_width(text: str, pixels: float, bold: bool = False) -> float:
    """How wide `text` is on one line at `pixels`."""
    return QFontMetricsF(theme.font_px(pixels, bold)).horizontalAdvance(text)


def lines_needed(text: str, pixels: float, width: float, bold: bool = False) -> int:
    """How many lines `text` takes wrapped to `width` (a word wider than the width counts as one line)."""
    return len(_wrap(text, QFontMetricsF(theme.font_px(pixels, bold)), width, 1000))


def draw_text(painter: QPainter, rect: QRectF, text: str, pixels: float, colour: str,
              bold: bool = False, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
              max_lines: int = 1, main: bool = False) -> float:
    """Draw `text` in `rect` (wrapped up to `max_lines`, elided past that); returns the height used.
    `main`: the text is what the screen is about (tests hold it to MAIN)."""
    font = theme.font_px(pixels, bold)
    painter.setFont(font)
    painter.setPen(QColor(colour))
    metrics = QFontMetricsF(font)
    lines = _wrap(text, metrics, rect.width(), max_lines)
    spacing = metrics.lineSpacing()
    for number, line in enumerate(lines):
        line_rect = QRectF(rect.left(), rect.top() + number * spacing, rect.width(), spacing)
        flags = int(align | Qt.AlignmentFlag.AlignVCenter)
        painter.drawText(line_rect, flags, line)
        if _recorder is not None:
            _record(painter, metrics, line_rect, flags, line, text, main)
    return len(lines) * spacing


def centred(painter: QPainter, rect: QRectF, text: str, pixels: float, colour: str, bold: bool = False,
            align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft, most: int = 2, main: bool = False) -> None:
    """Text wrapped on as few lines as it needs (up to `most`), centred vertically in `rect`."""
    lines = min(most, lines_needed(text, pixels, rect.width(), bold))
    used = lines * line_height(pixels, bold)
    top = rect.top() + (rect.height() - used) / 2
    draw_text(painter, QRectF(rect.left(), top, rect.width(), used), text, pixels, colour, bold, align,
              max_lines=lines, main=main)


def fitting_size(text: str, width: float, height: float, largest: float, smallest: float, bold: bool = False) -> float:
    """The largest pixel size from `largest` down to `smallest` at which `text` wrapped to `width` fits `height`."""
    size = largest
    while size > smallest and lines_needed(text, size, width, bold) * line_height(size, bold) > height:
        size *= 0.94
    return max(size, smallest)


def page_of(count: int, per_page: int, page: int) -> tuple[range, int]:
    """The items shown on page `page` (counted on: it wraps round) of a list of `count`, and how many pages."""
    per_page = max(1, per_page)
    pages = max(1, math.ceil(count / per_page))
    first = page % pages * per_page
    return range(first, min(count, first + per_page)), pages


def pages_by_height(heights: list[float], room: float) -> list[range]:
    """Consecutive items cut into pages at most `room` high (an item taller than the room has a page of its own)."""
    pages, first, used = [], 0, 0.0
    for index, height in enumerate(heights):
        if index > first and used + height > room:
            pages.append(range(first, index))
            first, used = index, 0.0
        used += height
    pages.append(range(first, len(heights)))
    return pages


def flow(widths: list[float], width: float, gap: float) -> list[tuple[int, float]]:
    """(line, x) of pieces `widths` wide set side by side across `width`, `gap` apart, on as many lines as needed."""
    places, line, x = [], 0, 0.0
    for piece in widths:
        if x and x + piece > width:
            line, x = line + 1, 0.0
        places.append((line, x))
        x += piece + gap
    return places


def ink_on(fill: str) -> str:
    """Dark or white text, whichever reads better on `fill` (notes and themes come in the user's colours)."""
    colour = QColor(fill)
    luminance = 0.2126 * colour.redF() ** 2.2 + 0.7152 * colour.greenF() ** 2.2 + 0.0722 * colour.blueF() ** 2.2
    return "#212121" if luminance > 0.18 else "#FFFFFF"


def _record(painter: QPainter, metrics: QFontMetricsF, rect: QRectF, flags: int, line: str, whole: str,
            main: bool) -> None:
    assert _recorder is not None
    if not line.strip():
        return
    placed = metrics.boundingRect(rect, flags, line)  # the line's box where drawText put it
    tight = metrics.tightBoundingRect(line)
    ink = QRectF(placed.left() + tight.left(), placed.top() + metrics.ascent() + tight.top(), tight.width(),
                 tight.height())
    transform = painter.deviceTransform()
    scale = math.hypot(transform.m21(), transform.m22())
    _recorder.append(DrawnText(line, whole, transform.mapRect(ink), metrics.capHeight() * scale,
                               QColor(painter.pen().color()), main, line.endswith(ELLIPSIS) and
                               not whole.strip().endswith(ELLIPSIS)))


def _wrap(text: str, metrics: QFontMetricsF, width: float, max_lines: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word, glue in _words(text, metrics, width):
        candidate = f"{current}{glue}{word}" if current else word
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


def _words(text: str, metrics: QFontMetricsF, width: float) -> Iterator[tuple[str, str]]:
    """The words of `text` and what goes before each on a line; a word too wide for a line breaks after its hyphens
    ("experts-" / "comptables") rather than being cut short."""
    for word in _BREAKS.split(text.strip()):
        parts = _HYPHENS.split(word) if metrics.horizontalAdvance(word) > width else [word]
        yield parts[0], " "
        for part in parts[1:]:
            yield part, ""
