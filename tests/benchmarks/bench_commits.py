"""Confirmed actions per second through the command layer (Document.change: commit, undo step, signal), against
bare sqlite3 commits (one INSERT per transaction, WAL, synchronous=FULL) on the same disk. Goal ≥ 25 % of bare.

    python tests/benchmarks/bench_commits.py [--profile KIND] [--folder DIR] [--triggers-cost]

Each kind of action runs alone for the same number of actions: badge scans at the sign-in desk among 800 people,
notes typed one at a time on the board (300 of them; placed by the board page as it does, or left to the service
to place), agenda edits in ten workshops of 10 to 20 items (add, retime, move). `--profile scan` prints where a scan's
time goes (cProfile, cumulative). `--folder` puts the files on another disk (a USB stick). `--triggers-cost` runs
each kind with and without the triggers that keep rows ready to travel between laptops, and prints what they add."""

import argparse
import cProfile
import os
import pstats
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtGui import QGuiApplication

from workshop_desk.domain.capture import capture_slots
from workshop_desk.domain.enums import AttendanceStatus
from workshop_desk.domain.ideas import Idea, IdeaDraft
from workshop_desk.domain.models import ItemDraft, ParticipantDraft, ProgrammeDraft, SittingDraft
from workshop_desk.services.workspace import Workspace
from workshop_desk.storage.sync_schema import travelling_tables
from workshop_desk.storage.sync_sql import drop_triggers
from workshop_desk.ui.document import Document

PEOPLE, WORKSHOPS, ITEMS, ACTIONS, RUNS, GOAL = 800, 10, 10, 300, 5, 0.25


def bare(folder: Path) -> float:
    """Commits per second of the simplest possible writer: one INSERT per transaction."""
    path = folder / "bare.sqlite"
    for leftover in folder.glob("bare.sqlite*"):
        leftover.unlink()
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("CREATE TABLE action (id INTEGER PRIMARY KEY, sitting INTEGER, text TEXT, at TEXT)")
        started = time.perf_counter()
        for n in range(ACTIONS):
            connection.execute("BEGIN")
            connection.execute("INSERT INTO action (sitting, text, at) VALUES (?, ?, datetime('now'))",
                               (1, f"note {n}"))
            connection.execute("COMMIT")
        return ACTIONS / (time.perf_counter() - started)


def build(folder: Path, triggers: bool = True) -> Path:
    """A seminar: 800 people expected at its opening sitting, an empty board there; ten workshops of ten items.
    Without `triggers`: those that keep rows ready to travel between laptops dropped (to measure what they cost)."""
    path = folder / "seminar.wdesk"
    for leftover in folder.glob("seminar.wdesk*"):
        leftover.unlink()
    workspace = Workspace.create(path, ProgrammeDraft("Séminaire régional"), folder / "backups")
    sitting = workspace.sittings.create(SittingDraft("Séminaire de lancement")).sitting
    people = workspace.participants.add_many([ParticipantDraft(f"Prénom{n}", f"Nom{n}", organisation=f"Structure {n}")
                                              for n in range(PEOPLE)])
    workspace.attendance.set_status(sitting.id, [p.id for p in people], AttendanceStatus.REGISTERED)
    for number in range(WORKSHOPS):
        workshop = workspace.sittings.create(SittingDraft(f"Atelier {number + 1}")).sitting
        for item in range(ITEMS):
            workspace.agenda.add(workshop.id, ItemDraft(f"Point {item + 1}", planned_minutes=10))
    workspace.database.close()
    if not triggers:
        with closing(sqlite3.connect(path)) as connection:
            for table in travelling_tables():
                for statement in drop_triggers(table.name):
                    connection.execute(statement)
            assert connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").fetchone()[0] == 0
            connection.commit()
    return path


Command = Callable[[], object]


def scans(document: Document) -> Callable[[int], Command]:
    sitting = document.sittings()[0].id
    codes = [p.badge_code for p in document.participants()]
    return lambda n: lambda: document.desk.scan(sitting, codes[n])


def notes(document: Document) -> Callable[[int], Command]:
    """Typed in the board page's capture bar: the page places the note (from the notes it shows, not timed)."""
    sitting = document.sittings()[0].id
    shown: list[Idea] = []

    def command(n: int) -> Command:
        place = capture_slots(shown, [], 1)
        return lambda: shown.extend(document.board.add_notes(sitting, [IdeaDraft(f"Une idée de plus, la {n}e")],
                                                             place))

    return command


