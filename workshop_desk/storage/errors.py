"""Database errors sorted into the few things a facilitator can act on (busy, read-only, disk full, damaged)."""

import sqlite3
from enum import StrEnum
from pathlib import Path

# SQLite's primary result codes (extended codes carry them in their low byte).
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _CONSTRAINT, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 19, 26


class ReadOnlyReason(StrEnum):
    """Why a programme is open for reading only."""

    ASKED = "asked"  # the user chose to open it read-only (it is open elsewhere)
    FILE = "file"  # the file itself cannot be written
    FOLDER = "folder"  # its folder cannot be written (a locked USB stick, a read-only share)


class WriteProblem(StrEnum):
    BUSY = "busy"  # another program holds the file's lock longer than the busy timeout
    READ_ONLY = "read_only"
    DISK_FULL = "disk_full"
    IO = "io"  # the medium failed or went away (a USB stick pulled out)
    CORRUPT = "corrupt"
    CONFLICT = "conflict"  # a constraint refused it: the data changed since the step was recorded


class StorageError(Exception):
    """A unit of work that failed because of the file or the disk; nothing of it was committed."""

    def __init__(self, problem: WriteProblem, path: Path, detail: str = "") -> None:
        super().__init__(f"{path}: {problem} {detail}".strip())
        self.problem = problem
        self.path = path
        self.detail = detail


_BY_CODE = {_BUSY: WriteProblem.BUSY, _LOCKED: WriteProblem.BUSY, _READONLY: WriteProblem.READ_ONLY,
            _IOERR: WriteProblem.IO, _CANTOPEN: WriteProblem.IO, _CORRUPT: WriteProblem.CORRUPT,
            _NOTADB: WriteProblem.CORRUPT, _FULL: WriteProblem.DISK_FULL, _CONSTRAINT: WriteProblem.CONFLICT}


def classify(error: BaseException | None) -> WriteProblem | None:
    """What kind of storage problem `error` is (None: not one, e.g. a constraint the code should have checked)."""
    if not isinstance(error, sqlite3.Error):
        return None
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return _BY_CODE.get(code & 0xFF)
    text = str(error).lower()  # errors raised by the sqlite3 module itself carry no code
    if "readonly" in text or "read-only" in text:
        return WriteProblem.READ_ONLY
    if "locked" in text or "busy" in text:
        return WriteProblem.BUSY
    if "constraint" in text:
        return WriteProblem.CONFLICT
    return None
