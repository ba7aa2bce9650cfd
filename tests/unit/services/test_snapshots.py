"""Deleting rows and putting them back exactly (same ids, children, links, places), and a ballot's edit put back."""

import pytest

from tests.factories import make_workspace
from workshop_desk.domain.enums import BallotMethod, Source
from workshop_desk.domain.priorities import ActionDraft, IndicatorDraft, PriorityDraft
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.voting import BallotPaper, Mark


def _voted(tmp_path):  # type: ignore[no-untyped-def]
    workspace = make_workspace(tmp_path, sittings=1)
    sitting = workspace.sittings.all()[0].id
    ballot = workspace.ballots.create(sitting, "Gommettes", BallotMethod.DOTS, ["Atelier", "Boutique", "Parcours"])
    workspace.ballots.open(ballot.id)
    a, b, _c = (o.id for o in ballot.options)
    workspace.ballots.cast(ballot.id, BallotPaper("", (Mark(a, 2), Mark(b, 1))))
    workspace.ballots.set_tallies(ballot.id, {a: 4, b: 7}, Source.PAPER)
    return workspace, sitting, ballot


def test_a_deleted_ballot_comes_back_with_its_votes_and_its_priorities_links(tmp_path) -> None:
    workspace, sitting, ballot = _voted(tmp_path)
    promoted = workspace.priorities.promote(ballot.id)
    before = workspace.ballots.result(ballot.id)
    snapshot = workspace.ballots.delete(ballot.id)
    assert workspace.ballots.for_sitting(sitting) == []
    assert all(p.ballot_id is None for p in workspace.priorities.for_sitting(sitting))
    workspace.snapshots.restore(snapshot)
    assert workspace.ballots.get(ballot.id).options == ballot.options
    assert workspace.ballots.result(ballot.id) == before
    assert workspace.priorities.for_sitting(sitting) == promoted


def test_ids_of_deleted_rows_are_never_given_again(tmp_path) -> None:
    workspace, sitting, ballot = _voted(tmp_path)
    snapshot = workspace.ballots.delete(ballot.id)
    other = workspace.ballots.create(sitting, "Autre", BallotMethod.DOTS, ["Un", "Deux", "Trois", "Quatre"])
    workspace.ballots.open(other.id)
    workspace.ballots.set_tallies(other.id, {o.id: 1 for o in other.options}, Source.PAPER)
    assert other.id != ballot.id and not {o.id for o in other.options} & {o.id for o in ballot.options}
    workspace.snapshots.restore(snapshot)  # no id taken meanwhile: it all goes back
    assert [b.id for b in workspace.ballots.for_sitting(sitting)] == [ballot.id, other.id]


def test_put_back_returns_an_edit_and_leaves_the_votes_alone(tmp_path) -> None:
    workspace = make_workspace(tmp_path, sittings=1)
    sitting = workspace.sittings.all()[0].id
    ballot = workspace.ballots.create(sitting, "Gommettes", BallotMethod.DOTS, ["Atelier", "Boutique"])
    earlier = workspace.ballot_states.capture(ballot.id)
    workspace.ballots.rename(ballot.id, "Renommé")
    workspace.ballots.add_options(ballot.id, ["Parcours"])
    workspace.ballot_states.put_back(earlier)
    back = workspace.ballots.get(ballot.id)
    assert (back.title, back.options) == ("Gommettes", ballot.options)
    later = workspace.ballot_states.capture(ballot.id)
    workspace.ballots.open(ballot.id)
    workspace.ballots.set_tallies(ballot.id, {ballot.options[0].id: 3}, Source.PAPER)
    workspace.ballots.rename(ballot.id, "Après le vote")
    workspace.ballot_states.put_back(later)  # the title goes back; the count cast since, and the opening, stay
    back = workspace.ballots.get(ballot.id)
    assert (back.title, back.status) == ("Gommettes", "open")
    assert len(workspace.ballots.votes(ballot.id).tallies) == 1


