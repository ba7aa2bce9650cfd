"""Importing participants from a spreadsheet: target fields, header guessing, cell cleaning, row mapping."""

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from workshop_desk.domain.importing_text import Decoding, strip_controls
from workshop_desk.domain.models import ParticipantDraft
from workshop_desk.domain.people import fold, is_valid_email, tidy_name
from workshop_desk.domain.validation import MAX_TEXT, ValidationError
from workshop_desk.i18n import N_, _

MAX_ROWS = 50_000  # ten times the largest event; beyond that the file is not an invitee list
HEADER_SEARCH_ROWS = 30  # title rows, logos and blank lines sit above the header in registration exports
PREVIEW_ROWS = 20


class ImportFailed(ValidationError):
    """A spreadsheet that cannot be imported; the message says why (and that nothing was written)."""


class Target(StrEnum):
    """What a source column becomes in the registry (FULL_NAME is split into first and last names)."""

    CIVILITY = "civility"
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    FULL_NAME = "full_name"
    ORGANISATION = "organisation"
    ROLE = "role"
    GROUP = "group"
    EMAIL = "email"
    PHONE = "phone"
    NOTES = "notes"


_LABELS = {
    Target.CIVILITY: N_("Civility"), Target.FIRST_NAME: N_("First name"), Target.LAST_NAME: N_("Last name"),
    Target.FULL_NAME: N_("Full name (split)"), Target.ORGANISATION: N_("Organisation"), Target.ROLE: N_("Role"),
    Target.GROUP: N_("Stakeholder group"), Target.EMAIL: N_("E-mail"), Target.PHONE: N_("Phone"),
    Target.NOTES: N_("Notes"),
}


def target_label(target: Target | None) -> str:
    """The target's name on screen; None is a column that is not imported."""
    return _(_LABELS[target]) if target else _("(do not import)")


Mapping = tuple[Target | None, ...]  # one target (or None: ignored) per source column

# Folded header texts (accents, case and punctuation ignored), French and English. Exact matches first.
_EXACT: dict[Target, tuple[str, ...]] = {
    Target.CIVILITY: ("civilite", "civ", "salutation", "prefix", "honorific", "titre de civilite", "mr mme",
                      "m mme", "madame monsieur", "genre civilite"),
    Target.FIRST_NAME: ("prenom", "prenoms", "first name", "firstname", "given name", "forename", "prenom usuel"),
    Target.LAST_NAME: ("nom", "nom de famille", "nom d usage", "last name", "lastname", "surname", "family name",
                       "nom de naissance"),
    Target.FULL_NAME: ("nom complet", "full name", "fullname", "name", "nom et prenom", "nom prenom", "prenom nom",
                       "nom et prenoms", "participant", "participante", "identite", "contact", "attendee",
                       "attendee name", "inscrit", "personne"),
    Target.ORGANISATION: ("structure", "organisme", "societe", "entreprise", "organisation", "organization",
                          "company", "employeur", "employer", "etablissement", "collectivite", "institution",
                          "raison sociale", "affiliation", "association"),
    Target.ROLE: ("fonction", "poste", "role", "job title", "title", "job", "position", "qualite", "metier",
                  "titre", "fonction occupee"),
    Target.GROUP: ("college", "groupe", "group", "stakeholder group", "categorie", "category", "type d acteur",
                   "famille d acteurs", "type de participant", "profil", "college d acteurs"),
    Target.EMAIL: ("courriel", "email", "e mail", "mail", "mel", "adresse mail", "adresse e mail", "adresse email",
                   "adresse electronique", "email address", "e mail address", "adresse courriel"),
    Target.PHONE: ("telephone", "tel", "phone", "mobile", "portable", "gsm", "cell", "phone number",
                   "numero de telephone", "telephone portable", "telephone mobile", "tel portable"),
    Target.NOTES: ("notes", "note", "commentaire", "commentaires", "remarque", "remarques", "comment", "comments",
                   "observations", "informations complementaires", "precisions"),
}
# Words that give a column away inside a longer header ("Adresse e-mail professionnelle"), most telling first:
# "Nom de la structure" is an organisation, not a last name.
_KEYWORDS: tuple[tuple[Target, tuple[str, ...]], ...] = (
    (Target.EMAIL, ("courriel", "mail", "email")),
    (Target.PHONE, ("telephone", "tel", "phone", "mobile", "portable")),
    (Target.ORGANISATION, ("structure", "organisme", "societe", "entreprise", "organisation", "organization",
                           "company", "employeur", "etablissement", "collectivite")),
    (Target.CIVILITY, ("civilite",)),
    (Target.FULL_NAME, ("nom complet", "full name", "nom et prenom", "nom prenom", "prenom nom")),
    (Target.FIRST_NAME, ("prenom", "first name", "given name")),
    (Target.GROUP, ("college", "groupe", "categorie", "category")),
    (Target.ROLE, ("fonction", "poste", "job")),
    (Target.NOTES, ("commentaire", "remarque", "comment", "observation")),
    (Target.LAST_NAME, ("nom", "last name", "surname")),
)
_SYNONYMS = {text: target for target, texts in _EXACT.items() for text in texts}
_PUNCTUATION = re.compile(r"[^0-9a-z]+")
_CIVILITIES = {"m", "mr", "mme", "mlle", "mrs", "ms", "miss", "dr", "pr", "me", "monsieur", "madame",
               "mademoiselle", "docteur", "professeur"}
