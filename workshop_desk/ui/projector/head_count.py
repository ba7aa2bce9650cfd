"""The welcome screen's head count: '37 people here' and a chip per stakeholder group, every group or '+N others'."""

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QPainter

from workshop_desk.domain.attendance import HeadCount
from workshop_desk.domain.models import StakeholderGroup
from workshop_desk.i18n import _, ngettext
from workshop_desk.ui import theme
from workshop_desk.ui.projector.painting import draw_text

CHIP = 0.036  # a chip's text, of the screen height
ROWS = 2  # rows of chips at most; past that, '+N others'
Place = tuple[int, float]  # a chip's row and its left edge


def chip_layout(widths: Sequence[float], room: float, more_width: Callable[[int], float],
                rows: int = ROWS) -> tuple[list[Place], int]:
    """Where each chip goes, left to right on up to `rows` rows `room` wide, and how many are left out: as many
    chips as fit with, after them, the '+N others' chip `more_width(N)` wide (its place is then the last one)."""
    for shown in range(len(widths), -1, -1):
        left_out = len(widths) - shown
        places = _placed([*widths[:shown], *([more_width(left_out)] if left_out else [])], room, rows)
        if places is not None:
            return places, left_out
    return [(0, 0.0)], len(widths)


def _placed(widths: Sequence[float], room: float, rows: int) -> list[Place] | None:
    """Each width's place, a row wrapping when the next does not fit; None when they need more than `rows`."""
    places: list[Place] = []
    row, x = 0, 0.0
    for width in widths:
        if x and x + width > room:
            row, x = row + 1, 0.0
        if row >= rows:
            return None
        places.append((row, x))
        x += width
    return places


def paint_head_count(painter: QPainter, count: HeadCount, groups: Sequence[StakeholderGroup], area: QRectF,
                     h: float) -> None:
    """The total above the chips, along the bottom of `area`; the largest groups first."""
    size = h * CHIP
    line = size * 1.5
    named = {group.id: group for group in groups}
    chips = [(named.get(group_id or -1), number) for group_id, number in
             sorted(count.by_group.items(), key=lambda item: -item[1])]
    texts = [f"{group.name if group else _('(no group)')} {number}" for group, number in chips]
    metrics = QFontMetricsF(theme.font_px(size))
    places, left_out = chip_layout([metrics.horizontalAdvance(text) + size * 2.8 for text in texts], area.width(),
                                   lambda n: metrics.horizontalAdvance(_others(n)) + size)
    used_rows = 1 + max([row for row, _x in places] + [0])
    top = area.bottom() - used_rows * line
    total = ngettext("{n} person here", "{n} people here", count.present).format(n=count.present)
    draw_text(painter, QRectF(area.left(), top - h * 0.11, area.width(), h * 0.09), total, h * 0.07,
              theme.PROJECTOR_ACCENT, bold=True)
    for (group, _number), text, (row, x) in zip(chips, texts, places[:len(places) - bool(left_out)], strict=False):
        left, chip_top = area.left() + x, top + row * line
        painter.fillRect(QRectF(left, chip_top + size * 0.25, size * 0.8, size * 0.8),
                         QColor(group.colour if group else "#BDBDBD"))
        draw_text(painter, QRectF(left + size * 1.1, chip_top, area.right() - left, size * 1.3), text, size,
                  theme.PROJECTOR_TEXT)
    if left_out:
        row, x = places[-1]
        draw_text(painter, QRectF(area.left() + x, top + row * line, area.width() - x, size * 1.3), _others(left_out),
                  size, theme.PROJECTOR_MUTED, bold=True)


def _others(n: int) -> str:
    return ngettext("+{n} other", "+{n} others", n).format(n=n)
