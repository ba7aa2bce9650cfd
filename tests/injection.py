"""Formula-injection payloads (OWASP's list), and a report whose every text starts with one, for export tests."""

import dataclasses
import re
import zlib
from collections.abc import Iterator
from typing import Any

PAYLOADS = ('=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1")
# Fields that are codes, not text someone typed (a colour, a voting axis): left as they are.
_CODES = frozenset({"colour", "axis", "badge_code", "voter_key", "method", "code", "source", "language", "status",
                    "kind"})


def payload_for(text: str) -> str:
    """`text` behind a payload (always the same one for the same text, so that equal texts stay equal)."""
    return PAYLOADS[zlib.crc32(text.encode()) % len(PAYLOADS)] + text


def payloaded(value: Any, name: str = "") -> Any:
    """`value` (a report, a tuple of domain objects…) with every typed text behind a payload."""
    if type(value) is str:
        return payload_for(value) if value and name not in _CODES else value
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a named tuple (a ballot's marks)
        return type(value)(*(payloaded(getattr(value, field), field) for field in value._fields))
    if isinstance(value, tuple | list):
        return type(value)(payloaded(item, name) for item in value)
    if isinstance(value, dict):
        return {key: payloaded(item, name) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: payloaded(getattr(value, f.name), f.name) for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changes)
    return value


def texts(value: object, name: str = "") -> Iterator[str]:
    """Every payloaded text inside `value` (what the documents should show exactly as typed)."""
    if type(value) is str:
        if value.startswith(PAYLOADS):
            yield value
    elif isinstance(value, tuple) and hasattr(value, "_fields"):
        for field in value._fields:
            yield from texts(getattr(value, field), field)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from texts(item, name)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from texts(getattr(value, f.name), f.name)


def carries_a_payload(text: object) -> bool:
    return isinstance(text, str) and any(payload in text for payload in PAYLOADS)


def looks_like(templates: list[str]) -> re.Pattern[str]:
    """A pattern matching the app's own formula templates ('=SUM({column}{first}:…)', '{row}') once filled in."""
    parts = [re.sub(r"\\\{[a-z]+\\\}", r"[A-Z]*\\d*", re.escape(template)) for template in templates]
    return re.compile("|".join(parts))