_SPACES = re.compile(r"\s+")


def header_key(text: object) -> str:
    """A header reduced to plain lower-case words: 'E-mail :' → 'e mail', 'Prénom(s)' → 'prenom s'."""
    return _PUNCTUATION.sub(" ", fold(str(text or ""))).strip()


def guess_target(header: object) -> Target | None:
    """The field a column header most likely names, or None."""
    key = header_key(header)
    if not key:
        return None
    exact = _SYNONYMS.get(key) or _SYNONYMS.get(key.removesuffix(" s"))  # "Prénom(s)"
    if exact:
        return exact
    padded = f" {key} "
    return next((target for target, words in _KEYWORDS if any(f" {word} " in padded for word in words)), None)


def guess_mapping(headers: Sequence[object]) -> Mapping:
    """One target per column; each field goes to its first column, except notes (several are joined)."""
    taken: set[Target] = set()
    mapping: list[Target | None] = []
    for header in headers:
        target = guess_target(header)
        if target in taken and target != Target.NOTES:
            target = None
        if target:
            taken.add(target)
        mapping.append(target)
    return tuple(mapping)


def has_name(mapping: Mapping) -> bool:
    """True when some column gives the names (first, last or full)."""
    return any(t in (Target.FIRST_NAME, Target.LAST_NAME, Target.FULL_NAME) for t in mapping)


def header_score(cells: Sequence[object]) -> int:
    """How many cells of a row read as distinct known headers (0 for data and title rows)."""
    mapping = guess_mapping([cell if isinstance(cell, str) else "" for cell in cells])
    return len({target for target in mapping if target}) if has_name(mapping) else 0


def find_header(rows: Sequence[Sequence[object]]) -> int | None:
    """Index of the header row among the first rows: the one naming the most fields (a name among them)."""
    best, best_score = None, 0
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        score = header_score(cells)
        if score > best_score:
            best, best_score = index, score
    return best


# Cells ------------------------------------------------------------------------------------------------------

def cell_text(value: object) -> str:
    """A cell as trimmed single-spaced text without control characters: 12.0 → '12', an Excel date →
    '2027-01-14', None → ''; tabs and line breaks become spaces."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.date | dt.time):
        return _moment_text(value)
    return _SPACES.sub(" ", strip_controls(str(value))).strip()


def _moment_text(value: dt.date | dt.time) -> str:
    """ISO text for an Excel date cell; midnight datetimes are plain dates (how Excel stores a day)."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat(timespec="minutes") if isinstance(value, dt.time) else value.isoformat()


def clean_email(value: object) -> str:
    """The first address of a cell ('mailto:a@b.fr; c@d.fr' → 'a@b.fr'), trimmed."""
    text = cell_text(value).removeprefix("mailto:").removeprefix("MAILTO:")
    first = re.split(r"[;,\s]+", text.strip("<> "), maxsplit=1)[0]
    return first.strip("<>")


def clean_phone(value: object) -> str:
    """A phone number as text; a French number that Excel stored as 612345678 gets its leading 0 back."""
    text = cell_text(value)
    if isinstance(value, int | float) and not isinstance(value, bool) and len(text) == 9 and text[0] != "0":
        return "0" + text
    return text


