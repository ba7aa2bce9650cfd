"""Several laptops, one programme: preparing laptops, exporting a sitting package, importing packages back."""

import json
import logging
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlmodel import Session, col, select

from workshop_desk.domain.importing import MappedRow
from workshop_desk.domain.importing_plan import Choice, Decisions, ImportPlan, plan_rows
from workshop_desk.domain.models import Participant, ParticipantDraft, StakeholderGroup
from workshop_desk.domain.packages import (
    Conflict,
    ImportedPackage,
    LaptopPlan,
    Origin,
    PackageInfo,
    PackageReport,
    Refusal,
    RefusalReason,
    file_name_for,
)
from workshop_desk.services.mapping import to_domain
from workshop_desk.services.writes import writes
from workshop_desk.storage import merging
from workshop_desk.storage.db import Database
from workshop_desk.storage.errors import StorageError, WriteProblem
from workshop_desk.storage.packages import (
    SUFFIX,
    Kind,
    Package,
    PackageError,
    Problem,
    make_programme,
    read_package,
    write_package,
)
from workshop_desk.storage.sync_sql import new_gid, stamp_now
from workshop_desk.storage.tables import (
    ConflictTable,
    GidAliasTable,
    LaptopTable,
    PackageImportTable,
    ParticipantTable,
    ProgrammeTable,
    StakeholderGroupTable,
    SyncStateTable,
)

log = logging.getLogger(__name__)

_REASONS = {Problem.NOT_SQLITE: RefusalReason.NOT_A_PACKAGE, Problem.FOREIGN: RefusalReason.NOT_A_PACKAGE,
            Problem.PROGRAMME: RefusalReason.PROGRAMME_FILE, Problem.DAMAGED: RefusalReason.DAMAGED,
            Problem.NEWER: RefusalReason.NEWER, Problem.UNREADABLE: RefusalReason.UNREADABLE}
# Tables whose rows belong to a sitting, directly or through its ballots: what says a sitting was worked on.
_SITTING_TABLES = ("agenda_item", "attendance", "room_table", "round", "speaking_turn", "theme", "idea", "question",
                   "ballot", "priority", "action")


class _NothingNew(Exception):
    """Raised inside the unit of work to roll back an import that changed nothing (the file stays as it was)."""


@dataclass(frozen=True)
class WalkIns:
    """The people packages bring that the programme does not know: their review, as a spreadsheet import's."""

    plan: ImportPlan
    gids: dict[int, str]  # line → the incoming person's global id
    registry: dict[int, str]  # registry participant id → global id

    def matches(self, decisions: Decisions) -> dict[str, str]:
        """Incoming person → the person decided to be the same (a registry record, or the walk-in of an earlier
        line). A package's person is never left out — their sign-ins and votes come with them — so 'skip' adds."""
        matches: dict[str, str] = {}
        for row in self.plan.rows:
            if decisions.choice_for(row) != Choice.MERGE:
                continue
            if row.existing is not None and row.existing.id in self.registry:
                matches[self.gids[row.line]] = self.registry[row.existing.id]
            elif row.same_as is not None and row.same_as in self.gids:
                matches[self.gids[row.line]] = self.gids[row.same_as]
        return matches


@dataclass
class CheckedPackages:
    """Packages read and checked against this programme: those that can be imported, those refused and why."""

    usable: list[Package] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)

    def discard(self) -> None:
        for package in self.usable:
            package.discard()


def info(package: Package) -> PackageInfo:
    manifest = package.manifest
    return PackageInfo(package.path.name, manifest.laptop_name, manifest.made_at,
                       tuple(title for _gid, title in manifest.sittings), manifest.count("participant"),
                       manifest.count("idea"), manifest.count("vote"), manifest.kind == Kind.HANDOUT)


def _refusal(path: Path, reason: RefusalReason, detail: str = "") -> Refusal:
    log.warning("package %s refused: %s %s", path, reason, detail)
    return Refusal(path.name, reason, detail)


def open_package(package_path: Path, target: Path) -> PackageInfo:
    """Make the programme file `target` from a package prepared for this laptop. Raises ValueError (a Refusal's
    sentence) when the package cannot be used, FileExistsError when `target` exists."""
    if target.exists():
        raise FileExistsError(target)
    try:
        package = read_package(package_path)
    except PackageError as error:
        raise RefusedError(_refusal(package_path, _REASONS[error.problem], error.detail)) from error
    try:
        make_programme(package, target)
        return info(package)
    finally:
        package.discard()


