"""The file's programme and its stakeholder groups."""

from datetime import date

import pytest

from tests.factories import make_workspace, programme_draft
from workshop_desk import i18n
from workshop_desk.domain.models import ProgrammeDraft
from workshop_desk.domain.validation import ValidationError
from workshop_desk.services.programmes import DEFAULT_GROUPS, ProgrammeService
from workshop_desk.services.workspace import Workspace
from workshop_desk.storage.programme_file import create_file


def test_create_gives_the_default_groups_in_order(tmp_path):
    workspace = make_workspace(tmp_path)
    try:
        groups = workspace.programmes.groups()
        assert [(g.name, g.colour) for g in groups] == list(DEFAULT_GROUPS)
        assert [g.position for g in groups] == list(range(8))
        programme = workspace.programmes.get()
        assert {g.programme_id for g in groups} == {programme.id}
        assert programme.title == "Plan économique du quartier"
        assert programme.start_date == date(2027, 1, 11)
    finally:
        workspace.database.close()


def test_given_groups_replace_the_defaults(tmp_path):
    workspace = Workspace.create(tmp_path / "p.wdesk", programme_draft(), tmp_path / "backups",
                                 groups=[("Élus", "#8E24AA"), ("Habitants", "#E53935")])
    try:
        assert [(g.name, g.colour) for g in workspace.programmes.groups()] == [
            ("Élus", "#8E24AA"), ("Habitants", "#E53935")]
    finally:
        workspace.database.close()


def test_default_groups_follow_the_language(tmp_path):
    i18n.set_language("en")
    database = create_file(tmp_path / "p.wdesk", lambda building: ProgrammeService(building).create(programme_draft()))
    try:
        names = [g.name for g in ProgrammeService(database).groups()]
        assert names[0] == "Companies" and names[2] == "Elected officials"
    finally:
        database.close()


def test_update_saves_cleaned_fields(workspace):
    updated = workspace.programmes.update(ProgrammeDraft(
        title="  Stratégie   régionale  ", client=" Région ", territory="Loire",
        start_date=date(2027, 5, 1), end_date=date(2027, 12, 1), objectives=" Mobiliser 800 personnes ",
        logo=b"<svg xmlns='http://www.w3.org/2000/svg'/>"))
    assert updated.title == "Stratégie régionale"
    assert (updated.client, updated.objectives) == ("Région", "Mobiliser 800 personnes")
    assert updated.logo == b"<svg xmlns='http://www.w3.org/2000/svg'/>"
    assert workspace.programmes.get() == updated


def test_empty_title_is_refused_with_a_message_and_nothing_is_saved(workspace):
    before = workspace.programmes.get()
    with pytest.raises(ValidationError, match=r"^The field “Programme title” cannot be empty\.$"):
        workspace.programmes.update(programme_draft(title="   "))
    assert workspace.programmes.get() == before


def test_end_before_start_is_refused(workspace):
    with pytest.raises(ValidationError, match=r"^The end date is before the start date\.$"):
        workspace.programmes.update(programme_draft(start_date=date(2027, 3, 1), end_date=date(2027, 2, 1)))


def test_too_long_objectives_are_refused(workspace):
    with pytest.raises(ValidationError, match="The field “Objectives” is too long"):
        workspace.programmes.update(programme_draft(objectives="x" * 10_001))


def test_a_failed_create_leaves_no_file(tmp_path):
    path = tmp_path / "p.wdesk"
    with pytest.raises(ValidationError):
        Workspace.create(path, programme_draft(title=""), tmp_path / "backups")
    assert list(tmp_path.iterdir()) == []


def test_get_without_a_programme_is_a_lookup_error(tmp_path):
    def check(building):  # type: ignore[no-untyped-def]
        with pytest.raises(LookupError):
            ProgrammeService(building).get()
        ProgrammeService(building).create(programme_draft())

    create_file(tmp_path / "p.wdesk", check).close()
