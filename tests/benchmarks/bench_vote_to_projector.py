"""From a vote entered at the console to the projector's content updated, 800 voters × 30 options: a paper
board's count typed into the tally table (dot vote), and a ballot recorded from the form (a ranking: the heaviest
count; an ELIRE grid: the most marks, 120,000); median and worst of 40 entries each (goal <= 100 ms).

    python tests/benchmarks/bench_vote_to_projector.py [--voters N]   (8000: a room of phones, ten times the seminar)
"""

import os
import random
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

from workshop_desk.domain.enums import BallotMethod, ProjectorMode
from workshop_desk.domain.models import ProgrammeDraft, SittingDraft
from workshop_desk.domain.voting import Ballot, BallotPaper, DotSettings, Mark
from workshop_desk.services.settings import Settings
from workshop_desk.services.workspace import Workspace
from workshop_desk.ui.commands.votes import ShowRequest
from workshop_desk.ui.shell import Shell

OPTIONS, ENTRIES, GOAL_MS = 30, 40, 100.0
VOTERS = int(sys.argv[sys.argv.index("--voters") + 1]) if "--voters" in sys.argv else 800


def _papers(ballot: Ballot, rng: random.Random) -> list[BallotPaper]:
    ids, voters = [o.id for o in ballot.options], range(1, VOTERS + 1)
    if ballot.method == BallotMethod.DOTS:
        return [BallotPaper(str(v), tuple(Mark(o, 1) for o in rng.sample(ids, 5))) for v in voters]
    if ballot.method == BallotMethod.CRITERIA:
        return [BallotPaper(str(v), tuple(Mark(o, rng.randint(0, 5), c.id) for o in ids for c in ballot.criteria),
                            group_id=None) for v in voters]
    return [BallotPaper(str(v), tuple(Mark(o, r + 1) for r, o in enumerate(rng.sample(ids, len(ids)))))
            for v in voters]


def build(folder: Path) -> Path:
    """A sitting with a dot vote, a ranking and an ELIRE grid, each with VOTERS ballots on 30 options, open and
    revealed."""
    path = folder / "seminar.wdesk"
    workspace = Workspace.create(path, ProgrammeDraft("Séminaire régional"), folder / "backups")
    sitting = workspace.sittings.create(SittingDraft("Séminaire de lancement")).sitting
    rng = random.Random(8)
    labels = [f"Piste d'action n° {n}" for n in range(1, OPTIONS + 1)]
    for method, settings in ((BallotMethod.DOTS, DotSettings()), (BallotMethod.RANKING, None),
                             (BallotMethod.CRITERIA, None)):
        ballot = workspace.ballots.create(sitting.id, str(method), method, labels, settings=settings)
        workspace.ballots.open(ballot.id)
        workspace.ballots.cast_many(ballot.id, _papers(ballot, rng))
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


def line(name: str, timings: Timings) -> str:
    updated, painted = [t[0] for t in timings], [t[1] for t in timings]
    flag = "" if max(painted) <= GOAL_MS else "  over the goal"
    return (f"{name:<32} updated: median {statistics.median(updated):5.1f} ms, worst {max(updated):5.1f} ms; "
            f"painted: median {statistics.median(painted):5.1f} ms, worst {max(painted):5.1f} ms{flag}")


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
    commands, watch = shell.document.votes, Stopwatch(shell)
    print(f"vote entered → projector content updated and painted, {VOTERS} voters × {OPTIONS} options, "
          f"{ENTRIES} entries (goal <= {GOAL_MS:.0f} ms)")
    for ballot in commands.for_sitting(1):
        page.ballots_page.select(ballot.id)
        commands.show(ShowRequest(ProjectorMode.RESULTS, ballot.id, 1))
        app.processEvents()
        if ballot.method == BallotMethod.DOTS:
            print(line("dots: a board's count typed", tally_entries(shell, app, watch)))
        else:
            print(line(f"{ballot.method}: one ballot recorded", form_entries(shell, app, watch)))
    shell.about_to_quit()


if __name__ == "__main__":
    main()
