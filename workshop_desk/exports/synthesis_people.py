"""The sheets of the Excel synthesis about people: the summary's counts, attendance (each person counted once
across sittings), those present, and speaking time by speaker and by stakeholder group."""

from collections import defaultdict
from collections.abc import Callable, Iterable

from workshop_desk.domain.attendance import RosterEntry
from workshop_desk.domain.enums import AttendanceStatus
from workshop_desk.domain.people import fold
from workshop_desk.domain.report import ProgrammeReport, ReportOptions, SittingReport
from workshop_desk.domain.speaking import SpeakingTurn, spoken_seconds
from workshop_desk.exports.synthesis_sheets import (
    DATE,
    INTEGER,
    MINUTES,
    PERCENT,
    TEXT,
    TIME,
    Chart,
    Sheet,
    Translate,
    Value,
    kept_ideas,
    scope,
    shown_questions,
    when,
)

_RATE = '=IF({c}{row}=0,"",{d}{row}/{c}{row})'  # present / registered


def registered(entry: RosterEntry) -> bool:
    """Registered or came (the attendance report's "registered"): anyone expected but a mere invitation."""
    return entry.attendance is not None and entry.attendance.status != AttendanceStatus.INVITED


def present(entry: RosterEntry) -> bool:
    return entry.attendance is not None and entry.attendance.status == AttendanceStatus.PRESENT


def people(sittings: Iterable[SittingReport]) -> tuple[set[int], set[int]]:
    """The people registered and the people present at one sitting at least: each counted once."""
    everyone, came = set(), set()
    for s in sittings:
        for entry in s.roster:
            if registered(entry):
                everyone.add(entry.participant.id)
            if present(entry):
                came.add(entry.participant.id)
    return everyone, came


def key_figures(_: Translate, report: ProgrammeReport) -> list[tuple[str, Value]]:
    """The figures above the summary's table; people are counted once, however many sittings they came to."""
    sittings = report.sittings
    return [(_("Sittings"), len(sittings)),
            (_("People present (each counted once)"), len(people(sittings)[1])),
            (_("Attendances (present, sitting by sitting)"), sum(1 for s in sittings for e in s.roster if present(e))),
            (_("Ideas"), sum(len(kept_ideas(s)) for s in sittings)),
            (_("Questions"), sum(len(shown_questions(s)) for s in sittings)),
            (_("Ballots"), sum(len(s.ballots) for s in sittings)),
            (_("Ballot papers"), sum(b.result.voters for s in sittings for b in s.ballots)),
            (_("Priorities"), sum(len(s.priorities) for s in sittings)),
            (_("Actions"), len(report.actions))]


def summary(_: Translate, report: ProgrammeReport) -> Sheet:
    """One line per sitting, its totals, and (over several sittings) the people counted once."""
    sheet = Sheet("Summary", _("Summary"), [(_("Sitting"), TEXT, 40), (_("Date"), DATE, 13),
                                            (_("Registered"), INTEGER, 11), (_("Present"), INTEGER, 11),
                                            (_("Ideas"), INTEGER, 9), (_("Questions"), INTEGER, 10),
                                            (_("Ballots"), INTEGER, 9), (_("Ballot papers"), INTEGER, 9),
                                            (_("Priorities"), INTEGER, 10), (_("Actions"), INTEGER, 9)],
                  totals=[2, 3, 4, 5, 6, 7, 8, 9])
    unkept: list[str] = []
    for s in report.sittings:
        signed = sum(1 for e in s.roster if present(e))
        expected = sum(1 for e in s.roster if registered(e))
        kept = bool(signed) or not expected  # registered people, nobody signed in: sign-in was not kept in the app
        if not kept:
            unkept.append(s.sitting.title)
        sheet.rows.append([s.sitting.title, s.sitting.date, expected, signed if kept else None, len(kept_ideas(s)),
                           len(shown_questions(s)), len(s.ballots), sum(b.result.voters for b in s.ballots),
                           len(s.priorities), len(s.actions)])
    if unkept:
        sheet.notes.append([_("Sign-in was not kept in the app for: {sittings}.").format(
            sittings=", ".join(unkept)), *[None] * 9])
    if len(report.sittings) > 1:
        everyone, came = people(report.sittings)
        sheet.notes.append([_("People, each counted once"), None, len(everyone), len(came), *[None] * 6])
    return sheet


