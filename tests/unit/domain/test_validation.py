"""What the user types: titles, free text and durations."""

import pytest

from workshop_desk.domain.validation import (
    MAX_MINUTES,
    MAX_TEXT,
    MAX_TITLE,
    ValidationError,
    clean_minutes,
    clean_text,
    clean_title,
)


@pytest.mark.parametrize("value", ["", " ", "   \t\n  ", "\u00a0"])
def test_empty_or_blank_title_is_refused_with_a_message(value):
    with pytest.raises(ValidationError, match="The field “Title” cannot be empty"):
        clean_title(value, "Title")


def test_title_is_trimmed_and_inner_whitespace_collapsed():
    assert clean_title("  Atelier \t santé\n ", "Title") == "Atelier santé"


def test_title_at_the_limit_is_accepted_and_one_more_is_refused():
    assert clean_title("é" * MAX_TITLE, "Title") == "é" * MAX_TITLE
    with pytest.raises(ValidationError, match=f"201 characters, at most {MAX_TITLE}"):
        clean_title("é" * (MAX_TITLE + 1), "Title")


def test_very_long_title_is_refused():
    with pytest.raises(ValidationError):
        clean_title("x" * 10_001, "Title")


@pytest.mark.parametrize("value", [
    "Idées 💡 et 🚀", "👩🏽‍💼 Porteuse de projet", "Atelier « Santé » — 2ᵉ séance",
])
def test_emoji_and_french_typography_are_accepted_as_is(value):
    assert clean_title(value, "Title") == value
    assert clean_text(value, "Notes") == value


def test_text_may_be_empty_and_is_trimmed():
    assert clean_text("", "Notes") == ""
    assert clean_text("  ligne 1\n  ligne 2 \n", "Notes") == "ligne 1\n  ligne 2"


def test_text_of_ten_thousand_characters_is_accepted_and_longer_is_refused():
    assert len(clean_text("a" * MAX_TEXT, "Notes")) == MAX_TEXT
    with pytest.raises(ValidationError, match="The field “Notes” is too long \\(10001 characters"):
        clean_text("a" * (MAX_TEXT + 1), "Notes")


@pytest.mark.parametrize("value", [0, 1, 90, MAX_MINUTES])
def test_minutes_in_range(value):
    assert clean_minutes(value) == value


@pytest.mark.parametrize("value", [-1, MAX_MINUTES + 1, 100_000])
def test_minutes_out_of_range(value):
    with pytest.raises(ValidationError, match="between 0 and 1440 minutes"):
        clean_minutes(value)


def test_validation_error_is_a_value_error():
    assert issubclass(ValidationError, ValueError)
