"""Marks the service methods that change the programme file: the screens may only reach them through the command
layer (ui/document.py, ui/commands/), and the tests check both that and that no unmarked method writes."""

from collections.abc import Callable
from types import CodeType
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

WRITERS: set[str] = set()  # "Class.method" of every marked method
WRITER_CODES: set[CodeType] = set()


def writes(method: F) -> F:
    """Mark `method` as one that changes the file (it is returned unchanged: no cost when called)."""
    WRITERS.add(method.__qualname__)
    WRITER_CODES.add(method.__code__)
    return method
