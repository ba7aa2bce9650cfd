"""Sticky notes, themes and questions from the room: value objects and the board's pure rules."""

import datetime as dt
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from workshop_desk.domain.enums import Source
from workshop_desk.domain.validation import ValidationError
from workshop_desk.i18n import N_, _

MAX_NOTE = 500  # characters: a sticky note, not an essay
MAX_ANSWER = 3000  # characters: a few paragraphs of minutes, not a report
NOTE_FONT_PX = 15.0  # scene units; the screens draw notes with this font size
NOTE_LINE = 18.0  # the line spacing of a 15 px sans-serif font, rounded up
NOTE_PADDING = 12.0
NOTE_WIDTHS = ((40, 170.0), (110, 210.0), (MAX_NOTE, 250.0))  # up to n characters → width
NOTE_MIN_HEIGHT, NOTE_MAX_HEIGHT = 90.0, 290.0
NOTE_GAP = 16.0
THEME_PADDING = 20.0
THEME_HEADER = 54.0
THEME_GAP = 60.0
MIN_BOARD_WIDTH = 1800.0
DEFAULT_NOTE_COLOUR = "#FFF59D"
THEME_COLOURS = ("#FFE082", "#A5D6A7", "#90CAF9", "#F48FB1", "#CE93D8", "#80CBC4", "#FFAB91", "#E6EE9C")
TABLE_COLOURS = ("#FFF59D", "#F8BBD0", "#C5E1A5", "#B3E5FC", "#FFCC80", "#D1C4E9", "#B2DFDB", "#FFAB91")
_AVERAGE_CHAR = 0.56 * NOTE_FONT_PX  # generous (the average is 0.51): estimated notes rarely overflow
_BULLET = re.compile(r"^\s*(?:[-*•·–—▪►]+|\d{1,3}[.)])\s+")


class ColourBy(StrEnum):
    """What gives a note its colour on the board."""

    THEME = "theme"
    TABLE = "table"
    GROUP = "group"
    NOTE = "note"


class ArrangeBy(StrEnum):
    THEME = "theme"
    TABLE = "table"


_COLOUR_BY_LABELS = {ColourBy.THEME: N_("Theme"), ColourBy.TABLE: N_("Table"), ColourBy.GROUP: N_("Stakeholder group"),
                     ColourBy.NOTE: N_("Note colour")}


def colour_by_label(value: ColourBy) -> str:
    return _(_COLOUR_BY_LABELS[value])


@dataclass(frozen=True, slots=True)
class Idea:
    """A sticky note. `merged_into_id`: folded into that note (text kept); `hidden`: not on the projector yet."""

    id: int
    sitting_id: int
    text: str
    agenda_item_id: int | None = None
    table_id: int | None = None
    group_id: int | None = None
    participant_id: int | None = None
    theme_id: int | None = None
    merged_into_id: int | None = None
    author: str = ""
    colour: str = ""
    x: float = 0.0
    y: float = 0.0
    hidden: bool = False
    source: Source = Source.CONSOLE
    created_at: dt.datetime | None = None
    status: str = "shown"  # "pending": sent from a phone, waiting for the facilitator's approval (domain/phones.py)
    device: str = ""  # the hash of the phone that sent it

    @property
    def on_board(self) -> bool:
        """Drawn as a note of its own (not folded into another)."""
        return self.merged_into_id is None


@dataclass(frozen=True, slots=True)
class IdeaDraft:
    """What the capture bar gives; everything but the text is kept from one note to the next."""

    text: str
    agenda_item_id: int | None = None
    table_id: int | None = None
    group_id: int | None = None
    participant_id: int | None = None
    author: str = ""
    colour: str = ""
    hidden: bool = False
    source: Source = Source.CONSOLE
    status: str = "shown"
    device: str = ""
    theme_id: int | None = None


