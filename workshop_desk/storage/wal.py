"""The write-ahead log beside a programme file: what it holds, and whether it was written against this file.

SQLite replays whatever `-wal` lies beside a database, and the log's header does not name its database. So after
each checkpoint the app records, as the next transaction, a digest of every page of the main file (the *anchor*):
the first transaction of the new log when the checkpoint emptied it, and also when readers kept it from being
emptied, for SQLite then starts the log afresh at the next write (which is the anchor). Until the next checkpoint, a
page of the main file changes only when the log's own copy of it is folded in; so every page the log does not hold
must still match the anchor. A log left beside another file (an older copy copied over this one, another
programme's log) fails that test and is never replayed. A log that commits nothing (a kill before its first
transaction was whole) replays nothing, and needs no anchor.

An anchor need not read the whole file: since the previous one, only the pages of the log it was written into can have
changed (and pages past the file's old end), as long as that log was not started afresh by someone else meanwhile —
which its generation (the salts SQLite draws at each fresh start) tells. `next_anchor` reads those pages alone.
"""

import hashlib
import os
import struct
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

WAL_MAGIC = (0x377F0682, 0x377F0683)
WAL_HEADER = 32
FRAME_HEADER = 24
_DIGEST = 8  # bytes of blake2b per page: a chance collision is out of reach, the anchor stays small


def wal_path(path: Path) -> Path:
    return Path(f"{path}-wal")


def shm_path(path: Path) -> Path:
    return Path(f"{path}-shm")


@dataclass(frozen=True, slots=True)
class LogContents:
    """The pages a log would write into its database, and the database's size after its last commit."""

    page_size: int
    pages: frozenset[int]
    final_page_count: int  # 0 when no transaction in the log committed
    generation: tuple[int, int] = (0, 0)  # the salts of the log's current generation: new at each fresh start


@dataclass(frozen=True, slots=True)
class Anchor:
    """An anchor as written, and the generation of the log its transaction went into."""

    page_size: int
    digests: bytes
    generation: tuple[int, int]


def has_log(path: Path) -> bool:
    """True when a log with at least a header lies beside `path` (an empty one replays nothing)."""
    log = wal_path(path)
    return log.is_file() and log.stat().st_size >= WAL_HEADER


def read_log(path: Path, frames: int | None = None) -> LogContents | None:
    """What the log beside `path` holds (None if it is not a write-ahead log at all): in its first `frames` frames
    (those SQLite found whole and committed: see `programme_file`), or in all of its current generation."""
    data = wal_path(path).read_bytes()
    if len(data) < WAL_HEADER:
        return None
    magic, version, page_size, _sequence, salt1, salt2 = struct.unpack(">IIIIII", data[:24])
    if magic not in WAL_MAGIC or version != 3007000 or page_size < 512 or page_size & (page_size - 1):
        return None
    pages: set[int] = set()
    final = 0
    for count, (page, committed_size) in enumerate(_frames(data, page_size, salt1, salt2)):
        if frames is not None and count >= frames:
            break
        pages.add(page)
        final = committed_size or final
    return LogContents(page_size, frozenset(pages), final, (salt1, salt2))


def log_generation(path: Path) -> tuple[int, int] | None:
    """The salts in the header of the log beside `path` (None when there is no log header to read)."""
    try:
        with wal_path(path).open("rb") as handle:
            header = handle.read(WAL_HEADER)
    except OSError:
        return None
    if len(header) < WAL_HEADER:
        return None
    salt1, salt2 = struct.unpack(">II", header[16:24])
    return salt1, salt2


def _frames(data: bytes, page_size: int, salt1: int, salt2: int) -> Iterator[tuple[int, int]]:
    """(page number, database size if the frame commits) for each frame of the log's current generation.
    SQLite stops at the first frame whose salts differ: what follows is left over from an earlier generation."""
    offset = WAL_HEADER
    while offset + FRAME_HEADER + page_size <= len(data):
        page, committed_size, frame_salt1, frame_salt2 = struct.unpack(">IIII", data[offset:offset + 16])
        if (frame_salt1, frame_salt2) != (salt1, salt2) or page == 0:
            return
        yield page, committed_size
        offset += FRAME_HEADER + page_size


def page_digests(path: Path, page_size: int) -> bytes:
    """The digest of every page of the main file, in page order (the anchor)."""
    digests = bytearray()
    with path.open("rb") as handle:
        _digest_to_end(handle, page_size, digests)
    return bytes(digests)


def next_anchor(path: Path, page_size: int, previous: Anchor | None, log: LogContents | None) -> bytes:
    """The anchor of the main file as a checkpoint of `log` (read just before it) left it. Reads only the pages the
    log held, and those past the previous end, when the log is the generation `previous` was written into: nothing
    else can have changed since. Otherwise (no previous anchor, another generation, a log that could not be read,
    another page size) reads every page."""
    if (previous is None or log is None or log.generation != previous.generation
            or not page_size == log.page_size == previous.page_size):
        return page_digests(path, page_size)
    return _refreshed(path, page_size, previous.digests, log.pages)


def _refreshed(path: Path, page_size: int, previous: bytes, changed: Collection[int]) -> bytes:
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size % page_size:  # a torn last page: only a full read digests it as page_digests does
            return page_digests(path, page_size)
        kept = min(len(previous) // _DIGEST, size // page_size)  # a shrunk file loses its last digests
        digests = bytearray(previous[:kept * _DIGEST])
        for page in sorted(page for page in changed if page <= kept):
            handle.seek((page - 1) * page_size)
            digests[(page - 1) * _DIGEST:page * _DIGEST] = _digest(handle.read(page_size))
        handle.seek(kept * page_size)
        _digest_to_end(handle, page_size, digests)  # a grown file: its new pages
    return bytes(digests)


def _digest_to_end(handle: BinaryIO, page_size: int, digests: bytearray) -> None:
    while page := handle.read(page_size):
        digests += _digest(page)


def _digest(page: bytes) -> bytes:
    return hashlib.blake2b(page, digest_size=_DIGEST).digest()


def log_belongs(path: Path, log: LogContents, anchor: bytes) -> bool:
    """True when every page of the main file that the log does not hold is as it was when the log began."""
    now = page_digests(path, log.page_size)
    anchored, current = len(anchor) // _DIGEST, len(now) // _DIGEST
    for page in range(1, max(anchored, current) + 1):
        if page in log.pages:
            continue
        if page > current:  # gone from the file: only a checkpoint that shrank it may have cut it
            if log.final_page_count and page > log.final_page_count:
                continue
            return False
        if page > anchored:  # the file grew, but not from this log
            return False
        if now[(page - 1) * _DIGEST:page * _DIGEST] != anchor[(page - 1) * _DIGEST:page * _DIGEST]:
            return False
    return True
