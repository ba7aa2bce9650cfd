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
    # The last seven calendar days, today included; a stamp from after `now` (a clock that was set
    # wrong) is kept only among the last ten, else such stamps would pile up for ever.
    # Days are the user's local days (a French evening is already tomorrow in UTC).
    first_day, today = (now - timedelta(days=KEEP_DAYS - 1)).astimezone().date(), now.astimezone().date()
    for stamp in newest_first:
        day = stamp.astimezone().date()
        if first_day <= day <= today and day not in seen_days:
            seen_days.add(day)
            keep.add(stamp)
    return keep
