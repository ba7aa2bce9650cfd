"""Rules for what the user types: titles, durations, dates."""

from workshop_desk.i18n import _

MAX_TITLE = 200
MAX_TEXT = 10_000
MAX_MINUTES = 24 * 60


class ValidationError(ValueError):
    """Input that cannot be saved; its message is already translated for the user."""


def clean_title(value: str, what: str) -> str:
    """A trimmed, non-empty title of at most MAX_TITLE characters."""
    text = " ".join(value.split())
    if not text:
        raise ValidationError(_("{what} cannot be empty.").format(what=what))
    if len(text) > MAX_TITLE:
        raise ValidationError(
            _("{what} is too long ({n} characters, at most {max}).").format(
                what=what, n=len(text), max=MAX_TITLE)
        )
    return text


def clean_text(value: str, what: str) -> str:
    """Free text (notes, objectives): trimmed, at most MAX_TEXT characters."""
    text = value.strip()
    if len(text) > MAX_TEXT:
        raise ValidationError(
            _("{what} is too long ({n} characters, at most {max}).").format(
                what=what, n=len(text), max=MAX_TEXT)
        )
    return text


def clean_minutes(value: int) -> int:
    """A planned duration between 0 and 24 hours."""
    if not 0 <= value <= MAX_MINUTES:
        raise ValidationError(_("A duration must be between 0 and {max} minutes.").format(max=MAX_MINUTES))
    return value
