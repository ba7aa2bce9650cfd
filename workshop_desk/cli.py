"""Command line: headless verbs (demo, check, list) and the options that start the app."""

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from workshop_desk import __version__, i18n
from workshop_desk.i18n import N_, _

STARTED = time.perf_counter()  # the smoke test reports the seconds from here to the first window


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, got {text!r}") from exc
    return width, height


def gui_parser() -> argparse.ArgumentParser:
    """Options of the desktop app itself."""
    parser = argparse.ArgumentParser(prog="workshop-desk", description=_("Run live participatory workshops."))
    parser.add_argument("file", nargs="?", type=Path, help=_("programme file (.wdesk) to open"))
    parser.add_argument("--version", action="version", version=f"workshop-desk {__version__}")
    parser.add_argument("--demo", action="store_true", help=_("open the built-in demo programme"))
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help=_("language of the interface"))
    parser.add_argument("--smoke-test", action="store_true",
                        help=_("open the main window, print how many seconds it took to appear, and quit"))
    parser.add_argument("--screenshot", type=Path, metavar="DIR",
                        help=_("render the console and the projector offscreen to PNG files in DIR"))
    parser.add_argument("--size", type=_size, default=(1280, 720), metavar="WxH",
                        help=_("window size for --screenshot (default 1280x720)"))
    return parser


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
    from workshop_desk.paths import backups_dir
    from workshop_desk.services.workspace import ProgrammeFileError, Workspace, describe_file_error

    try:
        workspace = Workspace.open(args.path, backups_dir())
    except ProgrammeFileError as error:
        print(describe_file_error(error), file=sys.stderr)
        return 1
    try:
        for sitting in workspace.sittings.all():
            day = sitting.date.isoformat() if sitting.date else ""
            print(f"{sitting.id}\t{day}\t{sitting.kind}\t{sitting.title}")
    finally:
        workspace.database.close()
    return 0


COMMANDS: dict[str, tuple[str, Callable[[argparse.Namespace], int]]] = {
    "demo": (N_("write the demo programme to PATH"), _cmd_demo),
    "check": (N_("check a programme file's integrity and schema"), _cmd_check),
    "list": (N_("list a programme's sittings: ID, date, kind, title"), _cmd_list),
}


def command_parser() -> argparse.ArgumentParser:
    """The headless verbs."""
    parser = argparse.ArgumentParser(prog="workshop-desk")
    parser.add_argument("--lang", choices=i18n.LANGUAGES)
    verbs = parser.add_subparsers(dest="command", required=True)
    for name, (help_text, handler) in COMMANDS.items():
        verb = verbs.add_parser(name, help=_(help_text))
        verb.add_argument("path", type=Path, metavar="PATH")
        verb.set_defaults(handler=handler)
    return parser


def _verb(argv: list[str]) -> str | None:
    """The first word that is neither an option nor the value of `--lang` ('--lang fr check F')."""
    words = iter(argv)
    for word in words:
        if word == "--lang":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def main(argv: list[str] | None = None) -> int:
    """Run a headless verb, or start the desktop app."""
    argv = sys.argv[1:] if argv is None else argv
    if _verb(argv) in COMMANDS:
        args = command_parser().parse_args(argv)
        if args.lang:
            i18n.set_language(args.lang)
        return int(args.handler(args))
    options = gui_parser().parse_args(argv)
    from workshop_desk.ui.app import run_app

    return run_app(options, STARTED)
