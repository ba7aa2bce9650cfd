"""The rows of each sheet of the Excel synthesis, as plain values (the workbook writer adds formats and tables)."""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from workshop_desk.domain.attendance import RosterEntry
from workshop_desk.domain.clock import local
from workshop_desk.domain.enums import AttendanceStatus, BallotMethod
from workshop_desk.domain.people import fold
from workshop_desk.domain.priorities import why
from workshop_desk.domain.report import ProgrammeReport, ReportOptions
from workshop_desk.domain.schulze_texts import facts
from workshop_desk.i18n import Translator

Translate = Translator  # the document's gettext, which knows its language
Value = str | int | float | dt.date | dt.datetime | None

# Number formats per column kind.
INTEGER, DECIMAL, MONEY, PERCENT, DATE, TIME, TEXT = "0", "General", "#,##0.00", "0%", "dd/mm/yyyy", "hh:mm", "@"


@dataclass
class Sheet:
    """One sheet: a table with a header row, column formats and widths, and optional totals below it."""

    key: str  # the Excel table name (unique, no spaces)
    title: str  # the tab name
    columns: list[tuple[str, str, float]]  # heading, number format ("" for general), width in characters
    rows: list[list[Value]] = field(default_factory=list)
    totals: list[int] = field(default_factory=list)  # columns summed with =SUM() under the table
    formulas: dict[int, str] = field(default_factory=dict)  # column -> formula with {row} (per row)
    chart: tuple[str, int, int] | None = None  # a bar chart: its title, the label column, the value column


def when(value: dt.datetime | None) -> dt.datetime | None:
    """A recorded moment in local time without its time zone (Excel has none)."""
    return local(value).replace(tzinfo=None) if value else None


def _counts(entries: list[RosterEntry]) -> tuple[int, int]:
    """Registered (everyone who registered or came) and present, as the attendance report counts them."""
    statuses = [e.attendance.status for e in entries if e.attendance]
    return (sum(1 for s in statuses if s != AttendanceStatus.INVITED),
            sum(1 for s in statuses if s == AttendanceStatus.PRESENT))


def _by_group(entries: list[RosterEntry], report: ProgrammeReport) -> list[tuple[int | None, int, int]]:
    """(group, registered, present) in the groups' order, then no group; groups nobody registered in left out."""
    members: dict[int | None, list[RosterEntry]] = {group.id: [] for group in report.groups}
    members[None] = []
    for entry in entries:
        key = entry.participant.group_id
        members[key if key in members else None].append(entry)
    counted = [(key, *_counts(found)) for key, found in members.items()]
    return [(key, registered, present) for key, registered, present in counted if registered]


def _by_name(entries: tuple[RosterEntry, ...]) -> list[RosterEntry]:
    return sorted(entries, key=lambda e: (fold(e.participant.last_name), fold(e.participant.first_name),
                                          e.participant.id))


def method_names(_: Translate) -> dict[BallotMethod, str]:
    return {BallotMethod.DOTS: _("Dot voting"), BallotMethod.POINTS: _("100-point allocation"),
            BallotMethod.RATING: _("Rating"), BallotMethod.RANKING: _("Ranking"),
            BallotMethod.MATRIX: _("Impact × feasibility"), BallotMethod.CRITERIA: _("Multi-criteria grid"),
            BallotMethod.CONSENT: _("Consent round"), BallotMethod.HANDS: _("Show of hands")}


def summary(_: Translate, report: ProgrammeReport) -> Sheet:
    sheet = Sheet("Summary", _("Summary"), [(_("Sitting"), TEXT, 40), (_("Date"), DATE, 12),
                                            (_("Registered"), INTEGER, 12), (_("Present"), INTEGER, 12),
                                            (_("Ideas"), INTEGER, 10), (_("Questions"), INTEGER, 11),
                                            (_("Ballots"), INTEGER, 10), (_("Voters"), INTEGER, 10),
                                            (_("Priorities"), INTEGER, 11), (_("Actions"), INTEGER, 10)],
                  totals=[2, 3, 4, 5, 6, 7, 8, 9])
    for s in report.sittings:
        registered, present_ = _counts(list(s.roster))
        sheet.rows.append([s.sitting.title, s.sitting.date, registered, present_,
                           sum(1 for i in s.ideas if i.merged_into_id is None), len(s.questions), len(s.ballots),
                           sum(b.result.voters for b in s.ballots), len(s.priorities), len(s.actions)])
    return sheet


