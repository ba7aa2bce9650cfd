"""Screenshots of votes and of the action plan, for `--screenshot DIR --demo` (called by ui/screenshots.py)."""

from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QWidget

from workshop_desk.domain.enums import BallotMethod, ProjectorMode, SittingKind
from workshop_desk.ui.voting.commands import ShowRequest, vote_commands

if TYPE_CHECKING:
    from workshop_desk.ui.shell import Shell


class Shots(Protocol):
    def take(self, name: str, widget: QWidget) -> None: ...


def vote_shots(shell: "Shell", shots: Shots, workshop_id: int) -> None:
    """A workshop's dot vote at the console and on the projector, the steering committee's ELIRE grid, and the
    action plan at the console and on the projector."""
    window, projector, document = shell.window, shell.projector, shell.document
    assert window is not None and window.sitting_page is not None and document is not None
    page, commands = window.sitting_page, vote_commands(document)
    window.select_sitting(workshop_id)
    page.tabs.setCurrentIndex(page.VOTES_TAB)
    dots = next(b for b in commands.for_sitting(workshop_id) if b.method == BallotMethod.DOTS)
    page.ballots_page.select(dots.id)
    shots.take("console-votes", window)
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
