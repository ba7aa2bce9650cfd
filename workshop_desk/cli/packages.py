"""Headless verbs: sitting packages — prepare laptops, open one on a laptop, export a laptop's work, import it back."""

import argparse
import sys
from pathlib import Path

from workshop_desk.cli.command import Command, open_workspace, path_argument
from workshop_desk.i18n import N_, _


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    path_argument(parser)
    parser.add_argument("--sitting", type=int, action="append", required=True, metavar="ID",
                        help=_("a sitting to put in the package (see `list`); repeat for several"))
    parser.add_argument("--out", type=Path, required=True, metavar="FILE", help=_("package to write (.wdpack)"))


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    path_argument(parser)
    parser.add_argument("packages", type=Path, nargs="+", metavar="FILE", help=_("packages to import (.wdpack)"))


def _prepare_arguments(parser: argparse.ArgumentParser) -> None:
    path_argument(parser)
    parser.add_argument("--laptop", nargs="+", action="append", required=True, metavar=("NAME", "ID"),
                        help=_("a laptop's name (its facilitator) followed by the ids of its sittings; repeat for "
                               "each laptop"))
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help=_("folder to write the packages to"))


def _open_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("package", type=Path, metavar="FILE", help=_("package prepared for this laptop (.wdpack)"))
    parser.add_argument("--out", type=Path, required=True, metavar="PATH", help=_("programme file to make (.wdesk)"))


def _cmd_export(args: argparse.Namespace) -> int:
    workspace = open_workspace(args.path, write=False)
    if workspace is None:
        return 1
    try:
        known = {sitting.id for sitting in workspace.sittings.all()}
        missing = [str(i) for i in args.sitting if i not in known]
        if missing:
            print(_("No sitting with id {ids} in this programme (see `list`).").format(ids=", ".join(missing)),
                  file=sys.stderr)
            return 1
        written = workspace.packages.export(args.sitting, args.out)
    finally:
        workspace.database.close()
    print(_("Package written: {path} ({sittings}).").format(path=args.out, sittings=", ".join(written.sittings)))
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from workshop_desk.storage.errors import StorageError

    workspace = open_workspace(args.path, write=True)
    if workspace is None:
        return 1
    checked = workspace.packages.check(args.packages)
    try:
        for refusal in checked.refused:
            print(refusal.sentence(), file=sys.stderr)
        if not checked.usable:
            print(_("Nothing was imported."), file=sys.stderr)
            return 1
        reports = workspace.packages.import_packages(checked.usable)
    except StorageError as error:
        from workshop_desk.services.file_messages import describe_storage_error

        print(describe_storage_error(error), file=sys.stderr)
        return 1
    finally:
        checked.discard()
        workspace.database.close()
    for report in reports:
        print(report.sentence())
    return 0


def _cmd_prepare(args: argparse.Namespace) -> int:
    from workshop_desk.domain.packages import LaptopPlan

    try:
        plans = [LaptopPlan(words[0], tuple(int(word) for word in words[1:])) for words in args.laptop]
    except ValueError:
        print(_("After a laptop's name, give the ids of its sittings (see `list`)."), file=sys.stderr)
        return 1
    workspace = open_workspace(args.path, write=True)
    if workspace is None:
        return 1
    try:
        written = workspace.packages.prepare(plans, args.out)
    finally:
        workspace.database.close()
    for path in written:
        print(_("Package written: {path}").format(path=path))
    return 0


def _cmd_open(args: argparse.Namespace) -> int:
    from workshop_desk.services.packages import RefusedError, open_package

    try:
        opened = open_package(args.package, args.out)
    except RefusedError as error:
        print(str(error), file=sys.stderr)
        return 1
    except FileExistsError:
        print(_("“{name}” already exists: choose another name.").format(name=args.out.name), file=sys.stderr)
        return 1
    print(_("Programme file made for {laptop}: {path} ({sittings}).").format(
        laptop=opened.laptop_name, path=args.out, sittings=", ".join(opened.sittings)))
    return 0


COMMANDS = [
    Command(("package", "export"), N_("write the work of sittings of PATH to a package, to import elsewhere"),
            _cmd_export, _export_arguments),
    Command(("package", "import"), N_("import packages FILE… from other laptops into PATH (one transaction)"),
            _cmd_import, _import_arguments),
    Command(("package", "prepare"), N_("write one package per laptop, each with its sittings, for parallel sittings"),
            _cmd_prepare, _prepare_arguments),
    Command(("package", "open"), N_("make a programme file from a package prepared for this laptop"),
            _cmd_open, _open_arguments),
]
