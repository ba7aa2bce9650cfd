"""Sitting packages as the facilitator sees them: what a package holds, what importing it did, why one is refused."""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from workshop_desk.i18n import N_, _, ngettext


@dataclass(frozen=True, slots=True)
class LaptopPlan:
    """A laptop the lead prepares: what it is called (its facilitator) and the sittings it runs."""

    name: str
    sitting_ids: tuple[int, ...]


def laptop_plans(assignments: Iterable[tuple[int, str]]) -> list[LaptopPlan]:
    """The laptops to prepare from (sitting id, laptop name) pairs: sittings given the same name (spaces and case
    aside) go to one laptop, named as first typed; a sitting with no name goes to none. In the order first named."""
    plans: dict[str, tuple[str, list[int]]] = {}
    for sitting_id, name in assignments:
        shown = " ".join(name.split())
        if shown:
            plans.setdefault(shown.casefold(), (shown, []))[1].append(sitting_id)
    return [LaptopPlan(name, tuple(ids)) for name, ids in plans.values()]


@dataclass(frozen=True, slots=True)
class PackageInfo:
    file_name: str
    laptop_name: str
    made_at: str  # a change stamp (UTC, ISO 8601)
    sittings: tuple[str, ...]
    people: int
    ideas: int
    votes: int
    handout: bool  # prepared by the lead for a laptop (to open), not a laptop's work (to import)


@dataclass(frozen=True, slots=True)
class PackageReport:
    """What importing one package did."""

    file_name: str
    laptop_name: str
    sittings: tuple[str, ...]
    added: int
    updated: int
    deleted: int
    left: int  # rows not taken: this file holds a later change, or what they belong to is not here
    conflicts: int
    again: bool = False  # this very package had been imported before
    changed: bool = True
    recorded: bool = True

    def sentence(self) -> str:
        """'Atelier 3 — Julie: 412 added, 12 updated, 0 deleted, 3 left, 1 conflict.'"""
        if not self.changed:
            return (_("{name}: nothing new (already imported).") if self.again
                    else _("{name}: nothing new.")).format(name=self.file_name)
        parts = [ngettext("{n} added", "{n} added", self.added).format(n=self.added),
                 ngettext("{n} updated", "{n} updated", self.updated).format(n=self.updated),
                 ngettext("{n} deleted", "{n} deleted", self.deleted).format(n=self.deleted),
                 ngettext("{n} left as it was", "{n} left as they were", self.left).format(n=self.left),
                 ngettext("{n} conflict", "{n} conflicts", self.conflicts).format(n=self.conflicts)]
        return _("{name}: {parts}.").format(name=self.file_name, parts=", ".join(parts))


class RefusalReason(StrEnum):
    NOT_A_PACKAGE = "not_a_package"
    PROGRAMME_FILE = "programme_file"
    DAMAGED = "damaged"
    NEWER = "newer"
    UNREADABLE = "unreadable"
    OTHER_PROGRAMME = "other_programme"
    HANDOUT = "handout"  # a package prepared for a laptop, brought back unopened


_REFUSALS = {
    RefusalReason.NOT_A_PACKAGE: N_("“{name}” is not a Workshop Desk package."),
    RefusalReason.PROGRAMME_FILE: N_("“{name}” is a programme file, not a package: open it, then export a sitting "
                                     "package from it."),
    RefusalReason.DAMAGED: N_("“{name}” is damaged or incomplete (copied before the end?): copy it again from the "
                              "laptop. Nothing was imported from it."),
    RefusalReason.NEWER: N_("“{name}” was made by a newer version of Workshop Desk: update this one to import it."),
    RefusalReason.UNREADABLE: N_("“{name}” cannot be read ({detail})."),
    RefusalReason.OTHER_PROGRAMME: N_("“{name}” belongs to another programme (“{detail}”): nothing was imported "
                                      "from it."),
    RefusalReason.HANDOUT: N_("“{name}” was prepared for a laptop and holds no work yet: open it on that laptop."),
}


@dataclass(frozen=True, slots=True)
class Refusal:
    file_name: str
    reason: RefusalReason
    detail: str = ""

    def sentence(self) -> str:
        return _(_REFUSALS[self.reason]).format(name=self.file_name, detail=self.detail)


@dataclass(frozen=True, slots=True)
class ImportedPackage:
    """A package imported into the programme, as the programme page lists it."""

    id: int
    file_name: str
    laptop_name: str
    imported_at: str
    made_at: str
    sittings: tuple[str, ...]
    added: int
    updated: int
    deleted: int
    left: int
    conflicts: int


@dataclass(frozen=True, slots=True)
class Conflict:
    """One row changed on two laptops: the version kept (the later) and the one set aside."""

    id: int
    table: str
    label: str  # the row's title, name or text
    kept_laptop: str
    kept_at: str
    kept_here: bool  # the version kept is this laptop's own
    other_laptop: str
    other_at: str
    other_here: bool
    differences: tuple[tuple[str, str, str], ...]  # (field, kept value, other value)
    reversed: bool = False


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a sitting was last worked on."""

    here: bool
    laptop_name: str
    changed_at: str


_KINDS = {
    "programme": N_("Programme"), "stakeholder_group": N_("Group"), "sitting": N_("Sitting"),
    "agenda_item": N_("Agenda item"), "participant": N_("Participant"), "attendance": N_("Sign-in"),
    "room_table": N_("Table"), "round": N_("Round"), "table_assignment": N_("Seat"),
    "speaking_turn": N_("Speaking turn"), "timer": N_("Timer"), "theme": N_("Theme"), "idea": N_("Idea"),
    "question": N_("Question"), "question_vote": N_("+1 on a question"), "ballot": N_("Vote"),
    "ballot_option": N_("Vote option"), "criterion": N_("Criterion"), "vote": N_("Vote cast"),
    "ballot_voter": N_("Voter"), "priority": N_("Priority"), "action": N_("Action"), "indicator": N_("Indicator"),
}


def kind_label(table: str) -> str:
    """What a row of `table` is, for the conflicts list."""
    return _(_KINDS[table]) if table in _KINDS else table


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def file_name_for(name: str, suffix: str) -> str:
    """A file name made from a laptop's name, safe on every system and a USB stick's FAT."""
    text = unicodedata.normalize("NFC", name)
    text = _UNSAFE.sub("-", text).strip(" .-") or _("laptop")
    return f"{text[:80]}{suffix}"