def attendance(_: Translate, report: ProgrammeReport) -> Sheet:
    names = report.group_names()
    sheet = Sheet("Attendance", _("Attendance"), [(_("Sitting"), TEXT, 36), (_("Stakeholder group"), TEXT, 30),
                                                  (_("Registered"), INTEGER, 12), (_("Present"), INTEGER, 12),
                                                  (_("Rate"), PERCENT, 9)],
                  totals=[2, 3], formulas={4: "=IF(C{row}=0,\"\",D{row}/C{row})"},
                  chart=(_("Present by stakeholder group"), 1, 3))
    for s in report.sittings:
        for key, registered, present_ in _by_group([e for e in s.roster if e.attendance], report):
            sheet.rows.append([s.sitting.title, names.get(key) or _("No group"), registered, present_, None])
    return sheet


def present(_: Translate, report: ProgrammeReport, options: ReportOptions) -> Sheet:
    names = report.group_names()
    sheet = Sheet("Present", _("Those present"), [(_("Sitting"), TEXT, 36), (_("Last name"), TEXT, 20),
                                                   (_("First name"), TEXT, 18), (_("Organisation"), TEXT, 30),
                                                   (_("Stakeholder group"), TEXT, 26), (_("Signed in"), TIME, 10)])
    if options.anonymise:
        return sheet
    for s in report.sittings:
        for e in _by_name(s.roster):
            if e.attendance and e.attendance.status == AttendanceStatus.PRESENT and not e.participant.anonymised:
                p = e.participant
                sheet.rows.append([s.sitting.title, p.last_name, p.first_name, p.organisation,
                                   names.get(p.group_id, ""), when(e.attendance.signed_in_at)])
    return sheet


def ideas(_: Translate, report: ProgrammeReport) -> Sheet:
    sheet = Sheet("Ideas", _("Ideas"), [(_("Sitting"), TEXT, 30), (_("Agenda item"), TEXT, 26), (_("Theme"), TEXT, 26),
                                        (_("Table"), TEXT, 14), (_("Idea"), TEXT, 70), (_("Votes"), DECIMAL, 10)],
                  totals=[5])
    for s in report.sittings:
        votes, tables = s.idea_votes(), s.table_names()
        themes = {t.id: t.name for t in s.themes}
        items = {i.id: i.title for i in s.items}
        for idea in s.ideas:
            sheet.rows.append([s.sitting.title, items.get(idea.agenda_item_id or 0, ""),
                               themes.get(idea.theme_id or 0, ""), tables.get(idea.table_id or 0, ""), idea.text,
                               votes.get(idea.id)])
    return sheet


def votes(_: Translate, report: ProgrammeReport) -> Sheet:
    sources = {"console": _("Console"), "paper": _("Paper"), "phone": _("Phone"), "show_of_hands": _("Show of hands"),
               "import": _("Import")}
    names = report.group_names()
    sheet = Sheet("Votes", _("Votes"), [(_("Sitting"), TEXT, 30), (_("Ballot"), TEXT, 30), (_("Voter"), TEXT, 10),
                                        (_("Stakeholder group"), TEXT, 24), (_("Source"), TEXT, 12),
                                        (_("Option"), TEXT, 40), (_("Criterion"), TEXT, 16), (_("Axis"), TEXT, 12),
                                        (_("Value"), DECIMAL, 10)])
    for s in report.sittings:
        for entry in s.ballots:
            labels = {o.id: o.label for o in entry.ballot.options}
            criteria = {c.id: c.name for c in entry.ballot.criteria}
            title = entry.ballot.title
            for number, paper in enumerate(entry.votes.papers, start=1):
                key = f"V{number:04d}"  # never the voter's own key: it may name a participant
                group, source = names.get(paper.group_id, ""), sources.get(str(paper.source), str(paper.source))
                for mark in paper.marks:
                    sheet.rows.append([s.sitting.title, title, key, group, source, labels.get(mark.option_id, ""),
                                       criteria.get(mark.criterion_id or 0, ""), mark.axis, mark.value])
            for tally in entry.votes.tallies:
                sheet.rows.append([s.sitting.title, title, _("(count)"), names.get(tally.group_id, ""),
                                   sources.get(str(tally.source), str(tally.source)),
                                   labels.get(tally.option_id, ""), "", tally.axis, tally.amount])
    return sheet


