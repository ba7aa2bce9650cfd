"""A checkpoint and its anchor on a 200 MB programme file, after a log's worth of scattered changes (~4 MB, when the
app checkpoints): the anchor read in full (as before: every page digested) and in part (only the pages the log held),
against a bare `PRAGMA wal_checkpoint(TRUNCATE)` of the same amount of log.

    python tests/benchmarks/bench_checkpoint.py [--megabytes N] [--rounds N]
"""

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from workshop_desk.storage import db
from workshop_desk.storage.tables import WalAnchorTable

MEGABYTES = int(sys.argv[sys.argv.index("--megabytes") + 1]) if "--megabytes" in sys.argv else 200
ROUNDS = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 10
ROW = 1000  # bytes of a row: some four to a page
BATCH = 20_000


def build(path: Path) -> db.Database:
    """A programme-sized file of MEGABYTES, its first anchor written (read in full, as at opening)."""
    db.stamp_new_file(path)
    engine = db.make_engine(path)
    WalAnchorTable.metadata.create_all(engine, tables=[WalAnchorTable.__table__])  # type: ignore[list-item]
    database = db.Database(path, engine)
    database.checkpoint_bytes = 1 << 40  # checkpoints below are the benchmark's own
    with database.session() as session:
        session.connection().exec_driver_sql("CREATE TABLE vote (id INTEGER PRIMARY KEY, body BLOB)")
    while path.stat().st_size < MEGABYTES * 1_000_000:
        with database.session() as session:
            session.connection().exec_driver_sql(
                "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n LIMIT ?) "
                "INSERT INTO vote (body) SELECT randomblob(?) FROM n", (BATCH, ROW))
        db.checkpoint(engine)
    database.checkpoint()
    return database


def scatter(database: db.Database, rng: random.Random) -> None:
    """About a thousand pages changed across the file: a log of ~4 MB, the size at which the app checkpoints."""
    with database.session() as session:
        connection = session.connection()
        rows = int(connection.exec_driver_sql("SELECT max(id) FROM vote").scalar() or 1)
        for row in rng.sample(range(1, rows + 1), 1000):
            connection.exec_driver_sql("UPDATE vote SET body = randomblob(?) WHERE id = ?", (ROW, row))


def bare(database: db.Database) -> None:
    with closing(database.engine.raw_connection()) as raw:
        raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()  # type: ignore[union-attr]


def read_in_full(database: db.Database) -> None:
    database._anchored = None  # as before: the anchor digests every page
    database.checkpoint()


def timed(database: db.Database, rng: random.Random, run: Callable[[db.Database], None]) -> float:
    scatter(database, rng)
    started = time.perf_counter()
    run(database)
    return (time.perf_counter() - started) * 1000


def main() -> None:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        database = build(Path(folder) / "programme.wdesk")
        size = database.path.stat().st_size / 1_000_000
        times: dict[str, list[float]] = {"bare": [], "full": [], "part": []}
        for _ in range(ROUNDS):  # in this order: the anchor read in part follows one written by this database
            times["bare"].append(timed(database, rng, bare))
            times["full"].append(timed(database, rng, read_in_full))
            times["part"].append(timed(database, rng, db.Database.checkpoint))
        database.close()
    floor = statistics.median(times["bare"])
    print(f"checkpoint of ~4 MB of log into a {size:.0f} MB file, median of {ROUNDS} (max):")
    for name, label in (("bare", "bare PRAGMA wal_checkpoint(TRUNCATE)"), ("full", "checkpoint + anchor read in full"),
                        ("part", "checkpoint + anchor read in part")):
        median = statistics.median(times[name])
        print(f"  {label:<38} {median:7.1f} ms ({max(times[name]):7.1f})  {median / floor:5.2f}x bare")


if __name__ == "__main__":
    main()
