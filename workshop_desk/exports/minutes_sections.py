"""The sitting's sections of the minutes: attendance, the agenda as planned and as run, contributions and votes."""

import datetime as dt
from collections.abc import Sequence
from copy import deepcopy
from typing import NamedTuple

from babel.dates import format_date
from babel.numbers import format_decimal
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from workshop_desk.domain.agenda import TimedItem, timed_items
from workshop_desk.domain.attendance import RosterEntry
from workshop_desk.domain.enums import AttendanceStatus
from workshop_desk.domain.models import Participant
from workshop_desk.domain.priorities import Action
from workshop_desk.domain.report import ReportOptions, SittingReport
from workshop_desk.exports import docx_base as base
from workshop_desk.exports.attendance_docx import Styles, by_name, display_name, header_row
from workshop_desk.exports.attendance_report_docx import Counts, clock_time, count, counts_by_group, percent
from workshop_desk.exports.charts import bar_chart
from workshop_desk.exports.docx_base import LOCALES
from workshop_desk.i18n import Translator, clock

Translate = Translator  # the document's gettext, which knows its language
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def number(value: float | None, language: str) -> str:
    """'12,5' in French, '12.5' in English (two decimals at most); empty for no value."""
    if value is None:
        return ""
    return format_decimal(round(value, 2), format="#,##0.##", locale=base.language_of(language))


def minutes(seconds: float | None, language: str) -> str:
    """A duration in minutes ('12', '7,5')."""
    return "" if seconds is None else number(round(seconds / 60, 1), language)


def short_date(value: dt.date | None, language: str) -> str:
    """'30/09/2027' (French and British English alike); empty for no date."""
    locale = LOCALES[base.language_of(language)].replace("-", "_")
    return format_date(value, format="short", locale=locale) if value else ""


def indicators_text(action: Action) -> str:
    return "\n".join(f"{i.name}: {i.target}" if i.target else i.name for i in action.indicators)


_TR, _TC, _P = qn("w:tr"), qn("w:tc"), qn("w:p")


def _no_lone_last_row(tbl: BaseOxmlElement, together: int = 3) -> None:
    """The table's last `together` rows go over a page break together (each row but the last kept with the next,
    which Word and LibreOffice both honour): a table never ends with one row alone at the top of a page."""
    for tr in tbl.findall(_TR)[-together:-1]:
        for p in tr.iter(_P):
            p.get_or_add_pPr().keepNext_val = True  # type: ignore[attr-defined]


class Heading(NamedTuple):
    """A heading written, for the table of contents."""

    level: int
    text: str
    paragraph: Paragraph


