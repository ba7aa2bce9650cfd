"""The page up front of a compte rendu ('L'essentiel'), and the invitation written for a sitting not yet held."""

from collections.abc import Sequence
from dataclasses import replace

from workshop_desk.domain.attendance import RosterEntry
from workshop_desk.domain.consent import ConsentOutcome
from workshop_desk.domain.enums import AttendanceStatus
from workshop_desk.domain.report import ProgrammeReport, SittingReport
from workshop_desk.domain.vote_methods import method_spec
from workshop_desk.exports import docx_base as base
from workshop_desk.exports import minutes_outcomes as outcomes
from workshop_desk.exports import minutes_sections as sections
from workshop_desk.exports.attendance_docx import by_name, display_name
from workshop_desk.exports.attendance_report_docx import count, counts_by_group
from workshop_desk.exports.minutes_methods import outcome_text
from workshop_desk.exports.minutes_sections import Minutes

TOP = 5  # priorities named on the summary page


def essentials(m: Minutes, report: ProgrammeReport, new_page: bool = False) -> None:
    """Who came (by stakeholder group), the first priorities, the decisions and the next steps, on one page: a
    page of its own in a programme report (`new_page`: its chapters each start one too), or the first page of a
    sitting's minutes, under its title block, the sections starting on the next page."""
    _ = m._
    lines = _programme_lines(m, report) if report.whole_programme else _sitting_lines(m, report,
                                                                                        report.sittings[0])
    if not lines:
        return
    m.heading(_("Key points"), 1, new_page=new_page)
    for heading, items in lines:
        base.set_run_style(m.paragraph(heading).runs[0], m.styles.label)
        m.bullets(items)
    if not new_page:
        m.page_break()


def _sitting_lines(m: Minutes, report: ProgrammeReport, sitting: SittingReport) -> list[tuple[str, list[str]]]:
    _ = m._
    found: list[tuple[str, list[str]]] = []
    came = _attendance_lines(m, report, sitting)
    if came:
        found.append((_("Attendance"), came))
    if sitting.priorities:
        found.append((_("Priorities retained"), [p.title for p in sitting.priorities[:TOP]]))
    decided = _decisions(m, sitting)
    if decided:
        found.append((_("Decisions"), decided))
    steps = _steps(m, sitting)
    if steps:
        found.append((_("Next steps"), steps))
    return found


def _steps(m: Minutes, sitting: SittingReport) -> list[str]:
    """The actions in one line (the relevé de décisions lists them), then the next meeting."""
    _ = m._
    found = [_.n("{n} action with its lead and deadline (see the record of decisions)",
                 "{n} actions with their leads and deadlines (see the record of decisions)",
                 len(sitting.actions)).format(n=len(sitting.actions))] if sitting.actions else []
    meeting = outcomes.next_steps(m, replace(sitting, actions=()))
    return found + meeting


def _attendance_lines(m: Minutes, report: ProgrammeReport, sitting: SittingReport) -> list[str]:
    _ = m._
    roster = [entry for entry in sitting.roster if entry.attendance]
    totals = count(roster)
    if not totals.present:
        return []
    names = report.group_names()
    lines = [_.n("{n} person present", "{n} people present", totals.present).format(n=totals.present)]
    lines += [f"{names.get(key) or _('No group')}\u00a0: {c.present}" if m.language == "fr" else
              f"{names.get(key) or _('No group')}: {c.present}"
              for key, c in counts_by_group(roster, report.groups) if c.present]
    return lines


def _decisions(m: Minutes, sitting: SittingReport) -> list[str]:
    rows = [row for entry in sitting.ballots if method_spec(entry.ballot.method).outcomes and entry.result.sources
            for row in entry.result.rows if row.extra.get("outcome") != ConsentOutcome.PENDING]
    return [f"{row.label} — {outcome_text(row, m._)}" for row in rows]


def _programme_lines(m: Minutes, report: ProgrammeReport) -> list[tuple[str, list[str]]]:
    _ = m._
    held = [s for s in report.sittings if s.held]
    people = {entry.participant.id for s in held for entry in s.roster
              if entry.attendance and entry.attendance.status == AttendanceStatus.PRESENT}
    found: list[tuple[str, list[str]]] = []
    facts = [_.n("{n} sitting held", "{n} sittings held", len(held)).format(n=len(held))]
    if len(held) < len(report.sittings):
        waiting = len(report.sittings) - len(held)
        facts.append(_.n("{n} sitting still to come", "{n} sittings still to come", waiting).format(n=waiting))
    if people:
        facts.append(_.n("{n} different person took part", "{n} different people took part",
                         len(people)).format(n=len(people)))
    ideas = sum(1 for s in held for idea in s.ideas if idea.merged_into_id is None and not idea.hidden)
    if ideas:
        facts.append(_.n("{n} idea collected", "{n} ideas collected", ideas).format(n=ideas))
    found.append((_("The programme in figures"), facts))
    if report.consolidated:
        found.append((_("Priorities retained"), [c.title for c in report.consolidated[:TOP]]))
    if report.actions:
        found.append((_("Action plan"), [_.n("{n} action", "{n} actions", len(report.actions)).format(
            n=len(report.actions))]))
    return found


def invitation(m: Minutes, report: ProgrammeReport, sitting: SittingReport) -> None:
    """For a sitting that has not taken place: when and where, why, the agenda as planned, who is invited."""
    _ = m._
    details = [(_("Date:"), base.long_date(sitting.sitting.date, m.language)),
               (_("Times:"), base.times(sitting.sitting, m.language)), (_("Venue:"), sitting.sitting.venue),
               (_("Facilitators:"), sitting.sitting.facilitators)]
    known = [f"{label} {value}" for label, value in details if value.strip()]
    if known:
        m.heading(_("Practical details"), 1)
        m.bullets(known)
    sections.context(m, sitting, report.programme.objectives, 1)
    sections.agenda(m, sitting, 1)
    _invited(m, report, sitting.roster)


def _invited(m: Minutes, report: ProgrammeReport, roster: Sequence[RosterEntry]) -> None:
    _ = m._
    people = by_name(e for e in roster if e.attendance and e.attendance.status != AttendanceStatus.EXCUSED)
    if not people or m.options.anonymise:
        return
    names = report.group_names()
    m.heading(_("Invited people"), 1)
    rest = m.width - 12.0
    m.table([12.0, rest * 0.3, rest * 0.22, rest * 0.3, rest * 0.18],
            [_("No."), _("Name"), _("Function"), _("Organisation"), _("Group")],
            [[str(n), display_name(e.participant, _), e.participant.role, e.participant.organisation,
              names.get(e.participant.group_id, "")] for n, e in enumerate(people, start=1)])
