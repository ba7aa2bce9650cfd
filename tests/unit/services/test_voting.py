"""Ballots, votes from several sources, spreadsheet imports, priorities and the action plan, over a real file."""

import datetime as dt

import openpyxl
import pytest

from tests.factories import make_workspace
from workshop_desk.domain.enums import ActionStatus, BallotMethod, BallotStatus, Source
from workshop_desk.domain.models import ParticipantDraft
from workshop_desk.domain.priorities import ActionDraft, IndicatorDraft, PriorityDraft, why
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.voting import (
    BallotPaper,
    DotSettings,
    Mark,
    RatingSettings,
    SourceCount,
    participant_key,
)
from workshop_desk.i18n import translator
from workshop_desk.storage.tables import IdeaTable, ThemeTable

LABELS = ["Mobilité douce", "Emploi des jeunes", "Commerce de proximité"]


@pytest.fixture
def ws(tmp_path):
    workspace = make_workspace(tmp_path, sittings=2)
    yield workspace
    workspace.database.close()


@pytest.fixture
def sitting(ws) -> int:
    return ws.sittings.all()[0].id


def dots(ws, sitting: int, **settings: int):
    ballot = ws.ballots.create(sitting, "Nos priorités", BallotMethod.DOTS, LABELS, settings=DotSettings(**settings))
    return ws.ballots.open(ballot.id)


def ids(ballot) -> list[int]:
    return [option.id for option in ballot.options]


def paper(*marks: tuple[int, float], voter: str = "", **extra: object) -> BallotPaper:
    return BallotPaper(voter, tuple(Mark(o, v) for o, v in marks), **extra)  # type: ignore[arg-type]


# --- Lifecycle ----------------------------------------------------------------------------------------------


def test_a_ballot_opens_takes_votes_closes_and_reveals(ws, sitting):
    ballot = ws.ballots.create(sitting, "  Nos   priorités ", BallotMethod.DOTS, LABELS)
    assert (ballot.title, ballot.status, ballot.settings) == ("Nos priorités", BallotStatus.DRAFT, DotSettings())
    with pytest.raises(ValidationError, match="is not open"):
        ws.ballots.cast(ballot.id, paper((ids(ballot)[0], 1)))
    ws.ballots.open(ballot.id)
    ws.ballots.cast(ballot.id, paper((ids(ballot)[0], 2)))
    assert ws.ballots.projected_result(ballot.id) is None
    closed = ws.ballots.close(ballot.id)
    assert closed.status == BallotStatus.CLOSED
    with pytest.raises(ValidationError, match="is not open"):
        ws.ballots.cast(ballot.id, paper((ids(ballot)[1], 1)))
    ws.ballots.reveal(ballot.id)
    shown = ws.ballots.projected_result(ballot.id)
    assert shown is not None and shown.rows[0].label == "Mobilité douce"
    assert [b.id for b in ws.ballots.for_sitting(sitting)] == [ballot.id]


def test_a_ballot_needs_options_to_open(ws, sitting):
    ballot = ws.ballots.create(sitting, "Vide", BallotMethod.RANKING, ["Seule"])
    with pytest.raises(ValidationError, match="at least 2 options"):
        ws.ballots.open(ballot.id)
    proposal = ws.ballots.create(sitting, "Proposition", BallotMethod.CONSENT, ["Créer une navette"])
    assert ws.ballots.open(proposal.id).status == BallotStatus.OPEN


def test_options_come_from_text_ideas_and_themes(ws, sitting):
    with ws.database.session() as session:
        idea = IdeaTable(sitting_id=sitting, text="Une  navette\nvers la gare")
        theme = ThemeTable(sitting_id=sitting, name="Mobilité")
        session.add_all([idea, theme])
        session.flush()
        idea_id, theme_id = idea.id, theme.id
    ballot = ws.ballots.create(sitting, "Vote", BallotMethod.DOTS, ["Autre"], idea_ids=[idea_id], theme_ids=[theme_id])
    assert [(o.label, o.idea_id, o.theme_id, o.position) for o in ballot.options] == [
        ("Autre", None, None, 0), ("Une navette vers la gare", idea_id, None, 1), ("Mobilité", None, theme_id, 2)]


