"""What a headless verb is, and helpers the verbs share."""

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_desk.i18n import _

if TYPE_CHECKING:
    from workshop_desk.services.workspace import Workspace


def path_argument(parser: argparse.ArgumentParser) -> None:
    """The programme file every verb works on."""
    parser.add_argument("path", type=Path, metavar="PATH", help=_("programme file (.wdesk)"))


@dataclass(frozen=True)
class Command:
    """A verb such as `check` or `import participants`: its words, help, handler and arguments."""

    words: tuple[str, ...]
    help: str  # untranslated (N_); shown through _()
    run: Callable[[argparse.Namespace], int]
    arguments: Callable[[argparse.ArgumentParser], None] = path_argument


def open_workspace(path: Path) -> "Workspace | None":
    """The programme file opened for a verb, or None after printing why it cannot be."""
    from workshop_desk.paths import backups_dir
    from workshop_desk.services.workspace import ProgrammeFileError, Workspace, describe_file_error

    try:
        return Workspace.open(path, backups_dir())
    except ProgrammeFileError as error:
        print(describe_file_error(error), file=sys.stderr)
        return None
