"""Turns table rows into domain value objects (never hand live rows to the screens), and the row helpers
every service shares: fetch one row by id, renumber rows into a new order, rewrite a short list in place."""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields
from enum import StrEnum
from typing import Any, Protocol, TypeVar, get_type_hints

from sqlmodel import Session

T = TypeVar("T")
_plans: dict[type, tuple[tuple[str, type[StrEnum] | None], ...]] = {}
_MISSING = object()


def _enum_of(hint: Any) -> type[StrEnum] | None:
    return hint if isinstance(hint, type) and issubclass(hint, StrEnum) else None


def _plan(cls: type) -> tuple[tuple[str, type[StrEnum] | None], ...]:
    """Each field of the dataclass `cls`, with the enum its value is turned into (worked out once per class: every
    change the console saves converts rows, and reading type hints each time cost more than the rest)."""
    plan = _plans.get(cls)
    if plan is None:
        hints = get_type_hints(cls)
        plan = _plans[cls] = tuple((field.name, _enum_of(hints[field.name])) for field in fields(cls))
    return plan


def to_domain(row: object, cls: type[T], **extra: Any) -> T:
    """An instance of the dataclass `cls` from the same-named attributes of `row`."""
    values: dict[str, Any] = {}
    for name, enum in _plan(cls):
        if name in extra:
            values[name] = extra[name]
            continue
        value: Any = getattr(row, name, _MISSING)
        if value is not _MISSING:
            values[name] = enum(value) if enum and value is not None else value
    return cls(**values)


R = TypeVar("R")


class Positioned(Protocol):
    position: int


P = TypeVar("P", bound=Positioned)


def fetch(session: Session, table: type[R], row_id: int | None) -> R:
    """The row of `table` with this id (LookupError when the file has none)."""
    row = session.get(table, row_id) if row_id is not None else None
    if row is None:
        raise LookupError(f"{getattr(table, '__tablename__', table.__name__)} {row_id}")
    return row


def renumber(session: Session, rows: Mapping[Any, P], ordered_ids: Sequence[int], what: str) -> list[P]:
    """Give `rows` (by id) the positions of `ordered_ids`, which must list every one of them once."""
    if sorted(rows) != sorted(ordered_ids):
        raise ValueError(f"the new order must list every {what} once")
    for position, row_id in enumerate(ordered_ids):
        rows[row_id].position = position
        session.add(rows[row_id])
    session.flush()
    return [rows[row_id] for row_id in ordered_ids]


def rewrite_list(session: Session, rows: Sequence[R], wanted: Sequence[dict[str, Any]], key: str,
                 make: Callable[[], R]) -> None:
    """Make a short list (a ballot's criteria, an action's indicators) hold `wanted`, in that order: each entry
    keeps the first unused row with the same `key` value, under its id; rows no longer wanted are deleted, and only
    new entries get new rows. So an edit that removes an entry consumes no id, and its undo puts the list back as
    it was."""
    unused = list(rows)
    for position, values in enumerate(wanted):
        row = next((r for r in unused if getattr(r, key) == values[key]), None)
        if row is None:
            row = make()
        else:
            unused.remove(row)
        for name, value in {**values, "position": position}.items():
            setattr(row, name, value)
        session.add(row)
    for row in unused:
        session.delete(row)
    session.flush()