def test_options_and_settings_are_frozen_once_votes_are_in(ws, sitting):
    ballot = dots(ws, sitting)
    assert ws.ballots.change_settings(ballot.id, DotSettings(dots_per_voter=2)).settings.dots_per_voter == 2
    ballot = ws.ballots.add_options(ballot.id, ["Culture"])
    ws.ballots.cast(ballot.id, paper((ids(ballot)[3], 1)))
    for change in (lambda: ws.ballots.add_options(ballot.id, ["Sport"]),
                   lambda: ws.ballots.remove_option(ballot.id, ids(ballot)[0]),
                   lambda: ws.ballots.change_settings(ballot.id, DotSettings(dots_per_voter=9))):
        with pytest.raises(ValidationError, match="can no longer change"):
            change()
    assert ws.ballots.clear_votes(ballot.id) == 1
    assert len(ws.ballots.remove_option(ballot.id, ids(ballot)[0]).options) == 3


def test_projector_order_is_shuffled_when_asked(ws, sitting):
    ballot = ws.ballots.create(sitting, "Vote", BallotMethod.DOTS, [f"Option {n}" for n in range(10)])
    assert ballot.display_options() == ballot.options
    shuffled = ws.ballots.shuffle(ballot.id)
    assert shuffled.display_options() != ballot.options
    assert ws.ballots.get(ballot.id).display_options() == shuffled.display_options()


# --- Votes --------------------------------------------------------------------------------------------------


def test_votes_from_several_sources_are_merged_with_their_provenance(ws, sitting, tmp_path):
    ballot = dots(ws, sitting, dots_per_voter=3)
    mobility, jobs, shops = ids(ballot)
    ws.ballots.cast(ballot.id, paper((mobility, 2), (jobs, 1)))
    ws.ballots.cast(ballot.id, paper((jobs, 3), source=Source.PHONE))
    ws.ballots.set_tallies(ballot.id, {mobility: 6, shops: 4})
    ws.ballots.set_tallies(ballot.id, {mobility: 5})  # the board re-read: replaces, does not add
    source = tmp_path / "bulletins.csv"
    source.write_text("Votant;Commerce de proximité\n17;3\n", encoding="utf-8")
    ws.ballots.import_file(ballot.id, source, Source.PAPER)
    result = ws.ballots.result(ballot.id)
    assert [(r.label, r.score) for r in result.rows] == [("Mobilité douce", 7), ("Commerce de proximité", 7),
                                                         ("Emploi des jeunes", 4)]
    assert result.rows[0].rank == result.rows[1].rank == 1 and result.rows[0].tied
    assert result.row(mobility).by_source == {Source.CONSOLE: 2, Source.PAPER: 5}
    assert [(s.source, s.ballots, s.tallied) for s in result.sources] == [
        (Source.CONSOLE, 1, 0), (Source.PAPER, 1, 9), (Source.PHONE, 1, 0)]
    assert result.sources[0].marked == result.sources[2].marked == 3
    assert [p.voter for p in ws.ballots.votes(ballot.id).papers] == ["1", "2", "17"]


def test_a_participant_votes_under_their_key_and_group(ws, sitting):
    group = ws.programmes.groups()[2]
    person = ws.participants.add(ParticipantDraft("Léa", "Moreau", group_id=group.id))
    ballot = dots(ws, sitting)
    recorded = ws.ballots.cast(ballot.id, paper((ids(ballot)[0], 1), participant_id=person.id))
    assert (recorded.voter, recorded.group_id) == (participant_key(person.id), group.id)
    ws.ballots.cast(ballot.id, paper((ids(ballot)[1], 2), participant_id=person.id))  # changes her mind
    votes = ws.ballots.votes(ballot.id)
    assert len(votes.papers) == 1 and votes.papers[0].marks == (Mark(ids(ballot)[1], 2),)
    assert ws.ballots.result(ballot.id).groups == ()  # split on request, except for multi-criteria grids
    assert [g.group_id for g in ws.ballots.result(ballot.id, by_group=True).groups] == [group.id]


