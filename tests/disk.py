"""A full disk, simulated on an open programme file: no tiny filesystem is needed to make SQLite answer SQLITE_FULL."""

from collections.abc import Callable

from sqlalchemy import event

from workshop_desk.storage.db import Database


def fill_the_disk(database: Database) -> Callable[[], None]:
    """From now on the file may not grow (PRAGMA max_page_count at its size, on every connection): a write that
    needs one more page fails with SQLITE_FULL, as on a full disk. Returns what makes room again."""
    def limit(connection: object, _record: object) -> None:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]  # type: ignore[attr-defined]
        connection.execute(f"PRAGMA max_page_count = {pages}")  # type: ignore[attr-defined]

    database.engine.dispose()
    event.listen(database.engine, "connect", limit)

    def make_room() -> None:
        event.remove(database.engine, "connect", limit)
        database.engine.dispose()

    return make_room


def give_free_pages_back(database: Database) -> None:
    """VACUUM: the pages that deletes freed go, so that putting rows back needs the file to grow."""
    raw = database.engine.raw_connection()
    try:
        raw.driver_connection.execute("VACUUM")  # type: ignore[union-attr]
    finally:
        raw.close()
