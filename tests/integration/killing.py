"""Child processes that work on programme files until they are killed with SIGKILL, and what each confirmed."""

import signal
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field


class Child:
    """A child process that has done its imports, said "ready", and waits for a line on stdin to start."""

    def __init__(self, command: Sequence[str], env: dict[str, str], watchdog: float = 90) -> None:
        self.process = subprocess.Popen(list(command), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env)
        self._watchdog = threading.Timer(watchdog, self.process.kill)  # never hang the test run
        self._watchdog.start()

    def readline(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline()

    def go(self, word: str = "go") -> None:
        ready = self.readline()
        assert ready == "ready\n", f"child said {ready!r}: {self.stderr()}"
        assert self.process.stdin is not None
        self.process.stdin.write(f"{word}\n")
        self.process.stdin.flush()

    def kill(self) -> list[str]:
        """SIGKILL it; the whole lines it printed since the last one read (a line cut short is not a confirmation)."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self._watchdog.cancel()
        assert self.process.stdout is not None
        rest = self.process.stdout.read()
        return [line[:-1] for line in rest.splitlines(keepends=True) if line.endswith("\n")]

    def finish(self) -> tuple[list[str], str]:
        """Let it end by itself (closing its stdin); its lines and its stderr."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()
        out, err = self.process.communicate()
        self._watchdog.cancel()
        return out.splitlines(), err

    def stderr(self) -> str:
        assert self.process.stderr is not None
        if self.process.poll() is None:
            self.process.kill()
        return self.process.stderr.read()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._watchdog.cancel()
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


@dataclass
class Run:
    """What the children of one run printed: every whole line, child by child."""

    lines: list[list[str]] = field(default_factory=list)

    @property
    def kills(self) -> int:
        return len(self.lines)

    def all(self) -> list[str]:
        return [line for lines in self.lines for line in lines]


def kill_repeatedly(start: Callable[[], Child], kills: int, pause: Callable[[], float],
                    word: Callable[[Run], str] = lambda _run: "go", confirmed: str = "confirmed ") -> Run:
    """Start a child, wait for its first confirmation, let it work `pause()` seconds more, SIGKILL it; `kills`
    times. The next child does its imports while the current one works, then is told `word(run)` (which may depend on
    what the killed ones confirmed). Any line a child prints that is not a confirmation is kept too."""
    run = Run()
    current = start()
    children = [current]
    try:
        current.go(word(run))
        for kill in range(kills):
            lines = _until_confirmed(current, confirmed)
            following = None
            if kill < kills - 1:
                following = start()
                children.append(following)
            time.sleep(pause())
            run.lines.append(lines + current.kill())
            if following is not None:
                current = following
                current.go(word(run))
    finally:
        for child in children:
            child.close()
    return run


def _until_confirmed(child: Child, confirmed: str) -> list[str]:
    """The lines up to and including the child's first confirmation (it may first say what it found)."""
    lines: list[str] = []
    while True:
        line = child.readline()
        assert line.endswith("\n"), f"child stopped after {lines!r}: {child.stderr()}"
        lines.append(line[:-1])
        if line.startswith(confirmed):
            return lines