def test_a_ballot_breaking_a_rule_is_not_recorded_and_a_voter_can_be_deleted(ws, sitting):
    ballot = dots(ws, sitting, dots_per_voter=2)
    with pytest.raises(ValidationError, match="gives 3 dots; each voter has 2"):
        ws.ballots.cast_many(ballot.id, [paper((ids(ballot)[0], 1)), paper((ids(ballot)[0], 3))])
    assert ws.ballots.votes(ballot.id).papers == ()
    ws.ballots.cast(ballot.id, paper((ids(ballot)[0], 1), voter="12"))
    assert ws.ballots.next_voter(ballot.id) == "13"
    assert ws.ballots.delete_voter(ballot.id, "12") and not ws.ballots.delete_voter(ballot.id, "12")
    assert ws.ballots.result(ballot.id).voters == 0


def test_anonymous_papers_are_numbered_in_turn_and_a_number_is_never_given_twice(ws, sitting):
    ballot = dots(ws, sitting)
    first = ws.ballots.cast_many(ballot.id, [paper((ids(ballot)[0], 1)) for _ in range(3)])
    assert [p.voter for p in first] == ["1", "2", "3"]
    ws.ballots.cast(ballot.id, paper((ids(ballot)[1], 1), voter="40"))  # typed at the console
    ws.ballots.cast(ballot.id, paper((ids(ballot)[1], 1), voter="p7"))  # a participant's key moves nothing
    assert ws.ballots.cast(ballot.id, paper((ids(ballot)[2], 1))).voter == "41"
    assert ws.ballots.delete_voter(ballot.id, "41")
    assert ws.ballots.next_voter(ballot.id) == "42"  # the deleted paper's number is not given again
    assert ws.ballots.cast(ballot.id, paper((ids(ballot)[0], 1), voter="12345678901234567890")).voter \
        == "12345678901234567890"  # a name made of digits, kept as typed, and no counter past SQLite's integers
    assert ws.ballots.next_voter(ballot.id) == "42"


def test_a_voter_twice_in_one_batch_keeps_the_last_paper(ws, sitting):
    ballot = dots(ws, sitting)
    ws.ballots.cast_many(ballot.id, [paper((ids(ballot)[0], 1), voter="5"), paper((ids(ballot)[1], 1), voter="6"),
                                     paper((ids(ballot)[2], 1), voter="5")])
    papers = ws.ballots.votes(ballot.id).papers
    assert [(p.voter, p.marks[0].option_id) for p in papers] == [("6", ids(ballot)[1]), ("5", ids(ballot)[2])]
    assert ws.ballots.result(ballot.id).voters == 2


def test_a_blank_ballot_counts_as_a_voter(ws, sitting):
    ballot = ws.ballots.open(ws.ballots.create(sitting, "Notes", BallotMethod.RATING, LABELS).id)
    ws.ballots.cast(ballot.id, paper())
    ws.ballots.cast(ballot.id, paper((ids(ballot)[0], 4)))
    result = ws.ballots.result(ballot.id)
    assert result.voters == 2 and result.row(ids(ballot)[0]).extra["skips"] == 1


def test_show_of_hands(ws, sitting):
    ballot = ws.ballots.open(ws.ballots.create(sitting, "À main levée", BallotMethod.HANDS, LABELS).id)
    ws.ballots.set_hands(ballot.id, {ids(ballot)[1]: 14, ids(ballot)[0]: 9})
    assert [(r.label, r.score) for r in ws.ballots.result(ballot.id).rows][:2] == [("Emploi des jeunes", 14),
                                                                                   ("Mobilité douce", 9)]


