"""Checking mapped rows against the registry, the user's choice per case, and what the import will do.

Defaults (what happens when the user just clicks "Import"):
- a row with no first or last name, or with a cell over 10,000 characters, is skipped (no other choice);
- a row with a malformed e-mail is added without it, the address kept in the notes so nothing is lost;
- a row that matches someone already in the registry (same e-mail, or same names and organisation,
  accents, case and spaces ignored) is merged into that record: its blank fields are filled, nothing the
  registry already holds is overwritten (it may have been corrected by hand);
- a row repeating an earlier row of the file is merged into the person added from that earlier row;
- except when the match is by e-mail alone and the names share no word: two people behind one shared
  address (contact@asso.fr) are suggested as "add", not merged;
- stakeholder groups named in the file but missing from the programme are created (the user can choose
  to leave those people without a group instead).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from workshop_desk.domain.importing import MappedRow
from workshop_desk.domain.models import Participant, ParticipantDraft, StakeholderGroup
from workshop_desk.domain.people import fold, identity_key
from workshop_desk.domain.validation import MAX_TEXT
from workshop_desk.i18n import N_, _, ngettext


class Choice(StrEnum):
    ADD = "add"  # a new participant
    MERGE = "merge"  # folded into the same person: the registry's record, or the one added from an earlier row
    SKIP = "skip"


class RowKind(StrEnum):
    OK = "ok"
    BAD_EMAIL = "bad_email"
    DUPLICATE = "duplicate"  # the same person as an earlier row of the file
    EXISTING = "existing"  # already in the registry
    INVALID = "invalid"  # no name, or a cell too long: cannot be imported


class SkipReason(StrEnum):
    NO_NAME = "no_name"
    TOO_LONG = "too_long"
    EXISTING = "existing"
    DUPLICATE = "duplicate"
    CHOSEN = "chosen"


_CHOICE_LABELS = {Choice.ADD: N_("Add as new"), Choice.MERGE: N_("Merge"), Choice.SKIP: N_("Skip")}
_KIND_LABELS = {RowKind.OK: N_("Ready"), RowKind.BAD_EMAIL: N_("Invalid e-mail"), RowKind.DUPLICATE: N_("Repeated"),
                RowKind.EXISTING: N_("In the registry"), RowKind.INVALID: N_("Cannot import")}
_REASON_LABELS = {
    SkipReason.NO_NAME: N_("Skipped, no first or last name"),
    SkipReason.TOO_LONG: N_("Skipped, a cell longer than 10,000 characters"),
    SkipReason.EXISTING: N_("Skipped, already in the registry"),
    SkipReason.DUPLICATE: N_("Skipped, repeated in the file"),
    SkipReason.CHOSEN: N_("Skipped by choice"),
}


def choice_label(choice: Choice) -> str:
    return _(_CHOICE_LABELS[choice])


def kind_label(kind: RowKind) -> str:
    return _(_KIND_LABELS[kind])


def reason_label(reason: SkipReason) -> str:
    return _(_REASON_LABELS[reason])


@dataclass(frozen=True, slots=True)
class PlannedRow:
    """A mapped row with what the registry check found, and the suggested choice."""

    row: MappedRow
    group_id: int | None = None  # the programme's group of that name (None: no group, or one to create)
    same_as: int | None = None  # the first line of the file with the same person
    existing: Participant | None = None  # the registry's record of the same person
    suggested: Choice = Choice.ADD

    @property
    def line(self) -> int:
        return self.row.line

    @property
    def kind(self) -> RowKind:
        if not self.row.has_name or self.row.too_long:
            return RowKind.INVALID
        if self.existing:
            return RowKind.EXISTING
        if self.same_as:
            return RowKind.DUPLICATE
        return RowKind.BAD_EMAIL if self.row.bad_email else RowKind.OK

    @property
    def choices(self) -> tuple[Choice, ...]:
        """What the user may choose for this row (the first is never a surprise)."""
        kind = self.kind
        if kind == RowKind.INVALID:
            return (Choice.SKIP,)
        if kind in (RowKind.EXISTING, RowKind.DUPLICATE):
            return (Choice.MERGE, Choice.ADD, Choice.SKIP)
        return (Choice.ADD, Choice.SKIP)

    def explain(self) -> str:
        """Why this row needs a look, in a sentence ('' when it does not)."""
        draft = self.row.draft
        if not self.row.has_name:
            return _("No first or last name.")
        if self.row.too_long:
            return _("A cell is longer than 10,000 characters.")
        parts = []
        who = self.existing.full_name + (f" ({self.existing.organisation})" if self.existing.organisation
                                         else "") if self.existing else ""
        shared = self.suggested == Choice.ADD  # matched by e-mail alone, names unlike: a shared address
        if self.existing:
            parts.append(_("Same e-mail address as {who} in the registry, but another name.").format(who=who)
                         if shared else _("Already in the registry: {who}.").format(who=who))
        if self.same_as:
            parts.append(_("Same e-mail address as row {line}, but another name.").format(line=self.same_as)
                         if shared and not self.existing else _("Same person as row {line}.").format(line=self.same_as))
        if self.row.bad_email:
            parts.append(_("“{email}” is not a valid e-mail address.").format(email=draft.email))
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """Every data row of the file, checked; `unknown_groups` are group names the programme lacks."""

    source: str
    rows: tuple[PlannedRow, ...]
    unknown_groups: tuple[str, ...] = ()

    def cases(self) -> list[PlannedRow]:
        """The rows that need a look (everything but plain new people)."""
        return [row for row in self.rows if row.kind != RowKind.OK]

    def count(self, kind: RowKind) -> int:
        return sum(1 for row in self.rows if row.kind == kind)


def group_key(name: str) -> str:
    """Group names compared without accents, case or plural 's': 'Élus' matches 'élu'."""
    return " ".join(word[:-1] if len(word) > 3 and word.endswith("s") else word for word in fold(name).split())


def _names_overlap(a: ParticipantDraft | Participant, b: ParticipantDraft | Participant) -> bool:
    """True when the two share a name word ('J. Dupont' and 'Jean DUPONT'), or one has no name."""
    words_a, words_b = (set(fold(f"{p.first_name} {p.last_name}").split()) for p in (a, b))
    return not words_a or not words_b or bool(words_a & words_b)


Keys = tuple[str, tuple[str, str, str]]  # folded e-mail, name key


def _keys(person: ParticipantDraft | Participant) -> Keys:
    """Computed once per row: folding is most of the cost of checking 10,000 rows."""
    return fold(person.email), identity_key(person.first_name, person.last_name, person.organisation)


class _Index:
    """People already seen (the registry, or earlier rows), by folded e-mail and by name key."""

    def __init__(self) -> None:
        self.by_email: dict[str, int] = {}
        self.by_name: dict[tuple[str, str, str], int] = {}

    def add(self, keys: Keys, value: int) -> None:
        email, name = keys
        if email:
            self.by_email.setdefault(email, value)
        if name[0] or name[1]:
            self.by_name.setdefault(name, value)

    def find(self, keys: Keys) -> tuple[int | None, bool]:
        """(what was stored, matched by name), or (None, False)."""
        found = self.by_name.get(keys[1])
        if found is not None:
            return found, True
        return (self.by_email.get(keys[0]) if keys[0] else None), False


def _check_row(row: MappedRow, keys: Keys, registry: _Index, people: dict[int, Participant], earlier: _Index,
               drafts: dict[int, PlannedRow]) -> PlannedRow:
    existing_id, by_name = registry.find(keys)
    same_as, same_by_name = earlier.find(keys)
    first = drafts.get(same_as) if same_as is not None else None
    existing = people.get(existing_id) if existing_id is not None else (first.existing if first else None)
    other: ParticipantDraft | Participant | None = existing or (first.row.draft if first else None)
    if other is None:
        return PlannedRow(row)
    plainly_same = by_name or same_by_name or _names_overlap(row.draft, other)
    return PlannedRow(row, same_as=same_as, existing=existing,
                      suggested=Choice.MERGE if plainly_same else Choice.ADD)


def plan_rows(rows: Iterable[MappedRow], registry: Sequence[Participant], groups: Sequence[StakeholderGroup],
              source: str = "") -> ImportPlan:
    """Each row checked against the registry and the rows above it; groups matched by name."""
    index, people, earlier = _Index(), {p.id: p for p in registry}, _Index()
    for person in registry:
        index.add(_keys(person), person.id)
    group_ids = {group_key(g.name): g.id for g in groups}
    unknown: dict[str, str] = {}
    planned: dict[int, PlannedRow] = {}
    for row in rows:
        if not row.has_name or row.too_long:
            planned[row.line] = PlannedRow(row, suggested=Choice.SKIP)
            continue
        keys = _keys(row.draft if not row.bad_email else replace(row.draft, email=""))
        checked = _check_row(row, keys, index, people, earlier, planned)
        key = group_key(row.group) if row.group else ""
        if key and key not in group_ids:
            unknown.setdefault(key, row.group)
        planned[row.line] = replace(checked, group_id=group_ids.get(key)) if key else checked
        earlier.add(keys, checked.same_as or row.line)  # under the person's first line: a third record finds it
    return ImportPlan(source, tuple(planned.values()), tuple(unknown.values()))


# Choices ----------------------------------------------------------------------------------------------------

@dataclass
class Decisions:
    """The user's choices by line (rows not listed take the suggestion) and what to do with unknown groups."""

    choices: dict[int, Choice] = field(default_factory=dict)
    create_groups: bool = True

    def choice_for(self, row: PlannedRow) -> Choice:
        chosen = self.choices.get(row.line, row.suggested)
        return chosen if chosen in row.choices else row.suggested

    def set_all(self, rows: Iterable[PlannedRow], choice: Choice) -> int:
        """Choose `choice` for every row that allows it ('merge all', 'skip all'); returns how many."""
        count = 0
        for row in rows:
            if choice in row.choices and row.kind != RowKind.OK:
                self.choices[row.line] = choice
                count += 1
        return count


