"""Creates programmes one after another until tests/integration/test_crash_creation.py kills it: each file is
created, given a sitting, and closed (with its first backup), as the facilitator does with File › New.

Usage: creation_child.py FOLDER BACKUPS; says "ready" once its imports are done, then waits for "go K" on stdin and
creates "programme K.wdesk", "programme K+1.wdesk"…, saying "created K" once Workspace.create has returned."""

import sys
from pathlib import Path

from workshop_desk.domain.models import ProgrammeDraft, SittingDraft
from workshop_desk.services.workspace import Workspace


def main() -> None:
    folder, backups = Path(sys.argv[1]), Path(sys.argv[2])
    print("ready", flush=True)
    first = int(sys.stdin.readline().split()[1])
    for k in range(first, sys.maxsize):
        print("creating", k, flush=True)
        workspace = Workspace.create(folder / f"programme {k}.wdesk", ProgrammeDraft(f"Démarche {k}"), backups)
        print("created", k, flush=True)
        workspace.sittings.create(SittingDraft(f"Séance de lancement {k}"))
        print("sitting", k, flush=True)
        workspace.close()
        print("closed", k, flush=True)


if __name__ == "__main__":
    main()
