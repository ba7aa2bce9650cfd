"""Checks a programme file from its 100-byte SQLite header, without opening (or touching) it."""

import struct
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workshop_desk.storage.lock import Owner

APPLICATION_ID = 0x57446B31  # "WDk1": marks a file as a Workshop Desk programme
# Bump both with every migration (storage/migrations); each migration sets `PRAGMA user_version` to its number.
# Opening a file that is up to date then needs neither Alembic nor its scripts (a fifth of a second); a test checks
# they match the scripts. Here, not in migrate.py: a first look at a file (storage/glance.py) needs no SQLAlchemy.
SCHEMA_VERSION = 6
HEAD_REVISION = "0006"
SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


class FileProblem(StrEnum):
    MISSING = "missing"
    DIRECTORY = "directory"
    NO_PERMISSION = "no_permission"
    UNREADABLE = "unreadable"  # the medium failed or went away
    NOT_SQLITE = "not_sqlite"
    FOREIGN = "foreign"
    TRUNCATED = "truncated"
    TOO_NEW = "too_new"
    CORRUPT = "corrupt"
    NO_PROGRAMME = "no_programme"  # ours, but its creation never finished
    FOREIGN_LOG = "foreign_log"  # a -wal beside it that was not written against it
    OPEN_ELSEWHERE = "open_elsewhere"  # another window or computer has it open for writing
    LEFT_OPEN = "left_open"  # the last program to write it stopped without closing it (a crash)
    BUSY = "busy"  # another program holds SQLite's lock on it


class ProgrammeFileError(Exception):
    """A file that cannot be opened as a programme; it has not been modified. `owner` says who holds it
    (OPEN_ELSEWHERE) or held it (LEFT_OPEN)."""

    def __init__(self, path: Path, problem: FileProblem, detail: str = "", owner: "Owner | None" = None) -> None:
        super().__init__(f"{path}: {problem} {detail}".strip())
        self.path = path
        self.problem = problem
        self.detail = detail
        self.owner = owner


@dataclass(frozen=True, slots=True)
class Header:
    page_size: int
    page_count: int
    page_count_valid: bool
    user_version: int
    application_id: int


def parse_header(data: bytes) -> Header | None:
    """The header fields, or None if `data` does not start like an SQLite database."""
    if len(data) < HEADER_SIZE or not data.startswith(SQLITE_MAGIC):
        return None
    (raw_page_size,) = struct.unpack(">H", data[16:18])
    change_counter, page_count = struct.unpack(">II", data[24:32])
    (user_version,) = struct.unpack(">I", data[60:64])
    (application_id,) = struct.unpack(">I", data[68:72])
    (valid_for,) = struct.unpack(">I", data[92:96])
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    return Header(page_size, page_count, valid_for == change_counter, user_version, application_id)


def check_header(path: Path, schema_version: int, log_pending: bool = False) -> Header:
    """The file's header if it is a programme this version can open; else ProgrammeFileError. With a log to replay
    (`log_pending`) the file may be shorter than its header says: a checkpoint was cut short, the log completes it."""
    try:
        if path.is_dir():
            raise ProgrammeFileError(path, FileProblem.DIRECTORY)
        size = path.stat().st_size
        with path.open("rb") as handle:
            data = handle.read(HEADER_SIZE)
    except FileNotFoundError as exc:
        raise ProgrammeFileError(path, FileProblem.MISSING) from exc
    except PermissionError as exc:
        raise ProgrammeFileError(path, FileProblem.NO_PERMISSION) from exc
    except OSError as exc:
        raise ProgrammeFileError(path, FileProblem.UNREADABLE, exc.strerror or str(exc)) from exc
    header = parse_header(data)
    if header is None:
        raise ProgrammeFileError(path, FileProblem.NOT_SQLITE)
    if header.application_id != APPLICATION_ID:
        raise ProgrammeFileError(path, FileProblem.FOREIGN)
    short = header.page_count_valid and size < header.page_count * header.page_size
    if size % header.page_size or (short and not log_pending):
        raise ProgrammeFileError(path, FileProblem.TRUNCATED)
    if header.user_version > schema_version:
        raise ProgrammeFileError(path, FileProblem.TOO_NEW, str(header.user_version))
    return header
