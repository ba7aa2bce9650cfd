"""Translation of user-visible strings (gettext) and locale-aware formatting (Babel)."""

from __future__ import annotations

import functools
import gettext
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_desk.paths import package_dir

if TYPE_CHECKING:  # not imported at start-up: the first window waits for every import
    from datetime import date, time

DOMAIN = "workshop_desk"
LANGUAGES = ("fr", "en")
# English (the source language) until `set_language` is called: the app and the command line call it
# once at start, with the language the user chose or the system's.
_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"
_listeners: list[Callable[[str], None]] = []
# A language for the current thread or task only (a phone's, in the participant server), over the interface's.
_speaking: ContextVar[gettext.NullTranslations | None] = ContextVar("speaking", default=None)


def locale_dir() -> str:
    """Folder of the compiled catalogs shipped inside the package."""
    return str(package_dir() / "locale")


def system_language() -> str:
    """'fr' when the system locale is French, else 'en'."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    import locale  # only when no environment variable says it (saves start-up time)

    code = locale.getlocale()[0] or ""
    if not code and sys.platform == "darwin":
        code = macos_language()  # an app started from the Finder gets no LANG
    return "fr" if code.lower().startswith("fr") else "en"


def macos_language(preferences: Path | None = None) -> str:
    """The first of the user's preferred languages in macOS's settings ('fr-FR'), or '' when unreadable."""
    import plistlib

    path = preferences or Path.home() / "Library" / "Preferences" / ".GlobalPreferences.plist"
    try:
        with path.open("rb") as handle:
            settings = plistlib.load(handle)
    except (OSError, plistlib.InvalidFileException, ValueError):
        return ""
    languages = settings.get("AppleLanguages") if isinstance(settings, dict) else None
    if isinstance(languages, list) and languages and isinstance(languages[0], str):
        return languages[0]
    locale_name = settings.get("AppleLocale") if isinstance(settings, dict) else None
    return locale_name if isinstance(locale_name, str) else ""


def set_language(language: str) -> None:
    """Switch every later `_()` call to `language` ('fr' or 'en')."""
    global _translations, _language
    _language = language if language in LANGUAGES else "en"
    _translations = gettext.translation(DOMAIN, locale_dir(), languages=[_language], fallback=True)
    for listener in list(_listeners):
        listener(_language)


def language() -> str:
    """The current language code."""
    return _language


def on_language_changed(listener: Callable[[str], None]) -> None:
    """Call `listener(code)` after each language switch."""
    _listeners.append(listener)


class Translator:
    """`gettext` for one language, whatever the interface's (documents are written in a chosen language), which
    also knows that language — for its numbers, dates and times — and its plural forms (`n`)."""

    def __init__(self, language: str) -> None:
        self.language = language if language in LANGUAGES else "en"
        catalog = gettext.translation(DOMAIN, locale_dir(), languages=[self.language], fallback=True)
        self._gettext = catalog.gettext
        self.n: Callable[[str, str, int], str] = catalog.ngettext  # typed as documents' `Translate` protocols say

    def __call__(self, message: str) -> str:
        return self._gettext(message)

    def number(self, value: float, decimals: int = 2) -> str:
        return number(value, self.language, decimals)


def translator(language: str) -> Translator:
    """`gettext` for one language, whatever the interface's (exports are written in a chosen language).

    Use it as `_ = translator(language)` so that the strings are still found by extraction."""
    return Translator(language)


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """`_()` in `language` within the block, in this thread (or task) only: the participant server answers each
    phone in its own language while the console keeps the facilitator's."""
    token = _speaking.set(_catalog(language if language in LANGUAGES else "en"))
    try:
        yield
    finally:
        _speaking.reset(token)


@functools.cache
def _catalog(language: str) -> gettext.NullTranslations:
    """One language's catalog, found once (the participant server speaks for every request a phone sends)."""
    return gettext.translation(DOMAIN, locale_dir(), languages=[language], fallback=True)


def _current() -> gettext.NullTranslations:
    speaking_now = _speaking.get()
    return _translations if speaking_now is None else speaking_now


