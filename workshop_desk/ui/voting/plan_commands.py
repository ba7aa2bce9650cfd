"""Priorities and the action plan from the console: each edit saved, then undoable, then announced."""

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from workshop_desk.domain.priorities import (
    Action,
    ActionDraft,
    ConsolidatedPriority,
    IndicatorDraft,
    Priority,
    PriorityDraft,
    clean_action,
    clean_indicator,
)
from workshop_desk.i18n import _, ngettext
from workshop_desk.services.voting_snapshots import Snapshot, SnapshotService
from workshop_desk.ui.document import Document
from workshop_desk.ui.voting.undo import push_saved


def plan_commands(document: Document) -> "PlanCommands":
    """The document's priority and action commands (one per open document)."""
    found = document.findChild(PlanCommands)
    return found if isinstance(found, PlanCommands) else PlanCommands(document)


def action_draft(action: Action) -> ActionDraft:
    return ActionDraft(action.title, action.description, action.lead, action.partners, action.deadline,
                       action.budget, action.status)


def indicator_drafts(action: Action) -> tuple[IndicatorDraft, ...]:
    return tuple(IndicatorDraft(indicator.name, indicator.target) for indicator in action.indicators)


class PlanCommands(QObject):
    """Deletes keep a snapshot, so that an undo puts rows back with their ids and later steps still apply."""

    failed = Signal(str)  # an undo or redo the data no longer allows

    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self._document = document
        self._service = document.workspace.priorities
        self._snapshots = SnapshotService(document.workspace.database)

    # Reading -----------------------------------------------------------------------------------------------
    def priorities(self, sitting_id: int) -> list[Priority]:
        return self._service.for_sitting(sitting_id)

    def consolidated(self) -> tuple[ConsolidatedPriority, ...]:
        return self._service.consolidated()

    def actions(self, sitting_id: int | None = None) -> list[Action]:
        """The plan's actions (those of one sitting when given), in plan order."""
        found = self._service.actions()
        return found if sitting_id is None else [a for a in found if a.sitting_id == sitting_id]

    # Priorities --------------------------------------------------------------------------------------------
    def promote(self, ballot_id: int, option_ids: Sequence[int] | None = None) -> list[Priority]:
        """Result rows appended to the sitting's priorities (each option once); returns the new ones."""
        sitting_id = self._document.workspace.ballots.get(ballot_id).sitting_id
        before = {p.id for p in self.priorities(sitting_id)}
        added = [p for p in self._service.promote(ballot_id, option_ids) if p.id not in before]
        if added:
            text = ngettext("Promote {n} option to priorities", "Promote {n} options to priorities", len(added))
            self._undoable_add(text.format(n=len(added)), [p.id for p in added])
        return added

    def add_priority(self, sitting_id: int, draft: PriorityDraft) -> Priority:
        priority = self._service.add(sitting_id, draft)
        self._undoable_add(_("Add the priority “{title}”").format(title=priority.title), [priority.id])
        return priority

    def _undoable_add(self, text: str, ids: list[int]) -> None:
        held: list[Snapshot] = []
        push_saved(self._document, text, lambda: self._snapshots.restore(held.pop()),
                   lambda: held.append(self._snapshots.delete_priorities(ids)), self._notify, self.failed.emit)

    def update_priority(self, priority: Priority, draft: PriorityDraft) -> Priority:
        edited = self._service.update(priority.id, draft)
        old = PriorityDraft(priority.title, priority.justification, priority.score)
        push_saved(self._document, _("Edit the priority “{title}”").format(title=priority.title),
                   lambda: self._service.update(priority.id, draft), lambda: self._service.update(priority.id, old),
                   self._notify, self.failed.emit)
        return edited

    def reorder(self, sitting_id: int, ids: Sequence[int]) -> None:
        old = [p.id for p in self.priorities(sitting_id)]
        if list(ids) == old:
            return
        self._service.reorder(sitting_id, ids)
        push_saved(self._document, _("Reorder the priorities"), lambda: self._service.reorder(sitting_id, ids),
                   lambda: self._service.reorder(sitting_id, old), self._notify, self.failed.emit)

    def delete_priorities(self, priorities: Sequence[Priority]) -> None:
        ids = [p.id for p in priorities]
        held = [self._snapshots.delete_priorities(ids)]
        text = ngettext("Delete {n} priority", "Delete {n} priorities", len(ids)).format(n=len(ids))
        push_saved(self._document, text, lambda: held.append(self._snapshots.delete_priorities(ids)),
                   lambda: self._snapshots.restore(held.pop()), self._notify, self.failed.emit)

    # Actions -----------------------------------------------------------------------------------------------
    def create_action(self, draft: ActionDraft, indicators: Sequence[IndicatorDraft], *,
                      priority_id: int | None = None, idea_id: int | None = None,
                      sitting_id: int | None = None) -> Action:
        action = self._service.create_action(draft, priority_id=priority_id, idea_id=idea_id, sitting_id=sitting_id,
                                             indicators=indicators)
        held: list[Snapshot] = []
        push_saved(self._document, _("Create the action “{title}”").format(title=action.title),
                   lambda: self._snapshots.restore(held.pop()),
                   lambda: held.append(self._snapshots.delete_action(action.id)), self._notify, self.failed.emit)
        return action

    def update_action(self, action: Action, draft: ActionDraft, indicators: Sequence[IndicatorDraft]) -> Action:
        old, old_indicators = action_draft(action), indicator_drafts(action)

        def apply(values: ActionDraft, rows: Sequence[IndicatorDraft]) -> Action:
            clean_action(values)  # both checked before either is saved: all or nothing
            for row in rows:
                clean_indicator(row)
            self._service.update_action(action.id, values)
            return self._service.set_indicators(action.id, rows)

        edited = apply(draft, indicators)
        push_saved(self._document, _("Edit the action “{title}”").format(title=action.title),
                   lambda: apply(draft, indicators), lambda: apply(old, old_indicators), self._notify,
                   self.failed.emit)
        return edited

    def delete_action(self, action: Action) -> None:
        held = [self._snapshots.delete_action(action.id)]
        push_saved(self._document, _("Delete the action “{title}”").format(title=action.title),
                   lambda: held.append(self._snapshots.delete_action(action.id)),
                   lambda: self._snapshots.restore(held.pop()), self._notify, self.failed.emit)

    def _notify(self) -> None:
        self._document.priorities_changed.emit()
