"""Retention and subject-access: anonymising past the period keeps the counts, and a person's data export."""

import datetime as dt
import json

from tests.factories import make_workspace
from workshop_desk.domain.enums import AttendanceStatus
from workshop_desk.domain.models import ParticipantDraft, SittingDraft
from workshop_desk.domain.privacy import retention_ends


def _setup(tmp_path):  # type: ignore[no-untyped-def]
    workspace = make_workspace(tmp_path, sittings=0)
    old = workspace.sittings.create(SittingDraft("Atelier 2020", date=dt.date(2020, 3, 2))).sitting
    recent = workspace.sittings.create(SittingDraft("Atelier 2026", date=dt.date(2026, 10, 1))).sitting
    groups = workspace.programmes.groups()
    léa, hugo = workspace.participants.add_many([
        ParticipantDraft("Léa", "Moreau", organisation="Régie", email="lea@ex.fr", group_id=groups[0].id),
        ParticipantDraft("Hugo", "Bernard", group_id=groups[1].id)])
    workspace.attendance.set_status(old.id, [léa.id, hugo.id], AttendanceStatus.PRESENT)
    workspace.attendance.set_status(recent.id, [hugo.id], AttendanceStatus.PRESENT)
    return workspace, old, léa, hugo


def test_only_people_last_seen_before_the_retention_period_are_due(tmp_path):
    workspace, _old, léa, _hugo = _setup(tmp_path)
    due = workspace.privacy.past_retention(dt.date(2026, 11, 26))
    assert [p.id for p in due] == [léa.id]  # Hugo came back in 2026


def test_anonymising_clears_names_and_contacts_but_keeps_groups_and_counts(tmp_path):
    workspace, old, léa, _hugo = _setup(tmp_path)
    before = workspace.attendance.head_count(old.id)
    assert workspace.privacy.anonymise([léa.id]) == 1
    person = workspace.participants.get(léa.id)
    assert (person.first_name, person.last_name, person.email, person.organisation) == ("", "", "", "")
    assert person.anonymised and person.group_id == léa.group_id
    assert workspace.participants.by_badge(léa.badge_code) is None  # the old badge no longer signs anyone in
    assert workspace.attendance.head_count(old.id) == before
    assert workspace.privacy.anonymise([léa.id]) == 0  # already done
    assert workspace.privacy.past_retention(dt.date(2030, 1, 1)) != [] and all(
        not p.anonymised for p in workspace.privacy.past_retention(dt.date(2030, 1, 1)))


def test_person_data_export_holds_everything(tmp_path):
    workspace, _old, léa, _hugo = _setup(tmp_path)
    target = tmp_path / "léa.json"
    workspace.privacy.export_person(léa.id, target)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["participant"]["first_name"] == "Léa" and data["participant"]["email"] == "lea@ex.fr"
    assert data["attendance"] == [{"sitting": "Atelier 2020", "date": "2020-03-02", "status": "present",
                                   "signed_in_at": data["attendance"][0]["signed_in_at"], "left_at": None}]
    assert data["contributions"] == {"ideas": [], "questions": [], "votes": []}


def test_retention_end_on_a_leap_day():
    assert retention_ends(dt.date(2024, 2, 29), 3) == dt.date(2027, 2, 28)
