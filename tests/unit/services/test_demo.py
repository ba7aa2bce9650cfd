"""The built-in demo programme."""

import re

import pytest

from workshop_desk import i18n
from workshop_desk.domain.agenda import budget
from workshop_desk.domain.badges import ALPHABET
from workshop_desk.domain.templates import TEMPLATES
from workshop_desk.services import demo_content
from workshop_desk.services.demo import PARTICIPANT_COUNT, build_demo
from workshop_desk.services.programmes import DEFAULT_GROUPS


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    i18n.set_language("en")  # the demo is French whatever the interface language
    folder = tmp_path_factory.mktemp("demo")
    workspace = build_demo(folder / "demo.wdesk", folder / "backups")
    yield workspace
    workspace.database.close()


def _english_words() -> set[str]:
    words = {name for name, _colour in DEFAULT_GROUPS}
    for found in TEMPLATES:
        words |= {title for title, _kind, _minutes in found.items} | {found.name}
    return words


def _all_texts(demo) -> list[str]:
    programme = demo.programmes.get()
    texts = [programme.title, programme.client, programme.territory, programme.objectives]
    texts += [g.name for g in demo.programmes.groups()]
    for sitting in demo.sittings.all():
        texts += [sitting.title, sitting.venue, sitting.objectives, sitting.facilitators]
        texts += [i.title for i in demo.agenda.items(sitting.id)]
    for person in demo.participants.all():
        texts += [person.organisation, person.role]
    return [t for t in texts if t]


def test_the_sittings_of_the_content_with_agendas(demo):
    sittings = demo.sittings.all()
    assert len(sittings) >= 7  # breakfast, four workshops, the Assises, the world café (and later additions)
    titles = [s.title for s in sittings]
    assert all(spec["title"] in titles for spec in demo_content.SITTINGS)
    dates = [s.date for s in sittings if s.title in {spec["title"] for spec in demo_content.SITTINGS}]
    assert dates == sorted(dates)
    for sitting in sittings:
        items = demo.agenda.items(sitting.id)
        assert len(items) >= 5, sitting.title
        assert [i.position for i in items] == list(range(len(items)))


def test_every_agenda_fits_its_sitting(demo):
    for sitting in demo.sittings.all():
        result = budget(sitting, demo.agenda.items(sitting.id))
        assert result.available_minutes and result.over_by == 0, sitting.title


def test_about_sixty_participants_with_unique_badges(demo):
    people = demo.participants.all()
    assert len(people) == PARTICIPANT_COUNT == 60
    codes = [p.badge_code for p in people]
    assert len(set(codes)) == len(codes)
    assert all(len(code) == 10 and set(code) <= set(ALPHABET) for code in codes)
    group_ids = {g.id for g in demo.programmes.groups()}
    assert {p.group_id for p in people} <= group_ids
    assert len({p.group_id for p in people}) >= 4  # a mix of stakeholder groups
    assert all(p.first_name and p.last_name for p in people)
    assert any(p.email == "" for p in people)  # some emails are missing, as in real lists
    assert all(re.fullmatch(r"[a-zà-ÿ.\-]+@exemple\.fr", p.email) for p in people if p.email)


def test_everything_is_in_french(demo):
    texts = _all_texts(demo)
    assert not set(texts) & (_english_words() - {"Associations"})  # the same word in both languages
    assert [g.name for g in demo.programmes.groups()] == [name for name, _colour in demo_content.GROUPS]
    assert "Élus" in [g.name for g in demo.programmes.groups()]
    accented = [t for t in texts if re.search(r"[éèêàçôûÉ]", t)]
    assert len(accented) > len(texts) // 3


def test_demo_refuses_an_existing_path(tmp_path):
    path = tmp_path / "demo.wdesk"
    path.write_bytes(b"mine")
    with pytest.raises(FileExistsError):
        build_demo(path, tmp_path / "backups")
    assert path.read_bytes() == b"mine"


def test_the_world_cafe_has_a_saved_plan_with_timed_rounds(demo):
    cafe = next(s for s in demo.sittings.all() if s.title.startswith("World café"))
    saved = demo.room_tables.saved_plan(cafe.id)
    assert saved is not None and len(saved.plan.rounds) == 3 and len(saved.tables) == 4
    assert all(r.started_at and r.ended_at for r in demo.rounds.rounds(cafe.id))


def test_the_assises_round_table_has_speaking_turns(demo):
    assises = next(s for s in demo.sittings.all() if s.title.startswith("Assises"))
    turns = demo.speaking.turns(assises.id)
    assert len(turns) == 4 and all(t.has_spoken for t in turns)
