"""Installing what keeps rows ready to travel: the triggers of every travelling table, and this file's laptop."""

import socket

from sqlalchemy import Connection, Table
from sqlmodel import SQLModel

import workshop_desk.storage.tables  # noqa: F401  (registers the tables on the metadata)
from workshop_desk.storage.sync_sql import LOCAL_TABLES, drop_triggers, new_gid, triggers


def travelling_tables() -> list[Table]:
    """Every table whose rows travel between laptops, parents before children."""
    return [table for table in SQLModel.metadata.sorted_tables if table.name not in LOCAL_TABLES]


def remove(connection: Connection) -> None:
    """Drop every travelling table's triggers: they name each column, and a migration may drop or rename one."""
    for table in travelling_tables():
        for statement in drop_triggers(table.name):
            connection.exec_driver_sql(statement)


def install(connection: Connection) -> None:
    """(Re)create every travelling table's triggers — a migration that rebuilds a table drops them — and give the
    file a laptop of its own if it has none."""
    for table in travelling_tables():
        columns = [row[1] for row in connection.exec_driver_sql(f'PRAGMA table_info("{table.name}")')]
        for statement in drop_triggers(table.name) + triggers(table.name, columns):
            connection.exec_driver_sql(statement)
    if connection.exec_driver_sql("SELECT 1 FROM sync_state WHERE id = 1").first() is None:
        laptop = new_gid()
        connection.exec_driver_sql("INSERT INTO sync_state (id, laptop, quiet) VALUES (1, ?, 0)", (laptop,))
        connection.exec_driver_sql("INSERT OR REPLACE INTO sync_laptop (laptop, name) VALUES (?, ?)",
                                   (laptop, laptop_name()))


def laptop_name() -> str:
    """What this computer calls itself, for 'last worked on by'."""
    try:
        return socket.gethostname() or ""
    except OSError:
        return ""