def test_a_multi_criteria_ballot_defaults_to_elire(ws, sitting):
    ballot = ws.ballots.create(sitting, "ELIRE", BallotMethod.CRITERIA, LABELS[:2])
    assert [(c.name, c.weight) for c in ballot.criteria] == [("Jobs", 1), ("Social cohesion", 1), ("Image", 1),
                                                             ("Economic return", 1), ("Environment", 1)]
    ballot = ws.ballots.set_criteria(ballot.id, [("Emploi", 3), ("Image", 1)])
    ws.ballots.open(ballot.id)
    jobs, image = (c.id for c in ballot.criteria)
    first, second = ids(ballot)
    group = ws.programmes.groups()[0].id
    ws.ballots.cast(ballot.id, BallotPaper("", (Mark(first, 5, jobs), Mark(first, 1, image), Mark(second, 2, jobs),
                                                Mark(second, 5, image)), group_id=group))
    result = ws.ballots.result(ballot.id)
    assert [(r.label, r.score) for r in result.rows] == [("Mobilité douce", 16), ("Emploi des jeunes", 11)]
    assert [g.group_id for g in result.groups] == [group]  # a grid is always split by stakeholder group
    with pytest.raises(ValidationError, match="weights"):
        ws.ballots.create(sitting, "X", BallotMethod.CRITERIA, LABELS, criteria=[("A", 0)])


# --- Import -------------------------------------------------------------------------------------------------


def test_import_a_messy_workbook(ws, sitting, tmp_path):
    ballot = ws.ballots.open(ws.ballots.create(sitting, "Notes", BallotMethod.RATING, LABELS,
                                               settings=RatingSettings(1, 5)).id)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Vote de l'atelier santé — 2 février"])
    sheet.append([])
    sheet.append(["N°", "Collège", "mobilité douce", "EMPLOI DES JEUNES", "Commerce de proximité", "Commentaire"])
    companies, associations = (g.name for g in ws.programmes.groups()[:2])
    sheet.append([1, f" {companies.upper()}", 5, "4", "NSP", "bien"])
    sheet.append([2.0, associations, "3 ", None, 2, None])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["3", "Élus", 1, 5, "-", None])
    path = tmp_path / "notes.xlsx"
    workbook.save(path)
    reading = ws.ballots.import_file(ballot.id, path)
    assert (len(reading.papers), reading.ignored_columns, reading.unknown_groups) == (3, ("Commentaire",), ("Élus",))
    result = ws.ballots.result(ballot.id)
    assert result.row(ids(ballot)[0]).score == 3 and result.row(ids(ballot)[1]).score == 4.5
    assert result.sources == (SourceCount(Source.IMPORT, 3, 0, marked=20),)
    split = ws.ballots.result(ballot.id, by_group=True).groups
    assert sorted(g.group_id or 0 for g in split) == [0, *sorted(g.id for g in ws.programmes.groups()[:2])]
    again = ws.ballots.import_file(ballot.id, path)  # the same file twice replaces, never doubles
    assert again.replaced == 3 and ws.ballots.result(ballot.id).voters == 3


def test_import_a_windows_csv_ranking(ws, sitting, tmp_path):
    ballot = ws.ballots.open(ws.ballots.create(sitting, "Classement", BallotMethod.RANKING, LABELS).id)
    path = tmp_path / "classement.csv"
    path.write_bytes("Votant;Mobilité douce;Emploi des jeunes;Commerce de proximité\r\n"
                     "A;1er;2e;3e\r\nB;2;1;\r\nC;3;1;2\r\n".encode("cp1252"))
    ws.ballots.import_file(ballot.id, path)
    result = ws.ballots.result(ballot.id)
    # Borda: Emploi 1 + 2 + 2 = 5, Mobilité 2 + 1 + 0 = 3, Commerce 0 + 0 + 1 = 1 (B left it out: last alone).
    assert [(r.label, r.score) for r in result.rows] == [("Emploi des jeunes", 5), ("Mobilité douce", 3),
                                                         ("Commerce de proximité", 1)]


