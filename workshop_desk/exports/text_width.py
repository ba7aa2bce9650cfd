"""How wide text is in Arial (and in Liberation Sans, its metric twin), to know how many lines a wrapped cell takes:
a spreadsheet may not make a row taller for its wrapped text (LibreOffice does not when it opens a file)."""

import re
import unicodedata
from functools import cache

# Advance widths of Arial Regular, in thousandths of an em; accented letters are as wide as their base letter.
_WIDTHS = dict(zip(
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
    (278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, *[556] * 10, 278, 278, 584, 584,
     584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667,
     611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222,
     222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584),
    strict=True))
_WIDTHS.update({"—": 1000, "–": 556, "…": 1000, "’": 222, "‘": 222, "“": 333, "”": 333, "«": 556, "»": 556,
                "€": 556, "\u00a0": 278, "\u202f": 278, "×": 584, "œ": 944, "Œ": 1000, "æ": 889, "Æ": 1000})
_EM = 10 * 96 / 72  # pixels in an em of 10-point text on a 96-dpi screen
_PADDING = 4  # pixels a cell keeps free on its sides
BOLD = 1.08  # Arial Bold is about this much wider
# Spaces a line never breaks at (Unicode line breaking): before closing punctuation, after opening punctuation.
_GLUED = re.compile(r" (?=[:;!?»)\]}%]|$)|(?<=[«(\[{]) ")


@cache
def _char(character: str) -> int:
    found = _WIDTHS.get(character)
    if found is None:
        base = unicodedata.normalize("NFD", character)[:1]
        found = _WIDTHS.get(base, 556)
    return found


def width(text: str) -> float:
    """Pixels `text` takes in 10-point Arial."""
    return sum(_char(c) for c in text) * _EM / 1000


def column_pixels(characters: float) -> float:
    """Pixels of text a column of this Excel width (in characters of a 7-pixel digit) holds."""
    return characters * 7 + 5 - _PADDING


def lines(text: str, characters: float, bold: bool = False) -> int:
    """Lines `text` takes in a wrapped cell of a column this wide, broken at spaces (a word longer than a line
    is broken anywhere)."""
    room = column_pixels(characters) / (BOLD if bold else 1.0)
    space, count = width(" "), 0
    for paragraph in _GLUED.sub("\u00a0", text).split("\n"):
        count += 1
        used = 0.0
        for word in paragraph.split(" "):
            taken = width(word)
            if used and used + space + taken > room:
                count += 1
                used = 0.0
            used += (space if used else 0.0) + taken
            while used > room:
                count += 1
                used -= room
    return count
