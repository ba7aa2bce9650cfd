"""A room's phones on the participant server, on loopback: the console runs (offscreen, the demo open, phones switched
on through its PhoneRoom, the projector on the results of an open dot vote) and a separate process plays the phones
(aiohttp client, its own event loop, one session and cookie jar per phone, each from its own 127.0.x.y address, as
phones on a Wi-Fi each have theirs; each phone re-reads its state after a `changed` event, as the page does).

Measured: the time for every phone to hold its event stream; then one ballot per phone sent within one second
(acknowledgement latency median / p95 / p99 / max against a bare aiohttp handler that answers 200 to the same posts
from the same phones, every answer 200, the file holding each voter once, the time from the last acknowledgement to
the projector showing them all, the projector's updates, the `changed` events and state reads per phone, the
server's memory growth); then ideas sent over a minute. Goals (issue 13): median <= 300 ms, p99 <= 2 s, projector
<= 1 s after the last acknowledgement, memory growth <= 150 MB, every ballot and idea acknowledged and in the file
once. Exits 1, saying which, when a goal is missed.

    python tests/benchmarks/bench_phones_load.py [--phones 800] [--ballots 800] [--ideas 2000] [--seconds 60] [--rush]
"""

import argparse
import asyncio
import json
import os
import queue
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import aiohttp
from aiohttp import web

MEDIAN_MS, P99_MS, PROJECTOR_S, MEMORY_MB = 300.0, 2000.0, 1.0, 150.0
BALLOT_WINDOW = 1.0  # seconds over which the ballots are sent
SETTLE = 3.0  # seconds the phones keep listening after the last answer (the last `changed` events and state reads)
HEADERS = {"X-Workshop-Desk": "1"}


def options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=800)
    parser.add_argument("--ballots", type=int, default=800, help="one per phone, the first ones (<= --phones)")
    parser.add_argument("--ideas", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=60.0, help="over which the ideas are sent")
    parser.add_argument("--rush", action="store_true",
                        help="ballots sent as the ballot opens, while the phones still read it (no 3 s to read it)")
    parser.add_argument("--generator", action="store_true", help=argparse.SUPPRESS)  # the phones' process
    return parser.parse_args()


# --- The phones' process ---------------------------------------------------------------------------------------

def address(index: int) -> str:
    """Phone `index`'s own loopback address (127.0.0.1 is the server's: phones start at 127.0.1.1)."""
    return f"127.0.{1 + index // 250}.{1 + index % 250}"


class Phone:
    """One device: its session (cookie jar, connections from its own address), its event stream, its state reads."""

    def __init__(self, base: str, index: int) -> None:
        connector = aiohttp.TCPConnector(local_addr=(address(index), 0), limit=4)
        self.session = aiohttp.ClientSession(base, connector=connector, cookie_jar=aiohttp.CookieJar(unsafe=True),
                                             timeout=aiohttp.ClientTimeout(total=120))
        self.changed = self.reads = self.version = 0
        self.connected = asyncio.get_running_loop().create_future()
        self._loading = self._again = False
        self._stream: asyncio.Task[None] | None = None

    async def join(self, code: str) -> None:
        async with self.session.get(f"/s/{code}/") as reply:
            assert reply.status == 200, reply.status
            await reply.read()
        self.code = code
        self._stream = asyncio.create_task(self._listen())
        await self._load()

    async def _listen(self) -> None:
        async with self.session.get(f"/s/{self.code}/api/events") as reply:
            assert reply.status == 200, reply.status
            event = ""
            async for raw in reply.content:
                line = raw.decode().rstrip("\r\n")
                if line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("data:") and event == "changed":
                    self._on_changed(json.loads(line[5:])["version"])

    def _on_changed(self, version: int) -> None:
        self.changed += 1
        if not self.connected.done():
            self.connected.set_result(None)
        if version > self.version:
            asyncio.get_running_loop().create_task(self._load())

    async def _load(self) -> None:
        """The page's `app.load`: one state read at a time, once more if asked meanwhile."""
        if self._loading:
            self._again = True
            return
        self._loading = True
        async with self.session.get(f"/s/{self.code}/api/state") as reply:
            if reply.status == 200:
                self.version = max(self.version, (await reply.json())["version"])
                self.reads += 1
        self._loading = False
        if self._again:
            self._again = False
            await self._load()

    async def post(self, path: str, body: dict[str, Any], at: float, load: bool) -> tuple[int, float, float]:
        """POST at monotonic time `at`: (status, latency in ms, when answered); then, with `load`, read the state
        again as the page does after its own ballot or idea."""
        await asyncio.sleep(max(0.0, at - time.monotonic()))
        started = time.monotonic()
        async with self.session.post(path, json=body, headers=HEADERS) as reply:
            await reply.read()
            done = time.monotonic()
        if load:
            await self._load()
        return reply.status, (done - started) * 1000, done

    async def warm(self) -> None:
        async with self.session.get("/s/x/") as reply:
            await reply.read()

    async def close(self) -> None:
        if self._stream is not None:
            self._stream.cancel()
        await self.session.close()


