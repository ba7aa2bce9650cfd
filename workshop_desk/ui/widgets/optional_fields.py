"""Date and time editors that can also hold 'not set' (shown as a dash)."""

import datetime as dt

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QDateEdit, QTimeEdit, QWidget

_NO_DATE = QDate(2000, 1, 1)
_NO_TIME = QTime(0, 0)


class OptionalDateEdit(QDateEdit):
    """A date, or none: the minimum date stands for 'not set'."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumDate(_NO_DATE)
        self.setSpecialValueText("—")
        self.setDisplayFormat("dd/MM/yyyy")
        self.setDate(_NO_DATE)

    def value(self) -> dt.date | None:
        date = self.date()
        return None if date == _NO_DATE else dt.date(date.year(), date.month(), date.day())

    def set_value(self, value: dt.date | None) -> None:
        self.setDate(QDate(value.year, value.month, value.day) if value else _NO_DATE)


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
