"""Importing six laptops' packages into the lead's file: 150 people, 500 ideas and 3,000 votes each, goal ≤ 5 s.

    python tests/benchmarks/bench_packages.py [--runs N] [--profile] [--folder DIR]

Each laptop holds the registry of 120 people and 30 walk-ins, signs the 150 in, captures 500 ideas and runs four dot
votes of 150 papers (3,000 votes). What is timed is what the lead waits for: the packages checked (read whole,
checksums), the walk-ins' review planned, and the import (one transaction). The baseline is bare sqlite3 reading the
same packages' rows and inserting them with one `executemany` per table into a copy of the lead's file, in one
transaction: what any import of these rows must at least pay."""

import argparse
import cProfile
import os
import pstats
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.factories import programme_draft, sitting_draft
from workshop_desk.domain.enums import AttendanceStatus, BallotMethod
from workshop_desk.domain.ideas import IdeaDraft
from workshop_desk.domain.models import ParticipantDraft
from workshop_desk.domain.packages import LaptopPlan
from workshop_desk.domain.voting import BallotPaper, Mark
from workshop_desk.services.packages import open_package
from workshop_desk.services.workspace import Workspace
from workshop_desk.storage.merging import shapes
from workshop_desk.storage.sync_sql import drop_triggers

LAPTOPS, REGISTRY, WALK_INS, IDEAS, BALLOTS, OPTIONS, DOTS = 6, 120, 30, 500, 4, 10, 5
GOAL = 5.0


def build(folder: Path) -> tuple[Path, list[Path]]:
    """The lead's file (after preparing the laptops) and the six packages the laptops bring back."""
    folder = folder / "built"
    shutil.rmtree(folder, ignore_errors=True)
    lead = Workspace.create(folder / "lead.wdesk", programme_draft(title="Séminaire"), folder / "backups")
    lead.participants.add_many([ParticipantDraft(f"Prénom{n}", f"Nom{n}", organisation=f"Structure {n % 17}",
                                                 email=f"p{n}@exemple.fr") for n in range(REGISTRY)])
    sittings = [lead.sittings.create(sitting_draft(title=f"Atelier {n + 1}")).sitting.id for n in range(LAPTOPS)]
    handouts = lead.packages.prepare([LaptopPlan(f"Portable {n + 1}", (sitting,))
                                      for n, sitting in enumerate(sittings)], folder / "stick")
    lead.close()
    return lead.path, [_laptop(folder, n, handout) for n, handout in enumerate(handouts)]


def _laptop(folder: Path, n: int, handout: Path) -> Path:
    path = folder / f"laptop{n}.wdesk"
    open_package(handout, path)
    ws = Workspace.open(path, folder / "backups")
    try:
        sitting = ws.sittings.all()[0].id
        ws.participants.add_many([ParticipantDraft(f"Invité{k}", f"Portable{n}", organisation="Riverains")
                                  for k in range(WALK_INS)])
        people = [p.id for p in ws.participants.all()]
        ws.attendance.set_status(sitting, people, AttendanceStatus.PRESENT)
        ideas = ws.ideas.add_many(sitting, [IdeaDraft(f"Idée {k} de l'atelier {n}") for k in range(IDEAS)])
        for b in range(BALLOTS):
            ballot = ws.ballots.create(sitting, f"Vote {b}", BallotMethod.DOTS,
                                       idea_ids=[i.id for i in ideas[b * OPTIONS:(b + 1) * OPTIONS]])
            ws.ballots.open(ballot.id)
            options = [o.id for o in ballot.options]
            ws.ballots.cast_many(ballot.id, [
                BallotPaper("", tuple(Mark(options[(p + k) % OPTIONS], 1) for k in range(DOTS)), participant_id=p)
                for p in people])
            ws.ballots.close(ballot.id)
        back = folder / f"retour{n}.wdpack"
        ws.packages.export([sitting], back)
        return back
    finally:
        ws.close()


def ours(lead: Path, packages: list[Path], folder: Path, profile: bool = False) -> tuple[float, float, dict]:
    """Seconds to check, review and import the six into a fresh copy of the lead's file (and the import alone)."""
    path = _fresh_copy(lead, folder)
    ws = Workspace.open(path, folder / "backups")
    profiler = cProfile.Profile() if profile else None
    try:
        if profiler:
            profiler.enable()
        started = time.perf_counter()
        checked = ws.packages.check(packages)
        walk_ins = ws.packages.walk_ins(checked.usable)
        importing = time.perf_counter()
        reports = ws.packages.import_packages(checked.usable, walk_ins)
        done = time.perf_counter()
        if profiler:
            profiler.disable()
            pstats.Stats(profiler).sort_stats(os.environ.get("BENCH_SORT", "cumulative")).print_stats(35)
        checked.discard()
    finally:
        ws.database.close()
    assert not checked.refused and all(report.changed for report in reports), reports
    with closing(sqlite3.connect(path)) as connection:
        counts = {table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                  for table in ("participant", "attendance", "idea", "vote")}
    return done - started, done - importing, counts


def bare(lead: Path, packages: list[Path], folder: Path) -> float:
    """Seconds for plain sqlite3 to read the packages' rows and insert them, one executemany per table."""
    path = _fresh_copy(lead, folder)
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        for shape in shapes():
            for statement in drop_triggers(shape.name):
                connection.execute(statement)
        started = time.perf_counter()
        connection.execute("BEGIN")
        for package in packages:
            with closing(sqlite3.connect(f"file:{package}?immutable=1", uri=True)) as source:
                for shape in shapes():
                    columns = ", ".join(f'"{c}"' for c in ("gid", "laptop", "changed_at", "based_on", *shape.columns))
                    rows = source.execute(f'SELECT {columns} FROM "{shape.name}"').fetchall()
                    marks = ", ".join("?" * (4 + len(shape.columns)))
                    connection.executemany(f'INSERT OR IGNORE INTO "{shape.name}" ({columns}) VALUES ({marks})', rows)
        connection.execute("COMMIT")
        return time.perf_counter() - started


def _fresh_copy(lead: Path, folder: Path) -> Path:
    path = folder / "run" / "lead.wdesk"
    shutil.rmtree(path.parent, ignore_errors=True)
    path.parent.mkdir(parents=True)
    shutil.copyfile(lead, path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--folder", type=Path)
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="wdesk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    lead, packages = build(folder)
    print(f"built the lead's file and {LAPTOPS} packages in {time.perf_counter() - started:.1f} s "
          f"({sum(p.stat().st_size for p in packages) / 1e6:.1f} MB of packages)")
    if args.profile:
        ours(lead, packages, folder, profile=True)
        return
    totals, imports, bares = [], [], []
    for _run in range(args.runs):  # in turn, so that the disk's moods fall on both alike
        bares.append(bare(lead, packages, folder))
        total, alone, counts = ours(lead, packages, folder)
        totals.append(total)
        imports.append(alone)
    total, baseline = statistics.median(totals), statistics.median(bares)
    print(f"merged file: {counts}")
    print(f"bare sqlite3 executemany of the same rows: {baseline:6.2f} s (median of {args.runs})")
    print(f"check + review + import of {LAPTOPS} packages: {total:6.2f} s (import alone "
          f"{statistics.median(imports):.2f} s) = {total / baseline:.1f}x bare "
          f"(goal <= {GOAL:.0f} s: {'ok' if total <= GOAL else 'missed'})")


if __name__ == "__main__":
    main()
