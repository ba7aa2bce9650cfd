"""Headless verbs that write the deliverables: the Word minutes and the Excel synthesis, of a sitting or of the
whole programme."""

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_desk import i18n
from workshop_desk.cli.command import Command, path_argument, write_document
from workshop_desk.i18n import N_, _

if TYPE_CHECKING:
    from workshop_desk.services.workspace import Workspace


def _arguments(parser: argparse.ArgumentParser, suffix: str) -> None:
    path_argument(parser)
    parser.add_argument("--out", type=Path, required=True, metavar=f"FILE{suffix}", help=_("document to write"))
    parser.add_argument("--sitting", type=int, metavar="ID",
                        help=_("only this sitting (its ID as `list` shows it); default: the whole programme"))
    # Not `lang`: the top-level --lang (the interface's) would be overwritten by this option's default.
    parser.add_argument("--lang", dest="document_language", choices=i18n.LANGUAGES,
                        help=_("language of the document (default: the interface's)"))
    parser.add_argument("--anonymise", action="store_true",
                        help=_("leave names out: attendance as counts only, and no one named as asking or speaking "
                               "even where the programme names contributions"))


def _minutes_arguments(parser: argparse.ArgumentParser) -> None:
    _arguments(parser, ".docx")


def _synthesis_arguments(parser: argparse.ArgumentParser) -> None:
    _arguments(parser, ".xlsx")


def _run(args: argparse.Namespace, kind: str) -> int:
    from workshop_desk.domain.report import ReportOptions
    from workshop_desk.services import deliverables

    options = ReportOptions(anonymise=args.anonymise)
    export = deliverables.export_minutes if kind == "minutes" else deliverables.export_synthesis

    def write(workspace: "Workspace", language: str) -> Path:
        return export(workspace, args.out, language, args.sitting, options)

    done = _("Minutes written to {path}") if kind == "minutes" else _("Synthesis written to {path}")
    return write_document(args, write, done)


def _cmd_minutes(args: argparse.Namespace) -> int:
    return _run(args, "minutes")


def _cmd_synthesis(args: argparse.Namespace) -> int:
    return _run(args, "synthesis")


COMMANDS = [
    Command(("export", "minutes"),
            N_("write the minutes of a sitting, or the report of the whole programme: attendance, agenda as run, "
               "contributions, votes, priorities, action plan and annexes (.docx)"),
            _cmd_minutes, _minutes_arguments),
    Command(("export", "synthesis"),
            N_("write the synthesis of a sitting or of the whole programme: key figures, attendance, ideas, votes, "
               "results, priorities, action plan and timings as Excel tables and charts (.xlsx)"),
            _cmd_synthesis, _synthesis_arguments),
]
