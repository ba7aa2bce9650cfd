"""The rows of each sheet of the Excel synthesis, as plain values (the workbook writer adds formats and tables)."""

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from operator import itemgetter

from openpyxl.utils import get_column_letter

from workshop_desk.domain.ballot_texts import provenance, provisional, provisional_mark
from workshop_desk.domain.clock import local
from workshop_desk.domain.enums import ActionStatus, Source, label
from workshop_desk.domain.ideas import order_questions
from workshop_desk.domain.priorities import action_status_label, why
from workshop_desk.domain.report import ProgrammeReport, ReportOptions, SittingReport
from workshop_desk.domain.schulze_texts import facts
from workshop_desk.domain.vote_methods import method_label, method_spec
from workshop_desk.i18n import Translator

Translate = Translator  # the document's gettext, which knows its language
Value = str | int | float | dt.date | dt.datetime | None

# Kinds of column: the writer gives each the number format of the document's language (xlsx_print.py).
INTEGER, DECIMAL, MINUTES, MONEY, CENTS, PERCENT, DATE, TIME, TEXT = (
    "integer", "decimal", "minutes", "money", "cents", "percent", "date", "time", "text")
_COLUMN = re.compile(r"\{([a-z])\}")  # a column in a formula template: {c} is column C of the full sheet
MOST_BARS = 40  # options charted at most: 40 bars fill a page; the results sheet lists every option


@dataclass(frozen=True, slots=True)
class Chart:
    """A bar chart of one column of a sheet's table, drawn under the table."""

    title: str  # the subject, then the sitting (or the whole programme) on a second line
    labels: int  # the column of the bars' labels
    values: int  # the column of their lengths


@dataclass
class Sheet:
    """One sheet: a table with a header row, column kinds and widths, and optional totals below it."""

    key: str  # the Excel table name (unique, no spaces)
    title: str  # the tab name
    columns: list[tuple[str, str, float]]  # heading, kind, width in characters
    rows: list[Sequence[Value]] = field(default_factory=list)
    totals: list[int] = field(default_factory=list)  # columns summed with =SUM() under the table
    formulas: dict[int, str] = field(default_factory=dict)  # column -> formula, with {row} and columns as {c}
    chart: Chart | None = None
    notes: list[list[Value]] = field(default_factory=list)  # lines under the totals, laid out as the rows


def when(value: dt.datetime | None) -> dt.datetime | None:
    """A recorded moment in local time without its time zone (Excel has none)."""
    return local(value).replace(tzinfo=None) if value else None


def pruned(sheet: Sheet) -> Sheet:
    """The sheet without the columns that no row fills; a formula column stays while the columns it reads stay."""
    if not sheet.rows:
        return sheet
    filled = [any(row[column] not in (None, "") for row in sheet.rows) for column in range(len(sheet.columns))]
    for column, template in sheet.formulas.items():
        filled[column] = all(filled[ord(letter) - ord("a")] for letter in _COLUMN.findall(template))
    kept = [column for column, found in enumerate(filled) if found]
    if len(kept) == len(sheet.columns):
        return sheet
    moved = {old: new for new, old in enumerate(kept)}
    letters = {get_column_letter(old + 1).lower(): get_column_letter(new + 1).lower() for old, new in moved.items()}
    chart = sheet.chart
    if chart is not None:
        chart = replace(chart, labels=moved[chart.labels], values=moved[chart.values]) if {
            chart.labels, chart.values} <= moved.keys() else None
    pick = itemgetter(*kept) if len(kept) > 1 else lambda row: (row[kept[0]],)
    return replace(sheet, columns=[sheet.columns[c] for c in kept], rows=list(map(pick, sheet.rows)),  # type: ignore
                   totals=[moved[c] for c in sheet.totals if c in moved],
                   formulas={moved[c]: _COLUMN.sub(lambda m: "{" + letters[m.group(1)] + "}", t)
                             for c, t in sheet.formulas.items() if c in moved},
                   chart=chart, notes=[[r[c] for c in kept] for r in sheet.notes])


def scope(_: Translate, report: ProgrammeReport) -> str:
    """What the workbook covers: the sitting's title, or the whole programme."""
    if report.whole_programme or len(report.sittings) != 1:
        return _("Whole programme")
    return report.sittings[0].sitting.title


def kept_ideas(s: SittingReport) -> list:  # type: ignore[type-arg]
    """The sitting's ideas, without the notes merged into another (they are listed with it)."""
    return [idea for idea in s.ideas if idea.merged_into_id is None]


def shown_questions(s: SittingReport) -> list:  # type: ignore[type-arg]
    """The sitting's questions in the order the room ranked them, those hidden as off topic left out."""
    return [q for q in order_questions(s.questions) if not q.hidden]