class Minutes:
    """Writes into one document: headings (remembered for the table of contents), lists, tables, charts. A heading,
    and a sentence that introduces a table or a list, stay on the page of what they introduce; table rows are never
    split across pages and the header row is repeated on each page (LibreOffice otherwise cuts rows at page breaks)."""

    def __init__(self, document: DocxDocument, styles: Styles, _: Translate, language: str, options: ReportOptions,
                 width: float) -> None:
        self.document, self.styles, self._, self.language, self.options = document, styles, _, language, options
        self.width = width
        self.pictures = base.Pictures(document)
        self.headings: list[Heading] = []
        self.bullet = document.styles["List Bullet"]
        self.grid = document.styles["Table Grid"]  # looked up once: a lookup by name scans every style
        self.normal = document.styles["Normal"]
        self._after_table = False

    def heading(self, text: str, level: int, new_page: bool = False) -> Paragraph:
        self._after_table = False
        paragraph = base.add_paragraph(self.document, text, self.document.styles[f"Heading {level}"])
        if new_page:
            paragraph.paragraph_format.page_break_before = True
        self.headings.append(Heading(level, text, paragraph))
        return paragraph

    def paragraph(self, text: str) -> Paragraph:
        return self._spaced(base.add_paragraph(self.document, text, self.normal))

    def bullets(self, texts: Sequence[str]) -> None:
        """List Bullet paragraphs: the first made through python-docx, the others copied from it empty."""
        if not texts:
            return
        self._introduced()
        first = self._spaced(base.add_paragraph(self.document, "", self.bullet))
        first.paragraph_format.keep_together = True  # an item is read whole: never half on the next page
        model = deepcopy(first._p)
        base.append_text(first._p, texts[0])
        anchor = first._p
        for text in texts[1:]:
            p = deepcopy(model)
            base.append_text(p, text)
            anchor.addnext(p)
            anchor = p

    def table(self, widths: Sequence[float], labels: Sequence[str], rows: Sequence[Sequence[str]],
              figures: int = 0, total: Sequence[str] | None = None) -> Table:
        """A table with a repeated header row; the last `figures` columns are numbers (right-aligned)."""
        self._introduced()
        table = base.new_table(self.document, widths, self.grid)
        header_row(table, labels, self.styles)
        first_figure = len(labels) - figures
        # One row made through python-docx (widths, styles, kept on one page), then copied for each row: the
        # object API costs about 0.2 ms a cell, which made the annexes of 2,000 ideas take seconds.
        prototype = table.add_row()
        base.keep_together(prototype)
        for column, cell in enumerate(prototype.cells):
            base.fill(cell, "", self.styles.figure if column >= first_figure else self.styles.text)
        model = prototype._tr
        tbl = table._tbl
        tbl.remove(model)
        for texts in rows:
            tr = deepcopy(model)
            for tc, text in zip(tr.iterchildren(_TC), texts, strict=True):
                if text:
                    base.append_text(tc.find(_P), text)
            tbl.append(tr)
        if total:
            row = table.add_row()
            base.keep_together(row)
            for column, (cell, text) in enumerate(zip(row.cells, total, strict=True)):
                paragraph = base.fill(cell, text, self.styles.figure if column >= first_figure else self.styles.text)
                for run in paragraph.runs:
                    base.set_run_style(run, self.styles.label)
        _no_lone_last_row(tbl)
        # No empty paragraph after the table: LibreOffice then drops the rows of a table that runs onto the
        # next page. The paragraph that follows keeps its distance instead (see `_spaced`).
        self._after_table = True
        return table

    def page_break(self) -> None:
        self.document.add_paragraph(style=self.normal).add_run().add_break(WD_BREAK.PAGE)
        self._after_table = False

    def _introduced(self) -> None:
        """Keep the paragraph written last (a heading, 'Speakers:') on the page of what comes next."""
        last = self.document.element.body[-2] if len(self.document.element.body) > 1 else None  # [-1]: sectPr
        if last is not None and last.tag == _P:
            base.keep_with_next(Paragraph(last, self.document))  # type: ignore[arg-type]

    def _spaced(self, paragraph: Paragraph) -> Paragraph:
        if self._after_table:
            paragraph.paragraph_format.space_before = Pt(8)
            self._after_table = False
        return paragraph

    def chart(self, bars: Sequence[tuple[str, float]]) -> None:
        paragraph = self._spaced(self.document.add_paragraph(style=self.normal))
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        png = bar_chart(bars, lambda value: number(value, self.language), width=760)
        self.pictures.add(paragraph, png, min(self.width, 160.0))


# --- Sections --------------------------------------------------------------------------------------------------


def context(m: Minutes, report: SittingReport, objectives: str, level: int) -> None:
    text = report.sitting.objectives.strip() or objectives.strip()
    if text:
        m.heading(m._("Context and objectives"), level)
        for line in filter(None, (line.strip() for line in text.splitlines())):
            m.paragraph(line)


def attendance(m: Minutes, report: SittingReport, group_names: dict[int | None, str], groups: Sequence[object],
               level: int) -> None:
    """Counts by stakeholder group, then who came (function, organisation) and who sent apologies, by name; when
    nobody was signed in, the minutes say so rather than print 0 %."""
    _ = m._
    roster = [entry for entry in report.roster if entry.attendance]
    totals = count(roster)
    if not totals.registered:
        return
    m.heading(_("Attendance"), level)
    if not totals.present:
        m.paragraph(_.n("Sign-in was not kept in the app for this sitting: {registered} person was registered.",
                        "Sign-in was not kept in the app for this sitting: {registered} people were registered.",
                        totals.registered).format(registered=totals.registered))
    else:
        _attendance_counts(m, roster, totals, group_names, groups)
    if m.options.anonymise:
        return
    came = by_name(e for e in roster if e.attendance and e.attendance.status == AttendanceStatus.PRESENT)
    if came:
        m.heading(_("Those present"), level + 1)
        rest = m.width - 12.0
        m.table([12.0, rest * 0.28, rest * 0.22, rest * 0.3, rest * 0.2],
                [_("No."), _("Name"), _("Function"), _("Organisation"), _("Group")],
                [[str(n), display_name(e.participant, _), e.participant.role, e.participant.organisation,
                  group_names.get(e.participant.group_id, "")] for n, e in enumerate(came, start=1)])
    excused = by_name(e for e in roster if e.attendance and e.attendance.status == AttendanceStatus.EXCUSED)
    if excused:
        m.heading(_("Apologies"), level + 1)
        m.bullets([_person_line(e.participant, _) for e in excused])


