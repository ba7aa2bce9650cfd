"""The names of a row's fields as the conflicts list shows them, side by side, in the facilitator's words."""

from workshop_desk.i18n import N_, _

_FIELDS = {
    "title": N_("Title"), "name": N_("Name"), "text": N_("Text"), "label": N_("Label"),
    "civility": N_("Civility"), "first_name": N_("First name"), "last_name": N_("Last name"),
    "organisation": N_("Organisation"), "role": N_("Role"), "email": N_("E-mail"), "phone": N_("Phone"),
    "notes": N_("Notes"), "badge_code": N_("Badge code"), "consent_contact": N_("Agrees to be contacted"),
    "consent_photos": N_("Agrees to photos"), "status": N_("Status"), "signed_in_at": N_("Signed in at"),
    "left_at": N_("Left at"), "kind": N_("Kind"), "date": N_("Date"), "start_time": N_("Start"),
    "end_time": N_("End"), "venue": N_("Venue"), "facilitators": N_("Facilitators"),
    "expected_headcount": N_("Expected headcount"), "objectives": N_("Objectives"),
    "planned_minutes": N_("Planned minutes"), "colour": N_("Colour"), "author": N_("Author"),
    "hidden": N_("Hidden"), "asked_by": N_("Asked by"), "answer": N_("Answer"), "answered": N_("Answered"),
    "description": N_("Description"), "lead": N_("Lead"), "partners": N_("Partners"), "deadline": N_("Deadline"),
    "budget": N_("Budget"), "justification": N_("Justification"), "value": N_("Value"), "comment": N_("Comment"),
    "client": N_("Client"), "territory": N_("Territory"), "capacity": N_("Seats"), "target": N_("Target"),
}


def field_label(column: str) -> str:
    """'Role' for `role`; a field without a name of its own is shown as it is stored, made readable."""
    return _(_FIELDS[column]) if column in _FIELDS else column.replace("_", " ").capitalize()
