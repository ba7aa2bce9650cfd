"""Dates as people type them, in French or English: 26/01/2027, 26 janvier 2027, 2027-01-26, Jan 26, 2027."""

import datetime as dt
import re

from workshop_desk.domain.people import fold

_MONTHS = (
    ("janvier", "january"), ("fevrier", "february"), ("mars", "march"), ("avril", "april"), ("mai", "may"),
    ("juin", "june"), ("juillet", "july"), ("aout", "august"), ("septembre", "september"), ("octobre", "october"),
    ("novembre", "november"), ("decembre", "december"))
_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "monday", "tuesday",
             "wednesday", "thursday", "friday", "saturday", "sunday", "lun", "mer", "jeu", "ven", "sam",
             "dim", "mon", "tue", "wed", "thu", "fri", "sat", "sun")
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[-/. ](\d{1,2})(?:[-/. ](\d{2}|\d{4}))?$")
_WORDS = re.compile(r"\d+(?:er|st|nd|rd|th|e)?|[a-z]+")


def parse_date(text: str, today: dt.date) -> dt.date | None:
    """The date meant by `text` (None for an empty text). Day before month unless only the other order makes a
    date; a missing year is this year; two-digit years are this century. ValueError when it is not a date."""
    clean = fold(text).replace(",", " ").strip(" .")
    if not clean:
        return None
    found = _iso(clean) or _numeric(clean, today) or _digits(clean) or _in_words(clean, today)
    if found is None:
        raise ValueError(text)
    return found


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year(text: str | None, today: dt.date) -> int:
    if not text:
        return today.year
    return int(text) + (today.year // 100) * 100 if len(text) == 2 else int(text)


def _iso(text: str) -> dt.date | None:
    match = _ISO.match(text)
    return _make(int(match[1]), int(match[2]), int(match[3])) if match else None


def _numeric(text: str, today: dt.date) -> dt.date | None:
    match = _NUMERIC.match(text)
    if match is None:
        return None
    first, second, year = int(match[1]), int(match[2]), _year(match[3], today)
    return _make(year, second, first) or _make(year, first, second)


def _digits(text: str) -> dt.date | None:
    """What a date field without separators receives: 26012027, or 20270126."""
    if not re.fullmatch(r"\d{8}", text):
        return None
    return _make(int(text[4:]), int(text[2:4]), int(text[:2])) or _make(int(text[:4]), int(text[4:6]), int(text[6:]))


def _month(word: str) -> int:
    """1–12 for a month's name or the start of one (three letters at least), 0 otherwise (or "jui": juin or
    juillet?)."""
    if len(word) < 3:
        return 0
    months = {n for n, names in enumerate(_MONTHS, start=1) for name in names if name.startswith(word)}
    return months.pop() if len(months) == 1 else 0


def _in_words(text: str, today: dt.date) -> dt.date | None:
    """'26 janvier 2027', 'le 1er fevr. 27', 'Jan 26 2027', 'Tuesday 26th January'."""
    words = [w for w in _WORDS.findall(text) if w not in _WEEKDAYS and w not in ("le", "the", "of")]
    words = [re.sub(r"^(\d+)\D+$", r"\1", w) for w in words]
    months = [w for w in words if not w.isdigit()]
    numbers = [w for w in words if w.isdigit()]
    if len(months) != 1 or not 1 <= len(numbers) <= 2 or not _month(months[0]):
        return None
    day = next((n for n in numbers if len(n) <= 2), None)
    year = next((n for n in numbers if n != day), None)
    return _make(_year(year, today), _month(months[0]), int(day)) if day else None