class RefusedError(ValueError):
    """A package that cannot be used; `refusal` says why."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.sentence())
        self.refusal = refusal


class PackageService:
    """Packages of the programme open in `database`."""

    def __init__(self, database: Database) -> None:
        self._db = database

    # --- going out ----------------------------------------------------------------------------------------------

    @writes
    def prepare(self, plans: Sequence[LaptopPlan], folder: Path) -> list[Path]:
        """One package per laptop in `folder` (programme, registry, groups, badges and the laptop's sittings), and
        the laptops remembered by name so that their work is named when it comes back."""
        written = []
        for plan in plans:
            laptop = (new_gid(), plan.name)
            target = folder / file_name_for(plan.name, SUFFIX)
            write_package(self._db, target, plan.sitting_ids, Kind.HANDOUT, laptop)
            with self._db.session() as session:
                session.add(LaptopTable(laptop=laptop[0], name=plan.name, prepared_at=stamp_now()))
            written.append(target)
        return written

    def export(self, sitting_ids: Iterable[int], target: Path) -> PackageInfo:
        """The chosen sittings' work, to bring back to the lead's programme."""
        manifest = write_package(self._db, target, sitting_ids, Kind.RETURN)
        return PackageInfo(target.name, manifest.laptop_name, manifest.made_at,
                           tuple(title for _gid, title in manifest.sittings), manifest.count("participant"),
                           manifest.count("idea"), manifest.count("vote"), False)

    # --- coming back --------------------------------------------------------------------------------------------

    def check(self, paths: Sequence[Path]) -> CheckedPackages:
        """Each package read whole and checked against this programme; none is imported yet."""
        checked = CheckedPackages()
        programme = self._programme_gid()
        for path in paths:
            try:
                package = read_package(path)
            except PackageError as error:
                checked.refused.append(_refusal(path, _REASONS[error.problem], error.detail))
                continue
            if package.manifest.kind == Kind.HANDOUT:
                package.discard()
                checked.refused.append(_refusal(path, RefusalReason.HANDOUT))
                continue
            if package.manifest.programme != programme:
                package.discard()
                checked.refused.append(_refusal(path, RefusalReason.OTHER_PROGRAMME,
                                                package.manifest.programme_title))
                continue
            checked.usable.append(package)
        return checked

    def walk_ins(self, packages: Sequence[Package]) -> WalkIns:
        """The people the packages bring that this programme does not know by id or badge — walk-ins — checked
        against the registry as a spreadsheet's rows are (same e-mail, same names and organisation), for the
        same review; and the global id of the person on each line."""
        with self._db.session() as session:
            known = set(session.exec(select(ParticipantTable.gid)).all())
            badges = set(session.exec(select(ParticipantTable.badge_code)).all())
            aliases = dict(session.exec(select(GidAliasTable.gid, GidAliasTable.same_as)).all())
            registry_gids = {row_id or 0: gid for row_id, gid in session.exec(
                select(ParticipantTable.id, ParticipantTable.gid)).all()}
            registry = [to_domain(row, Participant) for row in session.exec(select(ParticipantTable)).all()]
            groups = [to_domain(row, StakeholderGroup) for row in session.exec(select(StakeholderGroupTable)).all()]
        rows: list[MappedRow] = []
        gids: dict[int, str] = {}
        seen: set[str] = set()
        for package in packages:
            incoming = package.incoming()
            group_names = {g["id"]: g["name"] for g in incoming.rows.get("stakeholder_group", [])}
            for person in incoming.rows.get("participant", []):
                gid = person["gid"]
                if gid in known or aliases.get(gid) in known or person["badge_code"] in badges or gid in seen:
                    continue
                seen.add(gid)
                line = len(rows) + 1
                rows.append(MappedRow(line, _draft(person), group_names.get(person["group_id"], "")))
                gids[line] = gid
        return WalkIns(plan_rows(rows, registry, groups, source=""), gids, registry_gids)

    @writes
    def import_packages(self, packages: Sequence[Package], walk_ins: "WalkIns | None" = None,
                        decisions: Decisions | None = None) -> list[PackageReport]:
        """Merge the packages, in one transaction: all of them or, should anything fail, none. The walk-ins'
        review (`plan`, `decisions`; the suggestions when None) says who is whom. Raises StorageError with
        nothing written."""
        if self._db.read_only:
            raise StorageError(WriteProblem.READ_ONLY, self._db.path)
        walk_ins = walk_ins if walk_ins is not None else self.walk_ins(packages)
        matches = walk_ins.matches(decisions or Decisions())
        reports: list[PackageReport] = []
        try:
            with self._db.session() as session:
                for package in packages:
                    reports.append(self._merge(session, package, matches))
                if not any(report.changed for report in reports):
                    raise _NothingNew
        except _NothingNew:
            return [replace(report, recorded=False) for report in reports]
        return reports

    def _merge(self, session: Session, package: Package, matches: dict[str, str]) -> PackageReport:
        connection = _driver(session)
        outcome = merging.Merge(connection, package.incoming(), matches).run()
        manifest = package.manifest
        self._remember_laptops(connection, package)
        already = session.exec(select(PackageImportTable.id).where(
            PackageImportTable.package_gid == manifest.package)).first()
        report = _report(package, outcome, already is not None)
        if outcome.changed or already is None:
            record = PackageImportTable(
                package_gid=manifest.package, laptop=manifest.laptop, laptop_name=manifest.laptop_name,
                file_name=package.path.name, made_at=manifest.made_at, imported_at=stamp_now(),
                sittings="\n".join(title for _gid, title in manifest.sittings), added=report.added,
                updated=report.updated, deleted=report.deleted, left=report.left, conflicts=report.conflicts)
            session.add(record)
            session.flush()
            for conflict in outcome.conflicts:
                session.add(_conflict_row(record.id, conflict))
        return report

    @staticmethod
    def _remember_laptops(connection: sqlite3.Connection, package: Package) -> None:
        with sqlite3.connect(f"file:{package.copy}?immutable=1", uri=True) as source:
            laptops = source.execute("SELECT laptop, name FROM sync_laptop").fetchall()
        laptops.append((package.manifest.laptop, package.manifest.laptop_name))
        for laptop, name in laptops:
            connection.execute("INSERT INTO sync_laptop (laptop, name) VALUES (?, ?) ON CONFLICT (laptop) DO UPDATE "
                               "SET name = excluded.name WHERE sync_laptop.name = '' AND excluded.name != ''",
                               (laptop, name))

    # --- reading back -------------------------------------------------------------------------------------------

    def imported(self) -> list[ImportedPackage]:
        """The packages imported into this programme, latest first."""
        with self._db.session() as session:
            rows = session.exec(select(PackageImportTable).order_by(col(PackageImportTable.id).desc())).all()
            return [ImportedPackage(row.id or 0, row.file_name, row.laptop_name, row.imported_at, row.made_at,
                                    tuple(t for t in row.sittings.split("\n") if t), row.added, row.updated,
                                    row.deleted, row.left, row.conflicts) for row in rows]

    def conflicts(self) -> list[Conflict]:
        """Rows changed on two laptops, the version kept and the one set aside, latest import first."""
        with self._db.session() as session:
            names = dict(session.exec(select(LaptopTable.laptop, LaptopTable.name)).all())
            me = session.exec(select(SyncStateTable.laptop)).first()
            rows = session.exec(select(ConflictTable).order_by(col(ConflictTable.id).desc())).all()
            return [_conflict(row, names, me, self._label(session, row)) for row in rows]

    @staticmethod
    def _label(session: Session, row: ConflictTable) -> str:
        kept = json.loads(row.kept_json)
        for key in ("title", "name", "text", "label"):
            if kept.get(key):
                return str(kept[key])
        if row.table_name == "participant":
            return f"{kept.get('first_name', '')} {kept.get('last_name', '')}".strip()
        return ""

    @writes
    def take_other(self, conflict_id: int) -> None:
        """Put the version set aside in place of the one kept (a change made now, here), and keep the other in its
        place in the list: taking it again undoes this."""
        with self._db.session() as session:
            conflict = session.get(ConflictTable, conflict_id)
            if conflict is None:
                raise LookupError(f"conflict {conflict_id}")
            connection = _driver(session)
            values = _local_values(connection, conflict.table_name, json.loads(conflict.other_json))
            sets = ", ".join(f'"{column}" = ?' for column in values)
            changed = connection.execute(f'UPDATE "{conflict.table_name}" SET {sets} WHERE gid = ?',
                                         [*values.values(), conflict.gid]).rowcount
            if not changed:
                raise LookupError(f"{conflict.table_name} {conflict.gid}")
            conflict.kept_json, conflict.other_json = conflict.other_json, conflict.kept_json
            conflict.kept_laptop, conflict.other_laptop = conflict.other_laptop, conflict.kept_laptop
            conflict.kept_at, conflict.other_at = conflict.other_at, conflict.kept_at
            conflict.reversed = not conflict.reversed
            session.add(conflict)

    def origins(self) -> dict[int, Origin]:
        """For each sitting, the laptop that last worked on it (None: this one) and when."""
        found: dict[int, tuple[str, str, str | None]] = {}
        with self._db.session() as session:
            connection = _driver(session)
            me = connection.execute("SELECT laptop FROM sync_state WHERE id = 1").fetchone()[0]
            names = dict(connection.execute("SELECT laptop, name FROM sync_laptop").fetchall())
            for sitting_id, changed_at, laptop in _latest_changes(connection):
                if sitting_id not in found or (changed_at, laptop or "") > found[sitting_id][:2]:
                    found[sitting_id] = (changed_at, laptop or "", laptop)
        return {sitting_id: Origin(laptop is None or laptop == me, names.get(laptop or me, ""), changed_at)
                for sitting_id, (changed_at, _key, laptop) in found.items()}

    def laptop_name(self) -> str:
        """What this file's own laptop is called."""
        with self._db.session() as session:
            me = session.exec(select(SyncStateTable.laptop)).first()
            return session.exec(select(LaptopTable.name).where(LaptopTable.laptop == me)).first() or ""

    def _programme_gid(self) -> str:
        with self._db.session() as session:
            return session.exec(select(ProgrammeTable.gid).order_by(col(ProgrammeTable.id))).first() or ""


def _driver(session: Session) -> sqlite3.Connection:
    driver = session.connection().connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return driver


def _draft(person: dict[str, object]) -> ParticipantDraft:
    text = {name: str(person.get(name) or "") for name in (
        "first_name", "last_name", "civility", "organisation", "role", "email", "phone", "notes")}
    return ParticipantDraft(**text, consent_contact=bool(person.get("consent_contact")),  # type: ignore[arg-type]
                            consent_photos=bool(person.get("consent_photos")))


def _report(package: Package, outcome: merging.Outcome, again: bool) -> PackageReport:
    manifest = package.manifest
    return PackageReport(package.path.name, manifest.laptop_name,
                         tuple(title for _gid, title in manifest.sittings), outcome.total("added"),
                         outcome.total("updated"), outcome.total("deleted"), outcome.total("left"),
                         outcome.total("conflicts"), again, outcome.changed)


def _conflict_row(package_id: int | None, conflict: merging.Conflict) -> ConflictTable:
    return ConflictTable(package_id=package_id, table_name=conflict.table, gid=conflict.gid,
                         kept_json=merging.conflict_json(conflict.kept),
                         other_json=merging.conflict_json(conflict.other),
                         kept_laptop=conflict.kept_version[1], kept_at=conflict.kept_version[0],
                         other_laptop=conflict.other_version[1], other_at=conflict.other_version[0])


def _conflict(row: ConflictTable, names: dict[str, str], me: str | None, label: str) -> Conflict:
    kept, other = json.loads(row.kept_json), json.loads(row.other_json)
    differing = tuple((column, _shown(kept.get(column)), _shown(other.get(column)))
                      for column in sorted(kept) if kept.get(column) != other.get(column)
                      and not column.endswith("_id"))
    return Conflict(row.id or 0, row.table_name, label, names.get(row.kept_laptop or "", ""), row.kept_at,
                    row.kept_laptop == me, names.get(row.other_laptop or "", ""), row.other_at,
                    row.other_laptop == me, differing, row.reversed)


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else "✗"
    return str(value)


def _local_values(connection: sqlite3.Connection, table: str, values: dict[str, object]) -> dict[str, object]:
    """Portable values (references as global ids) turned back into this file's ids; a reference to a row that is
    no longer here is left as it is now."""
    shape = next(s for s in merging.shapes() if s.name == table)
    local = dict(values)
    for column, target, _nullable in shape.references:
        gid = values.get(column)
        if gid is None:
            continue
        row = connection.execute(f'SELECT id FROM "{target}" WHERE gid = ?', (gid,)).fetchone()
        if row is None:
            local.pop(column)
        else:
            local[column] = row[0]
    if isinstance(local.get("voter_key"), str):
        with suppress(Exception):
            key = str(local["voter_key"])
            row = connection.execute("SELECT id FROM participant WHERE gid = ?", (key,)).fetchone()
            if row is not None:
                local["voter_key"] = f"{merging.PARTICIPANT_KEY}{row[0]}"
    return {column: value for column, value in local.items() if column in shape.columns}


def _latest_changes(connection: sqlite3.Connection) -> list[tuple[int, str, str | None]]:
    found = [tuple(row) for row in connection.execute(
        "SELECT id, changed_at, laptop FROM sitting")]
    for table in _SITTING_TABLES:
        found += [tuple(row) for row in connection.execute(
            f'SELECT sitting_id, changed_at, laptop FROM "{table}" t WHERE sitting_id IS NOT NULL AND changed_at = '
            f'(SELECT MAX(changed_at) FROM "{table}" u WHERE u.sitting_id = t.sitting_id) GROUP BY sitting_id')]
    found += [tuple(row) for row in connection.execute(
        "SELECT b.sitting_id, v.changed_at, v.laptop FROM vote v JOIN ballot b ON b.id = v.ballot_id "
        "WHERE v.changed_at = (SELECT MAX(w.changed_at) FROM vote w WHERE w.ballot_id = v.ballot_id) "
        "GROUP BY b.sitting_id, v.ballot_id")]
    return found  # type: ignore[return-value]

