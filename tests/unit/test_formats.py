"""Sizes, labels, percentages and dates written in the interface's language (i18n's formatting helpers)."""

import datetime as dt

import pytest

from workshop_desk import i18n

NBSP = "\u00a0"


@pytest.mark.parametrize(("size", "french", "english"), [
    (512, f"512{NBSP}o", f"512{NBSP}B"),
    (468 * 1024 + 300, f"468{NBSP}Ko", f"468{NBSP}KB"),
    (3 * 1024 * 1024 // 2, f"1,5{NBSP}Mo", f"1.5{NBSP}MB"),
    (12 * 1024**3, f"12{NBSP}Go", f"12{NBSP}GB"),
])
def test_a_size_in_the_users_units(size: int, french: str, english: str) -> None:
    i18n.set_language("fr")
    assert i18n.format_size(size) == french
    i18n.set_language("en")
    assert i18n.format_size(size) == english


def test_a_label_and_its_value_with_the_languages_colon() -> None:
    assert i18n.labelled("Businesses", 16) == "Businesses: 16"
    i18n.set_language("fr")
    assert i18n.labelled("Entreprises", 16) == f"Entreprises{NBSP}: 16"


def test_a_percentage_in_the_interfaces_language_unless_told_another() -> None:
    i18n.set_language("fr")
    assert i18n.percent(1.0) == f"100{NBSP}%"
    assert i18n.percent(1.0, "en") == "100%"


def test_one_date_phrasing_per_language_the_documents_own() -> None:
    day = dt.date(2027, 1, 26)
    assert i18n.format_date(day) == i18n.long_date(day, "en") == "Tuesday 26 January 2027"
    i18n.set_language("fr")
    assert i18n.format_date(day) == i18n.long_date(day, "fr") == "mardi 26 janvier 2027"
