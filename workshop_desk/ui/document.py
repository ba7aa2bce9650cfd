"""The open programme as the screens see it: service calls, undo, and change signals."""

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from workshop_desk.domain.models import (
    AgendaItem,
    ItemDraft,
    Programme,
    ProgrammeDraft,
    Sitting,
    SittingAgenda,
    SittingDraft,
    StakeholderGroup,
)
from workshop_desk.i18n import _
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
        before = self.programme()
        old = ProgrammeDraft(before.title, before.client, before.territory, before.start_date,
                             before.end_date, before.objectives, before.logo)
        return self._edit(_("Edit the programme"), lambda: self.workspace.programmes.update(draft),
                          lambda: self.workspace.programmes.update(old), self.programme_changed.emit)

    # Sittings ------------------------------------------------------------------------------------
    def add_sitting(self, draft: SittingDraft, template_key: str | None = None) -> SittingAgenda:
        created = self.workspace.sittings.create(draft, template_key)
        sitting_id = created.sitting.id
        self._push(_("Add sitting “{title}”").format(title=created.sitting.title),
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
        self._push(_("Duplicate sitting"), lambda: self.workspace.sittings.restore(copy),
                   lambda: self.workspace.sittings.delete(copy.sitting.id), self.sittings_changed.emit)
        return copy

    def delete_sitting(self, sitting_id: int) -> None:
        snapshot = self.workspace.sittings.delete(sitting_id)
        self._push(_("Delete sitting “{title}”").format(title=snapshot.sitting.title),
                   lambda: self.workspace.sittings.delete(sitting_id),
                   lambda: self.workspace.sittings.restore(snapshot), self.sittings_changed.emit)

    def move_sitting(self, sitting_id: int, to_row: int) -> None:
        old = [s.id for s in self.sittings()]
        new = [s.id for s in self.workspace.sittings.move(sitting_id, to_row)]
        self._push(_("Move sitting"), lambda: self.workspace.sittings.reorder(new),
                   lambda: self.workspace.sittings.reorder(old), self.sittings_changed.emit)

    # Agenda --------------------------------------------------------------------------------------
    def add_item(self, sitting_id: int, draft: ItemDraft, row: int | None = None) -> AgendaItem:
        item = self.workspace.agenda.add(sitting_id, draft, row)
        placed = self.workspace.agenda.items(sitting_id)[item.position]
        self._push(_("Add item “{title}”").format(title=item.title),
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
        self._push(_("Delete item “{title}”").format(title=item.title),
                   lambda: self.workspace.agenda.delete(item_id),
                   lambda: self.workspace.agenda.restore(item), self._agenda(item.sitting_id))

    def move_item(self, sitting_id: int, item_id: int, to_row: int) -> None:
        old = [i.id for i in self.workspace.agenda.items(sitting_id)]
        new = [i.id for i in self.workspace.agenda.move(sitting_id, item_id, to_row)]
        if new == old:
            return
        self._push(_("Move item"), lambda: self.workspace.agenda.reorder(sitting_id, new),
                   lambda: self.workspace.agenda.reorder(sitting_id, old), self._agenda(sitting_id))

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
        self._push(text, do, undo, notify)
        return result

    def _push(self, text: str, redo: Callable[[], object], undo: Callable[[], object],
              notify: Callable[[], None]) -> None:
        def redo_and_notify() -> None:
            redo()
            notify()

        def undo_and_notify() -> None:
            undo()
            notify()

        self.undo_stack.push(AppliedCommand(text, redo_and_notify, undo_and_notify))
        notify()
        self.saved.emit(text)

    def _agenda(self, sitting_id: int) -> Callable[[], None]:
        return lambda: self.agenda_changed.emit(sitting_id)

    def _sittings_and_agenda(self, sitting_id: int) -> Callable[[], None]:
        def notify() -> None:
            self.sittings_changed.emit()
            self.agenda_changed.emit(sitting_id)

        return notify
