"""Where new notes land on a board: the first free cells of a grid below the theme areas (the capture area)."""

from collections.abc import Iterable, Sequence

from workshop_desk.domain.ideas import MIN_BOARD_WIDTH, NOTE_GAP, NOTE_WIDTHS, THEME_GAP, Frame, Idea

CAPTURE_CELL = (NOTE_WIDTHS[-1][1] + NOTE_GAP, 150.0 + NOTE_GAP)


def capture_slots(ideas: Iterable[Idea], frames: Sequence[Frame], count: int) -> list[tuple[float, float]]:
    """Where `count` new notes go: the first free cells of a grid below the theme areas."""
    return capture_slots_among(((idea.x, idea.y) for idea in ideas if idea.on_board), frames, count)


def _capture_top(frames: Sequence[Frame]) -> float:
    """Where the capture area starts: below the lowest theme."""
    return max((f.y + f.height for f in frames), default=-THEME_GAP) + THEME_GAP


def capture_floor(frames: Sequence[Frame]) -> float:
    """The highest a note can sit and still take a capture cell: the notes above it are in the themes."""
    return _capture_top(frames) - CAPTURE_CELL[1] / 2


def capture_slots_among(notes: Iterable[tuple[float, float]], frames: Sequence[Frame],
                        count: int) -> list[tuple[float, float]]:
    """The same, from where the notes on the board are (x, y): all a service needs to read of them — and of them,
    only those at or below `capture_floor(frames)`."""
    left = min((f.x for f in frames), default=0.0)
    top = _capture_top(frames)
    right = max((f.x + f.width for f in frames), default=MIN_BOARD_WIDTH)
    columns = max(4, int((right - left) // CAPTURE_CELL[0]))
    floor, taken = capture_floor(frames), set()
    for x, y in notes:
        if y >= floor:
            column = round((x - left) / CAPTURE_CELL[0])
            if 0 <= column < columns:
                taken.add(round((y - top) / CAPTURE_CELL[1]) * columns + column)
    slots: list[tuple[float, float]] = []
    cell = 0
    while len(slots) < count:
        if cell not in taken:
            row, column = divmod(cell, columns)
            slots.append((left + column * CAPTURE_CELL[0], top + row * CAPTURE_CELL[1]))
        cell += 1
    return slots
