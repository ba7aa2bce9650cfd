"""Ballots and votes from the console: saved, undoable where it makes sense, and announced to the screens and the
projector; one shared cache of results, so that a vote is counted once however many screens show it."""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal

from workshop_desk.domain.enums import BallotMethod, ProjectorMode, Source
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.vote_methods import method_spec
from workshop_desk.domain.voting import Ballot, BallotPaper, Result, Settings, Tally, Votes
from workshop_desk.domain.voting_sheet import SheetReading
from workshop_desk.i18n import _
from workshop_desk.services.live_results import LiveResults

if TYPE_CHECKING:
    from workshop_desk.services.snapshots import Snapshot
    from workshop_desk.ui.document import Document

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class BallotDraft:
    """What the ballot dialog gives: options typed one per line, and ideas or themes taken as options."""

    title: str
    method: BallotMethod
    settings: Settings
    options: tuple[str, ...] = ()
    idea_ids: tuple[int, ...] = ()
    theme_ids: tuple[int, ...] = ()
    criteria: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class ShowRequest:
    """What a page asks the projector to show: a ballot (RESULTS) or the action plan (ACTIONS)."""

    mode: ProjectorMode
    ballot_id: int | None = None
    sitting_id: int | None = None  # ACTIONS: one sitting's actions (None: the whole plan)


