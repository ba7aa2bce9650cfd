"""The write-ahead log beside a programme file: what it holds, and whether it was written against this file.

SQLite replays whatever `-wal` lies beside a database, and the log's header does not name its database. So after
each checkpoint the app records, as the next transaction, a digest of every page of the main file (the *anchor*):
the first transaction of the new log when the checkpoint emptied it, and also when readers kept it from being
emptied, for SQLite then starts the log afresh at the next write (which is the anchor). Until the next checkpoint, a
page of the main file changes only when the log's own copy of it is folded in; so every page the log does not hold
must still match the anchor. A log left beside another file (an older copy copied over this one, another
programme's log) fails that test and is never replayed. A log that commits nothing (a kill before its first
transaction was whole) replays nothing, and needs no anchor.
"""

import hashlib
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

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
    return LogContents(page_size, frozenset(pages), final)


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
        while page := handle.read(page_size):
            digests += hashlib.blake2b(page, digest_size=_DIGEST).digest()
    return bytes(digests)


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