def split_full_name(text: str) -> tuple[str, str, str]:
    """(civility, first, last) from 'Mme Éloïse LE GOFF', 'DUPONT Jean', 'Dupont, Jean' or 'Jean Dupont'."""
    words = text.split()
    civility = ""
    if len(words) > 1 and header_key(words[0]) in _CIVILITIES:
        civility, words = words[0], words[1:]
    if "," in text:
        last, _sep, first = " ".join(words).partition(",")
        return civility, first.strip(), last.strip()
    capitals = [w for w in words if w.isupper() and len(w.strip(".-'")) > 1]
    if capitals and len(capitals) < len(words):  # French habit: the surname in capitals, wherever it is
        return civility, " ".join(w for w in words if w not in capitals), " ".join(capitals)
    return civility, " ".join(words[:1]), " ".join(words[1:])


@dataclass(frozen=True, slots=True)
class MappedRow:
    """One data row as the registry would take it (names tidied, cells cleaned)."""

    line: int  # the row number the user sees in the spreadsheet (1-based)
    draft: ParticipantDraft
    group: str = ""  # the stakeholder group as written in the file, matched by name later
    bad_email: bool = False
    too_long: tuple[Target, ...] = field(default_factory=tuple)  # fields over validation.MAX_TEXT

    @property
    def has_name(self) -> bool:
        return bool(self.draft.first_name or self.draft.last_name)


def _values(cells: Sequence[object], mapping: Mapping) -> dict[Target, str]:
    values: dict[Target, str] = {}
    for target, cell in zip(mapping, cells, strict=False):
        if target is None:
            continue
        text = clean_email(cell) if target == Target.EMAIL else (
            clean_phone(cell) if target == Target.PHONE else cell_text(cell))
        if target == Target.NOTES and text and values.get(target):
            values[target] = f"{values[target]} · {text}"
        elif text and not values.get(target):
            values[target] = text
    return values


def _tidy(name: str) -> str:
    """people.tidy_name, and an all-lower-case name capitalised too ('jean' → 'Jean')."""
    name = tidy_name(name)
    return name.title() if name.islower() else name


def map_row(line: int, cells: Sequence[object], mapping: Mapping) -> MappedRow:
    """A spreadsheet row turned into a draft; problems are flagged, not raised."""
    values = _values(cells, mapping)
    civility, first, last = values.get(Target.CIVILITY, ""), values.get(Target.FIRST_NAME, ""), values.get(
        Target.LAST_NAME, "")
    if not (first or last) and values.get(Target.FULL_NAME):
        found, first, last = split_full_name(values[Target.FULL_NAME])
        civility = civility or found
    draft = ParticipantDraft(
        first_name=_tidy(first), last_name=_tidy(last), civility=_tidy(civility),
        organisation=values.get(Target.ORGANISATION, ""), role=values.get(Target.ROLE, ""),
        email=values.get(Target.EMAIL, ""), phone=values.get(Target.PHONE, ""), notes=values.get(Target.NOTES, ""))
    too_long = tuple(target for target, text in values.items() if len(text) > MAX_TEXT)
    return MappedRow(line, draft, values.get(Target.GROUP, ""), not is_valid_email(draft.email), too_long)


def map_rows(rows: Sequence[tuple[int, Sequence[object]]], mapping: Mapping) -> list[MappedRow]:
    """Every data row mapped (rows whose mapped cells are all empty are left out)."""
    mapped = (map_row(line, cells, mapping) for line, cells in rows)
    return [row for row in mapped if row.draft != _EMPTY or row.group]


_EMPTY = ParticipantDraft("", "")


# Tables -----------------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class SourceTable:
    """A sheet as read: its header and data rows, cells raw (they are cleaned when mapped)."""

    name: str  # the file name, for messages
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[object, ...]], ...]  # (row as the sheet numbers it, or CSV text line; cells)
    header_line: int
    details: str = ""  # how the file was read: "UTF-8, semicolons", "sheet “Inscrits”"
    decoding: Decoding | None = None  # a CSV file's encoding and the lines that look misread (None: a workbook)
    open_quotes: tuple[int, ...] = ()  # lines opening a quotation mark never closed (read as they stand)
    joined: tuple[tuple[int, int], ...] = ()  # lines read as one row because of quotation marks


