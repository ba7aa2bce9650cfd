"""The text of a CSV file, read honestly: its encoding or the lines that look misread, and control characters."""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from workshop_desk.i18n import _, ngettext

# The encodings a user can choose for a CSV file (codec → name on screen), in the order offered.
ENCODINGS = {"utf-8": "UTF-8", "windows-1252": "Windows-1252", "latin-1": "Latin-1 (ISO-8859-1)",
             "mac-roman": "Mac Roman", "cp850": "DOS (CP850)"}
_SINGLE_BYTE = ("windows-1252", "mac-roman", "cp850")  # what a file that is not UTF-8 may be, likeliest first
SHOWN_TEXT = 200  # characters of a suspect line kept for the screen

# Characters that are no text: C0 and C1 controls (tab, line breaks and the other white space excepted, they
# become spaces), and invisible marks that only mislead: byte-order marks, zero-width spaces, direction
# overrides (which can show a name reversed).
CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u200b\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]")
_C1 = re.compile("[\x80-\x9f]")
_LINE_BREAK = re.compile("\r\n|\r|\n")
_UTF8_BYTES = re.compile(b"[\xc2-\xf4][\x80-\xbf]")
_SAMPLE = 2000  # lines enough to tell one single-byte encoding from another
# Non-ASCII characters that French and English text written in a Western encoding plausibly holds, besides
# letters: quotes, dashes, currency, a few signs.
_PLAUSIBLE = frozenset("’‘“”„«»–—…•·°€£¥¢§©®™\u00a0¡¿ªº²³¹½¼¾µ×÷±")


def strip_controls(text: str) -> str:
    """`text` without control characters and invisible marks (white space is left for the caller to tidy)."""
    return CONTROLS.sub("", text)


@dataclass(frozen=True, slots=True)
class SuspectLine:
    """A line of the file whose characters look misread, as it was read (cut short for the screen)."""

    line: int  # 1-based, as a text editor numbers lines
    text: str


@dataclass(frozen=True, slots=True)
class Decoding:
    """How a file's bytes were read as text."""

    encoding: str  # as shown: "UTF-8", "Windows-1252", "UTF-8 + Windows-1252" for a mixed file
    chosen: str | None = None  # the codec the user chose (a key of ENCODINGS); None: guessed
    mixed: bool = False  # lines in two encodings, each read in the one that fits it
    suspects: tuple[SuspectLine, ...] = ()


def decode_text(data: bytes, encoding: str | None = None) -> tuple[str, Decoding]:
    """The text of a CSV file, in `encoding` if given (undecodable bytes shown as �), else guessed: UTF-16 with
    its BOM, UTF-8 with or without BOM, a single-byte encoding, or UTF-8 and another mixed line by line."""
    if encoding is not None:
        text = data.decode("utf-8-sig" if encoding == "utf-8" else encoding, errors="replace")
        return text, Decoding(ENCODINGS[encoding], encoding, suspects=_suspects(split_lines(text), encoding))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" export
        return data.decode("utf-16", errors="replace"), Decoding("UTF-16")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _line_by_line(data.removeprefix(b"\xef\xbb\xbf").splitlines(keepends=True))
    return text, Decoding("UTF-8", suspects=_suspects(split_lines(text), "utf-8"))


def split_lines(text: str) -> list[str]:
    """The lines of `text` as the csv module and a text editor count them (not at every Unicode separator)."""
    return _LINE_BREAK.split(text)


def _line_by_line(lines: list[bytes]) -> tuple[str, Decoding]:
    """A file that is not all UTF-8: the single-byte encoding that reads it best, and the lines that are UTF-8
    (a list pasted together from two sources) read as such; the lines in the rarer encoding are shown too."""
    utf8 = {number for number, line in enumerate(lines) if not line.isascii() and _is_utf8(line)}
    legacy = [number for number, line in enumerate(lines) if not line.isascii() and number not in utf8]
    sample = [lines[number] for number in legacy[:_SAMPLE]]
    codec = min(_SINGLE_BYTE, key=lambda candidate: sum(looks_misread(_decode(line, candidate), candidate)
                                                       for line in sample))
    used = ["utf-8" if number in utf8 else codec for number in range(len(lines))]
    texts = [_decode(line, used[number]) for number, line in enumerate(lines)]
    flagged = {number for number, text in enumerate(texts) if not text.isascii() and looks_misread(text, used[number])}
    if utf8:
        flagged |= utf8 if len(utf8) < len(legacy) else set(legacy)
    name = f"UTF-8 + {ENCODINGS[codec]}" if utf8 else ENCODINGS[codec]
    suspects = tuple(_suspect(number + 1, texts[number]) for number in sorted(flagged))
    return "".join(texts), Decoding(name, mixed=bool(utf8), suspects=suspects)


