"""Printed documents of a programme file (.docx): badges, attendance sheets and reports, table lists, route cards,
the phones' join card."""

from collections.abc import Sequence
from pathlib import Path

from workshop_desk.domain.attendance import EXPECTED
from workshop_desk.domain.models import Participant, Sitting
from workshop_desk.domain.people import fold
from workshop_desk.domain.table_plan import SittingPlan
from workshop_desk.exports.attendance_docx import write_attendance_sheet
from workshop_desk.exports.attendance_report_docx import write_attendance_report
from workshop_desk.exports.badges_docx import stock_for, write_badges
from workshop_desk.exports.join_card_docx import write_join_card
from workshop_desk.exports.tables_docx import card_height, write_route_cards, write_table_lists
from workshop_desk.i18n import _
from workshop_desk.services.workspace import Workspace


class NotReadyError(ValueError):
    """The sitting lacks what the document prints (a saved seating plan, a join code); the message is translated for
    the user."""


def export_badges(workspace: Workspace, out: Path, language: str, per_page: int = 8,
                  participant_ids: Sequence[int] | None = None) -> Path:
    """Badges (8 or 10 per A4 page) of everyone in the registry, or of the given people; sorted by name.

    LookupError if one of `participant_ids` is not in the file; ValueError for another `per_page`."""
    stock_for(per_page)  # a wrong size fails before anything is read
    people = _chosen(workspace.participants.all(), participant_ids)
    return write_badges(out, people, workspace.programmes.groups(), language, per_page, workspace.programmes.get())


def _chosen(everyone: list[Participant], participant_ids: Sequence[int] | None) -> list[Participant]:
    """The people to print, by last then first name (accents ignored); anonymised records have no badge."""
    if participant_ids is None:
        chosen = [person for person in everyone if not person.anonymised]
    else:
        wanted = set(participant_ids)
        missing = wanted - {person.id for person in everyone}
        if missing:
            raise LookupError(f"participants {sorted(missing)}")
        chosen = [person for person in everyone if person.id in wanted]
    return sorted(chosen, key=lambda person: (fold(person.last_name), fold(person.first_name), person.id))


def expected_participant_ids(workspace: Workspace, sitting_id: int) -> list[int]:
    """Who is expected at a sitting (invited, registered or present), for its badges (LookupError: no such sitting)."""
    sitting(workspace, sitting_id)
    return [entry.participant.id for entry in workspace.attendance.roster(sitting_id)
            if entry.attendance and entry.attendance.status in EXPECTED]


def export_attendance_sheet(workspace: Workspace, sitting_id: int, out: Path, language: str) -> Path:
    """The sitting's attendance sheet (LookupError: no such sitting)."""
    found = sitting(workspace, sitting_id)
    return write_attendance_sheet(out, workspace.programmes.get(), found, workspace.attendance.roster(sitting_id),
                                  workspace.programmes.groups(), language)


def export_attendance_report(workspace: Workspace, sitting_id: int, out: Path, language: str) -> Path:
    """The sitting's attendance report (LookupError: no such sitting)."""
    found = sitting(workspace, sitting_id)
    return write_attendance_report(out, workspace.programmes.get(), found, workspace.attendance.roster(sitting_id),
                                   workspace.programmes.groups(), language)


def sitting(workspace: Workspace, sitting_id: int) -> Sitting:
    """The sitting with this id (LookupError if the file has none)."""
    return workspace.sittings.agenda(sitting_id).sitting


def export_table_lists(workspace: Workspace, sitting_id: int, out: Path, language: str) -> Path:
    """The sitting's table lists: an overview page per round, then a page per table and round to post.

    LookupError: no such sitting; NotReadyError (a ValueError): the sitting has no saved plan."""
    found, plan = _planned(workspace, sitting_id)
    return write_table_lists(out, workspace.programmes.get(), found, plan, _everyone(workspace),
                             workspace.programmes.groups(), language)


def export_route_cards(workspace: Workspace, sitting_id: int, out: Path, language: str, per_page: int = 8) -> Path:
    """A card per seated participant with their table in each round, `per_page` (4, 6, 8 or 10) to an A4 page.

    LookupError: no such sitting; NotReadyError (a ValueError): no saved plan; ValueError: another `per_page`."""
    card_height(per_page)  # a wrong size fails before anything is read
    found, plan = _planned(workspace, sitting_id)
    return write_route_cards(out, workspace.programmes.get(), found, plan, _everyone(workspace),
                             workspace.programmes.groups(), language, per_page)


def _planned(workspace: Workspace, sitting_id: int) -> tuple[Sitting, SittingPlan]:
    """The sitting and its saved seating plan (LookupError, NotReadyError)."""
    found = sitting(workspace, sitting_id)
    plan = workspace.room_tables.saved_plan(sitting_id)
    if plan is None:
        raise NotReadyError(_("“{sitting}” has no seating plan yet: plan its tables first, then print them.").format(
            sitting=found.title))
    return found, plan


def _everyone(workspace: Workspace) -> dict[int, Participant]:
    return {person.id: person for person in workspace.participants.all()}


def export_join_card(workspace: Workspace, sitting_id: int, url: str, out: Path, language: str) -> Path:
    """The A4 card to post in the room or lay on the tables (LookupError: no such sitting)."""
    return write_join_card(out, workspace.programmes.get(), sitting(workspace, sitting_id),
                           workspace.phones.join_card(sitting_id, url), language)
