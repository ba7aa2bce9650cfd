"""Headless verb: serve a sitting's phones from this computer until interrupted (no console needed)."""

import argparse
import signal
import sys
import threading

from workshop_desk.cli.command import Command, open_workspace, path_argument
from workshop_desk.i18n import N_, _


def _arguments(parser: argparse.ArgumentParser) -> None:
    path_argument(parser)
    parser.add_argument("--sitting", type=int, required=True, metavar="ID", help=_("the sitting's number"))
    parser.add_argument("--host", default="0.0.0.0", metavar="ADDR",
                        help=_("address to listen on (default: every interface)"))
    parser.add_argument("--port", type=int, default=8765, metavar="N", help=_("port (default 8765, or the next free)"))


def _cmd_serve(args: argparse.Namespace) -> int:
    from workshop_desk.server.network import interfaces
    from workshop_desk.server.runner import ParticipantServer, ServerError

    workspace = open_workspace(args.path, write=True)
    if workspace is None:
        return 1
    try:
        settings = workspace.phones.settings(args.sitting)
        if settings.join_code is None:
            workspace.phones.new_join_code(args.sitting)
        if not settings.enabled:
            workspace.phones.set_enabled(args.sitting, True)
        server = ParticipantServer(workspace, args.sitting, args.host, args.port)
        try:
            url = server.start()
        except ServerError as error:
            print(_("The participant server could not start: {reason}").format(reason=error), file=sys.stderr)
            return 1
        if args.host == "0.0.0.0":  # the address phones type: the first interface that is not loopback
            url = url.replace("0.0.0.0", interfaces()[0].address, 1)
        print(_("Participants: {url}").format(url=url), flush=True)
        _wait_for_a_signal()
        server.stop()
    except LookupError:
        print(_("There is no sitting {id} in {path}; `workshop-desk list {path}` shows them.").format(
            id=args.sitting, path=args.path), file=sys.stderr)
        return 1
    finally:
        workspace.close()
    return 0


def _wait_for_a_signal() -> None:
    stopping = threading.Event()
    for name in ("SIGINT", "SIGTERM"):
        signal.signal(getattr(signal, name), lambda *_args: stopping.set())
    while not stopping.wait(0.5):
        pass


COMMANDS = [Command(("serve",), N_("serve a sitting's participant page to the room's phones until interrupted"),
                    _cmd_serve, _arguments)]
