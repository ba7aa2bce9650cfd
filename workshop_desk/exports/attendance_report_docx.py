"""The attendance report of a sitting: counts, rate against registered, counts by group, who came and when."""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_percent
from docx.document import Document as DocxDocument
from docx.table import Table

from workshop_desk import i18n
from workshop_desk.domain.attendance import RosterEntry
from workshop_desk.domain.clock import local
from workshop_desk.domain.enums import AttendanceStatus
from workshop_desk.domain.models import Programme, Sitting, StakeholderGroup
from workshop_desk.domain.privacy import notice
from workshop_desk.exports import docx_base as base
from workshop_desk.exports.attendance_docx import (
    Styles,
    Translate,
    add_details,
    add_page_furniture,
    add_styles,
    by_name,
    display_name,
    footer_room,
    group_names,
    header_row,
    sitting_details,
)
from workshop_desk.i18n import translator

S = AttendanceStatus


@dataclass(frozen=True, slots=True)
class Counts:
    """Registered: everyone who registered or came (walk-ins too); absent: registered, not signed in."""

    registered: int = 0
    present: int = 0
    excused: int = 0
    absent: int = 0
    no_reply: int = 0  # invited, neither registered nor came: not counted in the rate
    left_early: int = 0

    @property
    def rate(self) -> float | None:
        """Present against registered (None when nobody registered)."""
        return self.present / self.registered if self.registered else None


def count(entries: Iterable[RosterEntry]) -> Counts:
    """The counts of a sitting's roster (or of one group's part of it)."""
    statuses = [(entry.attendance.status, entry.attendance.left_at) for entry in entries if entry.attendance]
    present = [left for status, left in statuses if status == S.PRESENT]
    return Counts(registered=sum(1 for status, _left in statuses if status != S.INVITED), present=len(present),
                  excused=sum(1 for status, _left in statuses if status == S.EXCUSED),
                  absent=sum(1 for status, _left in statuses if status in (S.ABSENT, S.REGISTERED)),
                  no_reply=sum(1 for status, _left in statuses if status == S.INVITED),
                  left_early=sum(1 for left in present if left is not None))


def counts_by_group(entries: Iterable[RosterEntry],
                    groups: Sequence[StakeholderGroup]) -> list[tuple[int | None, Counts]]:
    """Counts per stakeholder group in the groups' order, then people with no group; groups where nobody
    registered are left out."""
    members: dict[int | None, list[RosterEntry]] = {group.id: [] for group in groups}
    members[None] = []
    for entry in entries:
        group_id = entry.participant.group_id
        members[group_id if group_id in members else None].append(entry)
    counted = [(key, count(found)) for key, found in members.items()]
    return [(key, counts) for key, counts in counted if counts.registered]


def percent(value: float | None, language: str) -> str:
    """'75 %' in French, '75%' in English; a dash when there is nothing to divide by."""
    return "—" if value is None else format_percent(value, locale=base.language_of(language))


def clock_time(value: dt.datetime | None, language: str) -> str:
    """The local time of day of a recorded moment ('9 h 05' / '09:05'), or nothing."""
    return i18n.clock(local(value).time(), language) if value else ""


