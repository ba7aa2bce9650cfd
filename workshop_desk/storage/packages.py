"""Package files: a programme's chosen sittings in a small SQLite file with a manifest, written and read back whole.

A package has the programme file's schema (so that opening one on a laptop makes an ordinary programme), its own
application id (so that it is never taken for a programme by mistake), and a `package_manifest` table: format,
schema revision, programme, laptop, what it holds and a checksum of its rows. Reading one works on a private copy:
the stick it came on is never written, and nothing of it reaches a programme before it has been checked whole.
"""

import hashlib
import json
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import quote

from workshop_desk.paths import PACKAGE_SUFFIX
from workshop_desk.storage import migrate
from workshop_desk.storage.db import Database, write_copy
from workshop_desk.storage.header import APPLICATION_ID, HEAD_REVISION, SCHEMA_VERSION, parse_header
from workshop_desk.storage.merging import Incoming, read_incoming
from workshop_desk.storage.sync_schema import travelling_tables
from workshop_desk.storage.sync_sql import drop_triggers, new_gid, stamp_now

PACKAGE_ID = 0x57446B50  # "WDkP": a Workshop Desk package (a programme file is "WDk1")
FORMAT = 1
SUFFIX = PACKAGE_SUFFIX
_MANIFEST = "package_manifest"
_BOOKKEEPING = ("sync_conflict", "sync_package", "wal_anchor")  # what stays with the file that wrote the package


class Kind(StrEnum):
    HANDOUT = "handout"  # from the lead to a laptop: becomes that laptop's programme
    RETURN = "return"  # from a laptop back to the lead: imported


class Problem(StrEnum):
    NOT_SQLITE = "not_sqlite"
    PROGRAMME = "programme"  # a programme file, not a package
    FOREIGN = "foreign"
    DAMAGED = "damaged"
    NEWER = "newer"
    UNREADABLE = "unreadable"


class PackageError(Exception):
    """A package that cannot be used, and why (services phrase it)."""

    def __init__(self, path: Path, problem: Problem, detail: str = "") -> None:
        super().__init__(f"{path}: {problem} {detail}".strip())
        self.path = path
        self.problem = problem
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Manifest:
    format: int
    revision: str
    programme: str  # the programme's global id
    programme_title: str
    package: str  # this package's own global id
    laptop: str
    laptop_name: str
    made_at: str
    kind: Kind
    sittings: tuple[tuple[str, str], ...]  # (global id, title)
    counts: tuple[tuple[str, int], ...]  # rows by table
    checksum: str

    def to_rows(self) -> list[tuple[str, str]]:
        return [("format", str(self.format)), ("revision", self.revision), ("programme", self.programme),
                ("programme_title", self.programme_title), ("package", self.package), ("laptop", self.laptop),
                ("laptop_name", self.laptop_name), ("made_at", self.made_at), ("kind", self.kind.value),
                ("sittings", json.dumps(self.sittings, ensure_ascii=False)), ("counts", json.dumps(self.counts)),
                ("checksum", self.checksum)]

    @classmethod
    def from_rows(cls, rows: dict[str, str]) -> "Manifest":
        return cls(int(rows["format"]), rows["revision"], rows["programme"], rows.get("programme_title", ""),
                   rows["package"], rows["laptop"], rows.get("laptop_name", ""), rows.get("made_at", ""),
                   Kind(rows["kind"]), tuple(tuple(s) for s in json.loads(rows["sittings"])),  # type: ignore[misc]
                   tuple(tuple(c) for c in json.loads(rows["counts"])), rows["checksum"])  # type: ignore[misc]

    def count(self, table: str) -> int:
        return dict(self.counts).get(table, 0)


# --- writing -----------------------------------------------------------------------------------------------------