@dataclass(frozen=True, slots=True)
class Step:
    """One row's outcome: add `draft`, merge it into a record, or skip it."""

    line: int
    choice: Choice
    draft: ParticipantDraft
    into_id: int | None = None  # merge into this registry participant
    into_line: int | None = None  # merge into the participant added from this line
    new_group: str = ""  # a group to create for this person (by its name in the file)
    reason: SkipReason | None = None
    bad_email: bool = False


def _skip_reason(row: PlannedRow) -> SkipReason:
    reasons = {RowKind.EXISTING: SkipReason.EXISTING, RowKind.DUPLICATE: SkipReason.DUPLICATE}
    if not row.row.has_name:
        return SkipReason.NO_NAME
    return SkipReason.TOO_LONG if row.row.too_long else reasons.get(row.kind, SkipReason.CHOSEN)


def _importable(row: PlannedRow, create_groups: bool) -> tuple[ParticipantDraft, str]:
    """The draft to save (a bad e-mail moved to the notes) and the name of a group to create, if any."""
    draft = replace(row.row.draft, group_id=row.group_id)
    if row.row.bad_email:
        kept = _("E-mail as given: {email}").format(email=draft.email)
        notes = f"{draft.notes} · {kept}" if draft.notes else kept
        draft = replace(draft, email="", notes=notes if len(notes) <= MAX_TEXT else draft.notes)
    new_group = row.row.group if create_groups and row.row.group and row.group_id is None else ""
    return draft, new_group