def _group_of(report: ProgrammeReport) -> Callable[[RosterEntry], int | None]:
    """The stakeholder group a roster entry counts in (None: no group, or one no longer in the programme)."""
    known = {group.id for group in report.groups}
    return lambda entry: entry.participant.group_id if entry.participant.group_id in known else None


def _ordered(report: ProgrammeReport, counts: dict[int | None, list[int]]) -> list[tuple[str, list[int]]]:
    """Counts (registered first) by group name in the groups' order, then no group; empty groups left out."""
    names = report.group_names()
    keys = [group.id for group in report.groups] + [None]
    return [(names.get(key) or "", counts[key]) for key in keys if key in counts and counts[key][0]]


def _by_group(entries: Iterable[RosterEntry], report: ProgrammeReport) -> list[tuple[str, list[int]]]:
    """[registered, present] by stakeholder group."""
    group_of = _group_of(report)
    counts: dict[int | None, list[int]] = defaultdict(lambda: [0, 0])
    for entry in entries:
        found = counts[group_of(entry)]
        found[0] += registered(entry)
        found[1] += present(entry)
    return _ordered(report, counts)


def _group_name(_: Translate, name: str) -> str:
    return name or _("No group")


def attendance(_: Translate, report: ProgrammeReport) -> Sheet:
    """Registered and present by sitting and stakeholder group; charted here for one sitting (over several, the
    people-by-group sheet has the chart: one bar per group, whatever the number of sittings)."""
    one = len(report.sittings) == 1
    sheet = Sheet("Attendance", _("Attendance"), [(_("Sitting"), TEXT, 36), (_("Stakeholder group"), TEXT, 28),
                                                  (_("Registered"), INTEGER, 11), (_("Present"), INTEGER, 11),
                                                  (_("Rate"), PERCENT, 9)],
                  totals=[2, 3], formulas={4: _RATE},
                  chart=Chart(_("Present by stakeholder group") + "\n" + scope(_, report), 1, 3) if one else None)
    for s in report.sittings:
        for name, (registered_, present_) in _by_group(s.roster, report):
            sheet.rows.append([s.sitting.title, _group_name(_, name), registered_, present_, None])
    return sheet


def people_by_group(_: Translate, report: ProgrammeReport) -> Sheet:
    """Over several sittings: the people of each stakeholder group, each counted once, and their attendances
    (a person who came to three sittings is one person present and three attendances)."""
    sheet = Sheet("People", _("People by group"), [(_("Stakeholder group"), TEXT, 30),
                                                   (_("People registered"), INTEGER, 12),
                                                   (_("People present"), INTEGER, 12), (_("Rate"), PERCENT, 9),
                                                   (_("Attendances"), INTEGER, 12)],
                  totals=[1, 2, 4], formulas={3: '=IF({b}{row}=0,"",{c}{row}/{b}{row})'},
                  chart=Chart(_("People present by stakeholder group") + "\n" + scope(_, report), 0, 2))
    if len(report.sittings) < 2:
        return sheet
    group_of = _group_of(report)
    counts: dict[int | None, list[int]] = defaultdict(lambda: [0, 0, 0])
    everyone, came = people(report.sittings)
    seen: set[int] = set()
    for s in report.sittings:
        for entry in s.roster:
            found, person = counts[group_of(entry)], entry.participant.id
            found[2] += present(entry)
            if person in everyone and person not in seen:  # the group a person had when first met
                seen.add(person)
                found[0] += 1
                found[1] += person in came
    for name, (registered_, present_, attendances) in _ordered(report, counts):
        sheet.rows.append([_group_name(_, name), registered_, present_, None, attendances])
    return sheet


