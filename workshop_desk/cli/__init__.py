"""Command line: the headless verbs (one module each under `cli/`) and the options that start the app."""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_desk import __version__, i18n
from workshop_desk.i18n import _

if TYPE_CHECKING:
    from workshop_desk.cli.command import Command

STARTED = time.perf_counter()  # the smoke test reports the seconds from here to a console that takes input


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
                        help=_("open the main window on the first file (as without this option), print how many "
                               "seconds it took until it takes input, and quit"))
    parser.add_argument("--screenshot", type=Path, metavar="DIR",
                        help=_("render the console and the projector offscreen to PNG files in DIR"))
    parser.add_argument("--size", type=_size, default=(1280, 720), metavar="WxH",
                        help=_("window size for --screenshot (default 1280x720)"))
    return parser


# The first word of every headless verb: deciding between a verb and the app must not import the verbs'
# modules (the app's first window waits for it). A test checks that it matches `commands()`.
VERBS = frozenset({"demo", "check", "list", "import", "export", "plan", "results", "serve", "package"})

# Modules under workshop_desk/cli/ that define headless verbs (a COMMANDS list each).
COMMAND_MODULES = ("programme", "participants_import", "documents", "voting", "tables", "deliverables", "serve",
                   "packages")


def commands() -> list[Command]:
    """Every headless verb."""
    found: list[Command] = []
    for name in COMMAND_MODULES:
        found += importlib.import_module(f"workshop_desk.cli.{name}").COMMANDS
    return found


def command_parser() -> argparse.ArgumentParser:
    """The headless verbs, nested by their words ('export badges')."""
    parser = argparse.ArgumentParser(prog="workshop-desk")
    parser.add_argument("--lang", choices=i18n.LANGUAGES)
    top = parser.add_subparsers(dest="command", required=True)
    groups: dict[tuple[str, ...], argparse._SubParsersAction] = {(): top}
    for command in commands():
        for depth in range(1, len(command.words)):
            prefix = command.words[:depth]
            if prefix not in groups:
                holder = groups[prefix[:-1]].add_parser(prefix[-1])
                groups[prefix] = holder.add_subparsers(dest="_".join(prefix), required=True)
        verb = groups[command.words[:-1]].add_parser(command.words[-1], help=_(command.help))
        command.arguments(verb)
        verb.set_defaults(handler=command.run)
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


def _run_verb(args: argparse.Namespace) -> int:
    """A verb, with its errors logged; a file or a disk that refuses a change is told in a sentence, exit 1."""
    from workshop_desk.log import setup_logging
    from workshop_desk.storage.errors import StorageError

    setup_logging()
    try:
        return int(args.handler(args))
    except StorageError as error:
        from workshop_desk.services.file_messages import describe_storage_error

        print(describe_storage_error(error), file=sys.stderr)
        return 1


def main(argv: list[str] | None = None) -> int:
    """Run a headless verb, or start the desktop app."""
    argv = sys.argv[1:] if argv is None else argv
    if _verb(argv) in VERBS:
        args = command_parser().parse_args(argv)
        i18n.set_language(args.lang or i18n.system_language())
        return _run_verb(args)
    i18n.set_language(i18n.system_language())  # for --help; the app then applies the user's choice
    options = gui_parser().parse_args(argv)
    from workshop_desk.ui.app import run_app

    return run_app(options, STARTED)