def test_an_import_with_one_bad_row_leaves_nothing(ws, sitting, tmp_path):
    ballot = dots(ws, sitting, dots_per_voter=3)
    ws.ballots.cast(ballot.id, paper((ids(ballot)[0], 1), voter="1"))
    path = tmp_path / "votes.csv"
    path.write_text("Votant,Mobilité douce,Commerce de proximité\n1,3,\n2,1,1\n3,2,2\n", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"Line 4: .*gives 4 dots"):
        ws.ballots.import_file(ballot.id, path)
    votes = ws.ballots.votes(ballot.id)
    assert [(p.voter, p.marks) for p in votes.papers] == [("1", (Mark(ids(ballot)[0], 1),))]


def test_an_unreadable_file_is_refused_with_a_sentence(ws, sitting, tmp_path):
    ballot = dots(ws, sitting)
    with pytest.raises(ValidationError, match="does not exist"):
        ws.ballots.import_file(ballot.id, tmp_path / "absent.xlsx")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ValidationError, match="not a readable Excel workbook"):
        ws.ballots.import_file(ballot.id, broken)


# --- Priorities and actions ---------------------------------------------------------------------------------


def _voted(ws, sitting: int, title: str, dots_by_label: dict[str, int]):
    ballot = ws.ballots.open(ws.ballots.create(sitting, title, BallotMethod.DOTS, list(dots_by_label)).id)
    ws.ballots.set_tallies(ballot.id, {o.id: dots_by_label[o.label] for o in ballot.options})
    return ballot


def test_results_are_promoted_into_the_sittings_priorities_with_their_justification(ws, sitting):
    ballot = _voted(ws, sitting, "Priorités", {"Mobilité": 3, "Emploi": 9, "Commerce": 5})
    promoted = ws.priorities.promote(ballot.id, [o.id for o in ballot.options if o.label != "Mobilité"])
    assert [(p.title, p.position, p.method, p.score) for p in promoted] == [("Emploi", 0, "dots", 9),
                                                                           ("Commerce", 1, "dots", 5)]
    assert promoted[0].justification == ""  # the facilitator's words: none yet; the vote's facts are kept instead
    assert why(promoted[0], translator("en"), str).startswith("Dot voting “Priorités”: rank 1 of 3, score 9")
    everything = ws.priorities.promote(ballot.id)  # the rest only: no option twice
    assert [p.title for p in everything] == ["Emploi", "Commerce", "Mobilité"]
    ws.ballots.delete(ballot.id)  # the priorities outlive the vote, their justification with them
    assert ws.ballots.for_sitting(sitting) == []
    kept = ws.priorities.for_sitting(sitting)
    assert [(p.title, p.ballot_id, p.score) for p in kept] == [("Emploi", None, 9), ("Commerce", None, 5),
                                                               ("Mobilité", None, 3)]
    french = why(kept[0], translator("fr"), str)
    assert french.startswith("Vote par gommettes «\u00a0Priorités\u00a0»\u00a0: rang 1 sur 3")


def test_the_winners_promoted_from_a_ranking_stay_true_to_what_schulze_decides(ws, sitting):
    # A>B>C and C>A>B: Borda elects A alone; Schulze leaves A and C undecided and puts A above B only.
    ballot = ws.ballots.open(ws.ballots.create(sitting, "Classement", BallotMethod.RANKING, ["A", "B", "C"]).id)
    a, b, c = (o.id for o in ballot.options)
    ws.ballots.cast_many(ballot.id, [BallotPaper("1", (Mark(a, 1), Mark(b, 2), Mark(c, 3))),
                                     BallotPaper("2", (Mark(c, 1), Mark(a, 2), Mark(b, 3)))])
    assert [row.label for row in ws.ballots.result(ballot.id).alternative.winners] == ["A", "C"]
    promoted = ws.priorities.promote(ballot.id, [a, b])
    assert [p.title for p in promoted] == ["A", "B"]
    english = translator("en")
    assert why(promoted[0], english, str).endswith("Schulze (Condorcet): rank 1 of 3, shared: ahead of “B”; "
                                                   "not separated from “C”.")
    assert why(promoted[1], english, str).endswith("Schulze (Condorcet): rank 1 of 3, shared: behind “A”; "
                                                   "not separated from “C”.")


