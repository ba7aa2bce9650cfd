"""Ballots typed into a spreadsheet, one row per voter: header found, columns matched to options, cells read.

Layout. A header row (title rows above it are skipped), then one row per voter:
- a voter column (Voter, N°, Votant, Électeur, Bulletin, Participant…), optional: without it, or with the cell
  blank, the voter is named after the spreadsheet line ("L7");
- a group column (Group, Stakeholder group, Collège, Groupe…), optional, naming the programme's groups;
- one column per option, headed with the option's label; for impact × feasibility two per option ("Transport –
  impact", "Transport – faisabilité"); for a multi-criteria grid one per option and criterion ("Transport –
  Jobs"). Any separator, either order; accents, case and punctuation are ignored. Other columns are ignored.
Cells: numbers ("3", "3 pts", "2,5", "1er", "2e"); blank, "-", "skip", "NSP": nothing (no dots, a skipped
rating, an unranked option); show of hands also "x", "oui", "✓"; consent: agree / d'accord / pour, concerns /
réserves, objection, optionally followed by ":" and the words written down.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workshop_desk.domain.consent import AGREE, CONCERNS, OBJECTION
from workshop_desk.domain.counting import check_paper
from workshop_desk.domain.counting_grid import FEASIBILITY, IMPACT
from workshop_desk.domain.enums import BallotMethod, Source
from workshop_desk.domain.people import fold
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.vote_methods import method_spec
from workshop_desk.domain.voting import Ballot, BallotPaper, Mark
from workshop_desk.i18n import _

HEADER_SEARCH_ROWS = 30
MAX_ROWS = 20_000
Target = tuple[int, int | None, str]  # option id, criterion id, axis

_PUNCTUATION = re.compile(r"[^0-9a-z+]+")
_NUMBER = re.compile(r"([-+]?\d+(?:\.\d+)?)\s*([a-z°]*)\.?")
_VOTER_HEADERS = {"voter", "voters", "voter number", "voter no", "voter id", "votant", "votants", "n votant",
                  "no votant", "numero votant", "numero de votant", "electeur", "n", "no", "num", "numero", "id",
                  "bulletin", "n bulletin", "numero de bulletin", "ballot", "ballot number", "participant", "name",
                  "nom", "n du votant", "numero du votant"}
_GROUP_HEADERS = {"group", "groups", "stakeholder group", "groupe", "groupes", "college", "colleges",
                  "groupe d acteurs", "college d acteurs", "famille d acteurs", "category", "categorie"}
_AXIS_WORDS = {IMPACT: ("impact",), FEASIBILITY: ("feasibility", "faisabilite", "feasible", "faisable")}
_BLANKS = {"", "-", "skip", "skipped", "passe", "nsp", "ne sait pas", "na", "n a", "abs", "abstention", "blank",
           "blanc", "?", "sans avis", "no opinion"}
_UNITS = {"", "pt", "pts", "point", "points", "dot", "dots", "gommette", "gommettes", "er", "ere", "re", "e", "eme",
          "st", "nd", "rd", "th", "°"}
_HANDS = {"x": 1.0, "✓": 1.0, "✔": 1.0, "oui": 1.0, "yes": 1.0, "y": 1.0, "o": 1.0, "true": 1.0, "vrai": 1.0,
          "non": 0.0, "no": 0.0, "n": 0.0, "false": 0.0, "faux": 0.0}
# Stances, looked for as words in the cell: an objection outweighs a concern, which outweighs an agreement.
_STANCES = ((OBJECTION, ("objection", "objections", "object", "objecte", "veto", "block", "bloque", "blocage",
                         "oppose", "opposition")),
            (CONCERNS, ("concern", "concerns", "reserve", "reserves", "reservation", "reservations", "inquietude",
                        "inquietudes", "doute", "doutes", "preoccupation", "preoccupations")),
            (AGREE, ("agree", "agreed", "d accord", "daccord", "accord", "pour", "oui", "yes", "ok", "consent",
                     "consens", "consentement", "favorable", "+")))
_COMMENT_SPLIT = re.compile(r"\s*(?::|\s[-–—]\s)\s*")


@dataclass(frozen=True, slots=True)
class SheetReading:
    """The ballot papers read from a sheet, and what was left aside."""

    papers: tuple[BallotPaper, ...]
    lines: tuple[int, ...]  # the spreadsheet line of each paper
    ignored_columns: tuple[str, ...] = ()
    unknown_groups: tuple[str, ...] = ()
    replaced: int = 0  # voters whose earlier ballot the import replaced


def summary_lines(reading: SheetReading) -> list[str]:
    """What an import did, in sentences for the user."""
    lines = [_("{n} ballots imported.").format(n=len(reading.papers))]
    if reading.replaced:
        lines.append(_("{n} of them replaced an earlier ballot of the same voter.").format(n=reading.replaced))
    if reading.ignored_columns:
        lines.append(_("Columns ignored (no option of the ballot has these names): {columns}.").format(
            columns=", ".join(f"“{c}”" for c in reading.ignored_columns)))
    if reading.unknown_groups:
        lines.append(_("Groups not in the programme, left without a group: {groups}.").format(
            groups=", ".join(f"“{g}”" for g in reading.unknown_groups)))
    return lines


class _CellError(ValueError):
    pass


def key(text: object) -> str:
    """A header or a cell reduced to plain lower-case words: 'Faisabilité :' → 'faisabilite'."""
    return _PUNCTUATION.sub(" ", fold(str(text if text is not None else ""))).strip()


def cell_text(cell: object) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return " ".join(str(cell if cell is not None else "").split())


def targets(ballot: Ballot) -> dict[str, Target]:
    """Every header key that names a column of this ballot (first option wins when two labels read alike)."""
    found: dict[str, Target] = {}
    spec = method_spec(ballot.method)
    for option in ballot.options:
        parts: list[tuple[str, Target]]
        if spec.axes:
            parts = [(word, (option.id, None, axis)) for axis in spec.axes for word in _AXIS_WORDS[axis]]
        elif spec.criteria:
            parts = [(c.name, (option.id, c.id, "")) for c in ballot.criteria]
        else:
            found.setdefault(key(option.label), (option.id, None, ""))
            continue
        for word, target in parts:
            found.setdefault(key(f"{option.label} {word}"), target)
            found.setdefault(key(f"{word} {option.label}"), target)
    return found


def _columns(cells: Sequence[object], expected: Mapping[str, Target]) -> list[Target | str | None]:
    """Per column: a ballot column, "voter", "group", or None (ignored)."""
    columns: list[Target | str | None] = []
    for cell in cells:
        text = key(cell)
        kind: Target | str | None = expected.get(text)
        if kind is None and text:
            kind = "voter" if text in _VOTER_HEADERS else "group" if text in _GROUP_HEADERS else None
        columns.append(kind if kind not in columns else None)  # a column named twice: the first one counts
    return columns


def _header(rows: Sequence[Sequence[object]], expected: Mapping[str, Target]) -> int | None:
    """The row, among the first ones, that names the most ballot columns."""
    scores = [sum(isinstance(c, tuple) for c in _columns(row, expected)) for row in rows[:HEADER_SEARCH_ROWS]]
    best = max(scores, default=0)
    return scores.index(best) if best else None


def number(cell: object) -> float | None:
    """A number from a messy cell; None for a blank (or "-", "skip"…); _CellError if it is not one."""
    if cell is None or isinstance(cell, bool):
        return None if cell is None else float(cell)
    if isinstance(cell, int | float):
        return float(cell)
    text = fold(str(cell)).replace("\u2013", "-").replace("\u2014", "-")
    if key(text) in _BLANKS or text.strip() in _BLANKS:
        return None
    match = _NUMBER.fullmatch(text.replace(" ", "").replace(",", "."))
    if match is None or match.group(2) not in _UNITS:
        raise _CellError(_("a number"))
    return float(match.group(1))


def hand(cell: object) -> float | None:
    text = fold(str(cell)).strip() if isinstance(cell, str) else ""
    return _HANDS[text] if text in _HANDS else number(cell)


def stance(cell: object) -> tuple[str, str] | None:
    """(stance, words written down) from "objection: too expensive", "d'accord", "réserves – le coût"…"""
    text = cell_text(cell)
    if key(text) in _BLANKS:
        return None
    head, *rest = _COMMENT_SPLIT.split(text, maxsplit=1)
    padded = f" {key(head) or head.strip()} "
    for axis, words in _STANCES:
        if any(f" {word} " in padded for word in words):
            return axis, rest[0].strip() if rest else ""
    raise _CellError(_("agree, concerns or objection"))


def _mark(method: BallotMethod, target: Target, cell: object) -> Mark | None:
    option_id, criterion_id, axis = target
    spec = method_spec(method)
    if spec.sheet_cell == "stance":
        found = stance(cell)
        return Mark(option_id, 1.0, axis=found[0], comment=found[1]) if found else None
    value = hand(cell) if spec.sheet_cell == "hand" else number(cell)
    if value is None or (value == 0 and spec.amounts):  # no dot is no vote; a score of 0 is one
        return None
    return Mark(option_id, value, criterion_id, axis)


def read_rows(rows: Sequence[Sequence[object]], ballot: Ballot, groups: Mapping[str, int],
              source: Source = Source.IMPORT, name: str = "") -> SheetReading:
    """Checked ballot papers from a sheet's rows (ValidationError naming the line and the column)."""
    if len(rows) > MAX_ROWS:
        raise ValidationError(_("“{name}” has more than {n} rows: check that it is the right file.").format(
            name=name, n=MAX_ROWS))
    expected = targets(ballot)
    header = _header(rows, expected)
    if header is None:
        raise ValidationError(_("No column of “{name}” is headed with an option of the ballot “{title}”. The header "
                                "row should hold the options' labels, and optionally Voter and Group.").format(
            name=name, title=ballot.title))
    columns = _columns(rows[header], expected)
    reader = _RowReader(ballot, columns, [cell_text(c) for c in rows[header]], groups, source)
    for index, row in enumerate(rows[header + 1:], start=header + 2):
        if any(cell_text(c) for c in row) and [key(c) for c in row] != [key(c) for c in rows[header]]:
            reader.read(index, row)
    ignored = tuple(cell_text(c) for c, kind in zip(rows[header], columns, strict=False) if kind is None
                    and cell_text(c))
    return SheetReading(tuple(reader.papers), tuple(reader.lines), ignored, tuple(sorted(reader.unknown_groups)))