def column_letter(index: int) -> str:
    """Spreadsheet column name: 0 → 'A', 26 → 'AA'."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _is_blank(cells: Sequence[object]) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)


def build_table(name: str, raw: Sequence[Sequence[object]], details: str = "",
                lines: Sequence[int] | None = None) -> SourceTable:
    """Header found below any title rows; blank rows and repeated headers (page breaks) dropped.

    `lines`: each raw row's number (a CSV file's text line where it starts); by default its position."""
    header = find_header(raw)
    if header is None:
        raise ImportFailed(_("No header row was found in “{name}”: the first rows should name the columns, "
                             "such as Nom, Prénom, Structure, Courriel (or Last name, First name, "
                             "Organisation, E-mail).").format(name=name))
    number = (lambda index: lines[index]) if lines is not None else (lambda index: index + 1)
    width = max((_width(cells) for cells in raw[header:]), default=0)
    keys = _row_keys(raw[header])
    cells = [*raw[header], *[None] * width]
    headers = tuple(cell_text(cells[index]) or _("Column {letter}").format(letter=column_letter(index))
                    for index in range(width))
    rows = tuple((number(index), tuple(cells)) for index, cells in enumerate(raw) if index > header
                 and not _is_blank(cells) and not _repeats(cells, keys))
    if not rows:
        raise ImportFailed(_("“{name}” has a header row (row {line}) but nobody listed below it.").format(
            name=name, line=number(header)))
    return SourceTable(name, headers, rows, number(header), details)


def _row_keys(cells: Sequence[object]) -> list[str]:
    """A row's cells as header keys, trailing blanks dropped: spots the header repeated at page breaks."""
    keys = [header_key(cell) if isinstance(cell, str) else "" for cell in cells]
    while keys and not keys[-1]:
        keys.pop()
    return keys


def _repeats(cells: Sequence[object], keys: list[str]) -> bool:
    """True for the header again (exports repeat it at each page break); cheap test first, it runs per row."""
    first = next((index for index, key in enumerate(keys) if key), 0)
    cell = cells[first] if first < len(cells) else None
    return isinstance(cell, str) and header_key(cell) == keys[first] and _row_keys(cells) == keys


def _width(cells: Sequence[object]) -> int:
    """The row's length without its trailing empty cells."""
    width = len(cells)
    while width and _is_blank(cells[width - 1:width]):
        width -= 1
    return width


def _share(values: list[str], test: Callable[[str], bool]) -> float:
    return sum(1 for value in values if test(value)) / len(values) if values else 0.0


def guess_table_mapping(table: SourceTable, sample: int = 50) -> Mapping:
    """Headers first; then an unrecognised column that plainly holds e-mail addresses or civilities
    ("M.", "Mme") gets that field, and so does an English "Title" column full of civilities."""
    mapping = list(guess_mapping(table.headers))
    for index, target in enumerate(mapping):
        values = [text for _line, cells in table.rows[:sample] if index < len(cells)
                  and (text := cell_text(cells[index]))]
        if target in (None, Target.ROLE) and Target.CIVILITY not in mapping \
                and _share(values, lambda v: header_key(v) in _CIVILITIES) >= 0.8:
            mapping[index] = Target.CIVILITY
        elif target is None and Target.EMAIL not in mapping \
                and _share(values, lambda v: "@" in v and is_valid_email(clean_email(v))) >= 0.8:
            mapping[index] = Target.EMAIL
    return tuple(mapping)


def carry_mapping(old: SourceTable, mapping: Mapping, new: SourceTable, guessed: Mapping) -> Mapping:
    """The mapping once the file is read again (in another encoding): the user's choice for each column whose
    heading reads the same as before, the new guess for the others ('PrÃ©nom' now reads 'Prénom')."""
    same = min(len(old.headers), len(mapping))
    return tuple(mapping[index] if index < same and old.headers[index] == header else guessed[index]
                 for index, header in enumerate(new.headers))


def preview(table: SourceTable, mapping: Mapping, limit: int = PREVIEW_ROWS) -> list[MappedRow]:
    """The first rows as they would be imported."""
    return map_rows(table.rows[:limit], mapping)