def _by_name(entries: tuple[RosterEntry, ...], keys: dict[int, tuple[str, str, int]]) -> list[RosterEntry]:
    """The entries in alphabetical order (`keys`: each person's sort key, worked out once for every sitting)."""
    for e in entries:
        if e.participant.id not in keys:
            keys[e.participant.id] = (fold(e.participant.last_name), fold(e.participant.first_name), e.participant.id)
    return sorted(entries, key=lambda e: keys[e.participant.id])


def those_present(_: Translate, report: ProgrammeReport, options: ReportOptions) -> Sheet:
    names = report.group_names()
    sheet = Sheet("Present", _("Those present"), [(_("Sitting"), TEXT, 34), (_("Last name"), TEXT, 20),
                                                   (_("First name"), TEXT, 18), (_("Organisation"), TEXT, 30),
                                                   (_("Stakeholder group"), TEXT, 24), (_("Signed in"), TIME, 10)])
    if options.anonymise:
        return sheet
    keys: dict[int, tuple[str, str, int]] = {}
    for s in report.sittings:
        for e in _by_name(s.roster, keys):
            if present(e) and not e.participant.anonymised:
                p = e.participant
                signed_in = e.attendance.signed_in_at if e.attendance else None
                sheet.rows.append([s.sitting.title, p.last_name, p.first_name, p.organisation,
                                   names.get(p.group_id, ""), when(signed_in)])
    return sheet


def _spoken(turn: SpeakingTurn) -> float:
    """Minutes the speaker had the floor (a turn still running when the file was read counts as none)."""
    return round(spoken_seconds(turn, turn.ended_at or turn.started_at) / 60, 1)  # type: ignore[arg-type]


def speakers(_: Translate, report: ProgrammeReport, options: ReportOptions) -> Sheet:
    """Each turn that was taken, in order; speakers unnamed ("Speaker 1"…) and without their group when names are
    left out (the one elected official of a round table would be named by it)."""
    names = report.group_names()
    sheet = Sheet("Speakers", _("Speaking time"), [(_("Sitting"), TEXT, 30), (_("Agenda item"), TEXT, 26),
                                                  (_("Speaker"), TEXT, 36), (_("Stakeholder group"), TEXT, 24),
                                                  (_("Allotted (min)"), MINUTES, 12), (_("Spoke (min)"), MINUTES, 12)],
                  totals=[4, 5])
    for s in report.sittings:
        items = {i.id: i.title for i in s.items}
        for number, turn in enumerate((t for t in s.turns if t.started_at is not None), start=1):
            group = report.speaker_groups.get(turn.participant_id or 0)
            named = options.names_contributors
            speaker = turn.speaker_name if named else _("Speaker {number}").format(number=number)
            group_name = _group_name(_, names.get(group) or "") if named else ""  # it could name them
            sheet.rows.append([s.sitting.title, items.get(turn.agenda_item_id or 0, ""), speaker, group_name,
                               round(turn.allotted_seconds / 60, 1), _spoken(turn)])
    return sheet


def speaking_by_group(_: Translate, report: ProgrammeReport) -> Sheet:
    """Speaking time by stakeholder group over the workbook's sittings, with each group's share of it."""
    sheet = Sheet("SpeakingGroups", _("Speaking by group"), [(_("Stakeholder group"), TEXT, 30),
                                                             (_("Turns"), INTEGER, 9), (_("Spoke (min)"), MINUTES, 13),
                                                             (_("Share"), PERCENT, 9)],
                  totals=[1, 2, 3], chart=Chart(_("Speaking time by stakeholder group") + "\n" + scope(_, report),
                                                0, 2))
    turns: dict[int | None, int] = defaultdict(int)
    minutes: dict[int | None, float] = defaultdict(float)
    for s in report.sittings:
        for turn in (t for t in s.turns if t.started_at is not None):
            group = report.speaker_groups.get(turn.participant_id or 0)
            turns[group] += 1
            minutes[group] += _spoken(turn)
    whole = sum(minutes.values())
    names = report.group_names()
    for key in [g.id for g in report.groups if g.id in turns] + ([None] if None in turns else []):
        sheet.rows.append([_group_name(_, names.get(key) or ""), turns[key], round(minutes[key], 1),
                           minutes[key] / whole if whole else None])
    return sheet
