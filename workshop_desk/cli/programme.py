"""Headless verbs on a programme file: demo, check, list."""

import argparse
import sys

from workshop_desk.cli.command import Command, open_workspace
from workshop_desk.i18n import N_, _


def _cmd_demo(args: argparse.Namespace) -> int:
    from workshop_desk.paths import backups_dir
    from workshop_desk.services.demo import build_demo

    if args.path.exists():
        print(_("{path} already exists; choose another name.").format(path=args.path), file=sys.stderr)
        return 1
    build_demo(args.path, backups_dir()).database.close()
    print(_("Demo programme written to {path}").format(path=args.path))
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from workshop_desk.services.checking import check_file

    result = check_file(args.path)
    print(f"{'ok' if result.ok else 'error'}: {args.path}: {result.message}")
    return 0 if result.ok else 1


def _cmd_list(args: argparse.Namespace) -> int:
    workspace = open_workspace(args.path)
    if workspace is None:
        return 1
    try:
        for sitting in workspace.sittings.all():
            day = sitting.date.isoformat() if sitting.date else ""
            print(f"{sitting.id}\t{day}\t{sitting.kind}\t{sitting.title}")
    finally:
        workspace.database.close()
    return 0


COMMANDS = [
    Command(("demo",), N_("write the demo programme to PATH"), _cmd_demo),
    Command(("check",), N_("check a programme file's integrity and schema"), _cmd_check),
    Command(("list",), N_("list a programme's sittings: ID, date, kind, title"), _cmd_list),
]