def ideas(_: Translate, report: ProgrammeReport) -> Sheet:
    sheet = Sheet("Ideas", _("Ideas"), [(_("Sitting"), TEXT, 22), (_("Agenda item"), TEXT, 20), (_("Theme"), TEXT, 20),
                                        (_("Table"), TEXT, 10), (_("Idea"), TEXT, 45),
                                        (_("Notes merged into it"), TEXT, 25), (_("Votes"), DECIMAL, 8)],
                  totals=[6])
    for s in report.sittings:
        votes, tables = s.idea_votes(), s.table_names()
        themes = {t.id: t.name for t in s.themes}
        items = {i.id: i.title for i in s.items}
        merged: dict[int, list[str]] = {}
        for idea in s.ideas:
            if idea.merged_into_id is not None:
                merged.setdefault(idea.merged_into_id, []).append(idea.text)
        for idea in kept_ideas(s):
            sheet.rows.append([s.sitting.title, items.get(idea.agenda_item_id or 0, ""),
                               themes.get(idea.theme_id or 0, ""), tables.get(idea.table_id or 0, ""), idea.text,
                               " | ".join(merged.get(idea.id, ())), votes.get(idea.id)])
    return sheet


def questions(_: Translate, report: ProgrammeReport, options: ReportOptions) -> Sheet:
    """The questions from the room, most supported first, with their answers; who asked only where contributions
    are named."""
    sheet = Sheet("Questions", _("Questions"), [(_("Sitting"), TEXT, 24), (_("Agenda item"), TEXT, 20),
                                                (_("Question"), TEXT, 50), (_("Answer"), TEXT, 50),
                                                (_("Asked by"), TEXT, 22), (_("Votes"), INTEGER, 8),
                                                (_("Answered"), TEXT, 10)])
    answered = {True: _("Yes"), False: _("No")}
    for s in report.sittings:
        items = {i.id: i.title for i in s.items}
        for q in shown_questions(s):
            sheet.rows.append([s.sitting.title, items.get(q.agenda_item_id or 0, ""), q.text, q.answer,
                               q.asked_by if options.names_contributors else "", q.votes, answered[q.answered]])
    return sheet


def votes(_: Translate, report: ProgrammeReport) -> Sheet:
    sources = {str(source): label(source, _) for source in Source}
    names = report.group_names()
    sheet = Sheet("Votes", _("Votes"), [(_("Sitting"), TEXT, 24), (_("Ballot"), TEXT, 26), (_("Voter"), TEXT, 10),
                                        (_("Stakeholder group"), TEXT, 20), (_("Source"), TEXT, 10),
                                        (_("Option"), TEXT, 36), (_("Criterion"), TEXT, 14), (_("Axis"), TEXT, 10),
                                        (_("Value"), DECIMAL, 8)])
    rows = sheet.rows
    for s in report.sittings:
        for entry in s.ballots:
            labels = {o.id: o.label for o in entry.ballot.options}
            criteria = {c.id: c.name for c in entry.ballot.criteria}
            title, sitting = entry.ballot.title, s.sitting.title
            for number, paper in enumerate(entry.votes.papers, start=1):
                key = f"V{number:04d}"  # never the voter's own key: it may name a participant
                group, source = names.get(paper.group_id, ""), sources.get(str(paper.source), str(paper.source))
                rows += [[sitting, title, key, group, source, labels.get(mark.option_id, ""),
                          criteria.get(mark.criterion_id or 0, ""), mark.axis, mark.value] for mark in paper.marks]
            for tally in entry.votes.tallies:
                rows.append([sitting, title, _("(count)"), names.get(tally.group_id, ""),
                             sources.get(str(tally.source), str(tally.source)),
                             labels.get(tally.option_id, ""), "", tally.axis, tally.amount])
    return sheet


def results(_: Translate, report: ProgrammeReport) -> Sheet:
    """One row per option of each ballot; a ranking's rows also give the Schulze rank and, when that rank is
    shared, what it leaves unsaid (the pairs Schulze does not separate, or still orders)."""
    sheet = Sheet("Results", _("Results"), [(_("Sitting"), TEXT, 22), (_("Ballot"), TEXT, 26), (_("Method"), TEXT, 16),
                                            (_("Rank"), INTEGER, 6), (_("Option"), TEXT, 36), (_("Score"), DECIMAL, 8),
                                            (_("Votes counted"), TEXT, 34), (_("Status"), TEXT, 12),
                                            (_("Schulze rank"), INTEGER, 9), (_("Schulze: shared rank"), TEXT, 30)])
    final, provisional_text = _("Final"), provisional_mark(_)
    for s in report.sittings:
        for entry in s.ballots:
            standing = entry.result.alternative if entry.result.sources else None
            method = method_label(entry.ballot.method, _)
            counted = provenance(entry.ballot.method, entry.result, _)
            status = provisional_text if provisional(entry.ballot) else final
            for row in entry.result.rows:
                schulze: list[Value] = [None, None]
                if standing is not None:
                    schulze = [standing.row(row.option_id).rank, facts(standing, row.option_id, _) or None]
                score = round(row.score, 2) if row.score is not None else None
                sheet.rows.append([s.sitting.title, entry.ballot.title, method, row.rank, row.label, score, counted,
                                   status, *schulze])
    return sheet


