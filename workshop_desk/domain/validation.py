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
        raise ValidationError(_("The field “{what}” cannot be empty.").format(what=what))
    if len(text) > MAX_TITLE:
        raise ValidationError(
            _("The field “{what}” is too long ({n} characters, at most {max}).").format(
                what=what, n=len(text), max=MAX_TITLE)
        )
    return text


def clean_text(value: str, what: str) -> str:
    """Free text (notes, objectives): trimmed, at most MAX_TEXT characters."""
    text = value.strip()
    if len(text) > MAX_TEXT:
        raise ValidationError(
            _("The field “{what}” is too long ({n} characters, at most {max}).").format(
                what=what, n=len(text), max=MAX_TEXT)
        )
    return text


MAX_LOGO_BYTES = 2 * 1024 * 1024
_IMAGE_STARTS = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"<svg", b"<?xml")


def clean_logo(data: bytes | None) -> bytes | None:
    """A PNG, JPEG or SVG image of at most 2 MB (None: no logo)."""
    if not data:
        return None
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError(_("The logo is too large ({size} KB, at most {max} KB).").format(
            size=len(data) // 1024, max=MAX_LOGO_BYTES // 1024))
    if not data.lstrip().startswith(_IMAGE_STARTS):
        raise ValidationError(_("The logo must be a PNG, JPEG or SVG image."))
    return data


def clean_minutes(value: int) -> int:
    """A planned duration between 0 and 24 hours."""
    if not 0 <= value <= MAX_MINUTES:
        raise ValidationError(_("A duration must be between 0 and {max} minutes.").format(max=MAX_MINUTES))
    return value
