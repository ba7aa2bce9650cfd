"""Built-in sitting templates."""

import pytest

from workshop_desk.domain.enums import ItemKind, SittingKind
from workshop_desk.domain.models import ItemDraft
from workshop_desk.domain.templates import TEMPLATES, template

EXPECTED_TOTALS = {"workshop": 150, "world_cafe": 120, "master_class": 100, "steering": 105, "plenary": 195}


def test_every_template_is_expected():
    assert [t.key for t in TEMPLATES] == list(EXPECTED_TOTALS)


@pytest.mark.parametrize("key", list(EXPECTED_TOTALS))
def test_template_has_items_and_its_total(key):
    found = template(key)
    assert found.key == key
    assert len(found.items) >= 5
    assert all(minutes > 0 for _title, _kind, minutes in found.items)
    assert found.total_minutes == EXPECTED_TOTALS[key]
    assert sum(d.planned_minutes for d in found.drafts()) == EXPECTED_TOTALS[key]


def test_workshop_template_is_two_and_a_half_hours_and_says_so():
    workshop = template("workshop")
    assert workshop.total_minutes == 150
    assert "2 h 30" in workshop.title()
    assert workshop.kind is SittingKind.WORKSHOP


def test_drafts_follow_the_items():
    drafts = template("master_class").drafts()
    assert drafts[0] == ItemDraft("Welcome", ItemKind.WELCOME, 10)
    assert [d.kind for d in drafts] == [kind for _title, kind, _minutes in template("master_class").items]


def test_every_template_opens_with_a_welcome_and_ends_with_a_wrap_up():
    for found in TEMPLATES:
        assert found.items[0][1] is ItemKind.WELCOME, found.key
        assert found.items[-1][1] is ItemKind.WRAP_UP, found.key


def test_titles_are_unique_and_not_blank():
    titles = [t.title() for t in TEMPLATES]
    assert len(set(titles)) == len(titles)
    assert all(title.strip() for title in titles)


def test_unknown_template_is_a_key_error():
    with pytest.raises(KeyError):
        template("no-such-template")


def test_drafts_are_translated_at_call_time(monkeypatch):
    monkeypatch.setattr("workshop_desk.domain.templates._", lambda text: f"<{text}>")
    assert template("workshop").drafts()[0].title == "<Welcome and sign-in>"
