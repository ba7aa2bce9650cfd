"""Running part of a test as an ordinary user, so that file permissions hold even when the tests run as root (root
may write a file marked read-only, and read one marked unreadable)."""

import os
import pickle
import shutil
import tempfile
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import pytest

T = TypeVar("T")
NOBODY = 65534  # the unprivileged user and group of Debian and most Linux systems


def running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def as_ordinary_user(function: Callable[[], T]) -> T:
    """`function()`'s result, computed by an ordinary user: in this process when it is not root's; else in a forked
    child that gave root up for good (the test is skipped, saying why, if root cannot). The result must pickle; an
    exception comes back as an AssertionError that carries the child's traceback."""
    if not running_as_root():
        return function()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: whatever happens, it never returns into the test run
        try:
            os.close(read)
            with os.fdopen(write, "wb") as pipe:
                pipe.write(_answer(_in_child(function)))
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    state, value = pickle.loads(data) if data else ("failed", "the child process died without an answer")
    if state == "cannot":
        pytest.skip(f"running as root, and root cannot become an ordinary user here ({value}): file permissions "
                    "cannot be tested")
    if state == "failed":
        raise AssertionError(f"as an ordinary user:\n{value}")
    return value  # type: ignore[return-value]


def _answer(outcome: tuple[str, object]) -> bytes:
    try:
        return pickle.dumps(outcome)
    except Exception:  # a result that does not pickle
        return pickle.dumps(("failed", traceback.format_exc()))


def _in_child(function: Callable[[], T]) -> tuple[str, object]:
    try:
        os.setgroups([])
        os.setgid(NOBODY)
        os.setuid(NOBODY)
    except OSError as error:
        return "cannot", str(error)
    try:
        return "done", function()
    except BaseException:  # everything goes back to the parent
        return "failed", traceback.format_exc()


@contextmanager
def shared_folder() -> Iterator[Path]:
    """A new folder that an ordinary user may enter and write in (pytest's own folders are root's alone when the
    tests run as root); removed afterwards, whatever its permissions became."""
    folder = Path(tempfile.mkdtemp(prefix="wdesk-perm-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        for path in (folder, *folder.rglob("*")):
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o777)
        shutil.rmtree(folder, ignore_errors=True)