@dataclass(frozen=True, slots=True)
class Theme:
    """A named, coloured area of the board; its notes are those whose theme_id is its id."""

    id: int
    sitting_id: int
    name: str
    colour: str = THEME_COLOURS[0]
    x: float = 0.0
    y: float = 0.0
    width: float = 400.0
    height: float = 300.0
    position: int = 0
    agenda_item_id: int | None = None


@dataclass(frozen=True, slots=True)
class Question:
    """A question from the room, with its +1 count and what was answered (noted by the facilitator)."""

    id: int
    sitting_id: int
    text: str
    asked_by: str = ""
    votes: int = 0
    answered: bool = False
    pinned: bool = False
    hidden: bool = False
    agenda_item_id: int | None = None
    participant_id: int | None = None
    source: Source = Source.CONSOLE
    created_at: dt.datetime | None = None
    answer: str = ""  # what was answered, noted by the facilitator (may run over several paragraphs)
    status: str = "shown"  # "pending": sent from a phone, waiting for approval
    device: str = ""  # the hash of the phone that sent it


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a note is, and in which theme."""

    idea_id: int
    x: float
    y: float
    theme_id: int | None = None


@dataclass(frozen=True, slots=True)
class Frame:
    """Where a theme's area is, and its size."""

    theme_id: int
    x: float
    y: float
    width: float
    height: float

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.x + self.width and self.y <= y <= self.y + self.height


@dataclass(frozen=True, slots=True)
class Layout:
    """Positions of some notes and theme areas: what a drag, an arrangement, or their undo writes."""

    notes: tuple[Placement, ...] = ()
    themes: tuple[Frame, ...] = ()


@dataclass(frozen=True, slots=True)
class Board:
    """A sitting's notes (deleted ones excluded) and themes."""

    sitting_id: int
    ideas: tuple[Idea, ...] = ()
    themes: tuple[Theme, ...] = ()


@dataclass(frozen=True, slots=True)
class MergeRecord:
    """What a merge changed: each note's previous `merged_into_id`, so that it can be undone."""

    keep_id: int
    previous: tuple[tuple[int, int | None], ...] = field(default_factory=tuple)

    @property
    def idea_ids(self) -> list[int]:
        return [self.keep_id, *(idea_id for idea_id, _old in self.previous)]


# --- Text ---------------------------------------------------------------------------------------------------


def clean_note(text: str) -> str:
    """A note's text: one line, trimmed, not empty, at most MAX_NOTE characters."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise ValidationError(_("A note cannot be empty."))
    if len(cleaned) > MAX_NOTE:
        raise ValidationError(_("A note is at most {max} characters ({n} typed).").format(max=MAX_NOTE, n=len(cleaned)))
    return cleaned


def split_lines(pasted: str) -> list[str]:
    """One note per non-empty line of pasted text, list bullets and numbers removed."""
    lines = (_BULLET.sub("", line) for line in pasted.splitlines())
    return [" ".join(line.split()) for line in lines if line.strip()]


def fold(text: str) -> str:
    """Lower case without accents, for searching French text ("developpement" finds "développement")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def note_size(text: str) -> tuple[float, float]:
    """Width and height of a note that fits `text` (wider for longer texts; taller as lines are added)."""
    width = next(w for limit, w in NOTE_WIDTHS if len(text) <= limit)
    per_line = max(1, int((width - 2 * NOTE_PADDING) / _AVERAGE_CHAR))
    lines, current = 1, 0
    for word in text.split():
        if current and current + 1 + len(word) <= per_line:
            current += 1 + len(word)
            continue
        lines += 1 if current else 0
        overflow = (len(word) - 1) // per_line  # a word longer than a line is cut over several
        lines, current = lines + overflow, len(word) - overflow * per_line
    height = 2 * NOTE_PADDING + lines * NOTE_LINE + NOTE_LINE  # a last line for the author, table or count
    return width, min(NOTE_MAX_HEIGHT, max(NOTE_MIN_HEIGHT, height))


