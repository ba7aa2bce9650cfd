"""Priorities and the action plan from the console: each edit saved, then undoable, then announced."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

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

if TYPE_CHECKING:
    from workshop_desk.ui.document import Document


def action_draft(action: Action) -> ActionDraft:
    return ActionDraft(action.title, action.description, action.lead, action.partners, action.deadline,
                       action.budget, action.status)


def indicator_drafts(action: Action) -> tuple[IndicatorDraft, ...]:
    return tuple(IndicatorDraft(indicator.name, indicator.target) for indicator in action.indicators)


class PlanCommands(QObject):
    """Every call goes through the document's `change`; `document.priorities_changed` tells the screens."""

    def __init__(self, document: "Document") -> None:
        super().__init__(document)
        self._document = document
        self._service = document.workspace.priorities

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
        ballot = self._document.workspace.ballots.get(ballot_id)
        existing = self.priorities(ballot.sitting_id)
        done = {p.option_id for p in existing if p.ballot_id == ballot_id}
        chosen = set(option_ids) if option_ids is not None else {option.id for option in ballot.options}
        count = len(chosen - done)
        if not count:
            return []
        before = {p.id for p in existing}
        text = ngettext("Promote {n} option to priorities", "Promote {n} options to priorities", count)
        return self._document.creation(
            text.format(n=count),
            lambda: [p for p in self._service.promote(ballot_id, option_ids) if p.id not in before],
            lambda added: self._service.delete_many([p.id for p in added]), self._notify)

    def add_priority(self, sitting_id: int, draft: PriorityDraft) -> Priority:
        return self._document.creation(_("Add the priority “{title}”").format(title=" ".join(draft.title.split())),
                                       lambda: self._service.add(sitting_id, draft),
                                       lambda priority: self._service.delete_many([priority.id]), self._notify)

    def update_priority(self, priority: Priority, draft: PriorityDraft) -> Priority:
        old = PriorityDraft(priority.title, priority.justification, priority.score)
        return self._document.change(_("Edit the priority “{title}”").format(title=priority.title),
                                     lambda: self._service.update(priority.id, draft),
                                     lambda: self._service.update(priority.id, old), self._notify)

    def reorder(self, sitting_id: int, ids: Sequence[int]) -> None:
        old = [p.id for p in self.priorities(sitting_id)]
        if list(ids) != old:
            self._document.change(_("Reorder the priorities"), lambda: self._service.reorder(sitting_id, ids),
                                  lambda: self._service.reorder(sitting_id, old), self._notify)

    def delete_priorities(self, priorities: Sequence[Priority]) -> None:
        ids = [p.id for p in priorities]
        text = ngettext("Delete {n} priority", "Delete {n} priorities", len(ids)).format(n=len(ids))
        self._document.deletion(text, lambda: self._service.delete_many(ids), self._notify)

    # Actions -----------------------------------------------------------------------------------------------
    def create_action(self, draft: ActionDraft, indicators: Sequence[IndicatorDraft], *,
                      priority_id: int | None = None, idea_id: int | None = None,
                      sitting_id: int | None = None) -> Action:
        return self._document.creation(
            _("Create the action “{title}”").format(title=" ".join(draft.title.split())),
            lambda: self._service.create_action(draft, priority_id=priority_id, idea_id=idea_id,
                                                sitting_id=sitting_id, indicators=indicators),
            lambda action: self._service.delete_action(action.id), self._notify)

    def update_action(self, action: Action, draft: ActionDraft, indicators: Sequence[IndicatorDraft]) -> Action:
        """The action's fields and indicators as the dialog has them; an undo puts its rows back as they were."""
        def apply() -> Action:
            clean_action(draft)  # both checked before either is saved: all or nothing
            for row in indicators:
                clean_indicator(row)
            self._service.update_action(action.id, draft)
            return self._service.set_indicators(action.id, indicators)

        return self._document.rewrite(_("Edit the action “{title}”").format(title=action.title),
                                      [("action", [action.id])], apply, self._notify)

    def delete_action(self, action: Action) -> None:
        self._document.deletion(_("Delete the action “{title}”").format(title=action.title),
                                lambda: self._service.delete_action(action.id), self._notify)

    def _notify(self) -> None:
        self._document.priorities_changed.emit()
