"""Date and time editors that can also hold 'not set': a date typed as people write it, or picked on a calendar."""

import datetime as dt
import logging

from PySide6.QtCore import QDate, QPoint, QRectF, QSize, Qt, QTime
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QTimeEdit, QToolTip, QWidget

from workshop_desk.domain.dates import parse_date
from workshop_desk.i18n import _, format_date
from workshop_desk.ui import theme

_NO_TIME = QTime(0, 0)
_LONG_DATE = dt.date(2027, 9, 29)  # 'mercredi 29 septembre 2027', 'Wednesday 29 September 2027'
log = logging.getLogger(__name__)


def calendar_icon(colour: str = "#455A64") -> QIcon:
    """A small calendar page: a ring-bound top and a grid of days (Qt has no standard calendar icon)."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(colour), 2.5))
    painter.drawRoundedRect(QRectF(4, 6, 24, 22), 3, 3)
    painter.fillRect(QRectF(4, 6, 24, 6), QColor(colour))
    for x in (10, 22):
        painter.drawLine(x, 3, x, 8)
    for row in range(2):
        for column in range(3):
            painter.fillRect(QRectF(8 + column * 6.5, 15 + row * 6, 3.5, 3.5), QColor(colour))
    painter.end()
    return QIcon(pixmap)


class OptionalDateEdit(QLineEdit):
    """A date, or none (an empty field). Typed the French or the English way (26/01/2027, 26 janvier 2027,
    2027-01-26), shown in the language's own way; its calendar opens on the date, or on today."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: dt.date | None = None
        self.setPlaceholderText(_("e.g. 26/01/2027"))
        self.setClearButtonEnabled(True)
        self.calendar_action = self.addAction(calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setToolTip(_("Pick the date on a calendar"))
        self.calendar_action.triggered.connect(self.open_calendar)
        self.calendar = QCalendarWidget(self)
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._on_calendar_clicked)
        self.calendar.activated.connect(self._on_calendar_clicked)
        self.editingFinished.connect(self._on_editing_finished)

    def value(self) -> dt.date | None:
        """The date typed (read again, should OK be clicked before the field is left); the last one understood
        while the text is not a date (the field says so)."""
        try:
            return parse_date(self.text(), dt.date.today())
        except ValueError:
            return self._value

    def set_value(self, value: dt.date | None) -> None:
        self._value = value
        self.setText(format_date(value) if value else "")
        self._mark_error("")

    def sizeHint(self) -> QSize:
        """Wide enough for one of the longest dates the language writes, beside the clear and calendar buttons."""
        hint = super().sizeHint()
        longest = self.fontMetrics().horizontalAdvance(format_date(_LONG_DATE))
        hint.setWidth(max(hint.width(), longest + 4 * self.fontMetrics().height()))
        return hint

    def open_calendar(self) -> None:
        """Open on the date shown, or on today."""
        chosen = self._value or dt.date.today()
        self.calendar.setSelectedDate(QDate(chosen.year, chosen.month, chosen.day))
        self.calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar.show()
        self.calendar.setFocus()

    def _on_calendar_clicked(self, date: QDate) -> None:
        self.calendar.hide()
        self.set_value(dt.date(date.year(), date.month(), date.day()))
        self.editingFinished.emit()

    def _on_editing_finished(self) -> None:
        try:
            value = parse_date(self.text(), dt.date.today())
        except ValueError:
            log.info("not a date: %r", self.text())
            self._mark_error(_("“{text}” is not a date: type it as 26/01/2027, 26 janvier 2027 or 2027-01-26, "
                               "or pick it on the calendar.").format(text=self.text().strip()))
            return
        self.set_value(value)

    def _mark_error(self, sentence: str) -> None:
        self.setStyleSheet(f"border: 2px solid {theme.WARNING};" if sentence else "")
        self.setToolTip(sentence)
        if sentence and self.isVisible():
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), sentence, self)


class OptionalTimeEdit(QTimeEdit):
    """A clock time, or none: midnight stands for 'not set' (no sitting starts at midnight)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("HH:mm")
        self.setMinimumTime(_NO_TIME)
        self.setSpecialValueText("—")
        self.setTime(_NO_TIME)

    def value(self) -> dt.time | None:
        time = self.time()
        return None if time == _NO_TIME else dt.time(time.hour(), time.minute())

    def set_value(self, value: dt.time | None) -> None:
        self.setTime(QTime(value.hour, value.minute) if value else _NO_TIME)
