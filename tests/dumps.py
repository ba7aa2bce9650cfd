"""A canonical dump of a programme file (every table, every row, values as SQLite holds them), to compare states;
and the rows whose delete takes and changes the most.

Left out: the change stamps of each row (STAMPS), `wal_anchor`, which each checkpoint rewrites (a digest of the
pages and the time it was taken: it says how the bytes lie, not what the programme holds), and SQLite's own
bookkeeping (`sqlite_master`, `sqlite_stat*`).
Kept: `alembic_version`, and `sqlite_sequence` — the highest id each table ever gave. A delete does not lower it and
putting rows back under their own ids does not raise it, so a delete and its undo leave it as it was; a change that
moves it consumed ids (rows were inserted), which an undo cannot give back, so it is worth seeing.
"""

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from workshop_desk.services.workspace import Workspace

Dump = dict[str, list[tuple[object, ...]]]
LEFT_OUT = frozenset({"wal_anchor"})
# When a row last changed and on which laptop (storage/sync_sql.py) say when, not what: putting rows back is itself
# a change, stamped now. Their global ids are kept: an undo must give the rows back under the same ones.
STAMPS = frozenset({"changed_at", "laptop", "based_on", "deleted_at"})
# Columns that name another table's rows with no foreign key declared, and that table. Kept here, apart from the
# code under test (storage/snapshots.py UNDECLARED); a test checks that every other `…_id` column is a foreign key.
UNDECLARED_REFERENCES = {("sitting", "current_item_id"): "agenda_item"}


def dump(path: Path) -> Dump:
    """Every row of every table of the file at `path` (open or not), ordered by table name then primary key."""
    with closing(_reading(path)) as connection:
        return {name: _rows(connection, name) for name in _tables(connection)}


def _reading(path: Path) -> sqlite3.Connection:
    """A connection that changes nothing: through the log of a file that has one (an open file), else reading the
    file as it lies (a read-only connection to a closed WAL file would leave a -wal and a -shm beside it)."""
    mode = "mode=ro" if Path(f"{path}-wal").exists() else "immutable=1"
    return sqlite3.connect(f"file:{quote(str(path))}?{mode}", uri=True)


def dangling(path: Path) -> list[tuple[object, ...]]:
    """References to rows that do not exist: what `PRAGMA foreign_key_check` finds, and the references the schema
    does not declare (UNDECLARED_REFERENCES) that point nowhere. A delete must leave none."""
    with closing(_reading(path)) as connection:
        found = [tuple(row) for row in connection.execute("PRAGMA foreign_key_check")]
        for (table, column), target in UNDECLARED_REFERENCES.items():
            found += [(table, row[0], column, row[1]) for row in connection.execute(
                f'SELECT id, "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL '
                f'AND "{column}" NOT IN (SELECT id FROM "{target}")')]
    return found


def _tables(connection: sqlite3.Connection) -> list[str]:
    names = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return [n for n in names if n not in LEFT_OUT and (not n.startswith("sqlite_") or n == "sqlite_sequence")]


def _rows(connection: sqlite3.Connection, table: str) -> list[tuple[object, ...]]:
    columns = list(connection.execute(f'PRAGMA table_info("{table}")'))
    keys = [c[1] for c in sorted((c for c in columns if c[5]), key=lambda c: c[5])] or [c[1] for c in columns]
    order = ", ".join(f'"{key}"' for key in keys)
    kept = ", ".join(f'"{c[1]}"' for c in columns if c[1] not in STAMPS)
    return list(connection.execute(f'SELECT {kept} FROM "{table}" ORDER BY {order}'))


def differences(before: Dump, after: Dump, limit: int = 6) -> list[str]:
    """What differs, table by table: rows only before (-) and only after (+); empty when the dumps are equal."""
    found = []
    for table in sorted(set(before) | set(after)):
        old, new = before.get(table, []), after.get(table, [])
        if old == new:
            continue
        gone = [row for row in old if row not in new]
        came = [row for row in new if row not in old]
        found.append(f"{table}: {len(old)} rows before, {len(new)} after"
                     + "".join(f"\n  - {row}" for row in gone[:limit])
                     + "".join(f"\n  + {row}" for row in came[:limit])
                     + ("\n  (same rows, another order)" if not gone and not came else ""))
    return found


def assert_same(before: Dump, after: Dump, what: str) -> None:
    """Fail with a readable list of the differing rows."""
    found = differences(before, after)
    assert not found, f"{what}:\n" + "\n".join(found)


def query(path: Path, sql: str) -> list[int]:
    """The first column of what `sql` finds in the file, as integers (ids)."""
    with closing(_reading(path)) as connection:
        return [int(row[0]) for row in connection.execute(sql)]


def row_ids(path: Path, table: str) -> list[int]:
    return query(path, f'SELECT id FROM "{table}" ORDER BY id')


def richest(workspace: "Workspace", table: str) -> int:
    """The row whose delete takes and changes the most (children, links, places); the lowest id on a tie."""
    def size(row_id: int) -> int:
        snapshot = workspace.snapshots.capture([(table, [row_id])])
        return snapshot.count + len(snapshot.links)

    return max(row_ids(workspace.path, table), key=lambda row_id: (size(row_id), -row_id))