def resolve(plan: ImportPlan, decisions: Decisions) -> list[Step]:
    """What each row will do, in file order. A merge goes to the registry's record, else to the person
    added from the first row of the same person; with neither, the row is added and becomes that person."""
    targets: dict[int, int] = {}  # first line of a person in the file -> the line they were added from
    steps = []
    for row in plan.rows:
        choice = decisions.choice_for(row)
        if choice == Choice.SKIP:
            steps.append(Step(row.line, choice, row.row.draft, reason=_skip_reason(row)))
            continue
        draft, new_group = _importable(row, decisions.create_groups)
        person = row.same_as or row.line
        if choice == Choice.MERGE and row.existing:
            steps.append(Step(row.line, choice, draft, into_id=row.existing.id, new_group=new_group,
                              bad_email=row.row.bad_email))
        elif choice == Choice.MERGE and person in targets:
            steps.append(Step(row.line, choice, draft, into_line=targets[person], new_group=new_group,
                              bad_email=row.row.bad_email))
        else:
            targets.setdefault(person, row.line)
            steps.append(Step(row.line, Choice.ADD, draft, new_group=new_group, bad_email=row.row.bad_email))
    return steps


# Outcome ----------------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an applied import did, row by row counts (merged: rows folded into an existing record)."""

    added: tuple[Participant, ...] = ()
    merged: int = 0
    skipped: tuple[tuple[int, SkipReason], ...] = ()
    bad_emails: tuple[int, ...] = ()  # lines imported without their e-mail address (kept in the notes)
    groups_created: tuple[str, ...] = ()
    expected: int = 0  # people marked as registered for the chosen sitting

    @property
    def imported(self) -> int:
        return len(self.added) + self.merged


def rows_text(lines: Sequence[int], most: int = 12) -> str:
    """'row 7' or 'rows 7, 12, 40, …' (long lists cut short)."""
    shown = ", ".join(str(line) for line in lines[:most]) + (", …" if len(lines) > most else "")
    return ngettext("row {rows}", "rows {rows}", len(lines)).format(rows=shown)


def summary_lines(summary: ImportSummary) -> list[str]:
    """One line per reason, then the totals line."""
    lines = []
    for reason in SkipReason:
        rows = [line for line, why in summary.skipped if why == reason]
        if rows:
            lines.append(f"{reason_label(reason)}: {len(rows)} ({rows_text(rows)})")
    if summary.bad_emails:
        lines.append(_("Imported without their invalid e-mail address (kept in the notes): {n} ({rows})").format(
            n=len(summary.bad_emails), rows=rows_text(summary.bad_emails)))
    if summary.groups_created:
        lines.append(_("New stakeholder groups: {names}").format(names=", ".join(summary.groups_created)))
    if summary.expected:
        lines.append(_("Marked as registered for the sitting: {n}").format(n=summary.expected))
    lines.append(_("Added: {added} · merged: {merged} · skipped: {skipped}").format(
        added=len(summary.added), merged=summary.merged, skipped=len(summary.skipped)))
    return lines