def test_put_back_refuses_to_change_the_options_once_votes_are_in(tmp_path) -> None:
    workspace, _sitting, ballot = _voted(tmp_path)
    workspace.ballots.clear_votes(ballot.id)
    earlier = workspace.ballot_states.capture(ballot.id)
    workspace.ballots.add_options(ballot.id, ["Nouvelle"])
    workspace.ballots.set_tallies(ballot.id, {ballot.options[0].id: 2}, Source.PAPER)
    with pytest.raises(ValidationError):
        workspace.ballot_states.put_back(earlier)
    assert len(workspace.ballots.get(ballot.id).options) == 4


def test_deleted_priorities_come_back_in_their_places_with_their_actions(tmp_path) -> None:
    workspace, sitting, ballot = _voted(tmp_path)
    priorities = workspace.priorities.promote(ballot.id)
    typed = workspace.priorities.add(sitting, PriorityDraft("Mobilité"))
    action = workspace.priorities.action_from_priority(priorities[1].id)
    snapshot = workspace.priorities.delete_many([priorities[0].id, priorities[1].id])
    assert [p.title for p in workspace.priorities.for_sitting(sitting)] == ["Parcours", "Mobilité"]
    assert workspace.priorities.actions()[0].priority_id is None
    workspace.snapshots.restore(snapshot)
    assert workspace.priorities.for_sitting(sitting) == [*priorities, workspace.priorities.for_sitting(sitting)[3]]
    assert workspace.priorities.for_sitting(sitting)[3].id == typed.id
    assert workspace.priorities.actions()[0] == action


def test_a_deleted_action_comes_back_with_its_indicators(tmp_path) -> None:
    workspace = make_workspace(tmp_path, sittings=1)
    action = workspace.priorities.create_action(ActionDraft("Atelier partagé", lead="Ville"),
                                                indicators=[IndicatorDraft("Emploi", "12 artisans")])
    snapshot = workspace.priorities.delete_action(action.id)
    assert workspace.priorities.actions() == []
    workspace.snapshots.restore(snapshot)
    assert workspace.priorities.actions() == [action]


def test_dropping_a_criterion_or_an_indicator_keeps_the_other_rows_under_their_ids(tmp_path) -> None:
    """An edit that only removes an entry takes no new id, so its undo gives the file back exactly."""
    workspace = make_workspace(tmp_path, sittings=1)
    sitting = workspace.sittings.all()[0].id
    grid = workspace.ballots.create(sitting, "ELIRE", BallotMethod.CRITERIA, ["Atelier", "Boutique"],
                                    criteria=[("Emploi", 2.0), ("Image", 1.0), ("Environnement", 1.0)])
    emploi, _image, environnement = grid.criteria
    kept = workspace.ballots.set_criteria(grid.id, [("Emploi", 3.0), ("Environnement", 1.0)]).criteria
    assert [(c.id, c.name, c.weight, c.position) for c in kept] == [(emploi.id, "Emploi", 3.0, 0),
                                                                    (environnement.id, "Environnement", 1.0, 1)]
    action = workspace.priorities.create_action(ActionDraft("Atelier partagé"), indicators=[
        IndicatorDraft("Emploi", "12"), IndicatorDraft("Image", "presse"), IndicatorDraft("Lien", "3 réseaux")])
    first, _second, third = action.indicators
    left = workspace.priorities.set_indicators(action.id, [IndicatorDraft("Emploi", "15"),
                                                           IndicatorDraft("Lien", "3 réseaux")]).indicators
    assert [(i.id, i.target) for i in left] == [(first.id, "15"), (third.id, "3 réseaux")]
    again = workspace.priorities.set_indicators(action.id, [IndicatorDraft("Nouveau", "1")]).indicators
    assert again[0].id > third.id  # a new entry gets a new id, never an old one
