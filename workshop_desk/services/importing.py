"""Importing participants from a spreadsheet: read, map, check against the registry, apply in one transaction."""

import datetime as dt
from collections.abc import Callable
from dataclasses import fields, replace
from pathlib import Path

from sqlalchemy import insert, update
from sqlmodel import Session, SQLModel, col, select

from workshop_desk.domain import importing, validation
from workshop_desk.domain.badges import new_badge_code
from workshop_desk.domain.enums import AttendanceStatus, Source
from workshop_desk.domain.importing import ImportFailed, MappedRow, Mapping, SourceTable
from workshop_desk.domain.importing_notes import Note, import_notes
from workshop_desk.domain.importing_plan import (
    Choice,
    Decisions,
    ImportPlan,
    ImportSummary,
    SkipReason,
    Step,
    group_key,
    plan_rows,
    resolve,
)
from workshop_desk.domain.models import Participant, ParticipantDraft, StakeholderGroup
from workshop_desk.i18n import _
from workshop_desk.services.importing_read import read_source
from workshop_desk.services.mapping import to_domain
from workshop_desk.services.participants import _programme_id, clean_participant
from workshop_desk.services.writes import writes
from workshop_desk.storage.db import Database
from workshop_desk.storage.errors import StorageError, WriteProblem
from workshop_desk.storage.tables import AttendanceTable, ParticipantTable, SittingTable, StakeholderGroupTable

__all__ = ["ImportFailed", "ImportService", "import_file"]

# Colours for groups the import creates, after the default ones (programmes.DEFAULT_GROUPS).
_NEW_GROUP_COLOURS = ("#6D4C41", "#C0CA33", "#5E35B1", "#00ACC1", "#D81B60", "#7CB342", "#3949AB", "#F4511E")
_PARTICIPANT_FIELDS = tuple(f.name for f in fields(Participant) if f.name != "id")
_CHUNK = 500  # ids per IN (...) query, well under SQLite's variable limit


class ImportService:
    """Read a spreadsheet, guess its columns, check it against the registry, and apply the user's choices."""

    def __init__(self, database: Database) -> None:
        self._db = database

    @staticmethod
    def read(path: Path, encoding: str | None = None) -> SourceTable:
        """The file's header and data rows (ImportFailed, translated, if it cannot be read); a CSV file in
        `encoding` (a key of importing_text.ENCODINGS) if given, else in the encoding its bytes suggest."""
        return read_source(path, encoding)

    @staticmethod
    def guess(table: SourceTable) -> Mapping:
        """The most likely field for each column."""
        return importing.guess_table_mapping(table)

    @staticmethod
    def preview(table: SourceTable, mapping: Mapping, limit: int = importing.PREVIEW_ROWS) -> list[MappedRow]:
        """The first rows as they would be imported."""
        return importing.preview(table, mapping, limit)

    def plan(self, table: SourceTable, mapping: Mapping) -> ImportPlan:
        """Every row checked against the registry and the programme's groups (read in one snapshot)."""
        if not importing.has_name(mapping):
            raise ImportFailed(_("Choose the column that holds the names (last name, first name or full name)."))
        registry, groups = self._registry()
        return plan_rows(importing.map_rows(table.rows, mapping), registry, groups, table.name)

    @writes
    def apply(self, plan: ImportPlan, decisions: Decisions, sitting_id: int | None = None) -> ImportSummary:
        """Add, merge and skip as decided, in one transaction: on any error nothing is written."""
        steps = resolve(plan, decisions)
        try:
            with self._db.session() as session:
                return _Applier(session, sitting_id).run(steps)
        except StorageError as exc:
            if exc.problem != WriteProblem.CONFLICT:
                raise  # the disk or the file: the command layer says what to do
            raise ImportFailed(_("The import failed and nothing was changed: {detail}").format(
                detail=exc.detail.splitlines()[0] if exc.detail else exc.problem)) from exc

    def _registry(self) -> tuple[list[Participant], list[StakeholderGroup]]:
        with self._db.session() as session:
            people = [to_domain(row, Participant) for row in session.exec(select(ParticipantTable))]
            groups = [to_domain(row, StakeholderGroup) for row in session.exec(select(StakeholderGroupTable))]
        return people, groups


