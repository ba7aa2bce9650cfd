"""Seconds to the first shown window: `workshop-desk --smoke-test` against a bare PySide6 script.

Both are timed by this parent process from launch to the line each prints once its window is shown,
so the interpreter's own start-up counts for both.

    python tests/benchmarks/bench_startup.py [--frozen EXECUTABLE]

--frozen also times a frozen build (dist/workshop-desk/workshop-desk, or the installed /usr/bin/workshop-desk) the
same way, against the source install (goal: frozen <= 1.5x source)."""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = 7
BARE = """
import time, sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1366, 800)
window.show()
app.processEvents()
print("shown", flush=True)
"""


def _wall(args: list[str], env: dict[str, str]) -> float:
    """Seconds from launching `args` to its first line of output (printed when the window shows)."""
    started = time.perf_counter()
    with subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as child:
        assert child.stdout is not None
        child.stdout.readline()
        elapsed = time.perf_counter() - started
        child.wait()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frozen", metavar="EXECUTABLE", help="also time this frozen build of the app")
    parser.add_argument("--runs", type=int, default=RUNS)
    options = parser.parse_args()
    home = tempfile.mkdtemp(prefix="wdesk-bench-")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": home, "XDG_CONFIG_HOME": home}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as on a user's machine: modules load from cached bytecode
    commands = {
        "bare PySide6 window": [sys.executable, "-c", BARE],
        "workshop-desk": [sys.executable, "-m", "workshop_desk", "--smoke-test"],
    }
    if options.frozen:
        commands["workshop-desk, frozen"] = [options.frozen, "--smoke-test"]
    for command in commands.values():  # warm-up runs write the bytecode caches and fill the disk cache, untimed
        _wall(command, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(options.runs):  # interleaved, so that machine noise hits all alike
        for name, command in commands.items():
            times[name].append(_wall(command, env))
    median = {name: statistics.median(values) for name, values in times.items()}
    for name, seconds in median.items():
        print(f"{name:<22}: {seconds:.3f} s (median of {options.runs})")
    print(f"ratio app / bare      : {median['workshop-desk'] / median['bare PySide6 window']:.2f}  (goal <= 1.3)")
    if options.frozen:
        ratio = median["workshop-desk, frozen"] / median["workshop-desk"]
        print(f"ratio frozen / source : {ratio:.2f}  (goal <= 1.5)")


if __name__ == "__main__":
    main()