class VoteCommands(QObject):
    """Every call saves first; then `ballot_changed` and the document's `ballots_changed` tell who shows it."""

    ballot_changed = Signal(int)  # ballot id: its settings, controls or votes changed
    show_requested = Signal(object)  # ShowRequest
    focus_changed = Signal(int)  # ballot id: the option picked for the projector's radar changed
    def __init__(self, document: "Document") -> None:
        super().__init__(document)
        self._document = document
        self._ballots = document.workspace.ballots
        self._states = document.workspace.ballot_states
        self._live = LiveResults(self._ballots)
        self._cache: dict[int, Ballot] = {}
        self._results: dict[tuple[int, bool], Result | None] = {}
        self.selected: dict[int, int] = {}  # sitting id → the ballot chosen in its Votes tab
        self.focus: dict[int, int] = {}  # ballot id → the option chosen in its result table

    # Reading (cached until the ballot changes) ----------------------------------------------------------------
    def ballot(self, ballot_id: int) -> Ballot:
        if ballot_id not in self._cache:
            self._cache[ballot_id] = self._ballots.get(ballot_id)
        return self._cache[ballot_id]

    def result(self, ballot_id: int, by_group: bool = False) -> Result | None:
        """The ballot's result from every source (None if it cannot be counted yet, e.g. a grid without criteria)."""
        key = (ballot_id, by_group)
        if key not in self._results:
            try:
                self._results[key] = self._live.result(self.ballot(ballot_id), by_group)
            except ValidationError:
                self._results[key] = None
        return self._results[key]

    def votes(self, ballot_id: int) -> Votes:
        return self._live.votes(ballot_id)

    def next_voter(self, ballot_id: int) -> str:
        return self._ballots.next_voter(ballot_id)

    def for_sitting(self, sitting_id: int) -> list[Ballot]:
        ballots = self._ballots.for_sitting(sitting_id)
        self._cache.update({ballot.id: ballot for ballot in ballots})
        return ballots

    # Ballots --------------------------------------------------------------------------------------------------
    def create(self, sitting_id: int, draft: BallotDraft) -> Ballot:
        made: list[int] = []

        def create() -> Ballot:
            ballot = self._ballots.create(sitting_id, draft.title, draft.method, draft.options,
                                          settings=draft.settings, idea_ids=draft.idea_ids, theme_ids=draft.theme_ids,
                                          criteria=draft.criteria or None)
            made[:] = [ballot.id]
            return ballot

        return self._document.creation(_("Create the ballot “{title}”").format(title=" ".join(draft.title.split())),
                                       create, lambda ballot: self._ballots.delete(ballot.id),
                                       lambda: self._notify(made[0], sitting_id)())

    def update(self, ballot: Ballot, draft: BallotDraft) -> Ballot:
        """Title, settings, options and criteria as the dialog has them; all or nothing."""
        before = self._states.capture(ballot.id)
        after: list[Snapshot] = []

        def apply() -> None:
            try:
                self._apply(ballot, draft)
            except (ValidationError, LookupError):
                self._states.put_back(before)
                raise
            after[:] = [self._states.capture(ballot.id)]

        self._document.change(_("Edit the ballot “{title}”").format(title=ballot.title), apply,
                              lambda: self._states.put_back(before), self._notify(ballot.id, ballot.sitting_id),
                              redo=lambda: self._states.put_back(after[0]))
        return self.ballot(ballot.id)

    def _apply(self, ballot: Ballot, draft: BallotDraft) -> None:
        if draft.title != ballot.title:
            self._ballots.rename(ballot.id, draft.title)
        if draft.settings != ballot.settings:
            self._ballots.change_settings(ballot.id, draft.settings)
        wanted = [" ".join(line.split()) for line in draft.options]
        for option in ballot.options:
            if option.label not in wanted:
                self._ballots.remove_option(ballot.id, option.id)
        had = {option.label for option in ballot.options}
        new = [label for label in wanted if label not in had]
        if new or draft.idea_ids or draft.theme_ids:
            self._ballots.add_options(ballot.id, new, idea_ids=draft.idea_ids, theme_ids=draft.theme_ids)
        if method_spec(ballot.method).criteria and list(draft.criteria) != [(c.name, c.weight)
                                                                               for c in ballot.criteria]:
            self._ballots.set_criteria(ballot.id, draft.criteria)

    def delete(self, ballot: Ballot) -> None:
        self._document.deletion(_("Delete the ballot “{title}”").format(title=ballot.title),
                                lambda: self._ballots.delete(ballot.id), self._everything(ballot))

    # Controls (live, like running a sitting: saved at once, not undone) -----------------------------------------
    def open(self, ballot: Ballot) -> Ballot:
        return self._control(ballot, lambda: self._ballots.open(ballot.id), _("Ballot opened"))

    def close(self, ballot: Ballot) -> Ballot:
        return self._control(ballot, lambda: self._ballots.close(ballot.id), _("Ballot closed"))

    def reveal(self, ballot: Ballot, revealed: bool = True) -> Ballot:
        changed = self._control(ballot, lambda: self._ballots.reveal(ballot.id, revealed),
                                _("Results revealed") if revealed else _("Results hidden"))
        if revealed:
            self.show(ShowRequest(ProjectorMode.RESULTS, ballot.id, ballot.sitting_id))
        return changed

    def shuffle(self, ballot: Ballot, shuffled: bool = True) -> Ballot:
        return self._control(ballot, lambda: self._ballots.shuffle(ballot.id, shuffled),
                             _("Options shuffled on the projector") if shuffled else _("Options in their order"))

    def _control(self, ballot: Ballot, do: Callable[[], Ballot], message: str) -> Ballot:
        return self._document.change(message, do, None, self._notify(ballot.id, ballot.sitting_id))

    # Votes (each saved at once; a paper is corrected by entering it again; clearing and importing are undone) --
    def cast(self, ballot: Ballot, paper: BallotPaper) -> BallotPaper:
        return self._document.change("", lambda: self._live.cast(ballot.id, paper), None,
                                     self._notify(ballot.id, ballot.sitting_id, votes_only=True))

    def delete_voter(self, ballot: Ballot, voter: str) -> bool:
        return self._with_votes_undoable(ballot, _("Delete the ballot paper of {voter}").format(voter=voter),
                                         lambda: self._ballots.delete_voter(ballot.id, voter))

    def set_tallies(self, ballot: Ballot, amounts: Mapping[int, float], source: Source, axis: str = "",
                    group_id: int | None = None) -> tuple[Tally, ...]:
        return self._document.change("", lambda: self._live.set_tallies(ballot.id, amounts, source, axis, group_id),
                                     None, self._notify(ballot.id, ballot.sitting_id, votes_only=True))

    def clear_votes(self, ballot: Ballot) -> int:
        return self._with_votes_undoable(ballot, _("Clear the votes of “{title}”").format(title=ballot.title),
                                         lambda: self._ballots.clear_votes(ballot.id))

    def import_rows(self, ballot: Ballot, rows: Sequence[Sequence[object]], name: str) -> SheetReading:
        """Record the ballots of a spreadsheet read beforehand (off the GUI thread), all or none; undoable."""
        return self._with_votes_undoable(ballot, _("Import ballots from “{name}”").format(name=name),
                                         lambda: self._ballots.import_rows(ballot.id, rows, name))

    def _with_votes_undoable(self, ballot: Ballot, text: str, do: Callable[[], T]) -> T:
        """A change of many votes at once, which an undo returns to the votes as they were (and a redo to after)."""
        before = self._states.capture(ballot.id)
        after: list[Snapshot] = []

        def apply() -> T:
            result = do()
            after[:] = [self._states.capture(ballot.id)]
            return result

        return self._document.change(text, apply, lambda: self._states.put_back_votes(before),
                                     self._notify(ballot.id, ballot.sitting_id),
                                     redo=lambda: self._states.put_back_votes(after[0]))

    # The projector --------------------------------------------------------------------------------------------
    def show(self, request: ShowRequest) -> None:
        self.show_requested.emit(request)

    def set_focus(self, ballot_id: int, option_id: int | None) -> None:
        """The option whose radar the projector draws (a row picked in the result table)."""
        if option_id is None:
            self.focus.pop(ballot_id, None)
        else:
            self.focus[ballot_id] = option_id
        self.focus_changed.emit(ballot_id)

    def _everything(self, ballot: Ballot) -> Callable[[], None]:
        """A ballot went or came back: its priorities too."""
        def notify() -> None:
            self._notify(ballot.id, ballot.sitting_id)()
            self._document.priorities_changed.emit()

        return notify

    def from_phones(self, sitting_id: int, ballot_id: int, papers: Sequence[BallotPaper]) -> None:
        """Papers phones sent, already saved by the participant server: counted in memory as the console's are
        (no undo step: they are the voters', not the facilitator's), the screens told once for them all."""
        for paper in papers:
            self._live.recorded(ballot_id, paper)
        self._notify(ballot_id, sitting_id, votes_only=True)()

    def _notify(self, ballot_id: int, sitting_id: int, votes_only: bool = False) -> Callable[[], None]:
        """What tells the screens; `votes_only`: votes added through the live results, which already hold them."""
        def notify() -> None:
            if not votes_only:
                self._cache.pop(ballot_id, None)
                self._live.forget(ballot_id)
            for key in [key for key in self._results if key[0] == ballot_id]:
                del self._results[key]
            self.ballot_changed.emit(ballot_id)
            self._document.ballots_changed.emit(sitting_id)

        return notify