def _attendance_counts(m: Minutes, roster: Sequence[RosterEntry], totals: Counts,
                       group_names: dict[int | None, str], groups: Sequence[object]) -> None:
    _ = m._
    m.paragraph(_("{present} present out of {registered} registered (attendance rate {rate}).").format(
        present=totals.present, registered=totals.registered, rate=percent(totals.rate, m.language)))
    rows = [[group_names.get(key) or _("No group"), str(c.registered), str(c.present), percent(c.rate, m.language)]
            for key, c in counts_by_group(roster, groups)]  # type: ignore[arg-type]
    m.table([m.width - 3 * 28.0, 28.0, 28.0, 28.0], [_("Stakeholder group"), _("Registered"), _("Present"), _("Rate")],
            rows, figures=3, total=[_("Total"), str(totals.registered), str(totals.present),
                                    percent(totals.rate, m.language)])


def _person_line(person: Participant, _: Translate) -> str:
    """'MOREAU Léa, director, Chambre de métiers'."""
    return ", ".join(part for part in (display_name(person, _), person.role, person.organisation) if part)


def agenda(m: Minutes, report: SittingReport, level: int) -> None:
    """The agenda as planned (times chained from the sitting's start) and, once it has run, as run: each item's real
    times, its minutes planned and spent, and the overrun; then the timed rounds."""
    _ = m._
    if report.items:
        if any(item.actual_start for item in report.items):
            _agenda_as_run(m, report, level)
        else:
            _agenda_as_planned(m, report, level)
    if report.rounds:
        m.heading(_("Rounds"), level + 1)
        m.table([m.width - 4 * 28.0, 28.0, 28.0, 28.0, 28.0],
                [_("Round"), _("Started"), _("Ended"), _("Planned (min)"), _("Actual (min)")],
                [[_("Round {number}").format(number=r.number), clock_time(r.started_at, m.language),
                  clock_time(r.ended_at, m.language), minutes(r.planned_seconds, m.language),
                  minutes(r.actual_seconds(r.ended_at or r.started_at or _EPOCH), m.language)]
                 for r in report.rounds], figures=2)


def _planned_span(m: Minutes, timed: TimedItem) -> str:
    if timed.start is None or timed.end is None:
        return ""
    return f"{clock(timed.start, m.language)} – {clock(timed.end, m.language)}"


def _agenda_as_planned(m: Minutes, report: SittingReport, level: int) -> None:
    _ = m._
    m.heading(_("Agenda"), level)
    m.table([34.0, m.width - 34.0 - 24.0, 24.0], [_("Planned"), _("Item"), _("Planned (min)")],
            [[_planned_span(m, timed), timed.item.title, str(timed.item.planned_minutes)]
             for timed in timed_items(report.sitting, report.items)], figures=1)


def _agenda_as_run(m: Minutes, report: SittingReport, level: int) -> None:
    _ = m._
    m.heading(_("Agenda as planned and as run"), level)
    rows = []
    for timed in timed_items(report.sitting, report.items):
        item = timed.item
        actual = (item.actual_end - item.actual_start).total_seconds() if item.actual_start and \
            item.actual_end else None
        ran = " – ".join(clock_time(value, m.language) for value in (item.actual_start, item.actual_end) if value)
        rows.append([item.title, _planned_span(m, timed), ran, str(item.planned_minutes), minutes(actual, m.language),
                     _overrun(m, actual, item.planned_minutes)])
    m.table([m.width - 2 * 32.0 - 3 * 20.0, 32.0, 32.0, 20.0, 20.0, 20.0],
            [_("Item"), _("Planned"), _("Run"), _("Planned (min)"), _("Actual (min)"), _("Overrun (min)")],
            rows, figures=3)


def _overrun(m: Minutes, seconds: float | None, planned_minutes: int) -> str:
    """'+7' when an item ran 7 minutes over, '−3' when it finished early, nothing when on time or not run."""
    if seconds is None:
        return ""
    over = round(seconds / 60 - planned_minutes)
    if not over:
        return ""
    return f"+{m._.number(over)}" if over > 0 else f"−{m._.number(-over)}"
