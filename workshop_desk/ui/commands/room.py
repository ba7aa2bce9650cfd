"""What happens in the room, from the console: tables and the seating plan, timed rounds, the speakers' list and the
round timer. Edits are undoable; live controls (giving the floor, starting a round, the timer) are saved at once."""

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from workshop_desk.domain.countdown import TimerState
from workshop_desk.domain.speaking import SpeakingTurn
from workshop_desk.domain.table_plan import RoomTable, SittingPlan, TableDraft
from workshop_desk.i18n import _

if TYPE_CHECKING:
    from workshop_desk.ui.document import Document


class RoomCommands(QObject):
    """Every call goes through the document's `change`; `document.room_changed` tells the screens."""

    def __init__(self, document: "Document") -> None:
        super().__init__(document)
        self._document = document
        self._tables = document.workspace.room_tables
        self._speaking = document.workspace.speaking

    # Tables --------------------------------------------------------------------------------------------------
    def add_table(self, sitting_id: int, draft: TableDraft) -> RoomTable:
        return self._document.creation(_("Add the table “{name}”").format(name=" ".join(draft.name.split())),
                                       lambda: self._tables.add(sitting_id, draft),
                                       lambda table: self._tables.delete(table.id), self._notify(sitting_id))

    def update_table(self, table: RoomTable, draft: TableDraft) -> RoomTable:
        old = TableDraft(table.name, table.theme, table.capacity, table.host_id, table.rapporteur_id)
        return self._document.change(_("Edit the table “{name}”").format(name=table.name),
                                     lambda: self._tables.update(table.id, draft),
                                     lambda: self._tables.update(table.id, old), self._notify(table.sitting_id))

    def delete_table(self, table: RoomTable) -> None:
        self._document.deletion(_("Delete the table “{name}”").format(name=table.name),
                                lambda: self._tables.delete(table.id), self._notify(table.sitting_id))

    # The seating plan (its rounds are rewritten whole: an undo puts the previous plan back) -------------------
    def plan(self, sitting_id: int, rounds: int, seed: int, present_only: bool) -> SittingPlan:
        return self._rewrite_plan(sitting_id, _("Plan the tables"),
                                  lambda: self._tables.plan(sitting_id, rounds, seed, present_only))

    def move(self, sitting_id: int, round_number: int, participant_id: int, table_id: int) -> SittingPlan:
        return self._rewrite_plan(sitting_id, _("Move someone to another table"),
                                  lambda: self._tables.move(sitting_id, round_number, participant_id, table_id))

    def _rewrite_plan(self, sitting_id: int, text: str, do: Callable[[], SittingPlan]) -> SittingPlan:
        return self._document.rewrite(text, [("round", self._tables.round_ids(sitting_id))], do,
                                      self._notify(sitting_id),
                                      added=lambda _plan: [("round", self._tables.round_ids(sitting_id))])

    def start_round(self, sitting_id: int, number: int, seconds: int) -> None:
        """A round begins (live: its real start is recorded, not undone)."""
        self._document.change(_("Round {number} started").format(number=number),
                              lambda: self._document.workspace.rounds.start(sitting_id, number, seconds), None,
                              self._notify(sitting_id))

    # Speakers ------------------------------------------------------------------------------------------------
    def add_speaker(self, sitting_id: int, name: str, seconds: int, participant_id: int | None) -> SpeakingTurn:
        return self._document.creation(_("Add the speaker {name}").format(name=" ".join(name.split())),
                                       lambda: self._speaking.add(sitting_id, name, seconds, participant_id),
                                       lambda turn: self._speaking.remove(turn.id), self._notify(sitting_id))

    def remove_speaker(self, turn: SpeakingTurn) -> None:
        self._document.deletion(_("Remove the speaker {name}").format(name=turn.speaker_name),
                                lambda: self._speaking.remove(turn.id), self._notify(turn.sitting_id))

    def reorder_speakers(self, sitting_id: int, ids: list[int]) -> None:
        old = [turn.id for turn in self._speaking.turns(sitting_id)]
        if ids != old:
            self._document.change(_("Reorder the speakers"), lambda: self._speaking.reorder(sitting_id, ids),
                                  lambda: self._speaking.reorder(sitting_id, old), self._notify(sitting_id))

    def give_floor(self, sitting_id: int, turn_id: int | None) -> SpeakingTurn | None:
        """The next speaker (or the chosen one) has the floor (live: the times are what happened)."""
        return self._document.change(lambda turn: _("{name} has the floor").format(name=turn.speaker_name)
                                     if turn else "", lambda: self._speaking.give_floor(sitting_id, turn_id), None,
                                     self._notify(sitting_id))

    def end_turn(self, sitting_id: int) -> None:
        self._document.change(_("End of the speaking turn"), lambda: self._speaking.end_current(sitting_id), None,
                              self._notify(sitting_id))

    # The round timer (saved at each start, pause and change, so that a restart resumes it) --------------------
    def save_timer(self, sitting_id: int, state: TimerState) -> None:
        self._document.change("", lambda: self._document.workspace.timers.save(sitting_id, state), None,
                              lambda: None)

    def _notify(self, sitting_id: int) -> Callable[[], None]:
        return lambda: self._document.room_changed.emit(sitting_id)
