"""Screenshots of votes and of the action plan, for `--screenshot DIR --demo` (called by ui/screenshots.py)."""

from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QWidget

from workshop_desk.domain.enums import BallotMethod, BallotStatus, ProjectorMode, SittingKind
from workshop_desk.ui.commands.votes import ShowRequest

if TYPE_CHECKING:
    from workshop_desk.ui.shell import Shell


class Shots(Protocol):
    def take(self, name: str, widget: QWidget) -> None: ...


def vote_shots(shell: "Shell", shots: Shots, workshop_id: int) -> None:
    """A vote going on at the console, a workshop's revealed dot vote and the steering committee's ELIRE grid on
    the projector, and the action plan at the console and on the projector."""
    window, projector, document = shell.window, shell.projector, shell.document
    assert window is not None and window.sitting_page is not None and document is not None
    page, commands = window.sitting_page, document.votes
    ongoing = next(b for s in document.sittings() for b in commands.for_sitting(s.id) if b.status == BallotStatus.OPEN)
    window.select_sitting(ongoing.sitting_id)  # a vote still going on: its board's counts being typed
    page.tabs.setCurrentIndex(page.VOTES_TAB)
    page.ballots_page.select(ongoing.id)
    tally = page.ballots_page.tally
    tally.table.setFocus()
    tally.table.setCurrentIndex(tally.model.index(len(ongoing.options) - 1, 1))
    shots.take("console-votes", window)
    window.select_sitting(workshop_id)
    dots = next(b for b in commands.for_sitting(workshop_id) if b.method == BallotMethod.DOTS)
    commands.show(ShowRequest(ProjectorMode.RESULTS, dots.id, workshop_id))
    shots.take("projector-results-dots", projector.window)
    steering = next(s for s in document.sittings() if s.kind == SittingKind.STEERING_COMMITTEE)
    grid = next(b for b in commands.for_sitting(steering.id) if b.method == BallotMethod.CRITERIA)
    window.select_sitting(steering.id)
    page.ballots_page.select(grid.id)
    commands.show(ShowRequest(ProjectorMode.RESULTS, grid.id, steering.id))
    shots.take("projector-results-grid", projector.window)
    window.show_action_plan()
    shots.take("console-actions", window)
    commands.show(ShowRequest(ProjectorMode.ACTIONS))
    shots.take("projector-actions", projector.window)