def pastel(colour: str, amount: float = 0.6) -> str:
    """`colour` ('#RRGGBB') mixed with white: readable dark text on it."""
    try:
        red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    except (ValueError, IndexError):
        return DEFAULT_NOTE_COLOUR
    mix = [round(c + (255 - c) * amount) for c in (red, green, blue)]
    return "#{:02X}{:02X}{:02X}".format(*mix)


# --- Merging ------------------------------------------------------------------------------------------------


def merge_plan(ideas: Mapping[int, Idea], keep_id: int, other_ids: Iterable[int]) -> dict[int, int]:
    """New `merged_into_id` of each note that a merge into `keep_id` changes (their own folded notes too)."""
    root = _root(ideas, keep_id)
    others = {_root(ideas, idea_id) for idea_id in other_ids} - {root}
    if not others:
        raise ValidationError(_("Choose at least two notes to merge."))
    if any(ideas[i].sitting_id != ideas[root].sitting_id for i in others):
        raise ValueError("notes of different sittings cannot be merged")
    plan = dict.fromkeys(others, root)
    plan.update({idea.id: root for idea in ideas.values() if idea.merged_into_id in others})
    return plan


def _root(ideas: Mapping[int, Idea], idea_id: int) -> int:
    seen: set[int] = set()
    while ideas[idea_id].merged_into_id is not None and idea_id not in seen:
        seen.add(idea_id)
        idea_id = ideas[idea_id].merged_into_id  # type: ignore[assignment]
    return idea_id


def stacks(ideas: Iterable[Idea]) -> dict[int, list[Idea]]:
    """The notes folded into each note, by the id of the note that shows."""
    folded: dict[int, list[Idea]] = defaultdict(list)
    for idea in ideas:
        if idea.merged_into_id is not None:
            folded[idea.merged_into_id].append(idea)
    return dict(folded)


def choose_keeper(ideas: Sequence[Idea], folded: Mapping[int, Sequence[Idea]]) -> Idea:
    """Which of the notes to merge stays on the board: the biggest stack, then the first written."""
    return min(ideas, key=lambda idea: (-len(folded.get(idea.id, ())), idea.id))


# --- Layout -------------------------------------------------------------------------------------------------


def pack(sizes: Sequence[tuple[int, float, float]], left: float, top: float, width: float,
         breaks: Sequence[Hashable] | None = None) -> tuple[dict[int, tuple[float, float]], float, float]:
    """Shelf packing: (id, w, h) boxes in rows of at most `width`, a new row when `breaks` changes value.

    Returns each box's top-left corner, and the width and height used."""
    positions: dict[int, tuple[float, float]] = {}
    x, y, row_height, used = left, top, 0.0, 0.0
    for index, (box_id, w, h) in enumerate(sizes):
        new_group = breaks is not None and index > 0 and breaks[index] != breaks[index - 1]
        if x > left and (x + w > left + width or new_group):
            x, y, row_height = left, y + row_height + NOTE_GAP, 0.0
        positions[box_id] = (x, y)
        x += w + NOTE_GAP
        row_height = max(row_height, h)
        used = max(used, x - NOTE_GAP - left)
    return positions, used, (y + row_height - top) if sizes else 0.0


def layout_of(ideas: Iterable[Idea], themes: Iterable[Theme] = ()) -> Layout:
    """The current layout of these notes and themes."""
    return Layout(tuple(Placement(i.id, i.x, i.y, i.theme_id) for i in ideas),
                  tuple(Frame(t.id, t.x, t.y, t.width, t.height) for t in themes))


def theme_at(x: float, y: float, frames: Iterable[Frame]) -> int | None:
    """The theme whose area holds the point (the smallest one where areas overlap)."""
    holding = [f for f in frames if f.contains(x, y)]
    return min(holding, key=lambda f: f.width * f.height).theme_id if holding else None


def board_width(total_area: float) -> float:
    """A board about as wide as a projector's 16:9 for this much content."""
    return max(MIN_BOARD_WIDTH, math.sqrt(total_area * 16 / 9))