def unplaced_notes(document: Document) -> Callable[[int], Command]:
    """Given without a place (as from a phone): the service finds the first free cell below the themes."""
    sitting = document.sittings()[0].id
    return lambda n: lambda: document.board.add_notes(sitting, [IdeaDraft(f"Une idée de plus, la {n}e")])


def agenda(document: Document) -> Callable[[int], Command]:
    """In turn through the workshops: add an item at the end, retime one, move one up (agendas grow 10 → 20)."""
    workshops = [sitting.id for sitting in document.sittings()[1:]]

    def command(n: int) -> Command:
        workshop = workshops[n % len(workshops)]
        if n % 3 == 0:
            return lambda: document.add_item(workshop, ItemDraft(f"Point ajouté {n}", planned_minutes=10))
        items = document.agenda(workshop).items  # what the agenda page shows: read before, not timed
        item = items[n % len(items)]
        if n % 3 == 1:
            return lambda: document.update_item(item, ItemDraft(f"{item.title} (retimed)", planned_minutes=15))
        return lambda: document.move_item(workshop, item.id, item.position - 1 if item.position else 1)

    return command


KINDS = {"scan": scans, "note": notes, "note (unplaced)": unplaced_notes, "agenda": agenda}


def ours(folder: Path, kind: str, profile: bool = False, triggers: bool = True) -> float:
    """Actions per second of one kind, each through its console command, on a freshly built programme; only the
    commands are timed (not what the bench reads to choose them)."""
    workspace = Workspace.open(build(folder, triggers), folder / "backups")
    document = Document(workspace)
    prepare = KINDS[kind](document)
    profiler = cProfile.Profile()
    elapsed = 0.0
    for n in range(ACTIONS):
        command = prepare(n)
        started = time.perf_counter()
        if profile:
            profiler.runcall(command)
        else:
            command()
        elapsed += time.perf_counter() - started
    assert document.undo_stack.count() == ACTIONS
    workspace.database.close()
    if profile:
        pstats.Stats(profiler).sort_stats(os.environ.get("BENCH_SORT", "cumulative")).print_stats(40)
    return ACTIONS / elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile", choices=sorted(KINDS))
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--triggers-cost", action="store_true",
                        help="each kind with and without the triggers that keep rows ready to travel")
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="wdesk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (the undo stack needs it)
    if args.profile:
        ours(folder, args.profile, profile=True)
        return
    if args.triggers_cost:
        triggers_cost(folder)
        return
    rates: dict[str, list[float]] = {"bare": [], **{kind: [] for kind in KINDS}}
    for _run in range(RUNS):  # in turn, so that the disk's moods fall on all of them alike
        rates["bare"].append(bare(folder))
        for kind in KINDS:
            rates[kind].append(ours(folder, kind))
    baseline = statistics.median(rates["bare"])
    print(f"bare sqlite3, one INSERT per commit (WAL, synchronous=FULL): {baseline:7.1f} commits/s "
          f"(median of {RUNS} runs of {ACTIONS})")
    for kind in KINDS:
        rate = statistics.median(rates[kind])
        verdict = "ok" if rate >= GOAL * baseline else "below the goal"
        print(f"{kind:>15} through Document.change: {rate:7.1f} actions/s = {rate / baseline:5.1%} of bare "
              f"(goal >= {GOAL:.0%}: {verdict})")

def triggers_cost(folder: Path) -> None:
    """What the triggers of migration 0006 (change stamps, deletion markers) cost ordinary writes: each kind run
    with and without them, in turn."""
    for kind in KINDS:
        rates: dict[bool, list[float]] = {True: [], False: []}
        for _run in range(RUNS):
            for triggers in (True, False):
                rates[triggers].append(ours(folder, kind, triggers=triggers))
        with_them, without = statistics.median(rates[True]), statistics.median(rates[False])
        print(f"{kind:>15}: {with_them:7.1f} actions/s with the triggers, {without:7.1f} without "
              f"({without / with_them - 1:+.1%} time per action with them; median of {RUNS} runs of {ACTIONS})")


if __name__ == "__main__":
    main()
