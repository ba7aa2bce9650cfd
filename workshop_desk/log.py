"""Logging set-up shared by the GUI and the command line: a rotating log file in the user data folder."""

import contextlib
import logging
import logging.handlers
import sys
from pathlib import Path

from workshop_desk.paths import data_dir

LOG_NAME = "workshop-desk.log"
_MAX_BYTES = 1_000_000
_KEPT = 5


def log_file() -> Path:
    """Where the log is written (what "Copy details" points the facilitator to)."""
    return data_dir() / LOG_NAME


def setup_logging(verbose: bool = False, echo: bool = False) -> None:
    """Log warnings and errors (everything when `verbose`) to the rotating log file; `echo` copies them to stderr.
    A folder that cannot be written must not stop the app: then stderr is the only record."""
    handlers: list[logging.Handler] = []
    with contextlib.suppress(OSError):
        handlers.append(logging.handlers.RotatingFileHandler(log_file(), maxBytes=_MAX_BYTES, backupCount=_KEPT,
                                                             encoding="utf-8"))
    if echo or not handlers:
        handlers.append(logging.StreamHandler(sys.stderr))
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=handlers,
        force=True,
    )
