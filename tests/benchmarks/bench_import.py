"""Importing 10,000 participants (.xlsx and .csv) into a fresh programme: read + check + apply, goal ≤ 3 s.

The baseline is openpyxl alone reading the same workbook (read-only, values only), and, for the CSV, the
standard csv module reading the file: what any import must at least pay."""

import csv
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.factories import sitting_draft
from tests.spreadsheets import people_rows, write_csv, write_xlsx
from workshop_desk.domain.models import ProgrammeDraft
from workshop_desk.services.importing import import_file
from workshop_desk.services.workspace import Workspace

ROWS, RUNS, GOAL = 10_000, 3, 3.0


def rows() -> list[list[object]]:
    """A title row and a blank line above the header, 10,000 people, and every 100th listed twice."""
    people = [list(row) for row in people_rows(ROWS)]
    return [["Export des inscriptions"], [], *people, *people[1::100]]


def timed_import(source: Path, folder: Path) -> float:
    """Read, check and apply into a programme file created for this run (its creation is not timed)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    workspace = Workspace.create(folder / "bench.wdesk", ProgrammeDraft("Benchmark"), folder / "backups")
    sitting = workspace.sittings.create(sitting_draft()).sitting.id
    started = time.perf_counter()
    _plan, summary = import_file(workspace.database, source, sitting)
    elapsed = time.perf_counter() - started
    assert len(summary.added) == ROWS, summary
    workspace.database.close()
    return elapsed


def bare_xlsx(source: Path) -> float:
    import openpyxl

    started = time.perf_counter()
    workbook = openpyxl.load_workbook(source, read_only=True, data_only=True)
    for _row in workbook.active.iter_rows(values_only=True):
        pass
    workbook.close()
    return time.perf_counter() - started


def bare_csv(source: Path) -> float:
    started = time.perf_counter()
    with source.open(encoding="cp1252", newline="") as handle:
        for _row in csv.reader(handle, delimiter=";"):
            pass
    return time.perf_counter() - started


def median(runs: Callable[[], float]) -> float:
    return statistics.median(runs() for _ in range(RUNS))


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="wdesk-bench-import-"))
    sources = {"xlsx": (write_xlsx(folder / "inscrits.xlsx", rows()), bare_xlsx),
               "csv ": (write_csv(folder / "inscrits.csv", rows(), ";", "cp1252"), bare_csv)}
    for kind, (source, bare) in sources.items():
        ours = median(lambda source=source: timed_import(source, folder / "run"))  # type: ignore[misc]
        baseline = median(lambda source=source, bare=bare: bare(source))  # type: ignore[misc]
        verdict = "ok" if ours <= GOAL else "OVER GOAL"
        print(f"{kind} {ROWS:,} rows: read + check + apply {ours:.2f} s (median of {RUNS}; goal ≤ {GOAL:.0f} s: "
              f"{verdict}); bare read {baseline:.2f} s; ratio {ours / baseline:.1f}")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
