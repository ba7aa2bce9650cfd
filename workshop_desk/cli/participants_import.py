"""Headless verb: import participants from a spreadsheet (.xlsx or .csv) into a programme file."""

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_desk.cli.command import Command, open_workspace, path_argument
from workshop_desk.domain.importing_text import ENCODINGS
from workshop_desk.i18n import N_, _

if TYPE_CHECKING:
    from workshop_desk.domain.importing_notes import Note

ENCODING_CHOICES = tuple(ENCODINGS)


def _arguments(parser: argparse.ArgumentParser) -> None:
    path_argument(parser)
    parser.add_argument("source", type=Path, metavar="SOURCE", help=_("spreadsheet to import (.xlsx or .csv)"))
    parser.add_argument("--sitting", type=int, metavar="ID",
                        help=_("also mark everyone imported as registered for this sitting (see `list`)"))
    parser.add_argument("--no-new-groups", action="store_true",
                        help=_("leave people whose stakeholder group the programme lacks without a group, "
                               "instead of creating the group"))
    parser.add_argument("--encoding", choices=ENCODING_CHOICES, metavar="ENCODING",
                        help=_("read a CSV file in this encoding ({choices}) rather than the one guessed from "
                               "its bytes").format(choices=", ".join(ENCODING_CHOICES)))


def _warn(note: "Note") -> None:
    """A note on the file, on the error stream; for misread lines, how to choose the encoding."""
    from workshop_desk.domain.importing_notes import NoteKind

    print(_("Warning: {note}").format(note=note), file=sys.stderr)
    if note.kind == NoteKind.ENCODING:
        print(_("To read the file in another encoding, add --encoding and one of: {choices}.").format(
            choices=", ".join(ENCODING_CHOICES)), file=sys.stderr)


def _cmd_import_participants(args: argparse.Namespace) -> int:
    from workshop_desk.domain.importing_plan import summary_lines
    from workshop_desk.services.importing import ImportFailed, import_file

    workspace = open_workspace(args.path, write=True)
    if workspace is None:
        return 1
    try:
        _plan, summary = import_file(workspace.database, args.source, args.sitting, not args.no_new_groups,
                                     args.encoding, _warn)
    except ImportFailed as error:
        print(str(error), file=sys.stderr)
        return 1
    finally:
        workspace.database.close()
    print("\n".join(summary_lines(summary)))
    if not summary.imported:
        print(_("Nothing was imported."), file=sys.stderr)
        return 1
    return 0


COMMANDS = [
    Command(("import", "participants"),
            N_("import participants from a spreadsheet SOURCE (.xlsx or .csv) into PATH"),
            _cmd_import_participants, _arguments),
]