@dataclass(frozen=True, slots=True)
class Span:
    """A charted ballot: its sitting and title, and its first and last data rows (0-based) in the results."""

    sitting: str
    ballot: str
    start: int
    end: int


def ballot_spans(report: ProgrammeReport, _: Translate) -> Iterator[Span]:
    """Each ballot that has a chart (counted, not a consent round), with its rows in the results sheet."""
    start = 0
    for s in report.sittings:
        for entry in s.ballots:
            rows = len(entry.result.rows)
            if rows and entry.result.sources and not method_spec(entry.ballot.method).outcomes:
                title = entry.ballot.title
                if provisional(entry.ballot):  # a chart copied alone must still say it
                    title = f"{title} ({provisional_mark(_)})"
                yield Span(s.sitting.title, title, start, start + rows - 1)
            start += rows


def priorities(_: Translate, report: ProgrammeReport) -> list[Sheet]:
    sheet = Sheet("Priorities", _("Priorities"), [(_("Sitting"), TEXT, 26), (_("No."), INTEGER, 6),
                                                  (_("Priority"), TEXT, 40), (_("Justification"), TEXT, 50),
                                                  (_("Score"), DECIMAL, 8)])
    for s in report.sittings:
        for p in s.priorities:
            sheet.rows.append([s.sitting.title, p.position + 1, p.title, why(p, _, _.number), p.score])
    found = [sheet]
    if report.consolidated:
        titles = {s.sitting.id: s.sitting.title for s in report.sittings}
        consolidated = Sheet("Consolidated", _("Consolidated priorities"),
                             [(_("Rank"), INTEGER, 6), (_("Priority"), TEXT, 44), (_("Sittings"), TEXT, 60),
                              (_("Number of sittings"), INTEGER, 11), (_("Support (vote shares summed)"), PERCENT, 13)])
        consolidated.rows = [[c.rank, c.title, ", ".join(dict.fromkeys(titles.get(i, "") for i in c.sitting_ids)),
                              c.sittings, c.support] for c in report.consolidated]
        found.append(consolidated)
    return found


def actions(_: Translate, report: ProgrammeReport) -> Sheet:
    """The action plan; budgets in euros, with cents only when one of them has some."""
    titles = {s.sitting.id: s.sitting.title for s in report.sittings}
    money = MONEY if all(float(a.budget or 0).is_integer() for a in report.actions) else CENTS
    sheet = Sheet("Actions", _("Action plan"), [(_("What"), TEXT, 28), (_("Description"), TEXT, 30),
                                                (_("Lead"), TEXT, 18), (_("Partners"), TEXT, 18),
                                                (_("Deadline"), DATE, 12), (_("Budget"), money, 13),
                                                (_("Status"), TEXT, 10), (_("Indicators"), TEXT, 28),
                                                (_("Sitting"), TEXT, 20)], totals=[5])
    for a in report.actions:
        indicators = "; ".join(f"{i.name}: {i.target}" if i.target else i.name for i in a.indicators)
        sheet.rows.append([a.title, a.description, a.lead, a.partners, a.deadline, a.budget,
                           action_status_label(ActionStatus(a.status), _), indicators,
                           titles.get(a.sitting_id or 0, "")])
    return sheet


def timings(_: Translate, report: ProgrammeReport) -> Sheet:
    sheet = Sheet("Timings", _("Timings"), [(_("Sitting"), TEXT, 26), (_("Item"), TEXT, 32), (_("Started"), TIME, 9),
                                            (_("Ended"), TIME, 9), (_("Planned (min)"), INTEGER, 12),
                                            (_("Actual (min)"), INTEGER, 11)],
                  totals=[4, 5], formulas={5: '=IF(OR({c}{row}="",{d}{row}=""),"",ROUND(({d}{row}-{c}{row})*1440,0))'})
    for s in report.sittings:
        for item in s.items:
            sheet.rows.append([s.sitting.title, item.title, when(item.actual_start), when(item.actual_end),
                               item.planned_minutes, None])
        for r in s.rounds:
            sheet.rows.append([s.sitting.title, _("Round {number}").format(number=r.number), when(r.started_at),
                               when(r.ended_at), round(r.planned_seconds / 60), None])
    return sheet
