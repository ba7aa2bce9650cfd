"""Which automatic backups to keep: the last ten, and the newest of each of the last seven days."""

from datetime import datetime, timedelta

KEEP_LAST = 10
KEEP_DAYS = 7
INTERVAL_SECONDS = 5 * 60


def backups_to_keep(stamps: list[datetime], now: datetime) -> set[datetime]:
    """The subset of backup time stamps that the rotation keeps."""
    newest_first = sorted(stamps, reverse=True)
    keep = set(newest_first[:KEEP_LAST])
    seen_days: set[object] = set()
    horizon = now - timedelta(days=KEEP_DAYS)
    for stamp in newest_first:
        day = stamp.date()
        if stamp >= horizon and day not in seen_days:
            seen_days.add(day)
            keep.add(stamp)
    return keep
