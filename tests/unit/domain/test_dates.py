"""Dates typed the French and the English ways."""

import datetime as dt

import pytest

from workshop_desk.domain.dates import parse_date

TODAY = dt.date(2026, 11, 5)
JAN_26 = dt.date(2027, 1, 26)


@pytest.mark.parametrize("text", [
    "26/01/2027", "26/1/27", "26.01.2027", "26-01-2027", "2027-01-26", "26012027", "20270126", "26 janvier 2027",
    "26 janv. 2027", "mardi 26 janvier 2027", "le 26 JANVIER 2027", "26 January 2027", "January 26, 2027",
    "Jan 26 2027", "Tuesday, January 26th, 2027", "01/26/2027",
])
def test_one_day_typed_in_many_ways(text: str) -> None:
    assert parse_date(text, TODAY) == JAN_26


@pytest.mark.parametrize(("text", "expected"), [
    ("1er février 2027", dt.date(2027, 2, 1)), ("3 mars", dt.date(2026, 3, 3)), ("14/01", dt.date(2026, 1, 14)),
    ("02/03/2027", dt.date(2027, 3, 2)), ("15 août 2027", dt.date(2027, 8, 15)), ("déc 1 2027", dt.date(2027, 12, 1)),
    ("", None), ("   ", None),
])
def test_day_first_a_missing_year_is_this_year(text: str, expected: dt.date | None) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["—14012027", "31/02/2027", "26 jui 2027", "demain midi", "2027", "26 janvier mars"])
def test_what_is_not_a_date_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text, TODAY)
