"""The idea board with 2,000 and 10,000 notes: load, pan and overview repaints, capture from Enter to painted.

Goals: 2,000 notes loaded ≤ 0.5 s; 10,000 ≤ 1.5 s, pan repaints ≤ 16 ms, zoomed-out overview ≤ 100 ms;
a captured note shown ≤ 50 ms after Enter. `--shots DIR` also writes the console and projector at 20, 200, 2,000.
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

from PySide6.QtCore import QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.domain.ideas import ArrangeBy, IdeaDraft
from workshop_desk.domain.models import ItemDraft, ProgrammeDraft, SittingDraft
from workshop_desk.services.settings import Settings
from workshop_desk.services.workspace import Workspace
from workshop_desk.ui.board.board_page import BoardPage
from workshop_desk.ui.commands.board import ShowRequest
from workshop_desk.ui.shell import Shell

WORDS = ("atelier", "local", "emploi", "quartier", "artisans", "formation", "apprentissage", "boutique", "loyer",
         "financement", "banque", "réseau", "mutualiser", "visibilité", "transmission", "santé", "numérique", "jeunes",
         "entreprises", "commerce", "gare", "friche", "label")


def build(folder: Path, notes: int, name: str) -> Path:
    """A sitting with `notes` notes over 4 tables, a fifth of them sorted into themes of ~12 notes, arranged."""
    rng = random.Random(notes)
    path = folder / f"{name}.wdesk"
    workspace = Workspace.create(path, ProgrammeDraft("Stratégie régionale"), folder / "backups")
    sitting = workspace.sittings.create(SittingDraft("Séminaire de lancement — atelier 3")).sitting
    workspace.agenda.add(sitting.id, ItemDraft("Idées : freins et leviers"))
    texts = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 16))).capitalize() for _ in range(notes)]
    ideas = workspace.ideas.add_many(sitting.id, [IdeaDraft(t, hidden=rng.random() < 0.05) for t in texts])
    sorted_ids = [i.id for i in ideas[: notes // 5]]
    for start in range(0, len(sorted_ids), 12):
        workspace.themes.create(sitting.id, f"Thème {start // 12 + 1}", sorted_ids[start:start + 12])
    for keep in range(0, min(notes, 40), 4):
        workspace.ideas.merge(ideas[keep].id, [ideas[keep + 1].id])
    workspace.ideas.arrange(sitting.id, ArrangeBy.THEME)
    workspace.database.close()
    return path


def _repaint_ms(page: BoardPage) -> float:
    started = time.perf_counter()
    page.canvas.viewport().repaint()
    return (time.perf_counter() - started) * 1000


def measure(app: QApplication, shell: Shell, path: Path, notes: int) -> None:
    assert shell.open_path(path) and shell.window is not None
    window = shell.window
    window.select_sitting(1)
    page = window.sitting_page
    assert page is not None
    page.tabs.setCurrentIndex(page.IDEAS_TAB)
    board = page.board_page
    app.processEvents()
    board.sitting_id = None
    started = time.perf_counter()
    board.set_sitting(1)  # reads the board, builds the scene, frames it
    board.canvas.viewport().repaint()  # and the first paint
    loaded = time.perf_counter() - started
    board.canvas.zoom_to(0.6)
    pans = []
    for step in range(60):
        board.canvas.pan_by(40 if step % 20 < 10 else -40, 25)
        pans.append(_repaint_ms(board))
    board.canvas.fit_all()
    overview = [_repaint_ms(board) for _ in range(10)]
    captures = _captures(app, board)
    print(f"{notes:>6} notes: loaded in {loaded:.3f} s · pan repaint median {statistics.median(pans):.1f} ms, "
          f"max {max(pans):.1f} ms · overview repaint median {statistics.median(overview):.1f} ms · "
          f"capture Enter→painted median {statistics.median(captures):.1f} ms, max {max(captures):.1f} ms")
    shell.close_programme()


def _captures(app: QApplication, board: BoardPage) -> list[float]:
    board.canvas.zoom_to(0.6)
    timings = []
    for n in range(20):
        board.capture.text_edit.setText(f"Une idée captée en direct numéro {n}")
        app.processEvents()
        started = time.perf_counter()
        QTest.keyClick(board.capture.text_edit, Qt.Key.Key_Return)
        board.canvas.viewport().repaint()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def shots(app: QApplication, shell: Shell, folder: Path, target: Path) -> None:
    """The console and the projector with 20, 200 and 2,000 notes."""
    for notes in (20, 200, 2000):
        assert shell.open_path(build(folder, notes, f"shots-{notes}")) and shell.window is not None
        window = shell.window
        window.select_sitting(1)
        page = window.sitting_page
        assert page is not None
        page.tabs.setCurrentIndex(page.IDEAS_TAB)
        for _ in range(3):
            app.processEvents()
        window.grab().save(str(target / f"board-{notes}-console.png"))
        page.board_page.canvas.fit_all()
        window.grab().save(str(target / f"board-{notes}-console-fit.png"))
        shell.document.board.show(ShowRequest(ProjectorMode.BOARD, 1))  # type: ignore[arg-type]
        app.processEvents()
        shell.projector.window.grab().save(str(target / f"board-{notes}-projector.png"))
        shell.close_programme()


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="wdesk-bench-"))
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    shell = Shell(Settings(), settings_path=folder / "s.json", backup_root=folder / "backups")
    window = shell.build_window()
    window.resize(QSize(1600, 900))
    window.show()
    shell.projector.window.resize(QSize(1920, 1080))
    if "--shots" in sys.argv:
        target = Path(sys.argv[sys.argv.index("--shots") + 1])
        target.mkdir(parents=True, exist_ok=True)
        shots(app, shell, folder, target)
        return
    for notes in (2000, 10000):
        started = time.perf_counter()
        path = build(folder, notes, f"board-{notes}")
        print(f"(built {notes} notes in {time.perf_counter() - started:.1f} s)")
        measure(app, shell, path, notes)
    print("goals: 2,000 loaded ≤ 0.5 s; 10,000 loaded ≤ 1.5 s, pan ≤ 16 ms, overview ≤ 100 ms; capture ≤ 50 ms")
    shell.about_to_quit()


if __name__ == "__main__":
    main()
