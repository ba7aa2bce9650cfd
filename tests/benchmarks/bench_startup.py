"""Seconds to the first shown window: `workshop-desk --smoke-test` against a bare PySide6 script.

Both are timed by this parent process from launch to the line each prints once its window is shown,
so the interpreter's own start-up counts for both."""

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
    home = tempfile.mkdtemp(prefix="wdesk-bench-")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": home, "XDG_CONFIG_HOME": home}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as on a user's machine: modules load from cached bytecode
    _wall([sys.executable, "-c", BARE], env)  # warm-up runs write the bytecode caches, untimed
    _wall([sys.executable, "-m", "workshop_desk", "--smoke-test"], env)
    bare, app = [], []
    for _ in range(RUNS):  # interleaved, so that machine noise hits both alike
        bare.append(_wall([sys.executable, "-c", BARE], env))
        app.append(_wall([sys.executable, "-m", "workshop_desk", "--smoke-test"], env))
    bare_s, app_s = statistics.median(bare), statistics.median(app)
    print(f"bare PySide6 window : {bare_s:.3f} s (median of {RUNS})")
    print(f"workshop-desk       : {app_s:.3f} s (median of {RUNS})")
    print(f"ratio               : {app_s / bare_s:.2f}  (goal <= 1.3)")


if __name__ == "__main__":
    main()