def results(_: Translate, report: ProgrammeReport) -> Sheet:
    """One row per option of each ballot; a ranking's rows also give the Schulze rank and, when that rank is
    shared, what it leaves unsaid (the pairs Schulze does not separate, or still orders)."""
    methods = method_names(_)
    sheet = Sheet("Results", _("Results"), [(_("Sitting"), TEXT, 30), (_("Ballot"), TEXT, 30), (_("Method"), TEXT, 20),
                                            (_("Rank"), INTEGER, 7), (_("Option"), TEXT, 50), (_("Score"), DECIMAL, 10),
                                            (_("Voters"), INTEGER, 9), (_("Schulze rank"), INTEGER, 9),
                                            (_("Schulze: shared rank"), TEXT, 50)])
    for s in report.sittings:
        for entry in s.ballots:
            standing = entry.result.alternative if entry.result.sources else None
            for row in entry.result.rows:
                schulze: list[Value] = [None, None]
                if standing is not None:
                    schulze = [standing.row(row.option_id).rank, facts(standing, row.option_id, _) or None]
                sheet.rows.append([s.sitting.title, entry.ballot.title, methods[entry.ballot.method], row.rank,
                                   row.label, row.score, entry.result.voters, *schulze])
    return sheet


def ballot_spans(report: ProgrammeReport) -> Iterator[tuple[str, int, int]]:
    """Each ballot's title and its first and last data rows (0-based) in the results sheet, for its chart."""
    start = 0
    for s in report.sittings:
        for entry in s.ballots:
            rows = len(entry.result.rows)
            if rows and entry.result.sources and entry.ballot.method != BallotMethod.CONSENT:
                yield entry.ballot.title, start, start + rows - 1
            start += rows


def priorities(_: Translate, report: ProgrammeReport) -> list[Sheet]:
    sheet = Sheet("Priorities", _("Priorities"), [(_("Sitting"), TEXT, 30), (_("No."), INTEGER, 6),
                                                  (_("Priority"), TEXT, 50), (_("Justification"), TEXT, 50),
                                                  (_("Score"), DECIMAL, 10)])
    for s in report.sittings:
        for p in s.priorities:
            sheet.rows.append([s.sitting.title, p.position + 1, p.title, why(p, _, _.number), p.score])
    found = [sheet]
    if report.consolidated:
        titles = {s.sitting.id: s.sitting.title for s in report.sittings}
        consolidated = Sheet("Consolidated", _("Consolidated priorities"),
                             [(_("Rank"), INTEGER, 7), (_("Priority"), TEXT, 50), (_("Sittings"), TEXT, 60),
                              (_("Number of sittings"), INTEGER, 12)])
        consolidated.rows = [[c.rank, c.title, ", ".join(titles.get(i, "") for i in c.sitting_ids),
                              len(c.sitting_ids)] for c in report.consolidated]
        found.append(consolidated)
    return found


def actions(_: Translate, report: ProgrammeReport) -> Sheet:
    statuses = {"proposed": _("Proposed"), "planned": _("Planned"), "in_progress": _("In progress"),
                "done": _("Done"), "dropped": _("Dropped")}
    titles = {s.sitting.id: s.sitting.title for s in report.sittings}
    sheet = Sheet("Actions", _("Action plan"), [(_("What"), TEXT, 40), (_("Description"), TEXT, 50),
                                                (_("Lead"), TEXT, 22), (_("Partners"), TEXT, 30),
                                                (_("Deadline"), DATE, 12), (_("Budget"), MONEY, 12),
                                                (_("Status"), TEXT, 12), (_("Indicators"), TEXT, 50),
                                                (_("Sitting"), TEXT, 30)], totals=[5])
    for a in report.actions:
        indicators = "; ".join(f"{i.name}: {i.target}" if i.target else i.name for i in a.indicators)
        sheet.rows.append([a.title, a.description, a.lead, a.partners, a.deadline, a.budget,
                           statuses.get(str(a.status), str(a.status)), indicators, titles.get(a.sitting_id or 0, "")])
    return sheet


def timings(_: Translate, report: ProgrammeReport) -> Sheet:
    sheet = Sheet("Timings", _("Timings"), [(_("Sitting"), TEXT, 30), (_("Item"), TEXT, 36), (_("Started"), TIME, 9),
                                            (_("Ended"), TIME, 9), (_("Planned (min)"), INTEGER, 13),
                                            (_("Actual (min)"), INTEGER, 12)],
                  totals=[4, 5], formulas={5: "=IF(OR(C{row}=\"\",D{row}=\"\"),\"\",ROUND((D{row}-C{row})*1440,0))"})
    for s in report.sittings:
        for item in s.items:
            sheet.rows.append([s.sitting.title, item.title, when(item.actual_start), when(item.actual_end),
                               item.planned_minutes, None])
        for r in s.rounds:
            sheet.rows.append([s.sitting.title, _("Round {number}").format(number=r.number), when(r.started_at),
                               when(r.ended_at), round(r.planned_seconds / 60), None])
    return sheet
