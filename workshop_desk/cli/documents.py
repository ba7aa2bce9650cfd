"""Headless verbs that print documents: badge sheets, attendance sheets and attendance reports (.docx)."""

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_desk import i18n
from workshop_desk.cli.command import Command, Write, path_argument, write_document
from workshop_desk.i18n import N_, _

if TYPE_CHECKING:
    from workshop_desk.services.workspace import Workspace

def _common(parser: argparse.ArgumentParser, sitting_required: bool) -> None:
    path_argument(parser)
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.docx", help=_("document to write"))
    # Not `lang`: the top-level --lang (the interface's) would be overwritten by this option's default.
    parser.add_argument("--lang", dest="document_language", choices=i18n.LANGUAGES,
                        help=_("language of the document (default: the interface's)"))
    help_text = _("the sitting (its ID as `list` shows it)") if sitting_required else \
        _("only the people expected at this sitting (its ID as `list` shows it)")
    parser.add_argument("--sitting", type=int, required=sitting_required, metavar="ID", help=help_text)


def _badge_arguments(parser: argparse.ArgumentParser) -> None:
    _common(parser, sitting_required=False)
    parser.add_argument("--per-page", type=int, choices=(8, 10), default=8,
                        help=_("badges per A4 page: 8 (99.1 × 67.7 mm) or 10 (85 × 54 mm); default 8"))


def _sitting_arguments(parser: argparse.ArgumentParser) -> None:
    _common(parser, sitting_required=True)


def _cmd_badges(args: argparse.Namespace) -> int:
    from workshop_desk.services import documents

    def write(workspace: "Workspace", language: str) -> Path:
        ids = None if args.sitting is None else documents.expected_participant_ids(workspace, args.sitting)
        return documents.export_badges(workspace, args.out, language, args.per_page, ids)

    return write_document(args, write, _("Badges written to {path}"))


def _cmd_attendance(args: argparse.Namespace) -> int:
    from workshop_desk.services import documents

    def write(workspace: "Workspace", language: str) -> Path:
        return documents.export_attendance_sheet(workspace, args.sitting, args.out, language)

    return write_document(args, write, _("Attendance sheet written to {path}"))


def _cmd_attendance_report(args: argparse.Namespace) -> int:
    from workshop_desk.services import documents

    def write(workspace: "Workspace", language: str) -> Path:
        return documents.export_attendance_report(workspace, args.sitting, args.out, language)

    return write_document(args, write, _("Attendance report written to {path}"))


def _run_planned(args: argparse.Namespace, write: Write, done: str) -> int:
    """`write_document` for a document of the seating plan: no plan is a sentence, not a traceback."""
    from workshop_desk.services.documents import NoPlanError

    try:
        return write_document(args, write, done)
    except NoPlanError as error:
        print(str(error), file=sys.stderr)
        return 1


def _cmd_tables(args: argparse.Namespace) -> int:
    from workshop_desk.services import documents

    def write(workspace: "Workspace", language: str) -> Path:
        return documents.export_table_lists(workspace, args.sitting, args.out, language)

    return _run_planned(args, write, _("Table lists written to {path}"))


def _cmd_routes(args: argparse.Namespace) -> int:
    from workshop_desk.services import documents

    def write(workspace: "Workspace", language: str) -> Path:
        return documents.export_route_cards(workspace, args.sitting, args.out, language)

    return _run_planned(args, write, _("Route cards written to {path}"))


COMMANDS = [
    Command(("export", "badges"), N_("write the badge sheet of PATH's participants (.docx, A4)"),
            _cmd_badges, _badge_arguments),
    Command(("export", "attendance"), N_("write a sitting's attendance sheet, to be signed (.docx)"),
            _cmd_attendance, _sitting_arguments),
    Command(("export", "attendance-report"), N_("write a sitting's attendance report: counts and who came (.docx)"),
            _cmd_attendance_report, _sitting_arguments),
    Command(("export", "tables"),
            N_("write a sitting's table lists from its seating plan: an overview per round, then a page per table "
               "and round to post on it (.docx)"),
            _cmd_tables, _sitting_arguments),
    Command(("export", "routes"),
            N_("write a route card per seated participant, their table in each round, 8 to a page to cut (.docx)"),
            _cmd_routes, _sitting_arguments),
]
