"""The lock beside an open programme file: who holds it, since when, and whether a holder is gone.

An operating-system lock (through `filelock`) says whether someone holds the file now; the lock file's text says
who (machine, user, process, since when), so that a second window or the command line can tell the facilitator.
A clean close empties and removes the file; one that is found with text in it but no holder was left by a crash.
"""

import contextlib
import getpass
import json
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout


@dataclass(frozen=True, slots=True)
class Owner:
    """Who holds (or held) a programme file."""

    host: str
    user: str
    pid: int
    since: datetime

    @property
    def on_this_computer(self) -> bool:
        return self.host == socket.gethostname()


class HeldElsewhere(Exception):
    """Someone else holds the file now."""

    def __init__(self, owner: Owner | None) -> None:
        super().__init__("open elsewhere")
        self.owner = owner


class LeftByCrash(Exception):
    """The previous holder stopped without closing the file (a crash, a power cut). Proven when the record names
    this computer: the operating system would not have let go of a lock its process still held."""

    def __init__(self, owner: Owner) -> None:
        super().__init__("left by a crash")
        self.owner = owner


def lock_path(path: Path) -> Path:
    """`.~lock.NAME#` beside the file: the name office users know from LibreOffice, hidden on Linux and macOS."""
    return path.with_name(f".~lock.{path.name}#")


def read_owner(path: Path) -> Owner | None:
    """The holder recorded beside `path` (None when no one is recorded)."""
    try:
        text = lock_path(path).read_bytes()
    except PermissionError:  # Windows: the holder's locked byte; the record starts after it
        with lock_path(path).open("rb") as handle:
            handle.seek(1)
            text = handle.read()
    except OSError:
        return None
    try:
        values = json.loads(text.decode("utf-8").strip() or "null")
        return None if values is None else Owner(values["host"], values["user"], int(values["pid"]),
                                                  datetime.fromisoformat(values["since"]))
    except (ValueError, KeyError, TypeError):
        return None


class ProgrammeLock:
    """Held while a file is open for writing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = FileLock(str(lock_path(path)), timeout=0, thread_local=False)

    def acquire(self, take_over: bool = False) -> None:
        """Hold the file; HeldElsewhere if someone does, LeftByCrash if a stopped holder's record is there (unless
        `take_over`). OSError when the folder cannot hold a lock file (read-only media)."""
        previous = read_owner(self.path)
        try:
            self._lock.acquire()
        except Timeout as exc:
            raise HeldElsewhere(previous) from exc
        if previous is not None and not take_over:
            self._lock.release()
            raise LeftByCrash(previous)
        self._write(_owner_now())

    def release(self) -> None:
        """Empty the record, let go, and remove the file (a clean close leaves nothing beside the programme)."""
        if not self._lock.is_locked:
            return
        with contextlib.suppress(OSError):
            self._write(None)
        self._lock.release()
        with contextlib.suppress(OSError):
            lock_path(self.path).unlink()

    def _write(self, owner: Owner | None) -> None:
        record = "" if owner is None else json.dumps({
            "host": owner.host, "user": owner.user, "pid": owner.pid, "since": owner.since.isoformat()})
        # A leading newline: on Windows the held byte is the first one, and readers skip it.
        with lock_path(self.path).open("r+b") as handle:
            handle.truncate(0)
            handle.write(f"\n{record}\n".encode() if record else b"")
            handle.flush()
            os.fsync(handle.fileno())


def _owner_now() -> Owner:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in some containers
        user = ""
    return Owner(socket.gethostname(), user, os.getpid(), datetime.now(UTC))


def held_elsewhere(path: Path) -> bool:
    """True when another program holds `path` now. Writes nothing: a missing lock file means no holder."""
    if not lock_path(path).is_file():
        return False
    probe = FileLock(str(lock_path(path)), timeout=0, thread_local=False)
    try:
        probe.acquire()
    except Timeout:
        return True
    except OSError:  # cannot even open it (read-only media): no one can be writing there
        return False
    probe.release()
    return False
