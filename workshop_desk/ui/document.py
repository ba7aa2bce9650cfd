"""The open programme as the screens see it, and the one way the console changes it: `Document.change` saves,
then puts one step on the undo stack, then tells the screens — in that order, in one place."""

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal

from workshop_desk.domain.agenda import moved
from workshop_desk.domain.enums import AttendanceStatus
from workshop_desk.domain.models import (
    AgendaItem,
    ItemDraft,
    Participant,
    ParticipantDraft,
    Programme,
    ProgrammeDraft,
    Sitting,
    SittingAgenda,
    SittingDraft,
    StakeholderGroup,
    programme_draft,
)
from workshop_desk.domain.people import draft_of as participant_draft
from workshop_desk.i18n import _, ngettext
from workshop_desk.services.file_messages import describe_storage_error
from workshop_desk.storage.errors import StorageError, WriteProblem
from workshop_desk.ui.undo import AppliedCommand, NotSaved, UndoStack

if TYPE_CHECKING:
    from pathlib import Path

    from workshop_desk.domain.packages import LaptopPlan
    from workshop_desk.services.snapshots import Roots, Snapshot
    from workshop_desk.services.workspace import Workspace

T = TypeVar("T")
R = TypeVar("R")
log = logging.getLogger(__name__)


class Document(QObject):
    """Wraps the open Workspace. Screens read through it and change the file only through its commands: here, and in
    the command sets it owns (`board`, `questions`, `votes`, `plan`, `desk`, `room`, `people`, `phones`,
    `packages`)."""

    programme_changed = Signal()
    sittings_changed = Signal()
    agenda_changed = Signal(int)  # sitting id
    run_changed = Signal(int)  # sitting id
    participants_changed = Signal()  # the registry, groups or invitations changed
    attendance_changed = Signal(int)  # sitting id: someone signed in, left, or changed status
    ideas_changed = Signal(int)  # sitting id: a note or a theme of its board changed
    questions_changed = Signal(int)  # sitting id
    ballots_changed = Signal(int)  # sitting id: a ballot, its controls or its votes changed
    priorities_changed = Signal()  # a priority list or the action plan changed
    room_changed = Signal(int)  # sitting id: its tables, seating plan, speakers or timer changed
    phones_changed = Signal(int)  # sitting id: its phone settings, join code or approval queue changed
    packages_changed = Signal()  # packages were imported, or a conflict's version set aside was taken
    saved = Signal(str)  # what was saved, for the status bar
    failed = Signal(str)  # a change that could not be saved, or a step that could not be undone: why

    def __init__(self, workspace: "Workspace", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.undo_stack = UndoStack(self)
        self._build_command_sets()

    def _build_command_sets(self) -> None:
        # Imported here: each command set needs the Document class, and none is needed before a file is open.
        from workshop_desk.ui.commands.board import BoardCommands
        from workshop_desk.ui.commands.desk import DeskCommands
        from workshop_desk.ui.commands.packages import PackageCommands
        from workshop_desk.ui.commands.people import PeopleCommands
        from workshop_desk.ui.commands.phones import PhoneCommands
        from workshop_desk.ui.commands.plan import PlanCommands
        from workshop_desk.ui.commands.questions import QuestionCommands
        from workshop_desk.ui.commands.room import RoomCommands
        from workshop_desk.ui.commands.votes import VoteCommands

        self.board: BoardCommands = BoardCommands(self)
        self.questions: QuestionCommands = QuestionCommands(self)
        self.votes: VoteCommands = VoteCommands(self)
        self.plan: PlanCommands = PlanCommands(self)
        self.desk: DeskCommands = DeskCommands(self)
        self.room: RoomCommands = RoomCommands(self)
        self.people: PeopleCommands = PeopleCommands(self)
        self.phones: PhoneCommands = PhoneCommands(self)
        self.packages: PackageCommands = PackageCommands(self)
        from workshop_desk.ui.phones.room import PhoneRoom

        self.phone_room = PhoneRoom(self)  # the participant server, when phones are switched on

    @property
    def read_only(self) -> bool:
        return self.workspace.read_only

    # The one way to change the file -----------------------------------------------------------------------------
    def change(self, text: str | Callable[[T], str], do: Callable[[], T], undo: Callable[[], object] | None,
               notify: Callable[[], None], redo: Callable[[], object] | None = None,
               changed: Callable[[T], bool] | None = None) -> T:
        """Run `do`, which commits; only then put the step on the undo stack (not when `undo` is None: a live
        control, such as the timer or the run, is not undone) and only then `notify()` the screens. When the file
        refuses the change, the facilitator is told why and NotSaved is raised: nothing is pushed or announced, and
        the caller shows nothing as done. `redo` defaults to `do`; `changed(result)` False means `do` found
        nothing to change (a second scan of a badge), and nothing is pushed or announced. `text` names the step on
        the undo stack and in the status bar; it may be worked out from the result."""
        if self.read_only:
            raise self._not_saved(_("This programme is open read-only: nothing can be changed here."))
        try:
            result = do()
        except StorageError as error:
            raise self._not_saved(describe_storage_error(error)) from error
        if changed is not None and not changed(result):
            return result
        label = text(result) if callable(text) else text
        if undo is not None:
            self.undo_stack.push(AppliedCommand(label, redo or do, undo, notify, self.failed.emit))
        notify()
        if label:
            self.saved.emit(label)
        return result

    def deletion(self, text: str, remove: Callable[[], "Snapshot"], notify: Callable[[], None]) -> "Snapshot":
        """A delete that an undo reverses whole: the snapshot of what went is kept, and renewed by each redo."""
        held: list[Snapshot] = []

        def do() -> "Snapshot":
            held[:] = [remove()]
            return held[0]

        return self.change(text, do, lambda: self.workspace.snapshots.restore(held[0]), notify)

    def creation(self, text: str | Callable[[R], str], create: Callable[[], R], remove: Callable[[R], "Snapshot"],
                 notify: Callable[[], None]) -> R:
        """A creation that an undo deletes (keeping a snapshot) and a redo puts back, under the same ids."""
        held: list[Snapshot] = []
        made: list[R] = []

        def do() -> R:
            made[:] = [create()]
            return made[0]

        def undo() -> None:
            held[:] = [remove(made[0])]

        return self.change(text, do, undo, notify, redo=lambda: self.workspace.snapshots.restore(held[0]))

    def rewrite(self, text: str | Callable[[T], str], roots: "Roots", do: Callable[[], T], notify: Callable[[], None],
                added: Callable[[T], "Roots"] = lambda _result: ()) -> T:
        """A change of many rows at once (a seating plan, an import): the rows of `roots` are captured before and
        after, with what `do` `added`; an undo puts the before back, a redo the after."""
        snapshots = self.workspace.snapshots
        before = snapshots.capture(roots)
        touched: list[Roots] = []
        after: list[Snapshot] = []

        def apply() -> T:
            result = do()
            touched[:] = [[*roots, *added(result)]]
            after[:] = [snapshots.capture(touched[0])]
            return result

        return self.change(text, apply, lambda: snapshots.replace(touched[0], before), notify,
                           redo=lambda: snapshots.replace(roots, after[0]))

    def from_phones(self, topic: str, sitting_id: int, subject: object) -> None:
        """A phone's contribution, committed by the participant server: an idea or a question (`subject`: its id),
        or ballot papers (`subject`: (ballot id, papers)). The screens show it, the approval queue too. No undo
        step: it is not the facilitator's to take back."""
        if topic == "ideas" and isinstance(subject, int):
            self.board.from_phone(sitting_id, subject)
        elif topic == "questions":
            self.questions_changed.emit(sitting_id)
        elif topic == "ballot" and isinstance(subject, tuple):
            self.votes.from_phones(sitting_id, *subject)
        self.phones_changed.emit(sitting_id)

    def _not_saved(self, message: str) -> NotSaved:
        log.warning("a change was not saved: %s", message)
        self.failed.emit(message)
        return NotSaved(message)

    # Reading -----------------------------------------------------------------------------------------------------
    def programme(self) -> Programme:
        return self.workspace.programmes.get()

    def groups(self) -> list[StakeholderGroup]:
        return self.workspace.programmes.groups()

    def sittings(self) -> list[Sitting]:
        return self.workspace.sittings.all()

    def agenda(self, sitting_id: int) -> SittingAgenda:
        return self.workspace.sittings.agenda(sitting_id)

    def running(self) -> SittingAgenda | None:
        return self.workspace.run.running()

    def participants(self) -> list[Participant]:
        return self.workspace.participants.all()

    # Programme -----------------------------------------------------------------------------------------------
    def update_programme(self, draft: ProgrammeDraft) -> Programme:
        old = programme_draft(self.programme())
        return self.change(_("Edit the programme"), lambda: self.workspace.programmes.update(draft),
                           lambda: self.workspace.programmes.update(old), self.programme_changed.emit)

    # Sittings ------------------------------------------------------------------------------------------------
    def add_sitting(self, draft: SittingDraft, template_key: str | None = None) -> SittingAgenda:
        return self.creation(_("Add sitting “{title}”").format(title=draft.title),
                             lambda: self.workspace.sittings.create(draft, template_key),
                             lambda created: self.workspace.sittings.delete(created.sitting.id),
                             self.sittings_changed.emit)

    def update_sitting(self, sitting_id: int, draft: SittingDraft) -> Sitting:
        before = self.agenda(sitting_id).sitting
        old = SittingDraft(before.title, before.kind, before.date, before.start_time, before.end_time,
                           before.venue, before.facilitators, before.expected_headcount, before.objectives)
        return self.change(_("Edit sitting “{title}”").format(title=before.title),
                           lambda: self.workspace.sittings.update(sitting_id, draft),
                           lambda: self.workspace.sittings.update(sitting_id, old),
                           self._sittings_and_agenda(sitting_id))

    def duplicate_sitting(self, sitting_id: int) -> SittingAgenda:
        return self.creation(_("Duplicate sitting"), lambda: self.workspace.sittings.duplicate(sitting_id),
                             lambda copy: self.workspace.sittings.delete(copy.sitting.id), self.sittings_changed.emit)

    def delete_sitting(self, sitting_id: int) -> None:
        title = self.agenda(sitting_id).sitting.title
        self.deletion(_("Delete sitting “{title}”").format(title=title),
                      lambda: self.workspace.sittings.delete(sitting_id), self.everything_changed)

    def move_sitting(self, sitting_id: int, to_row: int) -> None:
        old = [s.id for s in self.sittings()]
        self.change(_("Move sitting"), lambda: self.workspace.sittings.move(sitting_id, to_row),
                    lambda: self.workspace.sittings.reorder(old), self.sittings_changed.emit)

    # Agenda --------------------------------------------------------------------------------------------------
    def add_item(self, sitting_id: int, draft: ItemDraft, row: int | None = None) -> AgendaItem:
        return self.creation(_("Add item “{title}”").format(title=draft.title),
                             lambda: self.workspace.agenda.add(sitting_id, draft, row),
                             lambda added: self.workspace.agenda.delete(added.id), self._agenda(sitting_id))

    def update_item(self, item: AgendaItem, draft: ItemDraft) -> AgendaItem:
        old = ItemDraft(item.title, item.kind, item.planned_minutes, item.notes)
        return self.change(_("Edit item “{title}”").format(title=item.title),
                           lambda: self.workspace.agenda.update(item.id, draft),
                           lambda: self.workspace.agenda.update(item.id, old), self._agenda(item.sitting_id))

    def delete_item(self, item_id: int) -> None:
        item = self.workspace.agenda.get(item_id)
        self.deletion(_("Delete item “{title}”").format(title=item.title),
                      lambda: self.workspace.agenda.delete(item_id), self._everything_of(item.sitting_id))

    def move_item(self, sitting_id: int, item_id: int, to_row: int) -> None:
        old = [i.id for i in self.workspace.agenda.items(sitting_id)]
        new = moved(old, old.index(item_id), to_row)
        if new != old:
            self.change(_("Move item"), lambda: self.workspace.agenda.reorder(sitting_id, new),
                        lambda: self.workspace.agenda.reorder(sitting_id, old), self._agenda(sitting_id))

    # Participants and groups ---------------------------------------------------------------------------------
    def add_participant(self, draft: ParticipantDraft) -> Participant:
        return self.creation(lambda person: _("Add participant {name}").format(name=person.full_name),
                             lambda: self.workspace.participants.add(draft),
                             lambda person: self.workspace.participants.delete_many([person.id]),
                             self.participants_changed.emit)

    def update_participant(self, person: Participant, draft: ParticipantDraft) -> Participant:
        old = participant_draft(person)
        return self.change(_("Edit participant {name}").format(name=person.full_name),
                           lambda: self.workspace.participants.update(person.id, draft),
                           lambda: self.workspace.participants.update(person.id, old),
                           self.participants_changed.emit)

    def delete_participants(self, ids: list[int]) -> None:
        text = ngettext("Delete {n} participant", "Delete {n} participants", len(ids)).format(n=len(ids))
        self.deletion(text, lambda: self.workspace.participants.delete_many(ids), self.everything_changed)

    def merge_participants(self, keep_id: int, other_id: int) -> Participant:
        """Merge two records of one person (not undoable: the dialog asks first, and says so)."""
        merged = self.change(_("Merge two records"), lambda: self.workspace.participants.merge(keep_id, other_id),
                             None, self.everything_changed)
        self.undo_stack.clear()  # earlier steps may refer to the merged-away record
        self.saved.emit(_("Merged into {name}").format(name=merged.full_name))
        return merged

    def set_attendance(self, sitting_id: int, ids: list[int], status: AttendanceStatus | None) -> None:
        """Set who is expected at a sitting (None: no longer expected), undoably."""
        before = self.workspace.attendance.statuses(sitting_id)

        def apply() -> None:
            if status is None:
                self.workspace.attendance.uninvite(sitting_id, ids)
            else:
                self.workspace.attendance.set_status(sitting_id, ids, status)

        def revert() -> None:
            for pid in ids:
                self.workspace.attendance.put_back(sitting_id, pid, before.get(pid))

        self.change(ngettext("Change the status of {n} participant", "Change the status of {n} participants",
                             len(ids)).format(n=len(ids)), apply, revert, self.attendance_notifier(sitting_id))

    def add_group(self, name: str, colour: str) -> StakeholderGroup:
        return self.creation(_("Add group {name}").format(name=name),
                             lambda: self.workspace.programmes.add_group(name, colour),
                             lambda group: self.workspace.programmes.delete_group(group.id),
                             self.participants_changed.emit)

    def update_group(self, group: StakeholderGroup, name: str, colour: str) -> StakeholderGroup:
        return self.change(_("Edit group {name}").format(name=group.name),
                           lambda: self.workspace.programmes.update_group(group.id, name, colour),
                           lambda: self.workspace.programmes.update_group(group.id, group.name, group.colour),
                           self.participants_changed.emit)

    def delete_group(self, group: StakeholderGroup) -> None:
        self.deletion(_("Delete group {name}").format(name=group.name),
                      lambda: self.workspace.programmes.delete_group(group.id), self.everything_changed)

    # The whole file ----------------------------------------------------------------------------------------------
    def restore_backup(self, backup: "Path") -> None:
        """Return the programme to a backup, in one transaction. Earlier steps no longer apply and leave the undo
        stack; the restore itself can be undone (the state it left was backed up first)."""
        backups = self.workspace.backups
        left: list[Path] = []

        def restore() -> None:
            left[:] = [backups.restore(backup).path]

        self.undo_stack.clear()
        self.change(_("Restore from backup"), restore, lambda: self.workspace.database.replace_contents(left[0]),
                    self.everything_changed, redo=lambda: self.workspace.database.replace_contents(backup))

    def reload(self, text: str) -> None:
        """After the whole file changed outside `change` (packages merged off the GUI thread, a backup copy taken
        first): earlier steps no longer apply and leave the undo stack, and every screen reads the file again."""
        self.undo_stack.clear()
        self.everything_changed()
        self.saved.emit(text)

    def prepare_laptop(self, plan: "LaptopPlan", folder: "Path") -> "Path":
        """Write one laptop's package into `folder` and remember the laptop's name; return the package. Called off
        the GUI thread, so it neither announces nor pushes anything: no screen shows the names before that laptop's
        work comes back, and there is nothing to undo (the package is out on the stick; forgetting its laptop would
        only leave that work unnamed). Raises StorageError on a read-only file, with nothing written."""
        if self.read_only:
            raise StorageError(WriteProblem.READ_ONLY, self.workspace.path)
        return self.workspace.packages.prepare([plan], folder)[0]

    # Running (live: saved at once, not undone) ----------------------------------------------------------------
    def start_run(self, sitting_id: int) -> SittingAgenda:
        return self._run(sitting_id, lambda: self.workspace.run.start(sitting_id), _("Run started"))

    def step_run(self, sitting_id: int, delta: int) -> SittingAgenda:
        return self._run(sitting_id, lambda: self.workspace.run.step(sitting_id, delta),
                         _("Moved to the next item") if delta > 0 else _("Back to the previous item"))

    def stop_run(self, sitting_id: int) -> SittingAgenda:
        return self._run(sitting_id, lambda: self.workspace.run.stop(sitting_id), _("Run ended"))

    def reset_run(self, sitting_id: int) -> SittingAgenda:
        return self._run(sitting_id, lambda: self.workspace.run.reset(sitting_id), _("Recorded times cleared"))

    def _run(self, sitting_id: int, do: Callable[[], SittingAgenda], message: str) -> SittingAgenda:
        def notify() -> None:
            self.run_changed.emit(sitting_id)
            self.agenda_changed.emit(sitting_id)

        return self.change(message, do, None, notify)

    # Who is told -----------------------------------------------------------------------------------------------
    def attendance_notifier(self, sitting_id: int) -> Callable[[], None]:
        def notify() -> None:
            self.attendance_changed.emit(sitting_id)
            self.participants_changed.emit()

        return notify

    def _agenda(self, sitting_id: int) -> Callable[[], None]:
        return lambda: self.agenda_changed.emit(sitting_id)

    def _sittings_and_agenda(self, sitting_id: int) -> Callable[[], None]:
        def notify() -> None:
            self.sittings_changed.emit()
            self.agenda_changed.emit(sitting_id)

        return notify

    def _everything_of(self, sitting_id: int) -> Callable[[], None]:
        """An agenda item went or came back with what pointed at it (notes, ballots, timers…)."""
        def notify() -> None:
            self.agenda_changed.emit(sitting_id)
            for signal in (self.ideas_changed, self.questions_changed, self.ballots_changed, self.room_changed):
                signal.emit(sitting_id)
            self.priorities_changed.emit()

        return notify

    def everything_changed(self) -> None:
        """A sitting, a person or a group went or came back, with everything that was theirs; or the whole file
        changed (a backup restored, packages imported)."""
        self.programme_changed.emit()
        self.packages_changed.emit()
        self.sittings_changed.emit()
        self.participants_changed.emit()
        self.priorities_changed.emit()
        for sitting in self.sittings():
            for signal in (self.agenda_changed, self.attendance_changed, self.ideas_changed, self.questions_changed,
                           self.ballots_changed, self.room_changed):
                signal.emit(sitting.id)
