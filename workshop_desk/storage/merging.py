"""Merging another laptop's rows into this file: matched by global id, the latest change wins, nothing half-done.

The rows come as the package holds them (its own integer ids); every reference is carried across by global id. A row
both files changed since they parted is a conflict: the later change is kept, the other version is returned to be
listed. A row met under two ids (a walk-in signed in on two laptops) is merged field by field — a blank never wins —
and keeps the smaller id, so that merging A into B and B into A give the same file.
"""

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import Table, UniqueConstraint

from workshop_desk.storage.snapshots import UNDECLARED
from workshop_desk.storage.sync_schema import travelling_tables
from workshop_desk.storage.sync_sql import SYNC_COLUMNS, version

Row = dict[str, Any]
_CHUNK = 500
PARTICIPANT_KEY = "participant-"  # voter keys that name a participant by its (local) id: domain/voting.py
# The voter key, once travelled, of a participant deleted after voting (their papers stay, anonymous): the voter's
# global id (ballot_voter), for the participant's own id means nothing on another laptop.
GONE_KEY = "gone-"
_NOT_MATCHED = ("join_code",)  # unique, but two sittings sharing one is a coincidence, not the same sitting


@dataclass(frozen=True, slots=True)
class Incoming:
    """What a package brings: rows by table, deletion markers (gid, table, laptop, when), and the ids its laptop
    knows rows under (gid, same_as, table). Laptops are named in full (a package has no 'this laptop')."""

    rows: dict[str, list[Row]]
    deleted: tuple[tuple[str, str, str, str], ...] = ()
    aliases: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Conflict:
    table: str
    gid: str
    kept: Row  # values as global ids, for reading and for taking back
    other: Row
    kept_version: tuple[str, str]  # (changed_at, laptop)
    other_version: tuple[str, str]


@dataclass
class Outcome:
    """What merging did, by table."""

    added: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    updated: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    deleted: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    left: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    conflicts: list[Conflict] = field(default_factory=list)

    def total(self, kind: str) -> int:
        counts = getattr(self, kind)
        return len(counts) if kind == "conflicts" else sum(counts.values())

    @property
    def changed(self) -> bool:
        return bool(self.total("added") or self.total("updated") or self.total("deleted"))


@dataclass(frozen=True, slots=True)
class _Shape:
    """What the merge needs to know of a table: its data columns, its references, its natural keys."""

    name: str
    columns: tuple[str, ...]
    references: tuple[tuple[str, str, bool], ...]  # (column, table referred to, may be empty)
    deferred: tuple[str, ...]  # references written once every row is in (to itself, or not declared)
    keys: tuple[tuple[str, ...], ...]


def _shape(table: Table) -> _Shape:
    references = [(key.parent.name, key.column.table.name, bool(key.parent.nullable)) for key in table.foreign_keys]
    references += [(column, target, True) for name, column, target in UNDECLARED if name == table.name]
    order = {t.name: i for i, t in enumerate(travelling_tables())}
    deferred = tuple(column for column, target, _n in references if order[target] >= order[table.name])
    keys = [tuple(c.name for c in constraint.columns) for constraint in table.constraints
            if isinstance(constraint, UniqueConstraint)]
    keys += [(c.name,) for c in table.columns if c.unique and c.name not in ("gid", *_NOT_MATCHED)]
    columns = tuple(c.name for c in table.columns if c.name != "id" and c.name not in SYNC_COLUMNS)
    return _Shape(table.name, columns, tuple(references), deferred, tuple(keys))


@cache
def _all_shapes() -> tuple[_Shape, ...]:
    return tuple(_shape(table) for table in travelling_tables())


def shapes() -> list[_Shape]:
    """Every travelling table's shape, parents before children (read once: the schema is this version's)."""
    return list(_all_shapes())


def _quoted(names: Iterable[str]) -> str:
    return ", ".join('"' + name + '"' for name in names)


@cache
def _insert_sql(table: str, names: tuple[str, ...]) -> str:
    return f'INSERT INTO "{table}" ({_quoted(names)}) VALUES ({",".join("?" * len(names))})'


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


# Columns that the record made first keeps when two records are found to be one person: the badge already printed
# and handed out (the registry's, not the one a laptop drew for a walk-in), and when the person was first recorded.
_FIRST_GIVEN = {"participant": ("badge_code", "created_at")}


def _first_given(table: str, ours: Row, theirs: Row) -> Row:
    columns = _FIRST_GIVEN.get(table, ())
    if not columns:
        return {}
    first = min((ours, theirs), key=lambda row: (str(row["created_at"]), row["badge_code"]))
    return {column: first[column] for column in columns}


