"""The registry's bulk commands: importing a spreadsheet of participants (undoable as one step) and purging the
data of people past the retention period (which cannot be undone, and says so before it is done)."""

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from workshop_desk.domain.importing_plan import Decisions, ImportPlan, ImportSummary, resolve
from workshop_desk.i18n import _, ngettext

if TYPE_CHECKING:
    from workshop_desk.services.snapshots import Roots
    from workshop_desk.ui.document import Document


class PeopleCommands(QObject):
    """Every call goes through the document's `change`."""

    def __init__(self, document: "Document") -> None:
        super().__init__(document)
        self._document = document

    def import_participants(self, plan: ImportPlan, decisions: Decisions, sitting_id: int | None) -> ImportSummary:
        """Add, merge and skip as decided, in one transaction; one undo takes the whole import back."""
        workspace = self._document.workspace
        merged = [step.into_id for step in resolve(plan, decisions) if step.into_id is not None]
        groups_before = {group.id for group in workspace.programmes.groups()}

        def added(summary: ImportSummary) -> "Roots":
            new_groups = [g.id for g in workspace.programmes.groups() if g.id not in groups_before]
            return [("participant", [person.id for person in summary.added]), ("stakeholder_group", new_groups)]

        def notify() -> None:
            self._document.participants_changed.emit()
            if sitting_id is not None:
                self._document.attendance_changed.emit(sitting_id)

        return self._document.rewrite(
            lambda summary: ngettext("Import {n} participant", "Import {n} participants",
                                     summary.imported).format(n=summary.imported),
            [("participant", merged)], lambda: workspace.imports.apply(plan, decisions, sitting_id), notify, added)

    def purge(self, participant_ids: list[int]) -> int:
        """Erase the names and contacts of these people for good; the undo stack is emptied, since earlier steps
        could bring the erased data back."""
        count = self._document.change(_("Purge personal data"),
                                      lambda: self._document.workspace.privacy.anonymise(participant_ids), None,
                                      self._document.participants_changed.emit)
        self._document.undo_stack.clear()
        return count
