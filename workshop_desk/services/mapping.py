"""Turns table rows into domain value objects (never hand live rows to the screens)."""

from dataclasses import fields
from enum import StrEnum
from typing import Any, TypeVar, get_type_hints

T = TypeVar("T")
_hints: dict[type, dict[str, Any]] = {}


def _enum_of(hint: Any) -> type[StrEnum] | None:
    return hint if isinstance(hint, type) and issubclass(hint, StrEnum) else None


def to_domain(row: object, cls: type[T], **extra: Any) -> T:
    """An instance of the dataclass `cls` from the same-named attributes of `row`."""
    hints = _hints.get(cls)
    if hints is None:
        hints = _hints[cls] = get_type_hints(cls)
    values: dict[str, Any] = {}
    for field in fields(cls):  # type: ignore[arg-type]
        if field.name in extra:
            values[field.name] = extra[field.name]
        elif hasattr(row, field.name):
            value = getattr(row, field.name)
            enum = _enum_of(hints[field.name])
            values[field.name] = enum(value) if enum and value is not None else value
    return cls(**values)
