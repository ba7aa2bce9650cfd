"""What a painted projector screen shows: the texts it draws, recorded while it paints offscreen."""

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget


@contextmanager
def _recording(drawn: list[str]) -> Iterator[None]:
    real = QPainter.drawText

    def record(painter: QPainter, *args: object) -> None:
        drawn.extend(arg for arg in args if isinstance(arg, str))
        real(painter, *args)  # type: ignore[call-overload]

    QPainter.drawText = record  # type: ignore[method-assign]
    try:
        yield
    finally:
        QPainter.drawText = real  # type: ignore[method-assign]


def drawn_texts(widget: QWidget) -> list[str]:
    """The texts `widget` draws when it paints now (the lines of a wrapped text one by one)."""
    drawn: list[str] = []
    with _recording(drawn):
        widget.grab()
    return drawn


def drawn_text(widget: QWidget) -> str:
    """Everything `widget` draws, as one line (to look for a sentence that wrapped)."""
    return " ".join(drawn_texts(widget)).replace("\xa0", " ")