def _is_utf8(line: bytes) -> bool:
    if not _UTF8_BYTES.search(line):
        return False  # no byte starting a UTF-8 character before one continuing it: the quick answer
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decode(line: bytes, codec: str) -> str:
    """One line; a line with one of the five bytes Windows-1252 leaves undefined is read as Latin-1."""
    try:
        return line.decode(codec)
    except UnicodeDecodeError:
        return line.decode("latin-1")


def _suspects(lines: Sequence[str], codec: str) -> tuple[SuspectLine, ...]:
    """The lines (1-based) whose characters look misread in `codec`."""
    return tuple(_suspect(number, line) for number, line in enumerate(lines, start=1)
                 if not line.isascii() and looks_misread(line, codec))


def _suspect(number: int, line: str) -> SuspectLine:
    line = strip_controls(line.rstrip("\r\n"))
    return SuspectLine(number, line if len(line) <= SHOWN_TEXT else line[:SHOWN_TEXT - 1] + "…")


def looks_misread(line: str, codec: str) -> bool:
    """True when `line`, read as `codec`, holds what a misread encoding gives: �, C1 controls, UTF-8 read
    byte by byte ('PrÃ©nom'), or in a single-byte reading, a capital inside a word ('PrŽnom') or a sign no
    name holds ('Pr‚nom')."""
    if "\ufffd" in line or _C1.search(line) or _was_utf8(line, "windows-1252" if codec == "utf-8" else codec):
        return True
    return codec != "utf-8" and _odd_characters(line)


def _was_utf8(line: str, codec: str) -> bool:
    """True when the line's characters, written back in `codec`, are UTF-8 with accents (read byte by byte)."""
    if codec in ("windows-1252", "latin-1") and not _UTF8_PAIR.search(line):
        return False  # no lead byte followed by a continuation byte: the quick answer for nearly every line
    try:
        return line.encode(codec).decode("utf-8") != line
    except UnicodeError:
        return False


def _odd_characters(line: str) -> bool:
    """A capital inside a word ('PrŽnom', 'MŸller'), or a sign that no name or organisation holds ('Pr‚nom')."""
    for found in _REMARKABLE.finditer(line):
        char, start = found.group(), found.start()
        before, after = line[start - 1:start], line[start + 1:start + 2]
        if char.isalpha():
            if char.isupper() and before.isalpha() and (before.islower() or after.islower()):
                return True
        elif (not char.isspace() and char not in _PLAUSIBLE) or (char == "…" and after.isalpha()):
            return True  # Mac Roman's 'É' is Windows-1252's '…': '…lus'
    return False


def _byte_class(first: int, last: int) -> str:
    """A regular-expression class of what Windows-1252 (Latin-1 where it has a gap) reads bytes first…last as."""
    return "[" + re.escape("".join(_decode(bytes([byte]), "windows-1252") for byte in range(first, last + 1))) + "]"


_UTF8_PAIR = re.compile(_byte_class(0xC2, 0xF4) + _byte_class(0x80, 0xBF))  # 'Ã©' is 'é' in UTF-8
# What _odd_characters must look at: not ASCII, not a small letter, not a plausible sign ('…' is looked at).
_REMARKABLE = re.compile("[^\x00-\x7f" + re.escape("".join(sorted(
    {chr(code) for code in range(0x80, 0x250) if chr(code).isalpha() and chr(code).islower()}
    | (_PLAUSIBLE - {"…"})))) + "]")


def lines_text(lines: Sequence[int], most: int = 10) -> str:
    """'line 7' or 'lines 7, 12, 40 and 37 more' (long lists cut short)."""
    shown = ", ".join(str(line) for line in lines[:most])
    if len(lines) > most:
        return _("lines {lines} and {n} more").format(lines=shown, n=f"{len(lines) - most:,}")
    return ngettext("line {lines}", "lines {lines}", len(lines)).format(lines=shown)