def test_priorities_are_edited_reordered_and_deleted(ws, sitting):
    first = ws.priorities.add(sitting, PriorityDraft("Emploi"))
    second = ws.priorities.add(sitting, PriorityDraft("Commerce"))
    third = ws.priorities.add(sitting, PriorityDraft("Mobilité"))
    assert [p.title for p in ws.priorities.move(third.id, 0)] == ["Mobilité", "Emploi", "Commerce"]
    assert [p.title for p in ws.priorities.reorder(sitting, [second.id, first.id, third.id])] == [
        "Commerce", "Emploi", "Mobilité"]
    edited = ws.priorities.update(first.id, PriorityDraft("Emploi des jeunes", "Voté à l'unanimité", 12))
    assert (edited.title, edited.justification, edited.score) == ("Emploi des jeunes", "Voté à l'unanimité", 12)
    ws.priorities.delete_many([second.id])
    remaining = ws.priorities.for_sitting(sitting)
    assert [(p.title, p.position) for p in remaining] == [("Emploi des jeunes", 0), ("Mobilité", 1)]
    with pytest.raises(ValueError, match="each priority"):
        ws.priorities.reorder(sitting, [third.id])


def test_priorities_are_consolidated_over_the_sittings(ws):
    first, second = (s.id for s in ws.sittings.all())
    ws.priorities.promote(_voted(ws, first, "Atelier 1", {"Mobilité": 8, "Emploi": 5, "Culture": 1}).id)
    ws.priorities.promote(_voted(ws, second, "Atelier 2", {"EMPLOI": 7, "Commerce": 4}).id)
    consolidated = ws.priorities.consolidated()
    assert [(c.rank, c.title, c.sitting_ids, c.positions) for c in consolidated] == [
        (1, "Emploi", (first, second), (2, 1)), (2, "Mobilité", (first,), (1,)), (3, "Commerce", (second,), (2,)),
        (4, "Culture", (first,), (3,))]


def test_actions_from_priorities_ideas_or_scratch_with_indicators(ws, sitting):
    priority = ws.priorities.add(sitting, PriorityDraft("Créer une navette", "Vote à points"))
    action = ws.priorities.action_from_priority(priority.id)
    assert (action.title, action.description, action.priority_id, action.sitting_id) == (
        "Créer une navette", "Vote à points", priority.id, sitting)
    assert [i.name for i in action.indicators] == ["Jobs", "Social cohesion", "Image", "Economic return",
                                                   "Environment"]
    with ws.database.session() as session:
        idea = IdeaTable(sitting_id=sitting, text="Un marché de producteurs")
        session.add(idea)
        session.flush()
        idea_id = idea.id
    from_idea = ws.priorities.action_from_idea(idea_id, indicators=[IndicatorDraft("Exposants", "30 en 2028")])
    assert (from_idea.title, from_idea.idea_id) == ("Un marché de producteurs", idea_id)
    assert [(i.name, i.target) for i in from_idea.indicators] == [("Exposants", "30 en 2028")]
    draft = ActionDraft("Créer une navette", "Entre la gare et la ZAC", lead="Ville", partners="Région, SNCF",
                        deadline=dt.date(2028, 6, 30), budget=250_000, status=ActionStatus.PLANNED)
    updated = ws.priorities.update_action(action.id, draft)
    assert (updated.lead, updated.budget, updated.status, updated.deadline) == ("Ville", 250_000,
                                                                                ActionStatus.PLANNED,
                                                                                dt.date(2028, 6, 30))
    ws.priorities.set_indicators(action.id, [IndicatorDraft("Jobs", "15 emplois")])
    free = ws.priorities.create_action(ActionDraft("Étude de faisabilité"), indicators=[])
    assert [a.title for a in ws.priorities.actions()] == ["Créer une navette", "Un marché de producteurs",
                                                          "Étude de faisabilité"]
    assert ws.priorities.actions()[0].indicators[0].target == "15 emplois" and free.indicators == ()
    ws.priorities.delete_action(action.id)
    ws.priorities.delete_many([priority.id])
    assert len(ws.priorities.actions()) == 2
