"""Screenshots of votes and of the action plan, for `--screenshot DIR --demo` (called by ui/screenshots.py)."""

from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QWidget

from workshop_desk.domain.enums import BallotStatus, ProjectorMode
from workshop_desk.ui.commands.votes import ShowRequest

if TYPE_CHECKING:
    from workshop_desk.ui.shell import Shell


class Shots(Protocol):
    def take(self, name: str, widget: QWidget) -> None: ...


def vote_shots(shell: "Shell", shots: Shots) -> None:
    """A vote going on at the console and on the projector, the revealed result of each method the demo uses on
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
    commands.show(ShowRequest(ProjectorMode.RESULTS, ongoing.id, ongoing.sitting_id))
    shots.take("projector-results-hidden", projector.window)  # still going on: the counts, not the result
    _results_shots(shell, shots)
    window.show_action_plan()
    shots.take("console-actions", window)
    commands.show(ShowRequest(ProjectorMode.ACTIONS))
    shots.take("projector-actions", projector.window)


def _results_shots(shell: "Shell", shots: Shots) -> None:
    """projector-results-<method>.png: the latest revealed ballot of each method, as the room sees it."""
    window, projector, document = shell.window, shell.projector, shell.document
    assert window is not None and window.sitting_page is not None and document is not None
    revealed = {b.method: b for s in document.sittings() for b in document.votes.for_sitting(s.id) if b.revealed}
    for method, ballot in revealed.items():
        window.select_sitting(ballot.sitting_id)
        window.sitting_page.ballots_page.select(ballot.id)
        document.votes.show(ShowRequest(ProjectorMode.RESULTS, ballot.id, ballot.sitting_id))
        shots.take(f"projector-results-{method}", projector.window)
