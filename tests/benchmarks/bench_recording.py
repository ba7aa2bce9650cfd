"""Recording as a room grows: one ballot paper cast into a ballot that already holds N papers (anonymous, numbered
by the app, as phones and the console cast them), `cast_many` of the seminar's 4,000 papers x1, x3 and x10 in one
ballot, and one note added to a board of N notes. Each should stay flat as N grows (goal: a paper or a note <= 10 ms
at any N; cast_many linear in the papers).

    python tests/benchmarks/bench_recording.py [--skip-x10]
"""

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from workshop_desk.domain.enums import BallotMethod
from workshop_desk.domain.ideas import IdeaDraft
from workshop_desk.domain.models import ProgrammeDraft, SittingDraft
from workshop_desk.domain.voting import BallotPaper, DotSettings, Mark
from workshop_desk.services.workspace import Workspace

OPTIONS, DOTS, SAMPLES = 30, 5, 40
SEMINAR_PAPERS = 4_000


def _ballot(workspace: Workspace, sitting_id: int, title: str) -> tuple[int, list[int]]:
    ballot = workspace.ballots.create(sitting_id, title, BallotMethod.DOTS, [f"Option {n}" for n in range(OPTIONS)],
                                      settings=DotSettings(DOTS, 0))
    workspace.ballots.open(ballot.id)
    return ballot.id, [option.id for option in ballot.options]


def _papers(options: list[int], count: int, first: int, keyed: bool) -> list[BallotPaper]:
    return [BallotPaper(str(first + n) if keyed else "",
                        tuple(Mark(options[(n * 7 + dot) % len(options)], 1) for dot in range(DOTS)))
            for n in range(count)]


def one_paper(workspace: Workspace, sitting_id: int, held: int) -> float:
    """Median ms to cast one anonymous paper into a ballot already holding `held` papers."""
    ballot_id, options = _ballot(workspace, sitting_id, f"{held} papers")
    workspace.ballots.cast_many(ballot_id, _papers(options, held, 1, keyed=True))
    times = []
    for paper in _papers(options, SAMPLES, 0, keyed=False):
        started = time.perf_counter()
        workspace.ballots.cast(ballot_id, paper)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def cast_many(workspace: Workspace, sitting_id: int, papers: int) -> float:
    """Seconds to cast `papers` papers in one call."""
    ballot_id, options = _ballot(workspace, sitting_id, f"cast_many {papers}")
    started = time.perf_counter()
    workspace.ballots.cast_many(ballot_id, _papers(options, papers, 1, keyed=True))
    return time.perf_counter() - started


def one_note(workspace: Workspace, notes: int) -> float:
    """Median ms to add one note to a board of `notes` notes, most of them sorted into themes."""
    sitting_id = workspace.sittings.create(SittingDraft(f"Board of {notes}")).sitting.id
    ideas = workspace.ideas.add_many(sitting_id, [IdeaDraft(f"Idée {n}") for n in range(notes)])
    for index in range(10):  # ten themes, each holding a tenth of the notes but the last two
        workspace.themes.create(sitting_id, f"Thème {index}", [idea.id for idea in ideas[index::10][:-2]])
    times = []
    for n in range(SAMPLES):
        started = time.perf_counter()
        workspace.ideas.add(sitting_id, IdeaDraft(f"Nouvelle idée {n}"))
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="wdesk-bench-"))
    workspace = Workspace.create(folder / "recording.wdesk", ProgrammeDraft("Recording"), folder / "backups")
    sitting_id = workspace.sittings.create(SittingDraft("Plénière")).sitting.id
    for held in (0, 800, 8_000):
        print(f"one paper cast into a ballot of {held:>5} papers : {one_paper(workspace, sitting_id, held):6.2f} ms "
              f"(median of {SAMPLES})")
    for times in (1, 3) if "--skip-x10" in sys.argv else (1, 3, 10):
        papers = SEMINAR_PAPERS * times
        seconds = cast_many(workspace, sitting_id, papers)
        print(f"cast_many of {papers:>6} papers (seminar x{times:<2})   : {seconds:6.2f} s")
    for notes in (100, 3_333):
        print(f"one note added to a board of {notes:>5} notes : {one_note(workspace, notes):6.2f} ms "
              f"(median of {SAMPLES})")
    workspace.database.close()


if __name__ == "__main__":
    main()
