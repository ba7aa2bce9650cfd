"""Personal data: the notice shown at sign-in and on the attendance sheet, and the retention rule."""

import datetime as dt
from collections.abc import Callable

DEFAULT_RETENTION_YEARS = 3


def default_notice(_: Callable[[str], str]) -> str:
    """The default privacy notice, in the language of the translator `_`."""
    return _(
        "Your name, organisation and signature are collected to prove attendance to the funders of this "
        "programme, and your contact details to send you its results. They are kept for {years} years, "
        "then deleted. Contributions and votes are anonymous. To see, correct or delete your data, ask the "
        "facilitators."
    )


def notice(text: str, years: int, _: Callable[[str], str]) -> str:
    """The programme's own notice, or the default one, with the retention period filled in."""
    return (text.strip() or default_notice(_)).replace("{years}", str(years))


def retention_ends(last_seen: dt.date, years: int) -> dt.date:
    """The day after which a person's data must be purged."""
    try:
        return last_seen.replace(year=last_seen.year + years)
    except ValueError:  # 29 February
        return last_seen.replace(year=last_seen.year + years, day=28)
