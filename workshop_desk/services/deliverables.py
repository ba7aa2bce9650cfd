"""The deliverables of a sitting or of the whole programme: Word minutes and an Excel synthesis."""

from pathlib import Path

from workshop_desk.domain.clock import utc_now
from workshop_desk.domain.report import BallotReport, ProgrammeReport, ReportOptions, SittingReport
from workshop_desk.services.workspace import Workspace


def sitting_report(workspace: Workspace, sitting_id: int, with_votes: bool = True) -> SittingReport:
    """Everything the deliverables say about one sitting (LookupError: no such sitting).

    `with_votes`: also every ballot paper (the synthesis lists them; the minutes need only the results)."""
    agenda = workspace.sittings.agenda(sitting_id)
    ballots = []
    for ballot in workspace.ballots.for_sitting(sitting_id):
        votes = workspace.ballots.votes(ballot.id) if with_votes else None
        result = workspace.ballots.result(ballot.id)
        ballots.append(BallotReport(ballot, result, votes) if votes is not None else BallotReport(ballot, result))
    actions = tuple(action for action in workspace.priorities.actions() if action.sitting_id == sitting_id)
    roster = [entry for entry in workspace.attendance.roster(sitting_id) if entry.attendance is not None]
    return SittingReport(
        sitting=agenda.sitting, items=agenda.items, roster=tuple(roster),
        ideas=tuple(workspace.ideas.ideas(sitting_id)), themes=tuple(workspace.themes.themes(sitting_id)),
        questions=tuple(workspace.questions.questions(sitting_id)), turns=tuple(workspace.speaking.turns(sitting_id)),
        rounds=tuple(workspace.rounds.rounds(sitting_id)), tables=tuple(workspace.room_tables.tables(sitting_id)),
        ballots=tuple(ballots), priorities=tuple(workspace.priorities.for_sitting(sitting_id)), actions=actions)


def programme_report(workspace: Workspace, sitting_id: int | None = None, with_votes: bool = True) -> ProgrammeReport:
    """One sitting's report (`sitting_id`), or the whole programme's: every sitting, the consolidated priorities
    and the whole action plan (LookupError: no such sitting)."""
    whole = sitting_id is None
    ids = [sitting.id for sitting in workspace.sittings.all()] if whole else [sitting_id]
    sittings = tuple(sitting_report(workspace, found, with_votes) for found in ids if found is not None)
    actions = workspace.priorities.actions() if whole else [a for s in sittings for a in s.actions]
    return ProgrammeReport(programme=workspace.programmes.get(), groups=tuple(workspace.programmes.groups()),
                           sittings=sittings, consolidated=workspace.priorities.consolidated() if whole else (),
                           actions=tuple(actions), whole_programme=whole, written_at=utc_now())


def export_minutes(workspace: Workspace, out: Path, language: str, sitting_id: int | None = None,
                   options: ReportOptions | None = None) -> Path:
    """The Word minutes of a sitting, or the consolidated report of the programme (`sitting_id` None)."""
    from workshop_desk.exports.minutes_docx import write_minutes

    report = programme_report(workspace, sitting_id, with_votes=False)
    return write_minutes(out, report, language, options or ReportOptions())


def export_synthesis(workspace: Workspace, out: Path, language: str, sitting_id: int | None = None,
                     options: ReportOptions | None = None) -> Path:
    """The Excel synthesis of a sitting, or of the programme (`sitting_id` None)."""
    from workshop_desk.exports.synthesis_xlsx import write_synthesis

    report = programme_report(workspace, sitting_id, with_votes=True)
    return write_synthesis(out, report, language, options or ReportOptions())
