"""Personal data: the notice shown at sign-in and on the attendance sheet, and the retention rule."""

import datetime as dt

from workshop_desk.domain.models import Programme
from workshop_desk.i18n import Translator

DEFAULT_RETENTION_YEARS = 3


def default_notice(_: Translator, years: int, named: bool) -> str:
    """The default privacy notice in the translator's language. It says what the documents do: they name who asked
    or spoke only when the programme's contributions are `named`."""
    return " ".join((
        _("Your name, organisation and signature are collected to prove attendance to the funders of this "
          "programme, and your contact details to send you its results."),
        _.n("They are kept for {years} year, then deleted.", "They are kept for {years} years, then deleted.",
            years).format(years=years),
        _("Votes are anonymous. The minutes and the synthesis name who asked a question or took the floor.") if named
        else _("Contributions and votes are anonymous."),
        _("To see, correct or delete your data, ask the facilitators.")))


def notice(programme: Programme, _: Translator) -> str:
    """The programme's own notice with its retention period filled in for "{years}", or the default one."""
    own = programme.privacy_notice.strip()
    if own:
        return own.replace("{years}", str(programme.retention_years))
    return default_notice(_, programme.retention_years, programme.named_contributions)


def retention_ends(last_seen: dt.date, years: int) -> dt.date:
    """The day after which a person's data must be purged."""
    try:
        return last_seen.replace(year=last_seen.year + years)
    except ValueError:  # 29 February
        return last_seen.replace(year=last_seen.year + years, day=28)