def write_package(database: Database, target: Path, sitting_ids: Iterable[int], kind: Kind,
                  laptop: tuple[str, str] | None = None) -> Manifest:
    """Write the chosen sittings (with the programme, its groups and people) to `target`, atomically. A handout
    goes to a new laptop (`laptop`: its id and name); a return comes from this file's own laptop."""
    folder = Path(tempfile.mkdtemp(prefix="wdesk-package-"))
    try:
        building = folder / "package.sqlite"
        database.copy_to(building)
        with closing(sqlite3.connect(building, isolation_level=None)) as connection:
            manifest = _shape_package(connection, sorted(set(sitting_ids)), kind, laptop)
        target.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(f"file:{quote(str(building))}?immutable=1", uri=True)) as origin:
            write_copy(origin, target)
        return manifest
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _shape_package(connection: sqlite3.Connection, sittings: list[int], kind: Kind,
                   laptop: tuple[str, str] | None) -> Manifest:
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.execute("PRAGMA foreign_keys=ON")
    for table in travelling_tables():
        for statement in drop_triggers(table.name):
            connection.execute(statement)
    own = connection.execute("SELECT laptop FROM sync_state WHERE id = 1").fetchone()[0]
    own_name = (connection.execute("SELECT name FROM sync_laptop WHERE laptop = ?", (own,)).fetchone() or ("",))[0]
    marks = ",".join("?" * len(sittings)) or "NULL"
    connection.execute("BEGIN")
    connection.execute(f"DELETE FROM action WHERE sitting_id IS NOT NULL AND sitting_id NOT IN ({marks})", sittings)
    connection.execute(f"DELETE FROM sitting WHERE id NOT IN ({marks})", sittings)
    for name in _BOOKKEEPING:
        connection.execute(f'DELETE FROM "{name}"')
    _name_own_laptop(connection, own)
    if kind == Kind.HANDOUT:
        assert laptop is not None
        connection.execute("DELETE FROM sync_deleted")  # the laptop starts from what is; nothing to delete there
        connection.execute("UPDATE sync_state SET laptop = ? WHERE id = 1", (laptop[0],))
        connection.execute("INSERT OR REPLACE INTO sync_laptop (laptop, name, prepared_at) VALUES (?, ?, ?)",
                           (*laptop, stamp_now()))
    laptop_id, laptop_name = laptop if laptop is not None else (own, own_name)
    connection.execute("COMMIT")
    manifest = _manifest(connection, kind, laptop_id, laptop_name, sittings)
    connection.execute(f'CREATE TABLE "{_MANIFEST}" (key TEXT PRIMARY KEY, value TEXT NOT NULL)')
    connection.executemany(f'INSERT INTO "{_MANIFEST}" VALUES (?, ?)', manifest.to_rows())
    connection.execute(f"PRAGMA application_id = {PACKAGE_ID}")
    connection.execute("VACUUM")
    return manifest


def _name_own_laptop(connection: sqlite3.Connection, own: str) -> None:
    """Rows changed by this file's own laptop say so by name: in a package there is no 'this laptop'."""
    for table in travelling_tables():
        connection.execute(f'UPDATE "{table.name}" SET laptop = ? WHERE laptop IS NULL', (own,))
    connection.execute("UPDATE sync_deleted SET laptop = ? WHERE laptop IS NULL", (own,))


def _manifest(connection: sqlite3.Connection, kind: Kind, laptop: str, laptop_name: str,
              sittings: list[int]) -> Manifest:
    programme = connection.execute("SELECT gid, title FROM programme ORDER BY id LIMIT 1").fetchone()
    chosen = tuple((gid, title) for gid, title in connection.execute(
        "SELECT gid, title FROM sitting ORDER BY position, id"))
    counts = tuple((table.name, connection.execute(f'SELECT COUNT(*) FROM "{table.name}"').fetchone()[0])
                   for table in travelling_tables())
    return Manifest(FORMAT, HEAD_REVISION, programme[0], programme[1], new_gid(), laptop, laptop_name, stamp_now(),
                    kind, chosen, counts, checksum(connection))


