"""Automatic rotating backups of the open programme, and restoring one."""

import hashlib
import logging
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from workshop_desk.domain.backups import backups_to_keep
from workshop_desk.domain.clock import WallClock, utc_now
from workshop_desk.services.writes import writes
from workshop_desk.storage.db import Database, remove_leftovers
from workshop_desk.storage.programme_file import restorable

log = logging.getLogger(__name__)
_STAMP = "%Y%m%d-%H%M%S-%f"
_NAME = re.compile(r"^(?P<stem>.+)\.(?P<stamp>\d{8}-\d{6}-\d{6})\.wdesk$")


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    taken_at: datetime
    size: int


def folder_for(programme_path: Path, root: Path) -> Path:
    """Each programme file gets its own folder, named from its name and full path."""
    digest = hashlib.sha1(str(programme_path.resolve()).encode("utf-8")).hexdigest()[:10]
    return root / f"{programme_path.stem}-{digest}"


class BackupService:
    """Takes a backup when the file changed (or when asked), and keeps the rotation tidy."""

    def __init__(self, database: Database, root: Path, wall: WallClock = utc_now) -> None:
        self._db = database
        self._root = root
        self._folder = folder_for(database.path, root)
        self._now = wall
        self._saved_at_change = database.change_count  # the file as opened needs no copy of itself

    @property
    def has_unsaved_changes(self) -> bool:
        """True when something was committed since the last backup."""
        return self._db.change_count != self._saved_at_change

    def mark_unsaved(self) -> None:
        """Take a backup at the next chance even if nothing changes (a file just created has none yet)."""
        self._saved_at_change = -1

    def backup_if_changed(self) -> Backup | None:
        """A new backup if anything changed since the last one."""
        return self.backup_now() if self.has_unsaved_changes else None

    def backup_now(self) -> Backup:
        """Copy the file now (through the backup API) and prune old copies."""
        changes = self._db.change_count
        now = self._now()
        target = self._target(now)
        while target.exists():  # never over an earlier copy (one being restored, say): a microsecond later
            now += timedelta(microseconds=1)
            target = self._target(now)
        self._db.copy_to(target)
        log.info("backup of %s taken: %s", self._db.path, target.name)
        self._saved_at_change = changes
        self.prune()
        return Backup(target, now, target.stat().st_size)

    def _target(self, when: datetime) -> Path:
        return self._folder / f"{self._db.path.stem}.{when.astimezone(UTC):{_STAMP}}.wdesk"

    @writes
    def restore(self, backup: Path) -> Backup:
        """Make the open file hold what `backup` holds, in one transaction; the state left is backed up first (and
        returned), so that it can be restored in turn. A backup that is not a sound programme is refused
        (ProgrammeFileError) and nothing changes."""
        source = restorable(backup)
        try:
            before = self.backup_now()
            self._db.replace_contents(source)
        finally:
            if source != backup:
                shutil.rmtree(source.parent, ignore_errors=True)
        return before

    def all(self) -> list[Backup]:
        """This programme's backups, newest first."""
        return list_backups(self._folder)

    def remove_leftovers(self) -> int:
        """Delete the temporary copies that an interrupted backup left in this programme's backup folder, and those
        an interrupted copy before a migration left in the root; recent ones may be a copy another window is
        writing now, and stay. Returns how many files went."""
        return remove_leftovers(self._folder) + remove_leftovers(self._root)

    def prune(self) -> None:
        """Delete the backups that the rotation does not keep, and what copies cut short left in the folder."""
        backups = self.all()
        keep = backups_to_keep([b.taken_at for b in backups], self._now())
        for backup in backups:
            if backup.taken_at not in keep:
                backup.path.unlink(missing_ok=True)
        self.remove_leftovers()


def list_backups(folder: Path) -> list[Backup]:
    """The backups in `folder`, newest first."""
    found = []
    for path in folder.glob("*.wdesk") if folder.exists() else []:
        match = _NAME.match(path.name)
        if match:
            taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
            found.append(Backup(path, taken, path.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)
