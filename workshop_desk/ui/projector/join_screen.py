"""The join screen: the room's Wi-Fi and the sitting's address as QR codes, the address in large type, three steps."""

from typing import NamedTuple

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from workshop_desk.domain.joining import STAY, STEPS, JoinCard, qr_modules
from workshop_desk.i18n import N_, _
from workshop_desk.ui import theme
from workshop_desk.ui.projector.content import ProjectorContent
from workshop_desk.ui.projector.painting import (
    draw_text,
    fitting_size,
    line_height,
    lines_needed,
    main_size,
    read_size,
    text_width,
)
from workshop_desk.ui.projector.screens import Screen

Align = Qt.AlignmentFlag
HEADING = N_("Take part from your phone")
QR_SHARE = 0.40  # each code's side, as a share of the screen height: scanned from the middle of a large room


def paint_qr(painter: QPainter, text: str, rect: QRectF) -> None:
    """`text` as a QR code filling the square `rect`: black modules on white, quiet zone included (a phone's camera
    reads dark-on-light codes; the projector's dark background must not touch the code)."""
    modules = qr_modules(text)
    count = len(modules)
    side = min(rect.width(), rect.height())
    step = int(side / count) or 1  # whole pixels per module: no blurred seams between modules
    left, top = rect.left() + (rect.width() - step * count) / 2, rect.top() + (rect.height() - step * count) / 2
    painter.fillRect(QRectF(left, top, step * count, step * count), QColor("#FFFFFF"))
    for row, line in enumerate(modules):
        for column, dark in enumerate(line):
            if dark:
                painter.fillRect(QRectF(left + column * step, top + row * step, step, step), QColor("#000000"))


class JoinScreen(Screen):
    """How to take part from a phone: 1. the Wi-Fi, 2. the sitting's address, 3. stay connected."""

    def heading(self, content: ProjectorContent) -> str:
        return _(HEADING)

    def paint(self, painter: QPainter, content: ProjectorContent) -> None:
        card, area, h = content.joining, self.margins(), self.height()
        if card is None:
            return
        layout = _Layout(card, area.width(), h)
        top = area.top() + draw_text(painter, QRectF(area.left(), area.top(), area.width(), layout.heading),
                                     self.heading(content), layout.heading_size, theme.PROJECTOR_ACCENT, bold=True,
                                     align=Align.AlignHCenter, main=layout.heading_size >= main_size(h))
        width = area.width() / len(layout.columns)
        for index, column in enumerate(layout.columns):
            self._paint_column(painter, QRectF(area.left() + index * width, top, width, layout.column), layout,
                               column)
        self._paint_stay(painter, QRectF(area.left(), top + layout.column + layout.gap, area.width(),
                                         area.bottom() - top - layout.column - layout.gap), layout.explain)

    def _paint_column(self, painter: QPainter, rect: QRectF, layout: "_Layout", column: "_Column") -> None:
        inner = rect.adjusted(rect.width() * 0.04, 0, -rect.width() * 0.04, 0)
        top = rect.top() + layout.gap
        top += draw_text(painter, QRectF(inner.left(), top, inner.width(), layout.step), column.step,
                         layout.step_size, theme.PROJECTOR_TEXT, bold=True, align=Align.AlignHCenter, max_lines=2)
        side = layout.qr
        paint_qr(painter, column.code, QRectF(inner.left() + (inner.width() - side) / 2, top + layout.gap / 2, side,
                                              side))
        top += layout.gap + side
        main = column.size >= main_size(self.height())
        for line in column.lines:  # the network's name and password; the address, for those who type it
            top += draw_text(painter, QRectF(inner.left(), top, inner.width(), rect.bottom() - top), line,
                             column.size, column.colour, bold=column.bold, align=Align.AlignHCenter, max_lines=3,
                             main=main)

    def _paint_stay(self, painter: QPainter, rect: QRectF, explain: bool) -> None:
        h = self.height()
        size = read_size(h) * 1.15
        used = draw_text(painter, rect, f"3. {_(STEPS[2])}", size, theme.PROJECTOR_TEXT, bold=True,
                         align=Align.AlignHCenter, max_lines=2)
        if explain:
            draw_text(painter, QRectF(rect.left(), rect.top() + used, rect.width(), rect.height() - used), _(STAY),
                      read_size(h), theme.PROJECTOR_MUTED, align=Align.AlignHCenter, max_lines=3)


