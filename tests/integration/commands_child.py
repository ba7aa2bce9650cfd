"""A console without a window, killed at random by tests/integration/test_crash_commands.py: it works through the
document's commands and prints "confirmed N KIND KEY…" only once a command has returned (saved, pushed, announced).

Usage: commands_child.py PATH BACKUPS CHECKPOINT_BYTES; says "ready" once its imports are done, then waits for
"go N" (the first action number) on stdin. Before opening, it says what the last one left ("found …")."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication

from workshop_desk.domain.ideas import IdeaDraft
from workshop_desk.domain.models import ItemDraft
from workshop_desk.domain.voting import BallotPaper, Mark
from workshop_desk.services.workspace import ProgrammeFileError, Workspace
from workshop_desk.storage import wal
from workshop_desk.storage.header import SCHEMA_VERSION, check_header
from workshop_desk.ui.document import Document

KINDS = ("item", "note", "scan", "vote", "question", "delete")


def found(path: Path) -> str:
    """What the killed child left beside the file: no log, an empty one, one that commits nothing, one that
    commits; and whether the file is shorter than its header says (a checkpoint cut short)."""
    log = wal.wal_path(path)
    if not log.exists():
        return "found no-log"
    if log.stat().st_size < wal.WAL_HEADER:
        return "found empty-log"
    contents = wal.read_log(path)
    header = check_header(path, SCHEMA_VERSION, log_pending=True)
    short = path.stat().st_size < header.page_count * header.page_size
    committed = "committing-log" if contents and contents.final_page_count else "uncommitted-log"
    return f"found {committed}{' short-file' if short else ''}"


def confirm(n: int, *what: object) -> None:
    print("confirmed", n, *what, flush=True)


def main() -> None:
    path, backups, checkpoint_bytes = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    app = QGuiApplication([])  # noqa: F841 (Qt objects need it)
    print("ready", flush=True)
    n = int(sys.stdin.readline().split()[1])  # imports done; the previous child has been killed
    print(found(path), flush=True)
    try:  # the app asks first whether to take over a file left open; a child stands for "yes"
        workspace = Workspace.open(path, backups, take_over=True)
    except ProgrammeFileError as error:
        print(f"refused {error.problem} {error.detail}", flush=True)
        raise
    workspace.database.checkpoint_bytes = checkpoint_bytes
    document = Document(workspace)
    failures: list[str] = []
    document.failed.connect(failures.append)
    work(document, n, failures)


def work(document: Document, n: int, failures: list[str]) -> None:
    workspace = document.workspace
    sitting = document.sittings()[0].id
    ballot = workspace.ballots.for_sitting(sitting)[0]
    present = {pid for pid, a in workspace.attendance.statuses(sitting).items() if a.signed_in_at is not None}
    waiting = [p for p in workspace.participants.all() if p.id not in present]
    for step in range(n, sys.maxsize):
        kind = KINDS[step % len(KINDS)]
        items = document.agenda(sitting).items
        latest = items[-1].id if items else None
        if not items or (kind == "scan" and not waiting):
            kind = "item"
        if kind == "item":
            item = document.add_item(sitting, ItemDraft(f"action {n}", planned_minutes=1),
                                     row=0 if n % 4 == 0 else None)
            confirm(n, "item", item.id)
        elif kind == "note":
            (note,) = document.board.add_notes(sitting, [IdeaDraft(f"note {n}", agenda_item_id=latest)])
            confirm(n, "note", note.id, latest)
        elif kind == "scan":
            person = waiting.pop(0)
            document.desk.scan(sitting, person.badge_code)
            confirm(n, "scan", person.id)
        elif kind == "vote":
            option = ballot.options[n % len(ballot.options)].id
            document.votes.cast(ballot, BallotPaper(f"v{n}", (Mark(option, 1),)))
            confirm(n, "vote", f"v{n}")
        elif kind == "question":
            question = document.questions.add(sitting, f"question {n}", agenda_item_id=latest)
            confirm(n, "question", question.id, latest)
        else:  # delete an item (its notes and questions lose their link), then undo: all of it back
            victim = items[n % len(items)]
            print("deleting", victim.id, flush=True)  # it may be gone after the kill though not confirmed
            document.delete_item(victim.id)
            confirm(n, "delete", victim.id)
            n += 1
            document.undo_stack.undo()
            if failures:
                raise SystemExit(f"undo failed: {failures}")
            confirm(n, "undo", victim.id)
        n += 1


if __name__ == "__main__":
    main()