def import_file(database: Database, path: Path, sitting_id: int | None = None, create_groups: bool = True,
                encoding: str | None = None, warn: Callable[[Note], None] | None = None,
                ) -> tuple[ImportPlan, ImportSummary]:
    """Read, guess, check and apply with the default choices (the command line, the benchmark); `warn` is
    told each note on the file (lines that look misread, quotation marks, columns not imported) first."""
    service = ImportService(database)
    table = service.read(path, encoding)
    mapping = service.guess(table)
    if warn is not None:
        for note in import_notes(table, mapping, mapping):
            warn(note)
    plan = service.plan(table, mapping)
    return plan, service.apply(plan, Decisions(create_groups=create_groups), sitting_id)


class _Applier:
    """One import inside one session: the caller's `with database.session()` commits or rolls back."""

    def __init__(self, session: Session, sitting_id: int | None) -> None:
        self._session = session
        self._sitting_id = sitting_id
        if sitting_id is not None and session.get(SittingTable, sitting_id) is None:
            raise ImportFailed(_("There is no sitting {id} in this programme.").format(id=sitting_id))
        self._programme_id = _programme_id(session)
        self._codes = set(session.exec(select(ParticipantTable.badge_code)))
        self.created: list[str] = []  # names of the groups this import created

    def run(self, steps: list[Step]) -> ImportSummary:
        groups = self._create_groups(steps)
        existing = self._existing({step.into_id for step in steps if step.into_id is not None})
        added: dict[int, dict[str, object]] = {}  # by line; plain values, inserted in bulk at the end
        for step in steps:
            if step.choice == Choice.SKIP:
                continue
            draft = replace(step.draft, group_id=groups[step.new_group]) if step.new_group else step.draft
            values = _checked(step.line, draft)
            if step.choice == Choice.ADD:
                added[step.line] = values
            elif step.into_id is not None:
                _merge_into_row(existing[step.into_id], values)
            else:
                target = added[step.into_line or 0]
                target.update(_missing(target.get, values))
        self._session.add_all(existing.values())
        people = self._insert(list(added.values()))
        merged_ids = [step.into_id for step in steps if step.choice == Choice.MERGE and step.into_id is not None]
        expected = self._expect([person.id for person in people] + merged_ids)
        return _summary(steps, people, self.created, expected)

    def _insert(self, rows: list[dict[str, object]]) -> list[Participant]:
        """New participants in one bulk statement (building 10,000 ORM objects takes seconds, this a fraction)."""
        if not rows:
            return []
        now = dt.datetime.now(dt.UTC)
        for values in rows:
            values.update(programme_id=self._programme_id, badge_code=self._badge(), anonymised=False, created_at=now)
        table = SQLModel.metadata.tables[ParticipantTable.__tablename__]  # type: ignore[index]
        # One executemany; RETURNING in parameter order would make SQLAlchemy insert row by row on SQLite.
        self._session.execute(insert(table), rows)
        ours = {values["badge_code"] for values in rows}
        query = select(ParticipantTable.id, ParticipantTable.badge_code)
        ids: dict[object, int] = {code: id_ for id_, code in self._session.exec(query) if code in ours and id_}
        return [_participant(ids[values["badge_code"]], values) for values in rows]

    def _badge(self) -> str:
        """A code no one in the file has (checked against a set: one query, not one per person)."""
        code = new_badge_code()
        while code in self._codes:
            code = new_badge_code()
        self._codes.add(code)
        return code

    def _create_groups(self, steps: list[Step]) -> dict[str, int]:
        """The groups the file names and the programme lacks: new id by each spelling met in the file."""
        spellings = dict.fromkeys(step.new_group for step in steps if step.new_group and step.choice != Choice.SKIP)
        keys = {spelling: group_key(spelling) for spelling in spellings}  # 'Élus' and 'elus': one group
        position = len(self._session.exec(select(StakeholderGroupTable.id)).all())
        rows: dict[str, StakeholderGroupTable] = {}
        for spelling, key in keys.items():
            if key not in rows:
                colour = _NEW_GROUP_COLOURS[len(rows) % len(_NEW_GROUP_COLOURS)]
                rows[key] = StakeholderGroupTable(programme_id=self._programme_id, name=spelling[:validation.MAX_TITLE],
                                                  colour=colour, position=position + len(rows))
        self._session.add_all(rows.values())
        self._session.flush()
        self.created = [row.name for row in rows.values()]
        return {spelling: rows[key].id or 0 for spelling, key in keys.items()}  # ids are set by the flush

    def _existing(self, ids: set[int]) -> dict[int, ParticipantTable]:
        found: dict[int, ParticipantTable] = {}
        wanted = sorted(ids)
        for start in range(0, len(wanted), _CHUNK):
            query = select(ParticipantTable).where(col(ParticipantTable.id).in_(wanted[start:start + _CHUNK]))
            found.update((row.id, row) for row in self._session.exec(query) if row.id is not None)
        if len(found) != len(ids):
            raise ImportFailed(_("Someone the file matched was deleted from the registry meanwhile. Check the "
                                 "file again; nothing was imported."))
        return found

    def _expect(self, ids: list[int]) -> int:
        """Registered for the sitting; someone already present, excused or absent keeps that status."""
        if self._sitting_id is None:
            return 0
        ids = list(dict.fromkeys(ids))
        query = select(AttendanceTable.participant_id, AttendanceTable.id, AttendanceTable.status).where(
            AttendanceTable.sitting_id == self._sitting_id)
        current = {pid: (row_id, status) for pid, row_id, status in self._session.exec(query)}
        fresh = [{"sitting_id": self._sitting_id, "participant_id": pid, "status": str(AttendanceStatus.REGISTERED),
                  "source": str(Source.IMPORT)} for pid in ids if pid not in current]
        invited = [current[pid][0] for pid in ids if pid in current and current[pid][1] == AttendanceStatus.INVITED]
        if fresh:
            self._session.execute(insert(SQLModel.metadata.tables[AttendanceTable.__tablename__]),  # type: ignore[index]
                                  fresh)
        for start in range(0, len(invited), _CHUNK):
            self._session.execute(update(AttendanceTable).where(col(AttendanceTable.id).in_(
                invited[start:start + _CHUNK])).values(status=str(AttendanceStatus.REGISTERED)))
        return len(ids)