def checksum(connection: sqlite3.Connection) -> str:
    """A digest of every row the package holds (all but its manifest): a changed byte of data changes it."""
    digest = hashlib.sha256()
    names = [row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    for name in names:
        if name == _MANIFEST:
            continue
        digest.update(name.encode())
        # Sorted by value: VACUUM may renumber the hidden row ids of tables keyed by text.
        for text in sorted(repr(tuple(row)) for row in connection.execute(f'SELECT * FROM "{name}"')):
            digest.update(text.encode())
    return digest.hexdigest()


# --- reading -----------------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Package:
    """A package checked whole, read from a private copy (deleted by `discard`)."""

    path: Path
    manifest: Manifest
    copy: Path

    def incoming(self) -> Incoming:
        with closing(sqlite3.connect(f"file:{quote(str(self.copy))}?immutable=1", uri=True)) as connection:
            return read_incoming(connection)

    def discard(self) -> None:
        shutil.rmtree(self.copy.parent, ignore_errors=True)


def read_package(path: Path) -> Package:
    """The package at `path`, checked: an SQLite file of ours, whole, of a format and revision this version knows,
    whose rows match its checksum. Raises PackageError, having changed nothing."""
    folder = Path(tempfile.mkdtemp(prefix="wdesk-package-"))
    copy = folder / "package.sqlite"
    try:
        try:
            shutil.copyfile(path, copy)  # a plain read: the stick may be read-only, and must stay as it is
        except OSError as exc:
            raise PackageError(path, Problem.UNREADABLE, exc.strerror or str(exc)) from exc
        manifest = _checked(path, copy)
        if manifest.revision != HEAD_REVISION:
            migrate.upgrade(copy)
        return Package(path, manifest, copy)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def _checked(path: Path, copy: Path) -> Manifest:
    with copy.open("rb") as handle:
        header = parse_header(handle.read(100))
    if header is None:
        raise PackageError(path, Problem.NOT_SQLITE)
    if header.application_id == APPLICATION_ID:
        raise PackageError(path, Problem.PROGRAMME)
    if header.application_id != PACKAGE_ID:
        raise PackageError(path, Problem.FOREIGN)
    if copy.stat().st_size % header.page_size or copy.stat().st_size < header.page_count * header.page_size:
        raise PackageError(path, Problem.DAMAGED, "truncated")
    try:
        with closing(sqlite3.connect(f"file:{quote(str(copy))}?immutable=1", uri=True)) as connection:
            return _manifest_checked(path, connection)
    except sqlite3.DatabaseError as exc:
        raise PackageError(path, Problem.DAMAGED, str(exc)) from exc


def _manifest_checked(path: Path, connection: sqlite3.Connection) -> Manifest:
    problems = [row[0] for row in connection.execute("PRAGMA integrity_check") if row[0] != "ok"]
    if problems:
        raise PackageError(path, Problem.DAMAGED, problems[0])
    try:
        rows = dict(connection.execute(f'SELECT key, value FROM "{_MANIFEST}"').fetchall())
        fmt = int(rows["format"])
    except (sqlite3.DatabaseError, KeyError, ValueError) as exc:
        raise PackageError(path, Problem.DAMAGED, f"manifest: {exc}") from exc
    if fmt > FORMAT or connection.execute("PRAGMA user_version").fetchone()[0] > SCHEMA_VERSION:
        raise PackageError(path, Problem.NEWER, rows.get("revision", ""))
    if rows.get("revision") not in migrate.known_revisions():
        raise PackageError(path, Problem.NEWER, rows.get("revision", ""))
    try:
        manifest = Manifest.from_rows(rows)
    except (KeyError, ValueError, TypeError) as exc:
        raise PackageError(path, Problem.DAMAGED, f"manifest: {exc}") from exc
    if checksum(connection) != manifest.checksum:
        raise PackageError(path, Problem.DAMAGED, "checksum")
    return manifest


def make_programme(package: Package, target: Path) -> None:
    """Turn a handout package into an ordinary programme file at `target` (which must not exist): the laptop it
    was prepared for becomes the file's own, and the file keeps its stamps from here on."""
    building = package.copy.parent / "programme.sqlite"
    shutil.copyfile(package.copy, building)
    with closing(sqlite3.connect(building, isolation_level=None)) as connection:
        connection.execute(f'DROP TABLE "{_MANIFEST}"')
        connection.execute("UPDATE sync_state SET laptop = ?, quiet = 0, stamp_laptop = NULL, stamp_at = NULL "
                           "WHERE id = 1", (package.manifest.laptop,))
        for table in travelling_tables():  # its own rows (none yet, in a handout) say 'this laptop' as NULL
            connection.execute(f'UPDATE "{table.name}" SET laptop = NULL WHERE laptop = ?',
                               (package.manifest.laptop,))
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute("VACUUM")
    migrate.install_sync(building)
    target.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(f"file:{quote(str(building))}?immutable=1", uri=True)) as origin:
        write_copy(origin, target)
