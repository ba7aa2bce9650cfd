"""Dates typed the French and the English ways in the console, and a calendar that opens on the right month."""

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from tests.keys import type_text
from workshop_desk import i18n
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.widgets.optional_fields import OptionalDateEdit

WORKSHOP = 2


@pytest.fixture
def in_french() -> Iterator[None]:
    i18n.set_language("fr")
    yield
    i18n.set_language("en")


def _date_field(window: MainWindow) -> OptionalDateEdit:
    window.select_sitting(WORKSHOP)
    page = window.sitting_page
    assert page is not None
    page.tabs.setCurrentIndex(page.PLAN_TAB)
    return page.form.date_edit


def _saved(window: MainWindow) -> dt.date | None:
    return window.document.agenda(WORKSHOP).sitting.date  # type: ignore[union-attr]


def _type(qtbot: QtBot, field: OptionalDateEdit, text: str) -> None:
    field.setFocus()
    field.clear()
    type_text(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


@pytest.mark.parametrize("text", ["26/01/2027", "26 janvier 2027", "2027-01-26", "January 26, 2027", "26012027"])
def test_a_date_typed_the_french_or_english_way_is_saved(qtbot: QtBot, window: MainWindow, text: str) -> None:
    field = _date_field(window)
    _type(qtbot, field, text)
    assert _saved(window) == dt.date(2027, 1, 26)
    assert field.text() == "Tuesday 26 January 2027" and field.toolTip() == ""


def test_a_date_shows_the_french_way_in_french(qtbot: QtBot, window: MainWindow, in_french: None) -> None:
    field = _date_field(window)
    _type(qtbot, field, "1er février 2027")
    assert _saved(window) == dt.date(2027, 2, 1)
    assert field.text() == "lundi 1 février 2027"
    assert "—" not in field.text()


def test_what_is_not_a_date_is_said_and_changes_nothing(qtbot: QtBot, window: MainWindow) -> None:
    field = _date_field(window)
    before = _saved(window)
    _type(qtbot, field, "31/02/2027")
    assert _saved(window) == before
    assert field.toolTip().startswith("“31/02/2027” is not a date: type it as 26/01/2027")
    assert field.text() == "31/02/2027"  # kept, to be corrected
    _type(qtbot, field, "")  # emptied: no date
    assert _saved(window) is None and field.text() == "" and field.toolTip() == ""


def test_the_calendar_opens_on_today_then_on_the_date(qtbot: QtBot, window: MainWindow) -> None:
    field = _date_field(window)
    _type(qtbot, field, "")
    field.calendar_action.trigger()
    assert field.calendar.isVisible()
    assert field.calendar.selectedDate() == QDate.currentDate()
    field.calendar.clicked.emit(QDate(2027, 3, 4))
    assert not field.calendar.isVisible()
    assert _saved(window) == dt.date(2027, 3, 4) and field.text() == "Thursday 4 March 2027"
    field.calendar_action.trigger()
    assert field.calendar.selectedDate() == QDate(2027, 3, 4)