def say(message: dict[str, Any]) -> None:
    print(json.dumps(message), flush=True)


async def posts(phones: list[Phone], path: str, bodies: list[dict[str, Any]], window: float,
                load: bool = True) -> dict[str, Any]:
    """Post `bodies` from the phones in turn, spread evenly over `window` seconds."""
    start, step = time.monotonic() + 0.2, window / max(1, len(bodies))
    answers = await asyncio.gather(*(phones[n % len(phones)].post(path, body, start + n * step, load)
                                     for n, body in enumerate(bodies)))
    return {"statuses": [a[0] for a in answers], "latencies": [a[1] for a in answers],
            "last": max(a[2] for a in answers), "sent_over": max(a[2] for a in answers) - start}


async def baseline(url: str, count: int) -> dict[str, Any]:
    """The same posts from the same kind of phones to a handler that only answers 200."""
    phones = [Phone(url, n) for n in range(count)]
    try:
        await asyncio.gather(*(phone.warm() for phone in phones))  # connected, as joined phones are
        return await posts(phones, "/s/x/api/ballots/1/paper", [{"marks": []}] * count, BALLOT_WINDOW, load=False)
    finally:
        await asyncio.gather(*(phone.close() for phone in phones))


async def generator() -> None:
    loop = asyncio.get_running_loop()
    phones: list[Phone] = []
    while line := await loop.run_in_executor(None, sys.stdin.readline):
        command = json.loads(line)
        if command["do"] == "baseline":
            say(await baseline(command["url"], command["count"]))
        elif command["do"] == "join":
            started = time.monotonic()
            phones = [Phone(command["url"], n) for n in range(command["count"])]
            await asyncio.gather(*(phone.join(command["code"]) for phone in phones))
            await asyncio.wait_for(asyncio.gather(*(phone.connected for phone in phones)), 120)
            say({"seconds": time.monotonic() - started})
        elif command["do"] == "settle":
            reads = sum(phone.reads for phone in phones)
            await asyncio.sleep(SETTLE)
            say({"reads": sum(phone.reads for phone in phones) - reads})
        elif command["do"] == "post":
            before = [(phone.changed, phone.reads) for phone in phones]
            cpu = time.process_time()
            result = await posts(phones, command["path"], command["bodies"], command["window"])
            await asyncio.sleep(SETTLE)
            result["changed"] = [phone.changed - b[0] for phone, b in zip(phones, before, strict=True)]
            result["reads"] = [phone.reads - b[1] for phone, b in zip(phones, before, strict=True)]
            result["cpu"] = time.process_time() - cpu
            say(result)
    await asyncio.gather(*(phone.close() for phone in phones))


# --- The console's process -------------------------------------------------------------------------------------