class Merge:
    """One merge into the file open on `connection`, inside the caller's transaction. `matches` maps an incoming
    participant's gid to the gid of the person it was decided to be (the review of walk-ins)."""

    def __init__(self, connection: sqlite3.Connection, incoming: Incoming, matches: dict[str, str] | None = None):
        self.connection = connection
        self.incoming = incoming
        self.outcome = Outcome()
        self.me: str = self._one("SELECT laptop FROM sync_state WHERE id = 1")
        self.alias: dict[str, str] = dict(self._exec("SELECT gid, same_as FROM sync_alias").fetchall())
        self.new_aliases: list[tuple[str, str, str]] = []
        self.unaliased: set[str] = set()
        for gid, same_as, table in incoming.aliases:
            self._add_alias(gid, same_as, table)
        for gid, same_as in (matches or {}).items():
            self._add_alias(gid, same_as, "participant")
        self.their_gid: dict[str, dict[int, str]] = {}  # package id → gid, by table
        self.our_id: dict[str, dict[str, int]] = defaultdict(dict)  # gid → this file's id, by table
        self.pending: list[tuple[_Shape, int, Row]] = []  # rows whose deferred references remain to be written
        self.their_voters: dict[tuple[object, str], str] | None = None  # (ballot, voter key) → the voter's gid
        self.markers: dict[str, tuple[str, str]] = {}  # deletion markers of rows coming in: gid → (when, laptop)

    def _exec(self, sql: str, args: Iterable[object] = ()) -> sqlite3.Cursor:
        cursor = self.connection.cursor()
        cursor.row_factory = sqlite3.Row
        return cursor.execute(sql, tuple(args))

    def _one(self, sql: str, *args: object) -> Any:
        row = self._exec(sql, args).fetchone()
        return row[0] if row else None

    def _add_alias(self, gid: str, same_as: str, table: str) -> None:
        same_as = self.alias.get(same_as, same_as)
        if gid != same_as and self.alias.get(gid) != same_as:
            self.alias[gid] = same_as
            self.new_aliases.append((gid, same_as, table))

    def _resolve(self, gid: str) -> str:
        seen = set()
        while gid in self.alias and gid not in seen:
            seen.add(gid)
            gid = self.alias[gid]
        return gid

    # --- the run ------------------------------------------------------------------------------------------------

    def run(self) -> Outcome:
        self._exec("UPDATE sync_state SET quiet = 1 WHERE id = 1")
        try:
            for shape in shapes():
                rows = self.incoming.rows.get(shape.name, [])
                self.their_gid[shape.name] = {row["id"]: row["gid"] for row in rows}
                self._load_ours(shape.name, [self._resolve(row["gid"]) for row in rows])
                for row in rows:
                    self._merge_row(shape, row)
            for shape, our_id, row in self.pending:
                self._write_deferred(shape, our_id, row)
            self._apply_deletions()
            for gid in self.unaliased:
                self._exec("DELETE FROM sync_alias WHERE gid = ?", (gid,))
            for gid, same_as, table in self.new_aliases:
                if gid in self.unaliased or self.alias.get(gid) != same_as:
                    continue
                self._exec("INSERT OR REPLACE INTO sync_alias (gid, same_as, table_name) VALUES (?, ?, ?)",
                                (gid, same_as, table))
        finally:
            self._exec("UPDATE sync_state SET quiet = 0, stamp_laptop = NULL, stamp_at = NULL WHERE id = 1")
        return self.outcome

    def _load_ours(self, table: str, gids: list[str]) -> None:
        """This file's ids of the rows coming in, and the deletion markers of those it does not hold: read in a
        few queries, not one per row."""
        for chunk in _chunks(gids):
            marks = ",".join("?" * len(chunk))
            for gid, row_id in self._exec(f'SELECT gid, id FROM "{table}" WHERE gid IN ({marks})', chunk):
                self.our_id[table][gid] = row_id
            for gid, deleted_at, laptop in self._exec(
                    f"SELECT gid, deleted_at, laptop FROM sync_deleted WHERE gid IN ({marks})", chunk):
                self.markers[gid] = (deleted_at, laptop or self.me)

    # --- one row ------------------------------------------------------------------------------------------------

    def _merge_row(self, shape: _Shape, theirs: Row) -> None:
        values = self._carried(shape, theirs)
        if values is None:
            self.outcome.left[shape.name] += 1
            return
        gid = self._resolve(theirs["gid"])
        our_id = self.our_id[shape.name].get(gid)
        if our_id is None:
            our_id = self._by_key(shape, values)
            if our_id is None:
                self._insert(shape, theirs, values)
                return
        if gid != theirs["gid"] or self._gid_of(shape.name, our_id) != gid:
            self._merge_twin(shape, our_id, theirs, values)  # known here under another id
            return
        self._merge_same(shape, our_id, theirs, values)

    def _carried(self, shape: _Shape, theirs: Row) -> Row | None:
        """Their values with references turned into this file's ids (None: a row that cannot stand here)."""
        values = {column: theirs[column] for column in shape.columns}
        for column, target, nullable in shape.references:
            if values[column] is None:
                continue
            if column in shape.deferred:
                values[column] = None  # written once every row is in
                continue
            ours = self._our_id_of(target, values[column])
            if ours is None and not nullable:
                return None
            values[column] = ours
        if "voter_key" in values:
            values["voter_key"] = self._voter_key(values["voter_key"], theirs)
            if values["voter_key"] is None:
                return None
        return values

    def _our_id_of(self, table: str, their_id: int) -> int | None:
        gid = self.their_gid.get(table, {}).get(their_id)
        return None if gid is None else self.our_id[table].get(self._resolve(gid))

    def _voter_key(self, key: str, theirs: Row) -> str | None:
        their_id = _participant_of(key)
        if their_id is None:
            return key
        ours = self._our_id_of("participant", their_id)
        if ours is not None:
            return f"{PARTICIPANT_KEY}{ours}"
        voter = self._their_voters().get((theirs.get("ballot_id"), key))  # the participant was deleted there
        return None if voter is None else GONE_KEY + self._resolve(voter)

    def _their_voters(self) -> dict[tuple[object, str], str]:
        if self.their_voters is None:
            self.their_voters = {(row["ballot_id"], row["voter_key"]): row["gid"]
                                 for row in self.incoming.rows.get("ballot_voter", [])}
        return self.their_voters

    def _by_key(self, shape: _Shape, values: Row) -> int | None:
        """The row of this file that is the same thing under another id (same badge, same seat, same voter)."""
        for key in shape.keys:
            if any(values[column] is None for column in key):
                continue
            where = " AND ".join(f'"{column}" = ?' for column in key)
            found = self._one(f'SELECT id FROM "{shape.name}" WHERE {where}', *(values[c] for c in key))
            if found is not None:
                return int(found)
        return None

    def _version(self, row: Row) -> tuple[str, str]:
        return row["changed_at"], row["laptop"] or self.me

    def _ours(self, table: str, our_id: int) -> Row:
        return dict(self._exec(f'SELECT * FROM "{table}" WHERE id = ?', (our_id,)).fetchone())

    def _insert(self, shape: _Shape, theirs: Row, values: Row) -> None:
        gid = self._resolve(theirs["gid"])
        marker = self.markers.pop(gid, None)
        if marker is not None:
            if marker >= self._version(theirs):
                self.markers[gid] = marker
                self.outcome.left[shape.name] += 1  # deleted here after their last change: it stays deleted
                return
            self._exec("DELETE FROM sync_deleted WHERE gid = ?", (gid,))  # else the trigger would stamp it as new
        row = {**values, "gid": gid, **self._stamp(theirs)}
        cursor = self._exec(_insert_sql(shape.name, tuple(row)), list(row.values()))
        our_id = int(cursor.lastrowid or 0)
        self.our_id[shape.name][gid] = our_id
        self.outcome.added[shape.name] += 1
        self._defer(shape, our_id, theirs)

    def _stamp(self, theirs: Row) -> Row:
        laptop = None if theirs["laptop"] == self.me else theirs["laptop"]
        return {"laptop": laptop, "changed_at": theirs["changed_at"], "based_on": theirs["based_on"]}

    def _defer(self, shape: _Shape, our_id: int, theirs: Row) -> None:
        if any(theirs[column] is not None for column in shape.deferred):
            self.pending.append((shape, our_id, theirs))

    def _merge_same(self, shape: _Shape, our_id: int, theirs: Row, values: Row) -> None:
        ours = self._ours(shape.name, our_id)
        mine, their_version = self._version(ours), self._version(theirs)
        same = all(ours[c] == values[c] for c in shape.columns if c not in shape.deferred)
        if same and mine == their_version:
            self._defer_if_newer(shape, our_id, theirs, mine, their_version)
            return
        apart = not (mine[1] == their_version[1] or theirs["based_on"] == version(*mine)
                     or ours["based_on"] == version(*their_version))
        if their_version > mine:
            if not same:
                self._update(shape.name, our_id, values | self._stamp(theirs))
                self.outcome.updated[shape.name] += 1
            else:
                self._update(shape.name, our_id, self._stamp(theirs))
            self._defer(shape, our_id, theirs)
            if apart and not same:
                self._conflict(shape, theirs, ours, their_version, mine, kept_is_theirs=True)
        else:
            self.outcome.left[shape.name] += 0 if same else 1
            if apart and not same:
                self._conflict(shape, ours, theirs, mine, their_version, kept_is_theirs=False)

    def _defer_if_newer(self, shape: _Shape, our_id: int, theirs: Row, mine: tuple[str, str],
                        their_version: tuple[str, str]) -> None:
        if their_version >= mine:
            self._defer(shape, our_id, theirs)

    def _merge_twin(self, shape: _Shape, our_id: int, theirs: Row, values: Row) -> None:
        """The same thing under two ids: field by field, a blank never wins, else the later change; the smaller id
        stays (whichever file the merge runs in)."""
        ours = self._ours(shape.name, our_id)
        mine, their_version = self._version(ours), self._version(theirs)
        later_is_theirs = their_version > mine
        merged = {}
        for column in shape.columns:
            if column in shape.deferred:
                continue
            a, b = ours[column], values[column]
            if a in (None, "") or (b not in (None, "") and later_is_theirs):
                merged[column] = b
            else:
                merged[column] = a
        merged.update(_first_given(shape.name, ours, values))
        keep, drop = sorted({ours["gid"], theirs["gid"]}) if ours["gid"] != theirs["gid"] else (ours["gid"], "")
        merged["gid"] = keep
        if later_is_theirs:  # their values, on top of ours: a third laptop's copy of ours is no conflict
            merged.update(self._stamp(theirs), based_on=version(*mine))
        if drop:
            self.alias.pop(keep, None)  # the id kept is no one's alias any more
            self.unaliased.add(keep)
            self._add_alias(drop, keep, shape.name)
        changed = any(merged[c] != ours[c] for c in merged)
        if changed:
            self._update(shape.name, our_id, merged)
            self.outcome.updated[shape.name] += 1
        self.our_id[shape.name][keep] = our_id
        if drop:
            self.our_id[shape.name][drop] = our_id
        if later_is_theirs:
            self._defer(shape, our_id, theirs)

    def _update(self, table: str, our_id: int, values: Row) -> None:
        if not values:
            return
        sets = ", ".join(f'"{column}" = ?' for column in values)
        self._exec(f'UPDATE "{table}" SET {sets} WHERE id = ?', [*values.values(), our_id])

    def _conflict(self, shape: _Shape, kept: Row, other: Row, kept_version: tuple[str, str],
                  other_version: tuple[str, str], kept_is_theirs: bool) -> None:
        theirs, ours = (kept, other) if kept_is_theirs else (other, kept)
        their_values = self.portable(shape, theirs, their_ids=True)
        our_values = self.portable(shape, ours, their_ids=False)
        kept_values, other_values = (their_values, our_values) if kept_is_theirs else (our_values, their_values)
        self.outcome.conflicts.append(Conflict(shape.name, self._resolve(theirs["gid"]), kept_values, other_values,
                                               kept_version, other_version))

    def portable(self, shape: _Shape, row: Row, their_ids: bool) -> Row:
        """A row's values with references as global ids (the package's ids or this file's)."""
        values = {column: row[column] for column in shape.columns}
        for column, target, _nullable in shape.references:
            if values[column] is not None:
                values[column] = self._portable_id(target, values[column], their_ids)
        person = _participant_of(values["voter_key"]) if "voter_key" in values else None
        if person is not None:  # as the participant's global id: services/packages.py takes it back to a key
            values["voter_key"] = self._portable_id("participant", person, their_ids) or values["voter_key"]
        return values

    def _portable_id(self, table: str, row_id: int, their_ids: bool) -> str | None:
        return self.their_gid.get(table, {}).get(row_id) if their_ids else self._gid_of(table, row_id)

    def _gid_of(self, table: str, our_id: int) -> str | None:
        return self._one(f'SELECT gid FROM "{table}" WHERE id = ?', our_id)

    # --- after every row ----------------------------------------------------------------------------------------

    def _write_deferred(self, shape: _Shape, our_id: int, theirs: Row) -> None:
        values = {}
        for column, target, _nullable in shape.references:
            if column in shape.deferred and theirs[column] is not None:
                values[column] = self._our_id_of(target, theirs[column])
        self._update(shape.name, our_id, values)

    def _apply_deletions(self) -> None:
        tables = {shape.name for shape in shapes()}
        for gid, table, laptop, deleted_at in self.incoming.deleted:
            if table not in tables:
                continue
            gid = self._resolve(gid)
            self._apply_deletion(gid, table, laptop, deleted_at)

    def _apply_deletion(self, gid: str, table: str, laptop: str, deleted_at: str) -> None:
        marker = (deleted_at, laptop or self.me)
        row = self._exec(f'SELECT id, changed_at, laptop FROM "{table}" WHERE gid = ?', (gid,)).fetchone()
        if row is None:
            known = self._exec("SELECT deleted_at, laptop FROM sync_deleted WHERE gid = ?", (gid,)).fetchone()
            if known is None or (known[0], known[1] or self.me) < marker:
                self._exec("INSERT OR REPLACE INTO sync_deleted (gid, table_name, laptop, deleted_at) "
                                "VALUES (?, ?, ?, ?)", (gid, table, None if laptop == self.me else laptop, deleted_at))
            return
        if marker < (row["changed_at"], row["laptop"] or self.me):
            self.outcome.left[table] += 1  # changed here after it was deleted there: the change stands
            return
        # The deletion's own stamp on its markers, and on what it deletes with it (the same, on their laptop).
        self._exec("UPDATE sync_state SET stamp_laptop = ?, stamp_at = ? WHERE id = 1",
                        (None if laptop == self.me else laptop, deleted_at))
        self._exec(f'DELETE FROM "{table}" WHERE id = ?', (row["id"],))
        self._exec("UPDATE sync_state SET stamp_laptop = NULL, stamp_at = NULL WHERE id = 1")
        self.outcome.deleted[table] += 1


