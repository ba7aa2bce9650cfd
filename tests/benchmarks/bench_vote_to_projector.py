"""From a vote entered at the console to the projector's content updated, 800 voters × 30 options: a paper
board's count typed into the tally table (dot vote), a ballot recorded from the form (a ranking: the heaviest
count; an ELIRE grid: the most marks, 120,000), and a ballot cast as the phones' server does (100 points, ratings,
impact × feasibility, consent); median, p95 and worst of 40 entries each (goal <= 100 ms). Before the entries, the
"first look": the ballot selected and shown, its votes read from the file for the first time, against the floor —
a bare sqlite3 read of the same vote rows.

    python tests/benchmarks/bench_vote_to_projector.py [--voters N]   (8000: a room of phones, ten times the seminar)
"""

import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication

from workshop_desk.domain.consent import STANCES
from workshop_desk.domain.counting_grid import AXES
from workshop_desk.domain.enums import BallotMethod, ProjectorMode
from workshop_desk.domain.models import ProgrammeDraft, SittingDraft
from workshop_desk.domain.voting import Ballot, BallotPaper, DotSettings, Mark
from workshop_desk.services.settings import Settings
from workshop_desk.services.workspace import Workspace
from workshop_desk.ui.commands.votes import ShowRequest
from workshop_desk.ui.shell import Shell

OPTIONS, ENTRIES, GOAL_MS = 30, 40, 100.0
VOTERS = int(sys.argv[sys.argv.index("--voters") + 1]) if "--voters" in sys.argv else 800


def _paper(ballot: Ballot, voter: str, rng: random.Random) -> BallotPaper:
    """One voter's ballot of the kind a phone sends: every option marked (five dots, two shares of 100 points)."""
    ids, method = [o.id for o in ballot.options], ballot.method
    if method == BallotMethod.DOTS:
        return BallotPaper(voter, tuple(Mark(o, 1) for o in rng.sample(ids, 5)))
    if method == BallotMethod.CRITERIA:
        return BallotPaper(voter, tuple(Mark(o, rng.randint(0, 5), c.id) for o in ids for c in ballot.criteria))
    if method == BallotMethod.POINTS:
        first, second = rng.sample(ids, 2)
        return BallotPaper(voter, (Mark(first, 60), Mark(second, 40)))
    if method == BallotMethod.RATING:
        return BallotPaper(voter, tuple(Mark(o, rng.randint(1, 5)) for o in ids))
    if method == BallotMethod.MATRIX:
        return BallotPaper(voter, tuple(Mark(o, rng.randint(1, 5), axis=a) for o in ids for a in AXES))
    if method == BallotMethod.CONSENT:
        return BallotPaper(voter, tuple(Mark(o, 1, axis=rng.choice(STANCES)) for o in ids))
    return BallotPaper(voter, tuple(Mark(o, r + 1) for r, o in enumerate(rng.sample(ids, len(ids)))))


METHODS = (BallotMethod.DOTS, BallotMethod.RANKING, BallotMethod.CRITERIA, BallotMethod.POINTS, BallotMethod.RATING,
           BallotMethod.MATRIX, BallotMethod.CONSENT)


def build(folder: Path) -> Path:
    """A sitting with a ballot of each method (METHODS), each with VOTERS ballots on 30 options, open and
    revealed."""
    path = folder / "seminar.wdesk"
    workspace = Workspace.create(path, ProgrammeDraft("Séminaire régional"), folder / "backups")
    sitting = workspace.sittings.create(SittingDraft("Séminaire de lancement")).sitting
    rng = random.Random(8)
    labels = [f"Piste d'action n° {n}" for n in range(1, OPTIONS + 1)]
    for method in METHODS:
        settings = DotSettings() if method == BallotMethod.DOTS else None
        ballot = workspace.ballots.create(sitting.id, str(method), method, labels, settings=settings)
        workspace.ballots.open(ballot.id)
        workspace.ballots.cast_many(ballot.id, [_paper(ballot, str(v), rng) for v in range(1, VOTERS + 1)])
        workspace.ballots.reveal(ballot.id)
    workspace.database.close()
    return path


class Stopwatch:
    """Times from `start()` to the projector window's next `content_shown`, and to that screen painted (a full
    1920×1080 frame rendered offscreen: the window itself is not shown here)."""

    def __init__(self, shell: Shell) -> None:
        self.started = self.stopped = self.painted = 0.0
        self.window = shell.projector.window
        self.window.resize(1920, 1080)
        self.window.content_shown.connect(self._on_shown)

    def start(self) -> None:
        self.started, self.stopped = time.perf_counter(), 0.0

    def _on_shown(self) -> None:
        if self.started and not self.stopped:
            self.stopped = time.perf_counter()
            self.window.grab()
            self.painted = time.perf_counter()

    def wait(self, app: QApplication) -> tuple[float, float]:
        while not self.stopped:
            app.processEvents()
        return (self.stopped - self.started) * 1000, (self.painted - self.started) * 1000


Timings = list[tuple[float, float]]  # (content updated, painted), in ms