class Generator:
    """The phones' process, driven by one JSON line each way; while it works, the console's event loop turns."""

    def __init__(self, app: Any) -> None:
        self._app = app
        self._process = subprocess.Popen([sys.executable, __file__, "--generator"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, text=True)
        self._lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        for line in self._process.stdout:
            self._lines.put(line)
        self._lines.put("")

    def ask(self, **command: Any) -> dict[str, Any]:
        assert self._process.stdin is not None
        self._process.stdin.write(json.dumps(command) + "\n")
        self._process.stdin.flush()
        while True:
            try:
                line = self._lines.get(timeout=0.002)
            except queue.Empty:
                self._app.processEvents()
                continue
            if not line:
                raise SystemExit("the phones' process ended early")
            return dict(json.loads(line))

    def close(self) -> None:
        assert self._process.stdin is not None
        self._process.stdin.close()
        self._process.wait(timeout=60)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def thread_cpu() -> dict[str, float]:
    """CPU seconds used so far by each thread of this process, by thread name (the server's loop, its database
    workers, the console's GUI thread…)."""
    ticks, used = os.sysconf("SC_CLK_TCK"), {}
    names = {thread.native_id: thread.name for thread in threading.enumerate()}
    for task in Path("/proc/self/task").iterdir():
        try:
            name = names.get(int(task.name)) or (task / "comm").read_text().strip()
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        used[name] = used.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / ticks
    return used


def cpu_line(before: dict[str, float], seconds: float) -> str:
    after = thread_cpu()
    spent = sorted(((after[name] - before.get(name, 0.0), name) for name in after), reverse=True)
    return "  server CPU: " + ", ".join(f"{name} {cpu:.1f} s" for cpu, name in spent[:5] if cpu >= 0.05) + (
        f" (over {seconds:.1f} s)")


def trivial_server() -> str:
    """An aiohttp server that answers 200 to any POST, in its own thread and loop (as the participant server)."""
    async def ok(_request: web.Request) -> web.Response:
        return web.json_response({"recorded": True})

    started: queue.Queue[int] = queue.Queue()

    def serve() -> None:
        loop = asyncio.new_event_loop()
        app = web.Application()
        app.router.add_post("/s/{code}/api/ballots/{id}/paper", ok)
        app.router.add_get("/s/{code}/", ok)
        runner = web.AppRunner(app, handle_signals=False)
        loop.run_until_complete(runner.setup())
        site = web.TCPSite(runner, "127.0.0.1", 0, backlog=1024)
        loop.run_until_complete(site.start())
        started.put(int(runner.addresses[0][1]))
        loop.run_forever()

    threading.Thread(target=serve, daemon=True).start()
    return f"http://127.0.0.1:{started.get(timeout=30)}"


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def latency_line(name: str, result: dict[str, Any]) -> str:
    values = result["latencies"]
    return (f"{name:<28} median {statistics.median(values):7.1f}  p95 {quantile(values, 0.95):7.1f}  "
            f"p99 {quantile(values, 0.99):7.1f}  max {max(values):7.1f} ms  (sent over {result['sent_over']:.2f} s)")


def spread(values: list[int]) -> str:
    return f"min {min(values)}, median {statistics.median(values):g}, max {max(values)}"


class Console:
    """The console offscreen with the demo open, sitting 1 served to phones, a dot vote open on the projector."""

    SITTING = 1

    def __init__(self, folder: Path) -> None:
        from PySide6.QtWidgets import QApplication

        from workshop_desk.services.demo import build_demo
        from workshop_desk.services.settings import Settings
        from workshop_desk.ui.shell import Shell

        self.app = QApplication.instance() or QApplication([])
        self.path = folder / "demo.wdesk"
        build_demo(self.path, folder / "backups").database.close()
        self.shell = Shell(Settings(), settings_path=folder / "s.json", backup_root=folder / "backups")
        window = self.shell.build_window()
        window.resize(1280, 720)
        window.show()
        assert self.shell.open_path(self.path)
        window.select_sitting(self.SITTING)
        self.shown: list[tuple[float, int]] = []  # (when, ballots) at each projector update
        self.shell.projector.window.content_shown.connect(self._on_shown)

    @property
    def document(self) -> Any:
        assert self.shell.document is not None
        return self.shell.document

    def _on_shown(self) -> None:
        result = self.shell.projector.content().result
        self.shown.append((time.monotonic(), result.ballots if result is not None else -1))

    def open_ballot(self) -> Any:
        from workshop_desk.domain.enums import BallotMethod, ProjectorMode
        from workshop_desk.domain.voting import DotSettings
        from workshop_desk.ui.commands.votes import ShowRequest

        ballots = self.document.workspace.ballots
        ballot = ballots.create(self.SITTING, "Priorités de la salle", BallotMethod.DOTS,
                                [f"Piste n° {n}" for n in range(1, 11)], settings=DotSettings(dots_per_voter=3))
        ballots.open(ballot.id)
        self.document.ballots_changed.emit(self.SITTING)
        self.document.votes.show(ShowRequest(ProjectorMode.RESULTS, ballot.id))
        return ballot

    def phones_on(self) -> tuple[str, str]:
        """Switched on as the facilitator does; returns (server URL, join code)."""
        self.document.phones.set_enabled(self.SITTING, True)
        url = self.document.phone_room.start(self.SITTING, "127.0.0.1")
        base, code = url.rsplit("/s/", 1)
        return base, code

    def shown_at(self, ballots: int, deadline: float) -> float | None:
        """When the projector first showed `ballots` ballots, waiting up to `deadline` (monotonic)."""
        while time.monotonic() < deadline:
            self.app.processEvents()
            for when, shown in self.shown:
                if shown >= ballots:
                    return when
            time.sleep(0.002)
        return None


def file_counts(path: Path, ballot_id: int, sitting_id: int) -> dict[str, int]:
    connection = sqlite3.connect(path, timeout=30)
    try:
        one = lambda sql, *args: int(connection.execute(sql, args).fetchone()[0])  # noqa: E731
        return {
            "voters": one("SELECT COUNT(*) FROM ballot_voter WHERE ballot_id = ?", ballot_id),
            "vote_voters": one("SELECT COUNT(DISTINCT voter_key) FROM vote WHERE ballot_id = ?", ballot_id),
            "doubled": one("SELECT COUNT(*) FROM (SELECT voter_key FROM vote WHERE ballot_id = ? GROUP BY voter_key "
                           "HAVING COUNT(*) != 2)", ballot_id),
            "ideas": one("SELECT COUNT(*) FROM idea WHERE sitting_id = ? AND source = 'phone'", sitting_id),
        }
    finally:
        connection.close()


class Goals:
    def __init__(self) -> None:
        self.missed: list[str] = []

    def check(self, ok: bool, message: str) -> None:
        if not ok:
            self.missed.append(message)
            print(f"  MISSED: {message}")


def run_ballots(console: Console, phones: Generator, args: argparse.Namespace, code: str, goals: Goals,
                bare_median: float) -> None:
    ballot = console.open_ballot()
    if not args.rush:
        opened = time.monotonic()
        reads = phones.ask(do="settle")["reads"]  # the room reads the ballot before it votes
        print(f"  ballot opened: {reads} state reads by the phones within {time.monotonic() - opened:.1f} s")
    first, third = ballot.options[0].id, ballot.options[2].id
    bodies = [{"marks": [{"option_id": first, "value": 2}, {"option_id": third, "value": 1}]}] * args.ballots
    console.shown.clear()
    cpu, started = thread_cpu(), time.monotonic()
    result = phones.ask(do="post", path=f"/s/{code}/api/ballots/{ballot.id}/paper", bodies=bodies,
                        window=BALLOT_WINDOW)
    print(latency_line(f"{args.ballots} ballots, the app", result)
          + f"  {statistics.median(result['latencies']) / bare_median:.0f}x the bare median")
    answered = sum(status == 200 for status in result["statuses"])
    goals.check(answered == args.ballots, f"{answered} of {args.ballots} ballots answered 200 "
                f"(others: {sorted(set(result['statuses']) - {200})})")
    goals.check(statistics.median(result["latencies"]) <= MEDIAN_MS, f"median acknowledgement over {MEDIAN_MS} ms")
    goals.check(quantile(result["latencies"], 0.99) <= P99_MS, f"p99 acknowledgement over {P99_MS} ms")
    shown = console.shown_at(args.ballots, result["last"] + 10)
    delay = None if shown is None else shown - result["last"]
    print(f"  projector showing {args.ballots} ballots: "
          f"{'never (10 s)' if delay is None else f'{delay:.3f} s after the last acknowledgement'}; "
          f"{len(console.shown)} projector updates")
    goals.check(delay is not None and delay <= PROJECTOR_S, f"projector not updated within {PROJECTOR_S} s")
    counts = file_counts(console.path, ballot.id, console.SITTING)
    print(f"  in the file: {counts['voters']} voters, {counts['vote_voters']} voters with votes, "
          f"{counts['doubled']} voters with other than their 2 marks")
    goals.check(counts["voters"] == counts["vote_voters"] == args.ballots and not counts["doubled"],
                "ballots lost or doubled in the file")
    print(f"  per phone: changed events {spread(result['changed'])}; state reads {spread(result['reads'])}")
    print(cpu_line(cpu, time.monotonic() - started) + f"; the phones' process: {result['cpu']:.1f} s")


def run_ideas(console: Console, phones: Generator, args: argparse.Namespace, code: str, goals: Goals) -> None:
    bodies = [{"text": f"Idée n° {n} : une navette depuis la gare"} for n in range(args.ideas)]
    cpu, started = thread_cpu(), time.monotonic()
    result = phones.ask(do="post", path=f"/s/{code}/api/ideas", bodies=bodies, window=args.seconds)
    print(latency_line(f"{args.ideas} ideas over {args.seconds:g} s", result))
    answered = sum(status == 201 for status in result["statuses"])
    goals.check(answered == args.ideas, f"{answered} of {args.ideas} ideas answered 201 "
                f"(others: {sorted(set(result['statuses']) - {201})})")
    console.shown_at(10**9, time.monotonic() + 1)  # the console takes the last ones in
    ideas = file_counts(console.path, 0, console.SITTING)["ideas"]
    print(f"  in the file: {ideas} ideas from phones; per phone: changed events {spread(result['changed'])}; "
          f"state reads {spread(result['reads'])}")
    goals.check(ideas == args.ideas, f"{ideas} ideas in the file, {args.ideas} sent")
    print(cpu_line(cpu, time.monotonic() - started) + f"; the phones' process: {result['cpu']:.1f} s")


def main() -> None:
    args = options()
    if args.generator:
        asyncio.run(generator())
        return
    folder = Path(tempfile.mkdtemp(prefix="wdesk-load-"))
    console, goals = Console(folder), Goals()
    phones = Generator(console.app)
    try:
        bare = phones.ask(do="baseline", url=trivial_server(), count=args.ballots)
        print(latency_line(f"{args.ballots} posts, bare aiohttp", bare))
        before = rss_mb()
        base, code = console.phones_on()
        joined = phones.ask(do="join", url=base, code=code, count=args.phones)
        print(f"{args.phones} phones holding their event stream after {joined['seconds']:.2f} s "
              f"(page, state, stream); server RSS +{rss_mb() - before:.0f} MB")
        run_ballots(console, phones, args, code, goals, statistics.median(bare["latencies"]))
        grown = rss_mb() - before
        print(f"  server RSS growth since phones on: {grown:.0f} MB")
        goals.check(grown <= MEMORY_MB, f"memory growth over {MEMORY_MB} MB")
        if args.ideas:
            run_ideas(console, phones, args, code, goals)
            print(f"  server RSS growth since phones on: {rss_mb() - before:.0f} MB")
    finally:
        phones.close()
        console.shell.about_to_quit()
        shutil.rmtree(folder, ignore_errors=True)
    if goals.missed:
        raise SystemExit("goals missed: " + "; ".join(goals.missed))
    print("every goal met")


if __name__ == "__main__":
    main()