def _participant_of(key: str) -> int | None:
    """The participant id a voter key names (None: an anonymous voter)."""
    number = key[len(PARTICIPANT_KEY):] if key.startswith(PARTICIPANT_KEY) else ""
    return int(number) if number.isdigit() else None


def read_incoming(connection: sqlite3.Connection) -> Incoming:
    """Everything a package file holds, as the merge takes it."""
    connection.row_factory = sqlite3.Row
    rows = {shape.name: [dict(row) for row in connection.execute(f'SELECT * FROM "{shape.name}" ORDER BY id')]
            for shape in shapes()}
    deleted = tuple(tuple(row) for row in connection.execute(
        "SELECT gid, table_name, laptop, deleted_at FROM sync_deleted ORDER BY gid"))
    aliases = tuple(tuple(row) for row in connection.execute(
        "SELECT gid, same_as, table_name FROM sync_alias ORDER BY gid"))
    return Incoming(rows, deleted, aliases)  # type: ignore[arg-type]


def conflict_json(values: Row) -> str:
    return json.dumps(values, ensure_ascii=False, sort_keys=True, default=str)


def content(connection: sqlite3.Connection, tables: Iterable[str] | None = None) -> dict[str, set[tuple[Any, ...]]]:
    """What a file holds, as global ids and values (no local ids, no stamps): two files that hold the same things
    give the same content, whatever their ids."""
    connection.row_factory = sqlite3.Row
    gids = {shape.name: dict(connection.execute(f'SELECT id, gid FROM "{shape.name}"').fetchall())
            for shape in shapes()}
    voters = {(row[0], row[1]): row[2] for row in connection.execute(
        "SELECT ballot_id, voter_key, gid FROM ballot_voter")}
    found: dict[str, set[tuple[Any, ...]]] = {}
    for shape in shapes():
        if tables is None or shape.name in tables:
            found[shape.name] = {_portable_row(shape, row, gids, voters)
                                 for row in connection.execute(f'SELECT * FROM "{shape.name}"')}
    return found


def _portable_row(shape: _Shape, row: sqlite3.Row, gids: dict[str, dict[int, str]],
                  voters: dict[tuple[int | None, str], str]) -> tuple[Any, ...]:
    refs = {column: target for column, target, _n in shape.references}
    values = [row["gid"]]
    for column in shape.columns:
        value = row[column]
        if column in refs and value is not None:
            value = gids[refs[column]].get(value, f"?{value}")
        elif column == "voter_key" and (person := _participant_of(value)) is not None:
            value = gids["participant"].get(person) or GONE_KEY + voters.get(
                (row["ballot_id"] if "ballot_id" in shape.columns else None, value), f"?{value}")
        values.append(value)
    return tuple(values)
