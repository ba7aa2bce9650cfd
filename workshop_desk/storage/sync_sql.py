"""The SQL that keeps rows ready to travel between laptops: global ids, change stamps, deletion markers."""

import datetime as dt
import uuid
from collections.abc import Iterable

# A random (version 4) UUID, in SQL, for rows inserted without the ORM.
NEW_GID = ("(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
           "substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || "
           "substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))")
# Stamps are ISO 8601 in UTC to the millisecond: as text they sort as the moments they name.
NOW = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"
SYNC_COLUMNS = ("gid", "laptop", "changed_at", "based_on")
# Tables that stay on their laptop: the log's anchor, and the bookkeeping of merging itself.
LOCAL_TABLES = frozenset({"wal_anchor", "sync_state", "sync_laptop", "sync_deleted", "sync_alias", "sync_package",
                          "sync_conflict", "alembic_version"})


def new_gid() -> str:
    return str(uuid.uuid4())


def stamp_now() -> str:
    """Now, as a change stamp."""
    now = dt.datetime.now(dt.UTC)
    return f"{now:%Y-%m-%dT%H:%M:%S}.{now.microsecond // 1000:03d}Z"


def version(changed_at: str, laptop: str | None) -> str:
    """A row's version as `based_on` records it."""
    return f"{changed_at} {laptop or ''}"


_OVERRIDE_LAPTOP = "(SELECT stamp_laptop FROM sync_state WHERE id = 1)"
_OVERRIDE_AT = f"COALESCE((SELECT stamp_at FROM sync_state WHERE id = 1), {NOW})"


def trigger_names(table: str) -> tuple[str, str, str]:
    return f"sync_{table}_changed", f"sync_{table}_deleted", f"sync_{table}_restored"


def triggers(table: str, columns: Iterable[str]) -> list[str]:
    """The three triggers of a travelling table: a change stamps the row (unless the writer stamped it: a merge);
    a deletion leaves its marker; a row put back (undo) loses its marker and counts as changed now."""
    data = sorted(c for c in columns if c not in SYNC_COLUMNS and c != "id")  # sorted: migrated files add columns last
    changed_name, deleted_name, restored_name = trigger_names(table)
    differs = " OR ".join(f'NEW."{c}" IS NOT OLD."{c}"' for c in data) or "0"
    return [
        f'CREATE TRIGGER "{changed_name}" AFTER UPDATE ON "{table}" '
        f"WHEN NEW.changed_at IS OLD.changed_at AND NEW.laptop IS OLD.laptop AND ({differs}) "
        "AND NOT (SELECT quiet FROM sync_state WHERE id = 1) BEGIN "
        f'UPDATE "{table}" SET changed_at = {_OVERRIDE_AT}, laptop = {_OVERRIDE_LAPTOP}, '
        "based_on = CASE WHEN OLD.laptop IS NULL THEN OLD.based_on "
        "ELSE OLD.changed_at || ' ' || OLD.laptop END WHERE id = NEW.id; END",
        f'CREATE TRIGGER "{deleted_name}" AFTER DELETE ON "{table}" BEGIN '
        "INSERT OR REPLACE INTO sync_deleted (gid, table_name, laptop, deleted_at) "
        f"VALUES (OLD.gid, '{table}', {_OVERRIDE_LAPTOP}, {_OVERRIDE_AT}); END",
        f'CREATE TRIGGER "{restored_name}" AFTER INSERT ON "{table}" '
        "WHEN EXISTS (SELECT 1 FROM sync_deleted WHERE gid = NEW.gid) BEGIN "
        "DELETE FROM sync_deleted WHERE gid = NEW.gid; "
        f'UPDATE "{table}" SET changed_at = {NOW}, laptop = NULL, '
        "based_on = CASE WHEN NEW.laptop IS NULL THEN NEW.based_on "
        "ELSE NEW.changed_at || ' ' || NEW.laptop END WHERE id = NEW.id; END",
    ]


def drop_triggers(table: str) -> list[str]:
    return [f'DROP TRIGGER IF EXISTS "{name}"' for name in trigger_names(table)]
