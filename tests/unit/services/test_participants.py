"""The participant registry."""

import pytest

from workshop_desk.domain.models import ParticipantDraft
from workshop_desk.domain.validation import ValidationError


def test_add_many_gives_each_a_badge_and_lists_by_name(workspace):
    groups = workspace.programmes.groups()
    added = workspace.participants.add_many([
        ParticipantDraft("Léa", "Moreau", group_id=groups[0].id, email="lea@exemple.fr"),
        ParticipantDraft("Hugo", "Bernard"),
        ParticipantDraft("", "Diallo"),
    ])
    assert len({p.badge_code for p in added}) == 3
    assert [p.full_name for p in workspace.participants.all()] == ["Hugo Bernard", "Diallo", "Léa Moreau"]
    assert workspace.participants.all()[2].group_id == groups[0].id


def test_a_nameless_participant_refuses_the_whole_batch(workspace):
    with pytest.raises(ValidationError, match="A participant needs a first or last name"):
        workspace.participants.add_many([ParticipantDraft("Léa", "Moreau"), ParticipantDraft("  ", " ")])
    assert workspace.participants.all() == []
