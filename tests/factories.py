"""Builders for tests: a fresh programme file per test, drafts with sensible defaults, fake clocks."""

import hashlib
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from workshop_desk.domain.enums import ItemKind, SittingKind
from workshop_desk.domain.models import ItemDraft, ProgrammeDraft, SittingDraft
from workshop_desk.services.workspace import Workspace
from workshop_desk.storage import header, migrate
from workshop_desk.storage.header import APPLICATION_ID, FileProblem

T0 = datetime(2027, 1, 14, 8, 0, tzinfo=UTC)


def programme_draft(**overrides: object) -> ProgrammeDraft:
    base = ProgrammeDraft(title="Plan économique du quartier", client="Ville de Saint-Aubin",
                          territory="Gare-Confluence", start_date=date(2027, 1, 11),
                          end_date=date(2027, 3, 26))
    return replace(base, **overrides)


def sitting_draft(**overrides: object) -> SittingDraft:
    base = SittingDraft(title="Atelier santé", kind=SittingKind.WORKSHOP, date=date(2027, 2, 2),
                        start_time=time(14, 0), end_time=time(16, 30), venue="Pépinière",
                        facilitators="Claire Vasseur", expected_headcount=20, objectives="Faire émerger")
    return replace(base, **overrides)


def item_draft(**overrides: object) -> ItemDraft:
    base = ItemDraft(title="Tour de table", kind=ItemKind.ROUND_TABLE, planned_minutes=15, notes="")
    return replace(base, **overrides)


def make_workspace(tmp_path: Path, sittings: int | Iterable[SittingDraft] = 0, items: int = 0,
                   template: str | None = None, name: str = "programme.wdesk") -> Workspace:
    """A new programme file under `tmp_path` (backups under `tmp_path/backups`).

    `sittings` is a count of sittings ("Séance 1", "Séance 2"...) or a list of drafts; each sitting
    gets `items` agenda items ("Point 1"... of 10 minutes) or, with `template`, that template's agenda.
    """
    workspace = Workspace.create(tmp_path / name, programme_draft(), backup_root(tmp_path))
    drafts = ([sitting_draft(title=f"Séance {n + 1}") for n in range(sittings)]
              if isinstance(sittings, int) else list(sittings))
    for draft in drafts:
        sitting = workspace.sittings.create(draft, template).sitting
        for n in range(items):
            workspace.agenda.add(sitting.id, item_draft(title=f"Point {n + 1}", planned_minutes=10))
    return workspace


def backup_root(tmp_path: Path) -> Path:
    return tmp_path / "backups"


def make_programme_file(tmp_path: Path, name: str = "programme.wdesk", sittings: int = 3,
                        items: int = 4) -> Path:
    """A closed, sound programme file with some content."""
    workspace = make_workspace(tmp_path, sittings=sittings, items=items, name=name)
    workspace.database.close()
    return workspace.path


class FakeWall:
    """A wall clock that only moves when told to."""

    def __init__(self, start: datetime = T0) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


class FakeMono:
    """A monotonic clock that only moves when told to."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        self.now += seconds
        return self.now


# --- Files that must be refused, each built from a sound programme file -------------------------

def _random_bytes(sound: Path, target: Path) -> None:
    target.write_bytes(os.urandom(8192))


def _empty(sound: Path, target: Path) -> None:
    target.write_bytes(b"")


def _foreign(sound: Path, target: Path) -> None:
    with closing(sqlite3.connect(target)) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT, email TEXT)")
        connection.execute("INSERT INTO contacts VALUES ('Léa', 'lea@exemple.fr')")
        connection.commit()


def _truncated(sound: Path, target: Path) -> None:
    data = sound.read_bytes()
    target.write_bytes(data[: len(data) // 2])


def _too_new(sound: Path, target: Path) -> None:
    shutil.copyfile(sound, target)
    with closing(sqlite3.connect(target)) as connection:
        connection.execute(f"PRAGMA user_version = {header.SCHEMA_VERSION + 1}")


def _unknown_revision(sound: Path, target: Path) -> None:
    shutil.copyfile(sound, target)
    with closing(sqlite3.connect(target)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f00dfeed9999'")
        connection.commit()


def _unknown_revision_rollback_journal(sound: Path, target: Path) -> None:
    """As above, in a file in rollback-journal mode (how backups and copies are written)."""
    shutil.copyfile(sound, target)
    with closing(sqlite3.connect(target)) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute("UPDATE alembic_version SET version_num = 'f00dfeed9999'")
        connection.commit()


def _garbage_on_page(sound: Path, target: Path, page: int | None) -> None:
    """A copy with page `page` (1-based; None: the middle one) overwritten; the header is kept."""
    data = bytearray(sound.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    number = page or len(data) // page_size // 2
    garbage = bytes((i * 131 + 7) % 256 for i in range(page_size))
    data[(number - 1) * page_size: number * page_size] = garbage
    target.write_bytes(bytes(data))


def _corrupt_page(sound: Path, target: Path) -> None:
    _garbage_on_page(sound, target, 3)


def _corrupt_middle_page(sound: Path, target: Path) -> None:
    _garbage_on_page(sound, target, None)


def crashed_copy(workspace: Workspace, target: Path) -> Path:
    """The file and its write-ahead log as the disk holds them after a power cut (copied raw while open)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal"):
        Path(f"{target}{suffix}").write_bytes(Path(f"{workspace.path}{suffix}").read_bytes())
    return target