class _RowReader:
    """Turns data rows into ballot papers, checking each one and the voters' uniqueness."""

    def __init__(self, ballot: Ballot, columns: list[Target | str | None], headers: list[str],
                 groups: Mapping[str, int], source: Source) -> None:
        self.ballot, self.columns, self.headers, self.groups, self.source = ballot, columns, headers, groups, source
        self.papers: list[BallotPaper] = []
        self.lines: list[int] = []
        self.unknown_groups: set[str] = set()
        self._seen: dict[str, int] = {}

    def read(self, line: int, row: Sequence[object]) -> None:
        cells = [*row, *[None] * (len(self.columns) - len(row))]
        voter, group, marks = f"L{line}", None, []
        for column, (kind, cell) in enumerate(zip(self.columns, cells, strict=False)):
            if kind == "voter":
                voter = cell_text(cell) or voter
            elif kind == "group":
                group = self._group(cell_text(cell))
            elif isinstance(kind, tuple):
                mark = self._cell(line, column, kind, cell)
                marks += [mark] if mark else []
        self._add(line, BallotPaper(voter, tuple(marks), group, self.source))

    def _cell(self, line: int, column: int, target: Target, cell: object) -> Mark | None:
        try:
            return _mark(self.ballot.method, target, cell)
        except _CellError as error:
            raise ValidationError(_("Line {line}, column “{column}”: “{text}” cannot be read as {what}.").format(
                line=line, column=self.headers[column], text=cell_text(cell), what=error)) from None

    def _group(self, text: str) -> int | None:
        if not text:
            return None
        found = self.groups.get(fold(text))
        if found is None:
            self.unknown_groups.add(text)
        return found

    def _add(self, line: int, paper: BallotPaper) -> None:
        if paper.voter in self._seen:
            raise ValidationError(_("Line {line}: voter “{voter}” already has a ballot on line {first}.").format(
                line=line, voter=paper.voter, first=self._seen[paper.voter]))
        try:
            check_paper(self.ballot.method, self.ballot.settings, self.ballot.options, paper, self.ballot.criteria)
        except ValidationError as error:
            raise ValidationError(_("Line {line}: {problem}").format(line=line, problem=error)) from None
        self._seen[paper.voter] = line
        self.papers.append(paper)
        self.lines.append(line)
