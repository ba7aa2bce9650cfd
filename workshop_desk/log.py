"""Logging set-up shared by the GUI and the command line."""

import contextlib
import logging
import sys

from workshop_desk.paths import data_dir


def setup_logging(verbose: bool = False) -> None:
    """Log to stderr and to a file in the user data folder."""
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    with contextlib.suppress(OSError):  # a read-only home must not stop the app
        handlers.append(logging.FileHandler(data_dir() / "workshop-desk.log", encoding="utf-8"))
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=handlers,
        force=True,
    )