def arrange(board: Board, by: ArrangeBy, table_order: Mapping[int, int] | None = None) -> Layout:
    """Theme areas side by side (sized to their notes, packed inside them), unsorted notes below them.

    By table, the notes of each table start a row of their own, in table order."""
    order = table_order or {}
    def by_table(idea: Idea) -> tuple[int, int, int]:
        return order.get(idea.table_id or -1, 1 << 30), idea.table_id or 0, idea.id

    notes = sorted((i for i in board.ideas if i.on_board),
                   key=by_table if by == ArrangeBy.TABLE else lambda i: (0, 0, i.id))  # ids follow writing order
    members: dict[int | None, list[Idea]] = defaultdict(list)
    themes = sorted(board.themes, key=lambda t: (t.position, t.id))
    known = {t.id for t in themes}
    for idea in notes:
        members[idea.theme_id if idea.theme_id in known else None].append(idea)
    area = sum(w * h for w, h in (note_size(i.text) for i in notes)) * 1.6 + len(themes) * 250_000
    width = board_width(area)
    placements: list[Placement] = []
    frames, bottom = _place_themes(themes, members, by, width, placements)
    loose = members.get(None, [])
    top = bottom + THEME_GAP if frames else 0.0
    positions, _w, _h = pack(_sizes(loose), 0.0, top, width, _breaks(loose, by))
    placements += [Placement(i.id, *positions[i.id], None) for i in loose]
    return Layout(tuple(placements), tuple(frames))


def _place_themes(themes: Sequence[Theme], members: Mapping[int | None, Sequence[Idea]], by: ArrangeBy,
                  width: float, placements: list[Placement]) -> tuple[list[Frame], float]:
    frames: list[Frame] = []
    x, y, row_height = 0.0, 0.0, 0.0
    for theme in themes:
        inside = members.get(theme.id, [])
        sizes = _sizes(inside)
        inner = _inner_width(sizes)
        positions, _used, height = pack(sizes, 0.0, 0.0, inner, _breaks(inside, by))
        frame_w, frame_h = inner + 2 * THEME_PADDING, THEME_HEADER + max(height, 80.0) + THEME_PADDING
        if x > 0 and x + frame_w > width:
            x, y, row_height = 0.0, y + row_height + THEME_GAP, 0.0
        frames.append(Frame(theme.id, x, y, frame_w, frame_h))
        placements += [Placement(i.id, x + THEME_PADDING + positions[i.id][0], y + THEME_HEADER + positions[i.id][1],
                                 theme.id) for i in inside]
        x += frame_w + THEME_GAP
        row_height = max(row_height, frame_h)
    return frames, y + row_height


def _inner_width(sizes: Sequence[tuple[int, float, float]]) -> float:
    """Two to four columns of the widest note: theme areas stay about square."""
    widest = max((w for _id, w, _h in sizes), default=NOTE_WIDTHS[0][1])
    columns = min(4, max(2, math.ceil(math.sqrt(len(sizes) * 0.9))))
    return columns * (widest + NOTE_GAP) - NOTE_GAP


def _sizes(ideas: Sequence[Idea]) -> list[tuple[int, float, float]]:
    return [(i.id, *note_size(i.text)) for i in ideas]


def _breaks(ideas: Sequence[Idea], by: ArrangeBy) -> list[Hashable] | None:
    return [i.table_id for i in ideas] if by == ArrangeBy.TABLE else None


def frame_around(sizes: Sequence[tuple[int, float, float]], left: float, top: float,
                 theme_id: int = 0) -> tuple[Frame, dict[int, tuple[float, float]]]:
    """A theme area at (left, top) holding these notes packed inside it, and where each note goes."""
    inner = _inner_width(sizes)
    positions, _used, height = pack(sizes, left + THEME_PADDING, top + THEME_HEADER, inner)
    frame = Frame(theme_id, left, top, inner + 2 * THEME_PADDING, THEME_HEADER + max(height, 80.0) + THEME_PADDING)
    return frame, positions


