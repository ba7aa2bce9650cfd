"""The open programme as the screens see it: service calls, undo, and change signals."""

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

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
from workshop_desk.ui.undo import AppliedCommand

if TYPE_CHECKING:
    from workshop_desk.services.workspace import Workspace

T = TypeVar("T")


class Document(QObject):
    """Wraps the open Workspace. Every edit commits first, then is pushed on the undo stack, then
    the matching signal tells the screens to refresh: what they show has been saved."""

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
    saved = Signal(str)  # what was saved, for the status bar

    def __init__(self, workspace: "Workspace", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.undo_stack = QUndoStack(self)

    # Reading -------------------------------------------------------------------------------------
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

    # Programme -----------------------------------------------------------------------------------
    def update_programme(self, draft: ProgrammeDraft) -> Programme:
        old = programme_draft(self.programme())
        return self._edit(_("Edit the programme"), lambda: self.workspace.programmes.update(draft),
                          lambda: self.workspace.programmes.update(old), self.programme_changed.emit)

    # Sittings ------------------------------------------------------------------------------------
    def add_sitting(self, draft: SittingDraft, template_key: str | None = None) -> SittingAgenda:
        created = self.workspace.sittings.create(draft, template_key)
        sitting_id = created.sitting.id
        self.push_applied(_("Add sitting “{title}”").format(title=created.sitting.title),
                   lambda: self.workspace.sittings.restore(created),
                   lambda: self.workspace.sittings.delete(sitting_id), self._sittings_and_agenda(sitting_id))
        return created

    def update_sitting(self, sitting_id: int, draft: SittingDraft) -> Sitting:
        before = self.agenda(sitting_id).sitting
        old = SittingDraft(before.title, before.kind, before.date, before.start_time, before.end_time,
                           before.venue, before.facilitators, before.expected_headcount, before.objectives)
        return self._edit(_("Edit sitting “{title}”").format(title=before.title),
                          lambda: self.workspace.sittings.update(sitting_id, draft),
                          lambda: self.workspace.sittings.update(sitting_id, old),
                          self._sittings_and_agenda(sitting_id))

    def duplicate_sitting(self, sitting_id: int) -> SittingAgenda:
        copy = self.workspace.sittings.duplicate(sitting_id)
        self.push_applied(_("Duplicate sitting"), lambda: self.workspace.sittings.restore(copy),
                   lambda: self.workspace.sittings.delete(copy.sitting.id), self.sittings_changed.emit)
        return copy

    def delete_sitting(self, sitting_id: int) -> None:
        snapshot = self.workspace.sittings.delete(sitting_id)
        self.push_applied(_("Delete sitting “{title}”").format(title=snapshot.sitting.title),
                   lambda: self.workspace.sittings.delete(sitting_id),
                   lambda: self.workspace.sittings.restore(snapshot), self.sittings_changed.emit)

    def move_sitting(self, sitting_id: int, to_row: int) -> None:
        old = [s.id for s in self.sittings()]
        new = [s.id for s in self.workspace.sittings.move(sitting_id, to_row)]
        self.push_applied(_("Move sitting"), lambda: self.workspace.sittings.reorder(new),
                   lambda: self.workspace.sittings.reorder(old), self.sittings_changed.emit)

    # Agenda --------------------------------------------------------------------------------------
    def add_item(self, sitting_id: int, draft: ItemDraft, row: int | None = None) -> AgendaItem:
        item = self.workspace.agenda.add(sitting_id, draft, row)
        placed = self.workspace.agenda.items(sitting_id)[item.position]
        self.push_applied(_("Add item “{title}”").format(title=item.title),
                   lambda: self.workspace.agenda.restore(placed),
                   lambda: self.workspace.agenda.delete(item.id), self._agenda(sitting_id))
        return placed

    def update_item(self, item: AgendaItem, draft: ItemDraft) -> AgendaItem:
        old = ItemDraft(item.title, item.kind, item.planned_minutes, item.notes)
        return self._edit(_("Edit item “{title}”").format(title=item.title),
                          lambda: self.workspace.agenda.update(item.id, draft),
                          lambda: self.workspace.agenda.update(item.id, old), self._agenda(item.sitting_id))

    def delete_item(self, item_id: int) -> None:
        item = self.workspace.agenda.delete(item_id)
        self.push_applied(_("Delete item “{title}”").format(title=item.title),
                   lambda: self.workspace.agenda.delete(item_id),
                   lambda: self.workspace.agenda.restore(item), self._agenda(item.sitting_id))

    def move_item(self, sitting_id: int, item_id: int, to_row: int) -> None:
        old = [i.id for i in self.workspace.agenda.items(sitting_id)]
        new = [i.id for i in self.workspace.agenda.move(sitting_id, item_id, to_row)]
        if new == old:
            return
        self.push_applied(_("Move item"), lambda: self.workspace.agenda.reorder(sitting_id, new),
                   lambda: self.workspace.agenda.reorder(sitting_id, old), self._agenda(sitting_id))

    # Participants --------------------------------------------------------------------------------
    def participants(self) -> list[Participant]:
        return self.workspace.participants.all()

    def add_participant(self, draft: ParticipantDraft) -> Participant:
        person = self.workspace.participants.add(draft)
        self.push_applied(_("Add participant {name}").format(name=person.full_name),
                   lambda: self.workspace.participants.restore(person, []),
                   lambda: self.workspace.participants.delete(person.id), self.participants_changed.emit)
        return person

    def update_participant(self, person: Participant, draft: ParticipantDraft) -> Participant:
        old = participant_draft(person)
        return self._edit(_("Edit participant {name}").format(name=person.full_name),
                          lambda: self.workspace.participants.update(person.id, draft),
                          lambda: self.workspace.participants.update(person.id, old), self.participants_changed.emit)

    def delete_participants(self, ids: list[int]) -> None:
        snapshots = [self.workspace.participants.delete(pid) for pid in ids]

        def restore() -> None:
            for person, attendance in snapshots:
                self.workspace.participants.restore(person, attendance)

        def delete() -> None:
            for pid in ids:
                self.workspace.participants.delete(pid)

        text = ngettext("Delete {n} participant", "Delete {n} participants", len(ids)).format(n=len(ids))
        self.push_applied(text, delete, restore, self.participants_changed.emit)

    def merge_participants(self, keep_id: int, other_id: int) -> Participant:
        """Merge two records of one person (not undoable: the dialog asks first)."""
        merged = self.workspace.participants.merge(keep_id, other_id)
        self.undo_stack.clear()  # earlier steps may refer to the merged-away record
        self.participants_changed.emit()
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
            self.workspace.attendance.uninvite(sitting_id, [i for i in ids if i not in before])
            for old in (before[i] for i in ids if i in before):
                self.workspace.attendance.restore(old)

        apply()
        notify = self._attendance(sitting_id)
        self.push_applied(ngettext("Change the status of {n} participant", "Change the status of {n} participants",
                            len(ids)).format(n=len(ids)), apply, revert, notify)

    # Stakeholder groups ----------------------------------------------------------------------------
    def add_group(self, name: str, colour: str) -> StakeholderGroup:
        group = self.workspace.programmes.add_group(name, colour)
        self.push_applied(_("Add group {name}").format(name=group.name),
                   lambda: self.workspace.programmes.restore_group(group),
                   lambda: self.workspace.programmes.delete_group(group.id), self.participants_changed.emit)
        return group

    def update_group(self, group: StakeholderGroup, name: str, colour: str) -> StakeholderGroup:
        return self._edit(_("Edit group {name}").format(name=group.name),
                          lambda: self.workspace.programmes.update_group(group.id, name, colour),
                          lambda: self.workspace.programmes.update_group(group.id, group.name, group.colour),
                          self.participants_changed.emit)

    def delete_group(self, group: StakeholderGroup) -> None:
        members = [p.id for p in self.participants() if p.group_id == group.id]
        self.workspace.programmes.delete_group(group.id)

        def restore() -> None:
            self.workspace.programmes.restore_group(group, members)

        self.push_applied(_("Delete group {name}").format(name=group.name),
                   lambda: self.workspace.programmes.delete_group(group.id), restore, self.participants_changed.emit)

    # Running -------------------------------------------------------------------------------------
    def start_run(self, sitting_id: int) -> SittingAgenda:
        return self._run(sitting_id, self.workspace.run.start(sitting_id), _("Run started"))

    def step_run(self, sitting_id: int, delta: int) -> SittingAgenda:
        return self._run(sitting_id, self.workspace.run.step(sitting_id, delta), _("Moved to the next item")
                         if delta > 0 else _("Back to the previous item"))

    def stop_run(self, sitting_id: int) -> SittingAgenda:
        return self._run(sitting_id, self.workspace.run.stop(sitting_id), _("Run ended"))

    def reset_run(self, sitting_id: int) -> SittingAgenda:
        return self._run(sitting_id, self.workspace.run.reset(sitting_id), _("Recorded times cleared"))

    # Helpers -------------------------------------------------------------------------------------
    def _run(self, sitting_id: int, agenda: SittingAgenda, message: str) -> SittingAgenda:
        self.run_changed.emit(sitting_id)
        self.agenda_changed.emit(sitting_id)
        self.saved.emit(message)
        return agenda

    def _edit(self, text: str, do: Callable[[], T], undo: Callable[[], object],
              notify: Callable[[], None]) -> T:
        result = do()
        self.push_applied(text, do, undo, notify)
        return result

    def push_applied(self, text: str, redo: Callable[[], object], undo: Callable[[], object],
                     notify: Callable[[], None]) -> None:
        """Put an edit that has already been saved on the undo stack; each undo and redo saves, then
        `notify()` tells the screens."""
        def redo_and_notify() -> None:
            redo()
            notify()

        def undo_and_notify() -> None:
            undo()
            notify()

        self.undo_stack.push(AppliedCommand(text, redo_and_notify, undo_and_notify))
        notify()
        self.saved.emit(text)

    def _attendance(self, sitting_id: int) -> Callable[[], None]:
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