def _live(folder: Path, name: str = "live.wdesk") -> Workspace:
    """An open programme whose latest changes are still in its log."""
    workspace = make_workspace(folder, sittings=2, items=3, name=name)
    workspace.sittings.create(sitting_draft(title="Ajoutée après coup"))
    return workspace


def _no_programme(sound: Path, target: Path) -> None:
    make_pre_alembic_file(target)


def _foreign_log(sound: Path, target: Path) -> None:
    """A sound programme with another database's log beside it."""
    shutil.copyfile(sound, target)
    other = target.with_name("other.sqlite")
    with closing(sqlite3.connect(other, isolation_level=None)) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA wal_autocheckpoint = 0")
        connection.execute("CREATE TABLE contacts (name TEXT, email TEXT)")
        connection.execute("INSERT INTO contacts VALUES ('Léa', 'lea@exemple.fr')")
        Path(f"{target}-wal").write_bytes(Path(f"{other}-wal").read_bytes())
    for leftover in other.parent.glob("other.sqlite*"):
        leftover.unlink()


def _other_programme_log(sound: Path, target: Path) -> None:
    """A sound programme with another programme's log beside it (two files of the same name swapped)."""
    shutil.copyfile(sound, target)
    live = _live(target.parent / "elsewhere")
    Path(f"{target}-wal").write_bytes(Path(f"{live.path}-wal").read_bytes())
    live.close()
    shutil.rmtree(target.parent / "elsewhere")


def _stale_log(sound: Path, target: Path) -> None:
    """An older copy of the same programme copied over a file that a crash left with its log."""
    live = _live(target.parent / "elsewhere")
    older = target.parent / "older.wdesk"
    live.database.copy_to(older)
    live.sittings.create(sitting_draft(title="Plus récente"))
    crashed_copy(live, target)
    live.close()
    shutil.copyfile(older, target)
    older.unlink()
    shutil.rmtree(target.parent / "elsewhere")


def _not_a_log(sound: Path, target: Path) -> None:
    shutil.copyfile(sound, target)
    Path(f"{target}-wal").write_bytes(os.urandom(4096))


BAD_FILES: dict[str, Callable[[Path, Path], None]] = {
    "random_bytes": _random_bytes,
    "empty": _empty,
    "foreign_sqlite": _foreign,
    "truncated": _truncated,
    "too_new_user_version": _too_new,
    "unknown_revision": _unknown_revision,
    "unknown_revision_rollback_journal": _unknown_revision_rollback_journal,
    "corrupt_page": _corrupt_page,
    "corrupt_middle_page": _corrupt_middle_page,
    "no_programme": _no_programme,
    "foreign_log": _foreign_log,
    "other_programme_log": _other_programme_log,
    "stale_log": _stale_log,
    "not_a_log": _not_a_log,
}