class _Column(NamedTuple):
    step: str
    code: str  # the QR code's text
    lines: tuple[str, ...]  # under the code
    size: float  # their pixel size
    colour: str
    bold: bool = False


def _columns(card: JoinCard, width: float, h: float) -> list[_Column]:
    """The Wi-Fi's column (when a network is named), then the address's, each `width` wide."""
    wifi = bool(card.wifi_text)
    width = width / (2 if wifi else 1) * 0.92
    size, address = _address_fit(card.short_url, width, h)
    steps = f"2. {_(STEPS[1])}" if wifi else card.first_steps(_)
    join = _Column(steps, card.url, address, size, theme.PROJECTOR_ACCENT, bold=True)
    if not wifi:
        return [join]
    network: tuple[str, ...] = (_("Network: {name}").format(name=card.wifi_name),)
    if card.wifi_password:
        network += (_("Password: {password}").format(password=card.wifi_password),)
    return [_Column(f"1. {_(STEPS[0])}", card.wifi_text, network, read_size(h), theme.PROJECTOR_TEXT), join]


class _Layout:
    """The heights of the screen's bands, measured from the texts, so that the codes take what is left."""

    def __init__(self, card: JoinCard, width: float, h: float) -> None:
        self.columns, self.gap = _columns(card, width, h), h * 0.02
        # One line, down to the readable size on a narrow screen: the codes are what the screen is about.
        self.heading_size = fitting_size(_(HEADING), width, line_height(main_size(h), True), main_size(h),
                                         read_size(h) * 1.15, bold=True)
        self.heading = line_height(self.heading_size, True)
        column_width = width / len(self.columns) * 0.92
        largest = read_size(h) * 1.15  # one line each if it fits down to the readable size, else wrapped
        self.step_size = min(fitting_size(c.step, column_width, line_height(largest, True), largest, read_size(h),
                                          bold=True) for c in self.columns)
        self.step = max(min(2, lines_needed(c.step, self.step_size, column_width, True)) for c in self.columns
                        ) * line_height(self.step_size, True)
        under = max(sum(min(3, lines_needed(line, c.size, column_width, c.bold)) for line in c.lines)
                    * line_height(c.size, c.bold) for c in self.columns)
        stay = min(2, lines_needed(_(STEPS[2]), self.step_size, width, True)) * line_height(self.step_size, True)
        explanation = min(3, lines_needed(_(STAY), read_size(h), width)) * line_height(read_size(h))
        room = h * 0.86 - self.heading - self.step - under - stay - self.gap * 3
        # The codes come first: on a crowded 4:3 screen the third step stands without its explanation (the card
        # and the phone page give it).
        self.explain = room - explanation >= h * 0.25
        room -= explanation if self.explain else 0
        self.qr = max(h * 0.15, min(h * QR_SHARE, column_width * 0.9, room))
        self.column = self.gap * 2 + self.step + self.qr + under


def _address_fit(url: str, width: float, h: float) -> tuple[float, tuple[str, ...]]:
    """The pixel size and lines of the address: on one line, at the main size or down to the readable size; else
    broken before its path ("192.168.8.20:8765" / "/s/Xq7T…"), a URL having no space to wrap at."""
    main, room = main_size(h), width * 0.97  # a hair of slack: sizes round to whole pixels
    one_line = main * room / max(1.0, text_width(url, main, bold=True))
    if one_line >= read_size(h):  # one line, a little smaller if need be: the codes keep the room
        return min(main, one_line), (url,)
    host, _slash, path = url.partition("/")
    lines = (host, "/" + path)
    longest = max(text_width(line, main, bold=True) for line in lines)
    return max(read_size(h), min(main, main * room / max(1.0, longest))), lines
