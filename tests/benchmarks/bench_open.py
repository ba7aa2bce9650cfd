"""Opening a programme of 30 sittings x 20 agenda items, and reading every agenda, against raw sqlite3."""

import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from workshop_desk.domain.enums import ItemKind
from workshop_desk.domain.models import ItemDraft, ProgrammeDraft, SittingDraft
from workshop_desk.services.workspace import Workspace

SITTINGS, ITEMS, RUNS = 30, 20, 9


def build(path: Path, backups: Path) -> None:
    workspace = Workspace.create(path, ProgrammeDraft("Benchmark"), backups)
    for number in range(SITTINGS):
        sitting = workspace.sittings.create(SittingDraft(f"Séance {number}")).sitting
        for index in range(ITEMS):
            workspace.agenda.add(sitting.id, ItemDraft(f"Point {index}", ItemKind.OTHER, 10))
    workspace.database.close()


def open_and_read(path: Path, backups: Path) -> float:
    started = time.perf_counter()
    workspace = Workspace.open(path, backups)
    for sitting in workspace.sittings.all():
        workspace.sittings.agenda(sitting.id)
    elapsed = time.perf_counter() - started
    workspace.database.close()
    return elapsed


def raw_read(path: Path) -> float:
    started = time.perf_counter()
    with sqlite3.connect(path) as connection:
        for (sitting_id,) in connection.execute("SELECT id FROM sitting ORDER BY position").fetchall():
            connection.execute("SELECT * FROM sitting WHERE id=?", (sitting_id,)).fetchall()
            connection.execute("SELECT * FROM agenda_item WHERE sitting_id=? ORDER BY position",
                               (sitting_id,)).fetchall()
    return time.perf_counter() - started


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="wdesk-bench-"))
    path = folder / "big.wdesk"
    build(path, folder / "backups")
    ours = statistics.median(open_and_read(path, folder / "backups") for _ in range(RUNS))
    raw = statistics.median(raw_read(path) for _ in range(RUNS))
    print(f"open + read {SITTINGS} sittings x {ITEMS} items : {ours * 1000:.1f} ms (median of {RUNS})")
    print(f"bare sqlite3, same reads             : {raw * 1000:.1f} ms")
    print(f"ratio                                : {ours / raw:.1f}")


if __name__ == "__main__":
    main()