# What opening each kind of bad file must report.
BAD_FILE_PROBLEMS = {
    "random_bytes": FileProblem.NOT_SQLITE,
    "empty": FileProblem.NOT_SQLITE,
    "foreign_sqlite": FileProblem.FOREIGN,
    "truncated": FileProblem.TRUNCATED,
    "too_new_user_version": FileProblem.TOO_NEW,
    "unknown_revision": FileProblem.TOO_NEW,
    "unknown_revision_rollback_journal": FileProblem.TOO_NEW,
    "corrupt_page": FileProblem.CORRUPT,
    "corrupt_middle_page": FileProblem.CORRUPT,
    "no_programme": FileProblem.NO_PROGRAMME,
    "foreign_log": FileProblem.FOREIGN_LOG,
    "other_programme_log": FileProblem.FOREIGN_LOG,
    "stale_log": FileProblem.FOREIGN_LOG,
    "not_a_log": FileProblem.FOREIGN_LOG,
}


def make_bad_file(tmp_path: Path, kind: str) -> Path:
    """A file of the given BAD_FILES kind, in a folder of its own under `tmp_path`."""
    sound = make_programme_file(tmp_path / "sound")
    folder = tmp_path / "bad"
    folder.mkdir(exist_ok=True)
    target = folder / f"{kind}.wdesk"
    BAD_FILES[kind](sound, target)
    return target


def make_pre_alembic_file(path: Path) -> Path:
    """A file marked as ours but with no schema yet: what a creation cut short by a crash left, before creation
    became atomic."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path)) as connection:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.commit()
    return path


def make_revision_file(path: Path, revision: str = "0001") -> Path:
    """A programme file written by an older version: its schema at `revision`, with a programme, a sitting, a
    group, two participants (one in the group), a soft-deleted note and a ballot option that named it."""
    from alembic import command
    from sqlalchemy import create_engine

    make_pre_alembic_file(path)
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            command.upgrade(migrate.alembic_config(connection), revision)
            for statement in _OLD_ROWS:
                connection.exec_driver_sql(statement)
    finally:
        engine.dispose()
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


_OLD_ROWS = (
    "INSERT INTO programme (id, title, client, territory, objectives, privacy_notice, retention_years, created_at) "
    "VALUES (1, 'Démarche ancienne', '', '', '', '', 3, '2026-11-01 08:00:00.000000')",
    "INSERT INTO stakeholder_group (id, programme_id, name, colour, position) VALUES (1, 1, 'Entreprises', "
    "'#1E88E5', 0)",
    "INSERT INTO sitting (id, programme_id, title, kind, venue, facilitators, expected_headcount, objectives, "
    "position) VALUES (1, 1, 'Atelier', 'workshop', '', '', 0, '', 0)",
    "INSERT INTO participant (id, programme_id, civility, first_name, last_name, organisation, role, group_id, email,"
    " phone, notes, consent_contact, consent_photos, badge_code, anonymised, created_at) VALUES (1, 1, '', 'Léa', "
    "'Martin', '', '', 1, '', '', '', 0, 0, 'AAAA1111', 0, '2026-11-01 08:00:00.000000'), (2, 1, '', 'Paul', "
    "'Durand', '', '', NULL, '', '', '', 0, 0, 'BBBB2222', 0, '2026-11-01 08:00:00.000000')",
    "INSERT INTO idea (id, sitting_id, text, author, colour, x, y, hidden, deleted, source, created_at) VALUES "
    "(1, 1, 'Gardée', '', '', 0, 0, 0, 0, 'console', '2026-11-01 08:00:00.000000'), (2, 1, 'Effacée', '', '', 0, 0,"
    " 0, 1, 'console', '2026-11-01 08:00:00.000000')",
    "INSERT INTO ballot (id, sitting_id, title, method, settings_json, status, revealed, shuffled, created_at) "
    "VALUES (1, 1, 'Vote', 'dots', '{}', 'draft', 0, 0, '2026-11-01 08:00:00.000000')",
    "INSERT INTO ballot_option (id, ballot_id, idea_id, label, description, position) VALUES "
    "(1, 1, 2, 'Effacée', '', 0), (2, 1, 1, 'Gardée', '', 1)",
)


def folder_state(folder: Path) -> dict[str, str]:
    """Every file in `folder` and a digest of its bytes: what must stay the same when a file is refused."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def side_files(path: Path) -> list[str]:
    """The SQLite companion files (-wal, -shm, -journal) that exist next to `path`."""
    return sorted(p.name for p in path.parent.glob(f"{path.name}-*"))
