"""The conflicts list: what was changed on two laptops, the version kept and the version set aside."""

from typing import Any

from workshop_desk.domain.packages import Conflict, kind_label
from workshop_desk.i18n import _, format_stamp, pgettext
from workshop_desk.ui.models.items_model import ItemsModel


def version_text(laptop: str, at: str, here: bool) -> str:
    """'Karim's laptop · Thursday 4 December 2026 · 16:42' ('this laptop' for this file's own)."""
    who = _("this laptop") if here or not laptop else laptop
    return f"{who} · {format_stamp(at)}" if at else who


def kept_text(conflict: Conflict) -> str:
    return version_text(conflict.kept_laptop, conflict.kept_at, conflict.kept_here)


def other_text(conflict: Conflict) -> str:
    return version_text(conflict.other_laptop, conflict.other_at, conflict.other_here)


class ConflictsModel(ItemsModel):
    """Read-only rows over `Conflict`s, latest import first."""

    def headings(self) -> list[str]:
        return [_("Kind"), pgettext("conflict", "What"), _("Version kept"), _("Version set aside")]

    def text(self, item: Any, column: int) -> str:
        conflict: Conflict = item
        return (kind_label(conflict.table), conflict.label or "—", kept_text(conflict), other_text(conflict))[column]

    @property
    def conflicts(self) -> list[Conflict]:
        return self._items

    def set_conflicts(self, conflicts: list[Conflict]) -> None:
        self.set_items(conflicts)

    def row_of(self, conflict_id: int) -> int:
        return next((row for row, c in enumerate(self._items) if c.id == conflict_id), -1)
