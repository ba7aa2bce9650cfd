"""Speaking turns: the list, giving the floor, recorded times, totals by speaker and by group."""

import datetime as dt

import pytest

from tests.factories import FakeWall, make_workspace
from workshop_desk.domain.models import ParticipantDraft
from workshop_desk.domain.speaking import next_turn, spoken_seconds, totals_by_group, totals_by_speaker
from workshop_desk.domain.validation import ValidationError
from workshop_desk.services.speaking import SpeakingService

T0 = dt.datetime(2027, 3, 25, 9, 30, tzinfo=dt.UTC)


@pytest.fixture
def setup(tmp_path):  # type: ignore[no-untyped-def]
    workspace = make_workspace(tmp_path, sittings=1)
    wall = FakeWall(T0)
    return workspace, SpeakingService(workspace.database, wall), wall, workspace.sittings.all()[0].id


def test_giving_the_floor_in_order_records_each_speakers_time(setup) -> None:  # type: ignore[no-untyped-def]
    workspace, speaking, wall, sitting = setup
    group = workspace.programmes.groups()[2]
    mayor = workspace.participants.add(ParticipantDraft("Claire", "Vasseur", group_id=group.id))
    speaking.add(sitting, "", 300, mayor.id)
    speaking.add(sitting, "Témoin de la salle 🎤", 120)
    first = speaking.give_floor(sitting)
    assert first is not None and first.speaker_name == "Claire Vasseur" and first.is_speaking
    wall.advance(minutes=6)
    second = speaking.give_floor(sitting)
    assert second is not None and second.speaker_name == "Témoin de la salle 🎤"
    wall.advance(seconds=90)
    speaking.end_current(sitting)
    assert speaking.give_floor(sitting) is None  # everyone has spoken
    turns = speaking.turns(sitting)
    assert [spoken_seconds(t, wall()) for t in turns] == [360, 90]
    assert totals_by_speaker(turns, wall()) == {"Claire Vasseur": 360, "Témoin de la salle 🎤": 90}
    assert totals_by_group(turns, {mayor.id: group.id}, wall()) == {group.id: 360, None: 90}


def test_the_floor_can_go_to_anyone_on_the_list_and_the_list_can_be_reordered(setup) -> None:  # type: ignore[no-untyped-def]
    _workspace, speaking, _wall, sitting = setup
    a, b, c = (speaking.add(sitting, name, 180) for name in ("A", "B", "C"))
    speaking.reorder(sitting, [c.id, a.id, b.id])
    assert [t.speaker_name for t in speaking.turns(sitting)] == ["C", "A", "B"]
    assert speaking.give_floor(sitting, b.id).speaker_name == "B"  # type: ignore[union-attr]
    assert next_turn(speaking.turns(sitting)).speaker_name == "C"  # type: ignore[union-attr]
    with pytest.raises(ValueError):
        speaking.reorder(sitting, [a.id, b.id])


@pytest.mark.parametrize(("name", "seconds"), [("", 300), ("  ", 300), ("Élu", 5), ("Élu", 5 * 3600)])
def test_bad_speakers_are_refused(setup, name: str, seconds: int) -> None:  # type: ignore[no-untyped-def]
    _workspace, speaking, _wall, sitting = setup
    with pytest.raises(ValidationError):
        speaking.add(sitting, name, seconds)
    assert speaking.turns(sitting) == []
