"""Feeds the projector's vote and action-plan screens, live: every saved vote recounts the ballot on show."""

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from workshop_desk.domain.enums import ActionStatus, BallotStatus, ProjectorMode
from workshop_desk.domain.voting import Ballot, Result
from workshop_desk.i18n import _
from workshop_desk.ui.commands.votes import ShowRequest
from workshop_desk.ui.document import Document
from workshop_desk.ui.projector.vote_views import ActionsView, ResultView

if TYPE_CHECKING:
    from workshop_desk.ui.projector.controller import ProjectorController


def result_view(ballot: Ballot, result: Result | None, focus: int | None = None) -> ResultView:
    """The ballot as the room may see it: the counts always, the result only once revealed."""
    sources = result.sources if result is not None else ()
    return ResultView(ballot.id, ballot.title, ballot.method, ballot.status, ballot.settings,
                      ballot.display_options(), ballot.criteria, result if ballot.revealed else None,
                      sum(s.ballots for s in sources), sum(s.tallied for s in sources), ballot.shuffled, focus)


def default_ballot(ballots: list[Ballot], chosen: int | None) -> Ballot | None:
    """The ballot to show when the facilitator picks the results screen: the one chosen in the Votes tab, else
    the latest open one, else the latest revealed one, else the latest."""
    for ballot in ballots:
        if ballot.id == chosen:
            return ballot
    for wanted in (lambda b: b.status == BallotStatus.OPEN, lambda b: b.revealed, lambda b: True):
        found = [ballot for ballot in ballots if wanted(ballot)]
        if found:
            return found[-1]
    return None


class VoteProjection(QObject):
    """Follows the pages' requests and the saved changes behind what the projector shows."""

    def __init__(self, controller: "ProjectorController", document: Document) -> None:
        super().__init__(document)
        self._controller = controller
        self._document = document
        self._votes = document.votes
        self._plan = document.plan
        self.ballot_id: int | None = None
        self.actions_sitting: int | None = None
        self._requesting = False  # the mode change comes from a request of ours, which already chose what to show
        self._votes.show_requested.connect(self._on_votes_show_requested)
        self._votes.ballot_changed.connect(self._on_votes_ballot_changed)
        self._votes.focus_changed.connect(self._on_votes_ballot_changed)
        document.priorities_changed.connect(self._on_document_priorities_changed)
        controller.state_changed.connect(self._on_controller_state_changed)

    def detach(self) -> None:
        """Stop following the controller (the document is closing)."""
        self._controller.state_changed.disconnect(self._on_controller_state_changed)

    # Requests and changes --------------------------------------------------------------------------------------
    def _on_votes_show_requested(self, request: ShowRequest) -> None:
        if request.mode == ProjectorMode.RESULTS:
            self.ballot_id = request.ballot_id
            self.rebuild_result()
        else:
            self.actions_sitting = request.sitting_id
            self.rebuild_actions()
        self._requesting = True
        try:
            self._controller.set_mode(request.mode)
        finally:
            self._requesting = False

    def _on_controller_state_changed(self, mode: ProjectorMode, _visible: bool) -> None:
        """The results or the plan chosen from the projector panel or its key: pick what to show."""
        if self._requesting:
            return
        sitting_id = self._controller.sitting_id
        if mode == ProjectorMode.RESULTS and sitting_id is not None:
            shown = self._controller.result
            if shown is None or shown.ballot_id not in {b.id for b in self._votes.for_sitting(sitting_id)}:
                ballot = default_ballot(self._votes.for_sitting(sitting_id), self._votes.selected.get(sitting_id))
                self.ballot_id = ballot.id if ballot else None
                self.rebuild_result()
        elif mode == ProjectorMode.ACTIONS and self._controller.actions is None:
            self.rebuild_actions()

    def _on_votes_ballot_changed(self, ballot_id: int) -> None:
        if ballot_id == self.ballot_id:
            self.rebuild_result()

    def _on_document_priorities_changed(self) -> None:
        if self._controller.actions is not None:
            self.rebuild_actions()

    # Building what the room sees -----------------------------------------------------------------------------
    def rebuild_result(self) -> None:
        """Count the ballot on show again (the shared cache counts each change once) and push it."""
        if self.ballot_id is None:
            self._controller.set_result(None)
            return
        try:
            ballot = self._votes.ballot(self.ballot_id)
        except LookupError:  # deleted
            self.ballot_id = None
            self._controller.set_result(None)
            return
        self._controller.set_result(result_view(ballot, self._votes.result(ballot.id),
                                                self._votes.focus.get(ballot.id)))

    def rebuild_actions(self) -> None:
        """The plan (or one sitting's part of it) without the dropped actions."""
        actions = tuple(a for a in self._plan.actions(self.actions_sitting) if a.status != ActionStatus.DROPPED)
        title = _("Action plan")
        if self.actions_sitting is not None:
            try:
                sitting = self._document.agenda(self.actions_sitting).sitting
                title = _("Action plan — {sitting}").format(sitting=sitting.title)
            except LookupError:
                self.actions_sitting = None
        self._controller.set_actions(ActionsView(title, actions))