Box = tuple[float, float, float, float]  # x, y, width, height


def free_theme_spot(frames: Sequence[Frame], size: tuple[float, float] = (0.0, 0.0),
                    notes: Sequence[Box] = ()) -> tuple[float, float]:
    """Where a new theme area of `size` goes: right of the first row of themes (top left on an empty board), then
    further right past any theme or loose note it would cover."""
    boxes = [(f.x, f.y, f.width, f.height) for f in frames] + list(notes)
    if not frames:
        left, top = 0.0, 0.0
    else:
        top = min(f.y for f in frames)
        left = max(f.x + f.width for f in frames if f.y < top + 1.0) + THEME_GAP
    wanted = (left, top, max(size[0], 1.0), max(size[1], 1.0))
    while covered := [b for b in boxes if _overlap(wanted, b)]:
        wanted = (max(b[0] + b[2] for b in covered) + THEME_GAP, *wanted[1:])
    return wanted[0], wanted[1]


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def grown_to_hold(frame: Frame, notes: Iterable[Box]) -> Frame:
    """`frame` grown just enough to hold the notes dropped in it, with its padding (and its header above them)."""
    left, top = frame.x, frame.y
    right, bottom = frame.x + frame.width, frame.y + frame.height
    for x, y, width, height in notes:
        left, top = min(left, x - THEME_PADDING), min(top, y - THEME_HEADER)
        right, bottom = max(right, x + width + THEME_PADDING), max(bottom, y + height + THEME_PADDING)
    return Frame(frame.theme_id, left, top, right - left, bottom - top)


# --- Colours and search -------------------------------------------------------------------------------------


def colour_rule(by: ColourBy, themes: Mapping[int, str], groups: Mapping[int, str],
                tables: Mapping[int, int]) -> Callable[[Idea], str]:
    """A function giving each note its fill colour: from its theme, table (by position), group, or own colour."""
    def note(idea: Idea) -> str:
        return idea.colour or DEFAULT_NOTE_COLOUR

    def rule(idea: Idea) -> str:
        if by == ColourBy.THEME and idea.theme_id in themes:
            return themes[idea.theme_id]  # type: ignore[index]
        if by == ColourBy.TABLE and idea.table_id in tables:
            return TABLE_COLOURS[tables[idea.table_id] % len(TABLE_COLOURS)]  # type: ignore[index]
        if by == ColourBy.GROUP and idea.group_id in groups:
            return pastel(groups[idea.group_id])  # type: ignore[index]
        return note(idea)

    return note if by == ColourBy.NOTE else rule


def matches(idea: Idea, folded_query: str, folded_with: Sequence[Idea] = ()) -> bool:
    """Whether the note (or a note folded into it, or its author) contains the query (already folded)."""
    if not folded_query:
        return True
    texts = [idea.text, idea.author, *(other.text for other in folded_with)]
    return any(folded_query in fold(text) for text in texts)


# --- Questions ----------------------------------------------------------------------------------------------


def order_questions(questions: Iterable[Question]) -> list[Question]:
    """Open questions by votes (the earliest first among equals), then answered ones, then hidden ones."""
    return sorted(questions, key=lambda q: (q.hidden, q.answered, -q.votes, q.id))


def clean_answer(text: str) -> str:
    """An answer's text: its paragraphs kept, each line trimmed, blank lines at either end dropped."""
    cleaned = "\n".join(" ".join(line.split()) for line in text.splitlines()).strip("\n")
    if len(cleaned) > MAX_ANSWER:
        raise ValidationError(_("An answer is at most {max} characters ({n} typed).").format(
            max=MAX_ANSWER, n=len(cleaned)))
    return cleaned


def split_questions(questions: Iterable[Question]) -> tuple[list[Question], list[Question]]:
    """Answered and unanswered questions for the minutes (those hidden as off topic left out)."""
    shown = [q for q in order_questions(questions) if not q.hidden]
    return [q for q in shown if q.answered], [q for q in shown if not q.answered]
