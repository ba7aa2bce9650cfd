"""The deliverables of a sitting or of the whole programme: Word minutes and an Excel synthesis."""

import datetime as dt
import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from workshop_desk.domain.clock import utc_now
from workshop_desk.domain.models import Sitting
from workshop_desk.domain.priorities import Action
from workshop_desk.domain.report import BallotReport, ProgrammeReport, ReportOptions, SittingReport
from workshop_desk.services.workspace import Workspace


def sitting_report(workspace: Workspace, sitting_id: int, with_votes: bool = True,
                   plan: Sequence[Action] | None = None) -> SittingReport:
    """Everything the deliverables say about one sitting (LookupError: no such sitting).

    `with_votes`: also every ballot paper (the synthesis lists them; the minutes need only the results);
    `plan`: the programme's action plan when the caller has it already (read once for all the sittings)."""
    agenda = workspace.sittings.agenda(sitting_id)
    ballots = []
    for ballot in workspace.ballots.for_sitting(sitting_id):
        if with_votes:
            ballots.append(BallotReport(ballot, *workspace.ballots.result_with_votes(ballot)))
        else:
            ballots.append(BallotReport(ballot, workspace.ballots.result(ballot.id)))
    plan = workspace.priorities.actions() if plan is None else plan
    actions = tuple(action for action in plan if action.sitting_id == sitting_id)
    roster = [entry for entry in workspace.attendance.roster(sitting_id) if entry.attendance is not None]
    return SittingReport(
        sitting=agenda.sitting, items=agenda.items, roster=tuple(roster),
        ideas=tuple(workspace.ideas.ideas(sitting_id)), themes=tuple(workspace.themes.themes(sitting_id)),
        questions=tuple(workspace.questions.questions(sitting_id)), turns=tuple(workspace.speaking.turns(sitting_id)),
        rounds=tuple(workspace.rounds.rounds(sitting_id)), tables=tuple(workspace.room_tables.tables(sitting_id)),
        ballots=tuple(ballots), priorities=tuple(workspace.priorities.for_sitting(sitting_id)), actions=actions,
        next_sitting=next_sitting(workspace.sittings.all(), agenda.sitting))


def next_sitting(sittings: Sequence[Sitting], sitting: Sitting) -> Sitting | None:
    """The first dated sitting after this one (by date, then start time); None when it is undated or the last."""
    if sitting.date is None:
        return None
    later = [s for s in sittings if s.id != sitting.id and s.date is not None and _when(s) > _when(sitting)]
    return min(later, key=_when, default=None)


def _when(sitting: Sitting) -> tuple[dt.date, dt.time]:
    return sitting.date or dt.date.min, sitting.start_time or dt.time.min


def programme_report(workspace: Workspace, sitting_id: int | None = None, with_votes: bool = True) -> ProgrammeReport:
    """One sitting's report (`sitting_id`), or the whole programme's: every sitting, the consolidated priorities
    and the whole action plan (LookupError: no such sitting)."""
    whole = sitting_id is None
    ids = [sitting.id for sitting in workspace.sittings.all()] if whole else [sitting_id]
    plan = workspace.priorities.actions()
    sittings = tuple(sitting_report(workspace, found, with_votes, plan) for found in ids if found is not None)
    actions = plan if whole else [a for s in sittings for a in s.actions]
    speakers = {turn.participant_id for s in sittings for turn in s.turns if turn.participant_id is not None}
    return ProgrammeReport(programme=workspace.programmes.get(), groups=tuple(workspace.programmes.groups()),
                           sittings=sittings, consolidated=workspace.priorities.consolidated() if whole else (),
                           actions=tuple(actions), whole_programme=whole, written_at=utc_now(),
                           speaker_groups=_groups(workspace, speakers))


def _groups(workspace: Workspace, participant_ids: set[int]) -> dict[int, int | None]:
    """The stakeholder group of each of these participants (those since deleted left out)."""
    found: dict[int, int | None] = {}
    for participant_id in sorted(participant_ids):
        try:
            found[participant_id] = workspace.participants.get(participant_id).group_id
        except LookupError:
            continue
    return found


def export_minutes(workspace: Workspace, out: Path, language: str, sitting_id: int | None = None,
                   options: ReportOptions | None = None) -> Path:
    """The Word minutes of a sitting, or the consolidated report of the programme (`sitting_id` None)."""
    from workshop_desk.exports.minutes_docx import write_minutes

    with _collector_paused():
        report = programme_report(workspace, sitting_id, with_votes=False)
        return write_minutes(out, report, language, options or ReportOptions())


def export_synthesis(workspace: Workspace, out: Path, language: str, sitting_id: int | None = None,
                     options: ReportOptions | None = None) -> Path:
    """The Excel synthesis of a sitting, or of the programme (`sitting_id` None)."""
    from workshop_desk.exports.synthesis_xlsx import write_synthesis

    with _collector_paused():
        report = programme_report(workspace, sitting_id, with_votes=True)
        return write_synthesis(out, report, language, options or ReportOptions())


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a report is built and written: hundreds of thousands of small objects
    without cycles (every vote), which it would otherwise walk again and again (a quarter of the time)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
