"""The closing sections of the minutes: the relevé de décisions and next steps, the priorities retained, the
action plan, and the annexes with every raw contribution."""

from collections.abc import Mapping, Sequence

from workshop_desk.domain.ballot_texts import provisional_mark
from workshop_desk.domain.priorities import Action, ConsolidatedPriority, Priority, action_status_label, why
from workshop_desk.domain.report import ProgrammeReport, SittingReport
from workshop_desk.domain.vote_methods import method_spec
from workshop_desk.exports import docx_base as base
from workshop_desk.exports.attendance_report_docx import percent
from workshop_desk.exports.minutes_methods import outcome_text
from workshop_desk.exports.minutes_sections import Minutes, indicators_text, number, short_date
from workshop_desk.i18n import long_date, money


def decisions(m: Minutes, report: SittingReport, level: int) -> None:
    """The relevé de décisions: consent outcomes with what was written, the priorities retained, then the next
    steps (this sitting's actions, with who and by when) and the next meeting."""
    consents = [entry for entry in report.ballots if method_spec(entry.ballot.method).outcomes and
                entry.result.sources]
    steps = next_steps(m, report)
    if not consents and not report.priorities and not steps:
        return
    _ = m._
    m.heading(_("Decisions and next steps"), level)
    for entry in consents:
        for row in entry.result.rows:
            m.bullets([f"{row.label} — {outcome_text(row, _)}"])
            for comment in row.comments:
                m.paragraph(f"«\u00a0{comment.text}\u00a0»" if m.language == "fr" else f"“{comment.text}”")
    if report.priorities:
        m.paragraph(_.n("Priority retained:", "Priorities retained:", len(report.priorities)))
        m.bullets([p.title for p in report.priorities])
    if steps:
        m.paragraph(_("Next steps:"))
        m.bullets(steps)


def next_steps(m: Minutes, report: SittingReport) -> list[str]:
    """'Open a nursery — Ville, by 30/09/2027' for each action of the sitting; then the next meeting."""
    _ = m._
    steps = []
    for action in report.actions:
        who = ", ".join(filter(None, (action.lead, _("by {date}").format(date=short_date(action.deadline, m.language))
                                      if action.deadline else "")))
        steps.append(f"{action.title} — {who}" if who else action.title)
    following = report.next_sitting
    if following is not None and following.date is not None:
        when = " ".join(filter(None, (long_date(following.date, m.language), base.times(following, m.language))))
        place = f", {following.venue}" if following.venue else ""
        steps.append(_("Next meeting: {title}, {when}{place}").format(title=following.title, when=when, place=place))
    return steps


def priorities(m: Minutes, report: SittingReport, level: int) -> None:
    if not report.priorities:
        return
    _ = m._
    m.heading(_("Priorities"), level)
    provisional = report.provisional_ballots()
    m.table([14.0, (m.width - 14.0 - 24.0) * 0.45, (m.width - 14.0 - 24.0) * 0.55, 24.0],
            [_("No."), _("Priority"), _("Justification"), _("Score")],
            [[str(n), p.title, _provisional_why(m, p, p.ballot_id in provisional), number(p.score, m.language)]
             for n, p in enumerate(report.priorities, start=1)],
            figures=1)


def _provisional_why(m: Minutes, priority: Priority, provisional: bool) -> str:
    """Why the priority was retained, and a word when the vote it came from is not final."""
    text = why(priority, m._, m._.number)
    return f"{text} ({provisional_mark(m._)})" if provisional else text


def retained_by(m: Minutes, item: ConsolidatedPriority, report: ProgrammeReport) -> str:
    """'Atelier santé (35 %)' for each sitting that retained the priority, one a line."""
    titles = {s.sitting.id: s.sitting.title for s in report.sittings}
    lines = []
    for priority in item.priorities:
        share = priority.standing.share if priority.standing is not None else None
        title = titles.get(priority.sitting_id, "")
        lines.append(f"{title} ({percent(share, m.language)})" if share is not None else title)
    return "\n".join(dict.fromkeys(lines))


def action_plan(m: Minutes, actions: Sequence[Action], priorities: Mapping[int, str], level: int,
                new_page: bool = False) -> None:
    """Each action: what (with the priority it serves), who leads and with whom, by when, for how much, where it
    stands, and how its effect will be measured; the total budget under the table."""
    if not actions:
        return
    _ = m._
    m.heading(_("Action plan"), level, new_page)
    rest = m.width - 22.0 - 24.0 - 20.0
    rows = [[_action_what(m, a, priorities), _action_who(m, a), short_date(a.deadline, m.language),
             money(a.budget, m.language) if a.budget is not None else "", action_status_label(a.status, _),
             indicators_text(a)] for a in actions]
    budgets = [a.budget for a in actions if a.budget is not None]
    total = [_("Total"), "", "", money(sum(budgets), m.language), "", ""] if len(budgets) > 1 else None
    m.table([rest * 0.36, rest * 0.3, 22.0, 24.0, 20.0, rest * 0.34],
            [_("What"), _("Lead and partners"), _("Deadline"), _("Budget"), _("Status"), _("Indicators")], rows,
            total=total)


def _action_what(m: Minutes, action: Action, priorities: Mapping[int, str]) -> str:
    lines = [action.title, action.description.strip()]
    if action.priority_id in priorities:
        lines.append(m._("Priority: {title}").format(title=priorities[action.priority_id or 0]))
    return "\n".join(line for line in lines if line)


def _action_who(m: Minutes, action: Action) -> str:
    if not action.partners.strip():
        return action.lead
    return "\n".join(filter(None, (action.lead, m._("With: {partners}").format(partners=action.partners))))


def annexes(m: Minutes, report: SittingReport, level: int, titled: bool = True) -> None:
    """Every raw contribution: all the ideas (folded ones too), all the questions; under a heading of its own
    (`titled`) or under the caller's."""
    ideas = list(report.ideas)
    if not ideas and not report.questions:
        return
    _ = m._
    if titled:
        m.heading(_("Annexes: every contribution"), level)
    themes = {theme.id: theme.name for theme in report.themes}
    tables = report.table_names()
    if ideas:
        m.heading(_("All ideas"), level + 1)
        m.table([12.0, m.width - 12.0 - 70.0, 40.0, 30.0], [_("No."), _("Idea"), _("Theme"), _("Table")],
                [[str(n), idea.text, themes.get(idea.theme_id or 0, ""), tables.get(idea.table_id or 0, "")]
                 for n, idea in enumerate(ideas, start=1)])
    if report.questions:
        m.heading(_("All questions"), level + 1)
        rest = m.width - 12.0 - 40.0
        m.table([12.0, rest * 0.5, rest * 0.5, 20.0, 20.0],
                [_("No."), _("Question"), _("Answer"), _("Votes"), _("Answered")],
                [[str(n), q.text, q.answer, str(q.votes), _("yes") if q.answered else _("no")]
                 for n, q in enumerate(report.questions, start=1)], figures=2)