def _checked(line: int, draft: ParticipantDraft) -> dict[str, object]:
    """The draft's values as the registry stores them; a refused row stops the whole import."""
    try:
        return clean_participant(draft)
    except validation.ValidationError as exc:
        raise ImportFailed(_("Row {line}: {problem} Nothing was imported.").format(line=line, problem=exc)) from exc


def _participant(id_: int, values: dict[str, object]) -> Participant:
    """The domain object of a row inserted in bulk (no ORM object was built for it)."""
    return Participant(id=id_, **{name: values[name] for name in _PARTICIPANT_FIELDS})  # type: ignore[arg-type]


def _merge_into_row(row: ParticipantTable, values: dict[str, object]) -> None:
    for name, value in _missing(lambda field: getattr(row, field), values).items():
        setattr(row, name, value)


def _missing(current: Callable[[str], object], values: dict[str, object]) -> dict[str, object]:
    """What a merge adds: only the fields the record lacks (what it holds may have been corrected by hand)."""
    return {name: value for name, value in values.items() if value and not current(name)}


def _summary(steps: list[Step], added: list[Participant], groups: list[str], expected: int) -> ImportSummary:
    skipped = tuple((step.line, step.reason or SkipReason.CHOSEN) for step in steps if step.choice == Choice.SKIP)
    return ImportSummary(
        added=tuple(added), merged=sum(1 for step in steps if step.choice == Choice.MERGE), skipped=skipped,
        bad_emails=tuple(step.line for step in steps if step.bad_email and step.choice != Choice.SKIP),
        groups_created=tuple(groups), expected=expected)