def _(message: str) -> str:
    """Translate `message` into the current language."""
    return _current().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message with a count."""
    return _current().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """Translate a short message whose meaning depends on `context` ("to" in a time or a date range)."""
    return _current().pgettext(context, message)


def N_(message: str) -> str:
    """Mark `message` for extraction; translate it later with `_()`."""
    return message


def format_date(value: date) -> str:
    """The console's one way of writing a date, as the documents write it: 'jeudi 26 novembre 2026' /
    'Thursday 26 November 2026' (the weekday is how a facilitator checks a date)."""
    return long_date(value, _language)


def format_time(value: time) -> str:
    """A clock time, 24-hour in French ('9 h 30' is written '09:30' on screen for clarity)."""
    return value.strftime("%H:%M")


def format_stamp(stamp: str) -> str:
    """A change stamp (UTC, ISO 8601, as rows and packages carry them) on this computer's clock: 'jeudi 26 novembre
    2026 · 14:32' ('' for no stamp)."""
    from datetime import datetime

    if not stamp:
        return ""
    moment = datetime.fromisoformat(stamp).astimezone()
    return f"{format_date(moment.date())} · {format_time(moment.time())}"


def format_minutes(minutes: int) -> str:
    """A duration such as '1 h 15' or '45 min'."""
    sign = "−" if minutes < 0 else ""
    minutes = abs(minutes)
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return f"{sign}{hours} h {rest:02d}"
    if hours:
        return f"{sign}{hours} h"
    return f"{sign}{rest} min"



# --- Typography of a document's language (the documents are written in a chosen language, not the interface's) ---

_LOCALES = {"fr": "fr_FR", "en": "en_GB"}  # British English: day month year, one date format everywhere


def _locale(language: str) -> str:
    return _LOCALES.get(language, "en_GB")


def number(value: float, language: str | None = None, decimals: int = 2) -> str:
    """'22,6' / '22.6'; thousands grouped ('1 250' with a no-break space, '1,250'); `decimals` at most; in the
    interface's language unless another is given."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    return format_decimal(round(value, decimals), format=pattern, locale=_locale(language or _language))


def percent(rate: float, language: str | None = None) -> str:
    """'75 %' (no-break space) / '75%'; in the interface's language unless another is given."""
    from babel.numbers import format_percent

    return format_percent(rate, locale=_locale(language or _language))


def labelled(label: str, value: object) -> str:
    """'Entreprises : 16' (no-break space before the colon) / 'Businesses: 16': a label and its value."""
    return _("{label}: {value}").format(label=label, value=value)


def format_size(size: int) -> str:
    """A file's size in the interface's units: '468 Ko' / '468 KB', '1,5 Mo' / '1.5 MB' (1 Ko = 1024 octets)."""
    units = (_("{size}\u00a0B"), _("{size}\u00a0KB"), _("{size}\u00a0MB"), _("{size}\u00a0GB"))
    value, unit = float(size), 0
    while value >= 1024 and unit < len(units) - 1:
        value, unit = value / 1024, unit + 1
    return units[unit].format(size=number(value, _language, decimals=1 if unit and value < 10 else 0))


def money(amount: float, language: str) -> str:
    """'12 500 €' / '€12,500' (cents only when there are some; no-break spaces in French)."""
    from babel.numbers import format_decimal

    pattern = "#,##0" if float(amount).is_integer() else "#,##0.00"
    figure = format_decimal(amount, format=pattern, locale=_locale(language))
    return f"{figure}\u00a0€" if language == "fr" else f"€{figure}"


def clock(value: time, language: str) -> str:
    """'14 h 00' / '14:00' (no-break spaces in French: the hour never breaks from its minutes)."""
    return f"{value.hour}\u00a0h\u00a0{value.minute:02d}" if language == "fr" else value.strftime("%H:%M")


def long_date(value: date, language: str) -> str:
    """'mardi 26 janvier 2027' / 'Tuesday 26 January 2027'."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, format="EEEE d MMMM y", locale=_locale(language))


def short_date(value: date, language: str) -> str:
    """'26/01/2027' (French and British English alike)."""
    return value.strftime("%d/%m/%Y")
