"""Seconds from launch to a console that shows the last programme and takes input, against a bare PySide6 window.

`workshop-desk --smoke-test FILE` opens FILE as the last programme is opened at start-up and prints once the event
loop is free again after the programme's first look shows (its title and sittings, which a click can already choose;
the database layer loads in the background meanwhile), then "open N" once the file is open with its pages; the bare
script prints once its empty window is shown. Both are timed by this parent process from launch to those lines, so
the interpreter's own start-up counts for both. Programmes: none (the start page), the demo, 30 sittings x 20 items,
and the 800-person seminar of bench_deliverables (goal: usable <= 3x the bare window with the last programme).

    python tests/benchmarks/bench_startup.py [--runs N] [--keep DIR] [--frozen EXECUTABLE]

--frozen also times a frozen build (dist/workshop-desk/workshop-desk, or the installed /usr/bin/workshop-desk) on the
demo, against the source install (goal: frozen <= 1.5x source)."""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

RUNS = 7
GOAL = 3.0
BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1366, 800)
window.show()
app.processEvents()
print("shown", flush=True)
"""


def _wall(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from launching `args` to its first line of output (usable), and to its second one if it prints one
    ("open N": the programme fully open; else the same as the first)."""
    started = time.perf_counter()
    with subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as child:
        assert child.stdout is not None
        child.stdout.readline()
        usable = time.perf_counter() - started
        opened = usable if not child.stdout.readline() else time.perf_counter() - started
        child.wait()
    return usable, opened


def _programmes(folder: Path) -> dict[str, Path]:
    """The demo, a 30-sitting programme and the seminar, built once into `folder`."""
    from tests.benchmarks import bench_deliverables, bench_open
    from workshop_desk.services.demo import build_demo

    made = {"demo": folder / "demo.wdesk", "30 sittings": folder / "bench-open.wdesk",
            "800-person seminar": folder / "seminaire-x1.wdesk"}
    if not made["demo"].exists():
        build_demo(made["demo"], folder / "backups").database.close()
    if not made["30 sittings"].exists():
        bench_open.build(made["30 sittings"], folder / "backups")
    if not made["800-person seminar"].exists():
        bench_deliverables.build(folder).database.close()
    return made


def _commands(folder: Path, frozen: str | None) -> dict[str, list[str]]:
    app = [sys.executable, "-m", "workshop_desk", "--smoke-test"]
    commands = {"bare PySide6 window": [sys.executable, "-c", BARE], "start page (no file)": app}
    for name, path in _programmes(folder).items():
        copy = folder / f"open-{path.name}"
        shutil.copyfile(path, copy)  # the smoke test opens it for writing, as the app does
        commands[name] = [*app, str(copy)]
    if frozen:
        commands["demo, frozen"] = [frozen, "--smoke-test", str(folder / "open-demo.wdesk")]
    return commands


def _env() -> dict[str, str]:
    """The environment of a user of their own (settings, log, backups in a fresh folder)."""
    home = tempfile.mkdtemp(prefix="wdesk-bench-home-")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": home, "XDG_CONFIG_HOME": home}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as on a user's machine: modules load from cached bytecode
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frozen", metavar="EXECUTABLE", help="also time this frozen build of the app")
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--keep", type=Path, help="build the programmes into this folder, and reuse them")
    options = parser.parse_args()
    folder = options.keep or Path(tempfile.mkdtemp(prefix="wdesk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    commands = _commands(folder, options.frozen)
    envs = {name: _env() for name in commands}  # each its own settings: the start page stays a start page
    for name, command in commands.items():  # warm-up runs write the bytecode caches and fill the disk cache, untimed
        _wall(command, envs[name])
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(options.runs):  # interleaved, so that machine noise hits all alike
        for name, command in commands.items():
            times[name].append(_wall(command, envs[name]))
    median = {name: statistics.median(usable for usable, _open in values) for name, values in times.items()}
    opened = {name: statistics.median(done for _usable, done in values) for name, values in times.items()}
    bare = median.pop("bare PySide6 window")
    print(f"{'bare PySide6 window':<26}: {bare:.3f} s (median of {options.runs})")
    for name, seconds in median.items():
        goal = "" if "frozen" in name else f"  (goal <= {GOAL:g}x)"
        print(f"{name:<26}: usable {seconds:.3f} s = {seconds / bare:.1f}x bare{goal}; "
              f"open {opened[name]:.3f} s = {opened[name] / bare:.1f}x")
    if options.frozen:
        print(f"{'ratio frozen / source':<26}: {median['demo, frozen'] / median['demo']:.2f}  (goal <= 1.5)")


if __name__ == "__main__":
    main()
