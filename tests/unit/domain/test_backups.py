"""Backup rotation: the last ten, plus the newest of each of the last seven days."""

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from workshop_desk.domain.backups import KEEP_DAYS, KEEP_LAST, backups_to_keep

NOW = datetime(2027, 3, 20, 18, 0, tzinfo=UTC)


def test_keeps_everything_when_there_are_few():
    stamps = [NOW - timedelta(minutes=5 * n) for n in range(KEEP_LAST)]
    assert backups_to_keep(stamps, NOW) == set(stamps)


def test_keeps_the_last_ten_and_the_newest_of_each_of_the_last_seven_days():
    today = [NOW - timedelta(minutes=5 * n) for n in range(30)]  # every 5 minutes, 2.5 hours
    earlier = [datetime(2027, 3, day, hour, tzinfo=UTC) for day in range(5, 20) for hour in (9, 12, 16)]
    keep = backups_to_keep(today + earlier, NOW)
    newest_per_day = {datetime(2027, 3, day, 16, tzinfo=UTC) for day in (14, 15, 16, 17, 18, 19)}
    # the horizon is 2027-03-13 18:00: the 13th's 16:00 copy is older than seven days
    assert keep == set(today[:KEEP_LAST]) | newest_per_day
    assert datetime(2027, 3, 13, 16, tzinfo=UTC) not in keep
    assert datetime(2027, 3, 19, 12, tzinfo=UTC) not in keep


def test_old_backups_beyond_the_last_ten_are_dropped():
    stamps = [NOW - timedelta(days=30 + n) for n in range(15)]
    assert backups_to_keep(stamps, NOW) == set(sorted(stamps, reverse=True)[:KEEP_LAST])


def test_empty():
    assert backups_to_keep([], NOW) == set()


stamps_strategy = st.lists(
    st.datetimes(min_value=datetime(2027, 1, 1), max_value=datetime(2027, 4, 1), timezones=st.just(UTC)),
    min_size=1, max_size=200, unique=True,
)


@given(stamps_strategy, st.datetimes(min_value=datetime(2027, 1, 1), max_value=datetime(2027, 4, 10),
                                     timezones=st.just(UTC)))
def test_rotation_keeps_the_newest_and_never_more_than_seventeen(stamps, now):
    keep = backups_to_keep(stamps, now)
    assert max(stamps) in keep
    assert keep <= set(stamps)
    assert len(keep) <= KEEP_LAST + KEEP_DAYS
    assert len(keep) >= min(len(stamps), KEEP_LAST)


@given(stamps_strategy)
def test_rotation_is_stable(stamps):
    """Pruning what was kept, a moment later, deletes nothing more."""
    now = max(stamps) + timedelta(minutes=1)
    keep = backups_to_keep(stamps, now)
    assert backups_to_keep(sorted(keep), now) == keep


def test_backups_stamped_in_the_future_do_not_pile_up():
    """After the system clock was set years ahead and then corrected, its backups must not stay for ever."""
    future = [datetime(2031, 1, 1, tzinfo=UTC) + timedelta(days=n) for n in range(40)]
    recent = [NOW - timedelta(minutes=5 * n) for n in range(12)]
    keep = backups_to_keep(future + recent, NOW)
    assert len(keep) <= KEEP_LAST + KEEP_DAYS
    assert max(future) in keep
    assert recent[0] in keep  # still the newest of today
