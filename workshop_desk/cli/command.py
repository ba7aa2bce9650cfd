"""What a headless verb is, and helpers the verbs share."""

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_desk import i18n
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


def open_workspace(path: Path, write: bool = False) -> "Workspace | None":
    """The programme file opened for a verb, or None after printing why it cannot be. A verb that only reads opens
    it read-only (nothing is written to it or beside it, even while the app has it open); one that writes holds it,
    and takes over a file that a program which stopped on this computer left open."""
    from workshop_desk.paths import backups_dir
    from workshop_desk.services.file_messages import describe_file_error
    from workshop_desk.services.workspace import FileProblem, ProgrammeFileError, Workspace

    try:
        workspace = Workspace.open(path, backups_dir(), read_only=not write)
    except ProgrammeFileError as error:
        if not (error.problem == FileProblem.LEFT_OPEN and error.owner and error.owner.on_this_computer):
            print(describe_file_error(error), file=sys.stderr)
            return None
        print(_("“{name}” had not been closed properly; it is open again, with nothing lost.").format(
            name=path.name), file=sys.stderr)
        workspace = Workspace.open(path, backups_dir(), take_over=True)
    if write and workspace.read_only:
        print(_("“{name}” cannot be written (read-only file or folder): nothing was changed.").format(
            name=path.name), file=sys.stderr)
        workspace.database.close()
        return None
    return workspace


Write = Callable[["Workspace", str], Path]  # (workspace, document language) -> the file written


def write_document(args: argparse.Namespace, write: Write, done: str) -> int:
    """Open the file, write the document, say where; exit status 1 with a sentence when that fails."""
    if not args.out.parent.is_dir():
        print(_("Cannot write {path}: the folder {folder} does not exist.").format(
            path=args.out, folder=args.out.parent), file=sys.stderr)
        return 1
    workspace = open_workspace(args.path)
    if workspace is None:
        return 1
    try:
        written = write(workspace, args.document_language or i18n.language())
    except LookupError:
        print(_("There is no sitting {id} in {path}; `workshop-desk list {path}` shows them.").format(
            id=args.sitting, path=args.path), file=sys.stderr)
        return 1
    except OSError as error:
        print(_("Cannot write {path}: {reason}").format(path=args.out, reason=error.strerror or error), file=sys.stderr)
        return 1
    finally:
        workspace.database.close()
    print(done.format(path=written))
    return 0