class _Report:
    def __init__(self, _: Translate, programme: Programme, sitting: Sitting, groups: Sequence[StakeholderGroup],
                 language: str) -> None:
        self._, self.language = _, language
        self.programme, self.sitting, self.groups = programme, sitting, groups
        self.small_print = notice(programme, _)
        page = base.PageSetup(top=18.0, bottom=footer_room(self.small_print, base.PageSetup().text_width))
        self.document: DocxDocument = base.sitting_document(language, _("Attendance report"), programme, sitting, page)
        self.styles: Styles = add_styles(self.document)
        self.width = page.text_width

    def heading(self) -> None:
        self.document.add_paragraph(self._("Attendance report"), style="Title")
        add_details(self.document, sitting_details(self._, self.programme, self.sitting, self.language), self.styles)

    def summary(self, counts: Counts) -> None:
        _ = self._
        self.document.add_paragraph(_("Summary"), style="Heading 1")
        lines = [(_("Registered"), str(counts.registered)), (_("Present"), str(counts.present)),
                 (_("Excused"), str(counts.excused)), (_("Absent"), str(counts.absent)),
                 (_("Attendance rate (present / registered)"), percent(counts.rate, self.language)),
                 (_("Left early"), str(counts.left_early)), (_("Invited, no reply"), str(counts.no_reply))]
        table = base.new_table(self.document, [90.0, 30.0], "Table Grid")
        for label, value in lines:
            self._row(table, [label, value], figures=1)
        self.document.add_paragraph(_("Registered counts everyone who registered or came; absent counts the "
                                      "registered who did not sign in. The invited who did not reply are not "
                                      "counted in the rate."), style=self.styles.small)

    def by_group(self, entries: Sequence[RosterEntry]) -> None:
        _ = self._
        self.document.add_paragraph(_("By stakeholder group"), style="Heading 1")
        names = group_names(self.groups)
        table = base.new_table(self.document, [self.width - 5 * 22.0, *[22.0] * 5], "Table Grid")
        header_row(table, [_("Group"), _("Registered"), _("Present"), _("Excused"), _("Absent"), _("Rate")],
                   self.styles)
        for key, counts in counts_by_group(entries, self.groups):
            self._row(table, [names.get(key) or _("No group"), *self._figures(counts)], figures=5)
        self._row(table, [_("Total"), *self._figures(count(entries))], figures=5, total=True)

    def _figures(self, counts: Counts) -> list[str]:
        numbers = (counts.registered, counts.present, counts.excused, counts.absent)
        return [*(str(n) for n in numbers), percent(counts.rate, self.language)]

    def who_came(self, entries: Sequence[RosterEntry]) -> None:
        _ = self._
        self.document.add_paragraph(_("Who came"), style="Heading 1")
        came = by_name(e for e in entries if e.attendance and e.attendance.status == S.PRESENT)
        if not came:
            self.document.add_paragraph(_("Nobody has signed in."))
            return
        names = group_names(self.groups)
        rest = self.width - 10.0 - 2 * 20.0
        table = base.new_table(self.document, [10.0, rest * 0.34, rest * 0.4, rest * 0.26, 20.0, 20.0], "Table Grid")
        header_row(table, [_("No."), _("Name"), _("Organisation"), _("Group"), _("Signed in"), _("Left early")],
                   self.styles)
        for number, entry in enumerate(came, start=1):
            person, attendance = entry.participant, entry.attendance
            assert attendance is not None
            self._row(table, [str(number), display_name(person, _), person.organisation, names.get(person.group_id, ""),
                              clock_time(attendance.signed_in_at, self.language),
                              clock_time(attendance.left_at, self.language)])

    def _row(self, table: Table, texts: list[str], figures: int = 0, total: bool = False) -> None:
        """A row whose last `figures` cells are numbers (right-aligned)."""
        row = table.add_row()
        base.keep_together(row)
        for column, (cell, text) in enumerate(zip(row.cells, texts, strict=True)):
            paragraph = base.fill(cell, text, self.styles.figure if column >= len(texts) - figures else
                                  self.styles.text)
            for run in paragraph.runs if total else ():
                base.set_run_style(run, self.styles.label)

    def save(self, path: Path) -> Path:
        day = base.long_date(self.sitting.date, self.language)
        header = " · ".join(part for part in (self.programme.title, self.sitting.title, day) if part)
        add_page_furniture(self.document, self._, header, self.small_print, self.styles, self.programme.logo)
        return base.save_atomically(self.document, path)


def write_attendance_report(path: Path, programme: Programme, sitting: Sitting, roster: Sequence[RosterEntry],
                            groups: Sequence[StakeholderGroup], language: str) -> Path:
    """Write the sitting's attendance report from its roster (everyone with an attendance row)."""
    _ = translator(language)
    report = _Report(_, programme, sitting, groups, language)
    report.heading()
    report.summary(count(roster))
    report.by_group(roster)
    report.who_came(roster)
    return report.save(path)
