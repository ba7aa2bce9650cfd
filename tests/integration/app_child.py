"""The first app on a programme, for tests/integration/test_two_apps.py: it opens the file for writing and, without
a window, signs people in through the sign-in desk's command (Document.change) when told.

Usage: app_child.py PATH BACKUPS CHECKPOINT_BYTES; says "ready", waits for "go", opens the file and says "open".
Then, one command per line on stdin: "scan CODE" (answers "confirmed scan PARTICIPANT_ID MILLISECONDS" once the
command has returned) and "quit" (closes the file, answers "closed")."""

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication

from workshop_desk.domain.attendance import SignInOutcome
from workshop_desk.services.workspace import Workspace
from workshop_desk.ui.document import Document


def main() -> None:
    path, backups, checkpoint_bytes = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    app = QGuiApplication([])  # noqa: F841 (Qt objects need it)
    print("ready", flush=True)
    sys.stdin.readline()
    workspace = Workspace.open(path, backups)
    workspace.database.checkpoint_bytes = checkpoint_bytes
    document = Document(workspace)
    sitting = document.sittings()[0].id
    print("open", flush=True)
    for line in sys.stdin:
        words = line.split()
        if words[0] == "scan":
            started = time.perf_counter()
            signed = document.desk.scan(sitting, words[1])
            elapsed = (time.perf_counter() - started) * 1000
            assert signed.outcome == SignInOutcome.SIGNED_IN and signed.participant is not None, signed
            print("confirmed scan", signed.participant.id, f"{elapsed:.1f}", flush=True)
        elif words[0] == "quit":
            workspace.close()
            print("closed", flush=True)
            return


if __name__ == "__main__":
    main()