def tally_entries(shell: Shell, app: QApplication, watch: Stopwatch) -> Timings:
    """Type a count into the board's next cell and press Enter, as the facilitator does."""
    page = shell.window.sitting_page.ballots_page  # type: ignore[union-attr]
    table = page.tally.table
    timings: Timings = []
    for entry in range(ENTRIES):
        table.setFocus()
        table.setCurrentIndex(page.tally.model.index(entry % OPTIONS, 1))
        QTest.keyClicks(table, str(entry % 9 + 1))
        app.processEvents()
        watch.start()
        QTest.keyClick(table.focusWidget(), Qt.Key.Key_Return)
        timings.append(watch.wait(app))
        while table.state() != QAbstractItemView.State.NoState:
            app.processEvents()
    return timings


def form_entries(shell: Shell, app: QApplication, watch: Stopwatch) -> Timings:
    """Fill in a whole ballot (every rank, or every score of the grid) and record it."""
    form = shell.window.sitting_page.ballots_page.form  # type: ignore[union-attr]
    assert form.editor is not None
    timings: Timings = []
    rng = random.Random(3)
    for _ in range(ENTRIES):
        ranks = rng.sample(range(1, OPTIONS + 1), OPTIONS)
        for index, spin in enumerate(form.editor.spins):
            spin.setValue(ranks[index] if len(form.editor.spins) == OPTIONS else rng.randint(0, 5))
        app.processEvents()
        watch.start()
        form.record()
        timings.append(watch.wait(app))
    return timings


def cast_entries(shell: Shell, app: QApplication, watch: Stopwatch, ballot: Ballot) -> Timings:
    """A new voter's ballot cast through the commands, as the phones' server will (no form for these methods)."""
    assert shell.document is not None
    timings: Timings = []
    rng = random.Random(5)
    for entry in range(ENTRIES):
        paper = _paper(ballot, str(VOTERS + 1 + entry), rng)
        watch.start()
        shell.document.votes.cast(ballot, paper)
        timings.append(watch.wait(app))
    return timings


def bare_read(path: Path, ballot_id: int) -> float:
    """The floor of a first look: the ballot's vote rows read with bare sqlite3 into plain tuples, in ms."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    started = time.perf_counter()
    connection.execute("SELECT voter_key, option_id, value, criterion_id, axis, comment, source, group_id, "
                       "participant_id FROM vote WHERE ballot_id = ? ORDER BY id", (ballot_id,)).fetchall()
    elapsed = (time.perf_counter() - started) * 1000
    connection.close()
    return elapsed


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def line(name: str, timings: Timings) -> str:
    updated, painted = [t[0] for t in timings], [t[1] for t in timings]
    flag = "" if p95(painted) <= GOAL_MS else "  over the goal"
    return (f"{name:<32} updated: median {statistics.median(updated):5.1f}, p95 {p95(updated):5.1f}, worst "
            f"{max(updated):6.1f} ms; painted: median {statistics.median(painted):5.1f}, p95 {p95(painted):5.1f}, "
            f"worst {max(painted):6.1f} ms; first entry {painted[0]:5.1f} ms{flag}")


def first_look(shell: Shell, app: QApplication, watch: Stopwatch, ballot: Ballot, path: Path) -> str:
    """The ballot selected in the Votes tab and shown on the projector: its votes read once, then counted."""
    assert shell.window is not None and shell.window.sitting_page is not None and shell.document is not None
    watch.start()
    shell.window.sitting_page.ballots_page.select(ballot.id)
    shell.document.votes.show(ShowRequest(ProjectorMode.RESULTS, ballot.id, 1))
    shown = watch.wait(app)[1]
    bare = bare_read(path, ballot.id)
    return (f"{'':<32} first look (votes read) {shown:7.1f} ms; floor, bare sqlite3 read of its votes {bare:6.1f} ms: "
            f"{shown / bare:4.1f}x")


def entries(shell: Shell, app: QApplication, watch: Stopwatch, ballot: Ballot) -> str:
    if ballot.method == BallotMethod.DOTS:
        return line("dots: a board's count typed", tally_entries(shell, app, watch))
    if ballot.method in (BallotMethod.RANKING, BallotMethod.CRITERIA):
        return line(f"{ballot.method}: one ballot recorded", form_entries(shell, app, watch))
    return line(f"{ballot.method}: one ballot cast", cast_entries(shell, app, watch, ballot))


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="wdesk-bench-"))
    path = build(folder)
    app = QApplication.instance() or QApplication([])
    shell = Shell(Settings(), settings_path=folder / "s.json", backup_root=folder / "backups")
    window = shell.build_window()
    window.resize(1280, 720)
    window.show()
    shell.open_path(path)
    window.select_sitting(1)
    page = window.sitting_page
    assert page is not None and shell.document is not None
    page.tabs.setCurrentIndex(page.VOTES_TAB)
    watch = Stopwatch(shell)
    print(f"vote entered → projector content updated and painted, {VOTERS} voters × {OPTIONS} options, "
          f"{ENTRIES} entries (goal: p95 <= {GOAL_MS:.0f} ms)")
    for ballot in shell.document.votes.for_sitting(1):
        print(first_look(shell, app, watch, ballot, path))
        print(entries(shell, app, watch, ballot))
    shell.about_to_quit()


if __name__ == "__main__":
    main()
