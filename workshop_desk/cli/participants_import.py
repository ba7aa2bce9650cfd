"""Headless verb: import participants from a spreadsheet (.xlsx or .csv) into a programme file."""

import argparse
import sys
from pathlib import Path

from workshop_desk.cli.command import Command, open_workspace, path_argument
from workshop_desk.i18n import N_, _


def _arguments(parser: argparse.ArgumentParser) -> None:
    path_argument(parser)
    parser.add_argument("source", type=Path, metavar="SOURCE", help=_("spreadsheet to import (.xlsx or .csv)"))
    parser.add_argument("--sitting", type=int, metavar="ID",
                        help=_("also mark everyone imported as registered for this sitting (see `list`)"))
    parser.add_argument("--no-new-groups", action="store_true",
                        help=_("leave people whose stakeholder group the programme lacks without a group, "
                               "instead of creating the group"))


def _cmd_import_participants(args: argparse.Namespace) -> int:
    from workshop_desk.domain.importing_plan import summary_lines
    from workshop_desk.services.importing import ImportFailed, import_file

    workspace = open_workspace(args.path, write=True)
    if workspace is None:
        return 1
    try:
        _plan, summary = import_file(workspace.database, args.source, args.sitting, not args.no_new_groups)
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
