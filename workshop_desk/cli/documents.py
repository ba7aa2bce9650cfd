"""Headless verbs that print documents: badge sheets, attendance sheets and reports, table lists, route cards, the
phones' join card (.docx)."""

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


def _run_when_ready(args: argparse.Namespace, write: Write, done: str) -> int:
    """`write_document` for a document that needs something the sitting may lack (a seating plan, a join code):
    its absence is a sentence, not a traceback."""
    from workshop_desk.services.documents import NotReadyError

    try:
        return write_document(args, write, done)
    except NotReadyError as error:
        print(str(error), file=sys.stderr)
        return 1


def _cmd_tables(args: argparse.Namespace) -> int:
    from workshop_desk.services import documents

    def write(workspace: "Workspace", language: str) -> Path:
        return documents.export_table_lists(workspace, args.sitting, args.out, language)

    return _run_when_ready(args, write, _("Table lists written to {path}"))


def _cmd_routes(args: argparse.Namespace) -> int:
    from workshop_desk.services import documents

    def write(workspace: "Workspace", language: str) -> Path:
        return documents.export_route_cards(workspace, args.sitting, args.out, language)

    return _run_when_ready(args, write, _("Route cards written to {path}"))


def _card_arguments(parser: argparse.ArgumentParser) -> None:
    _common(parser, sitting_required=True)
    parser.add_argument("--host", metavar="ADDR",
                        help=_("the address phones reach this computer at (default: its first network's)"))
    parser.add_argument("--port", type=int, default=8765, metavar="N", help=_("the port phones use (default 8765)"))


def _cmd_join_card(args: argparse.Namespace) -> int:
    from workshop_desk.domain.joining import join_url
    from workshop_desk.server.network import interfaces
    from workshop_desk.services import documents

    def write(workspace: "Workspace", language: str) -> Path:
        code = workspace.phones.settings(args.sitting).join_code
        if code is None:  # made when phones are first switched on: an export writes nothing to the programme
            raise documents.NotReadyError(_("Sitting {id} has no join code yet: switch phones on for it in the console "
                                          "(or run `workshop-desk serve`), then print its card.").format(
                                            id=args.sitting))
        url = join_url(args.host or interfaces()[0].address, args.port, code)
        return documents.export_join_card(workspace, args.sitting, url, args.out, language)

    return _run_when_ready(args, write, _("Join card written to {path}"))


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
    Command(("export", "join-card"),
            N_("write the A4 card that tells the room how to join a sitting from their phones: the Wi-Fi and the "
               "sitting's address as QR codes (.docx)"), _cmd_join_card, _card_arguments),
]
