"""The Word minutes of a sitting and the programme report, read back with python-docx."""

import datetime as dt
import io
from dataclasses import replace
from pathlib import Path

import pytest
from docx.document import Document
from docx.oxml.ns import qn
from PIL import Image

from tests.unit.exports.builders import all_text, field_codes, footer_text, is_header_row, reopen, rows
from tests.unit.exports.report_builders import at, logo_png, named, programme_report, ranked_report, report
from workshop_desk.domain.enums import ActionStatus, AttendanceStatus, BallotStatus
from workshop_desk.domain.report import ANNEXES, SECTIONS, VOTES, ProgrammeReport, ReportOptions, SittingReport
from workshop_desk.exports.attendance_report_docx import clock_time
from workshop_desk.exports.charts import bar_chart
from workshop_desk.exports.minutes_docx import write_minutes

EVERYTHING = ReportOptions()


def _write(tmp_path: Path, found: ProgrammeReport | None = None, language: str = "en",
           options: ReportOptions = EVERYTHING) -> Document:
    return reopen(write_minutes(tmp_path / "minutes.docx", found or report(), language, options))


def _headings(document: Document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == f"Heading {level}"]


def _table_after(document: Document, first_header: str) -> list[list[str]]:
    return next(rows(table) for table in document.tables if table.rows[0].cells[0].text == first_header)


def test_the_minutes_hold_every_section_in_order(tmp_path):
    document = _write(tmp_path)
    assert _headings(document, 1) == ["Key points", "Context and objectives", "Attendance",
                                      "Agenda as planned and as run",
                                      "Contributions and results", "Decisions and next steps", "Priorities",
                                      "Action plan", "Annexes: every contribution"]
    assert _headings(document, 2) == ["Those present", "Apologies", "Rounds", "Table ronde des élus",
                                      "Idées en petits groupes", "Vote par gommettes", "Décision", "All ideas",
                                      "All questions"]
    assert _headings(document, 3) == ["Locaux et ateliers", "Formation", "Not in a theme"]


def test_cover_header_footer_and_contents(tmp_path):
    document = _write(tmp_path, report(logo=logo_png()))
    texts = [p.text for p in document.paragraphs]
    assert texts[2:4] == ["Plan économique du quartier Gare-Confluence", "Minutes — Atelier santé"]
    assert "Venue: Pépinière Confluence" in texts and "Date: Tuesday 2 February 2027" in texts
    assert len(document.inline_shapes) == 1 + 1  # the logo, then the dot vote's chart (consent has none)
    assert document.sections[0].different_first_page_header_footer  # a bare cover
    assert document.sections[0].header.paragraphs[0].text == \
        "Plan économique du quartier Gare-Confluence · Atelier santé · Tuesday 2 February 2027"
    assert "Page 1 of 1" in footer_text(document)
    assert any(code.startswith("TOC") for code in field_codes(document.element.body))
    toc = [p.text for p in document.paragraphs if p.style is not None and p.style.name in ("toc 1", "toc 2")]
    assert toc[:3] == ["Key points", "Context and objectives", "Attendance"]
    update = document.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"


def test_an_svg_logo_is_left_out(tmp_path):
    document = _write(tmp_path, report(logo=b"<svg xmlns='http://www.w3.org/2000/svg'/>"))
    assert len(document.inline_shapes) == 1  # the chart only


def test_attendance_counts_by_group_then_the_list(tmp_path):
    document = _write(tmp_path)
    counts = _table_after(document, "Stakeholder group")
    assert counts[0] == ["Stakeholder group", "Registered", "Present", "Rate"]
    assert counts[-1] == ["Total", "6", "2", "33%"]
    present = _table_after(document, "No.")
    assert present[0] == ["No.", "Name", "Function", "Organisation", "Group"]
    assert present[1:] == [["1", "Abadie Inès", "", "Régie de quartier", "Habitants"],
                           ["2", "Étienne Émile", "Vice-président", "Conseil départemental", "Élus"]]
    assert is_header_row(document.tables[0].rows[0])
    assert "Apologies" in _headings(document, 2)
    assert "Fabre Ana, Gérante, Atelier Verre" in all_text(document)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_sitting_whose_sign_in_was_not_kept_says_so_instead_of_zero_percent(tmp_path, language):
    sitting = report().sittings[0]
    nobody = tuple(replace(e, attendance=replace(e.attendance, status=AttendanceStatus.REGISTERED))
                   for e in sitting.roster if e.attendance and e.attendance.status != AttendanceStatus.EXCUSED)
    text = all_text(_write(tmp_path, replace(report(), sittings=(replace(sitting, roster=nobody),)), language))
    if language == "fr":
        assert "L'émargement n'a pas été tenu dans l'application pour cette séance\xa0: 6 personnes étaient " \
               "inscrites." in text
        assert "0\xa0%" not in text
    else:
        assert "Sign-in was not kept in the app for this sitting: 6 people were registered." in text
        assert "0%" not in text


def test_anonymised_minutes_keep_the_counts_only(tmp_path):
    document = _write(tmp_path, options=ReportOptions(anonymise=True))
    text = all_text(document)
    assert "Those present" not in _headings(document, 2)
    assert "Abadie" not in text and "Inès Blanc" not in text and "Sophie Lambert" not in text
    assert "Speaker 1" in text
    assert _table_after(document, "Stakeholder group")[-1][:3] == ["Total", "6", "2"]


def test_agenda_planned_against_actual(tmp_path):
    document = _write(tmp_path)
    agenda = _table_after(document, "Item")
    assert agenda[0] == ["Item", "Planned", "Run", "Planned (min)", "Actual (min)", "Overrun (min)"]
    # planned from the sitting's 14:00 start; run in the machine's local time
    assert agenda[1] == ["Accueil", "14:00 – 14:10", f"{clock_time(at(0), 'en')} – {clock_time(at(12), 'en')}", "10",
                         "12", "+2"]
    assert agenda[2][-1] == "+3" and agenda[-1] == ["Décision", "15:30 – 15:40", "", "10", "", ""]
    rounds = _table_after(document, "Round")
    assert rounds[1:] == [["Round 1", clock_time(at(45), "en"), clock_time(at(70), "en"), "25", "25"],
                          ["Round 2", clock_time(at(70), "en"), clock_time(at(81), "en"), "10", "11"]]
    french = _table_after(_write(tmp_path, language="fr"), "Point")
    assert french[1][1] == "14\xa0h\xa000 – 14\xa0h\xa010"


def test_a_sitting_not_yet_run_has_its_agenda_as_planned(tmp_path):
    sitting = report().sittings[0]
    items = tuple(replace(item, actual_start=None, actual_end=None) for item in sitting.items)
    document = _write(tmp_path, replace(report(), sittings=(replace(sitting, items=items, rounds=()),)))
    assert "Agenda" in _headings(document, 1) and "Agenda as planned and as run" not in _headings(document, 1)
    assert _table_after(document, "Planned")[1] == ["14:00 – 14:10", "Accueil", "10"]


def test_the_facilitators_notes_are_printed_under_their_item(tmp_path):
    paragraphs = _write(tmp_path).paragraphs
    at_notes = next(n for n, p in enumerate(paragraphs) if p.text == "Les élus soutiennent la pépinière.")
    heading = next(p for p in reversed(paragraphs[:at_notes]) if p.style is not None and
                   p.style.name.startswith("Heading"))
    assert heading.text == "Table ronde des élus"
    assert paragraphs[at_notes + 1].text == "Budget à préciser avant juin."


def _bullets(document: Document) -> list[str]:
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == "List Bullet"]


def test_contributions_by_agenda_item(tmp_path):
    document = _write(tmp_path, named(report()))
    bullets = _bullets(document)
    assert "Des loyers progressifs la première année (6 votes)" in bullets
    assert "Un doublon replié" not in bullets  # folded into another note: in the annex only
    assert "Quand le plan sera-t-il publié ? (7 votes) — Sophie Lambert\n" \
           "Answer: Au conseil municipal de juin.\nPuis en ligne." in bullets
    speakers = _table_after(document, "Speaker")
    assert speakers[1:] == [["Inès Blanc, maire", "5", "7"], ["Jérôme Dubois, CCI", "5", "5"]]  # never spoke: out
    results = _table_after(document, "Rank")
    assert results[1:] == [["1", "Locaux et ateliers", "8"], ["2", "Formation", "7"],
                           ["3", "Des loyers progressifs", "6"]]
    consent = _table_after(document, "Proposal")
    assert consent[1] == ["Créer une pépinière d'artisans", "1", "1", "0", "Adopted with concerns"]
    assert consent[2][-1] == "Blocked"
    assert "“Le budget”" in all_text(document)


def test_by_default_the_minutes_name_no_one_who_asked_or_spoke(tmp_path):
    """The default notice says contributions are anonymous: the minutes keep to it."""
    document = _write(tmp_path)
    text = all_text(document)
    assert "Sophie Lambert" not in text and "Inès Blanc" not in text and "Jérôme Dubois" not in text
    assert "Quand le plan sera-t-il publié ? (7 votes)\nAnswer: Au conseil municipal de juin.\nPuis en ligne." \
        in _bullets(document)
    assert [row[0] for row in _table_after(document, "Speaker")[1:]] == ["Speaker 1", "Speaker 2"]
    assert "Abadie" in text  # attendance is not a contribution: those present are still listed
    anonymised = all_text(_write(tmp_path, named(report()), options=ReportOptions(anonymise=True)))
    assert "Sophie Lambert" not in anonymised and "Inès Blanc" not in anonymised  # --anonymise wins over the notice


def test_an_answer_reads_in_the_documents_language_and_in_the_annex(tmp_path):
    french = _write(tmp_path, named(report()), "fr")
    assert "Quand le plan sera-t-il publié ? (7 votes) — Sophie Lambert\n" \
           "Réponse\u00a0: Au conseil municipal de juin.\nPuis en ligne." in _bullets(french)
    questions = next(rows(t) for t in _write(tmp_path).tables if rows(t)[0][:3] == ["No.", "Question", "Answer"])
    assert questions[1] == ["1", "Quand le plan sera-t-il publié ?", "Au conseil municipal de juin.\nPuis en ligne.",
                            "7", "yes"]
    assert questions[2][2] == ""


def test_action_plan_and_annexes(tmp_path):
    document = _write(tmp_path)
    plan = _table_after(document, "What")
    assert plan[0] == ["What", "Lead and partners", "Deadline", "Budget", "Status", "Indicators"]
    assert plan[1] == ["Ouvrir une pépinière\nDix ateliers\nPriority: Locaux et ateliers",
                       "Ville — service économique\nWith: Chambre de métiers", "30/09/2027", "€12,000", "Proposed",
                       "Emploi: 12 artisans installés"]
    assert plan[2] == ["Parcours de stages", "Lycée Jean-Jaurès", "", "", "Proposed", ""]
    ideas = next(rows(t) for t in document.tables if rows(t)[0][:2] == ["No.", "Idea"])
    assert len(ideas) == 1 + 5  # every note, the folded one too
    assert ideas[1] == ["1", "Des loyers progressifs la première année", "Locaux et ateliers", "Table 1"]


def test_sections_can_be_left_out(tmp_path):
    options = ReportOptions(frozenset(SECTIONS) - {VOTES, ANNEXES})
    document = _write(tmp_path, options=options)
    assert "Decisions" not in _headings(document, 1) and "Annexes: every contribution" not in _headings(document, 1)
    assert not document.inline_shapes
    assert "Vote par gommettes" not in _headings(document, 2)  # its only content was the ballot


def test_absent_data_leaves_no_empty_section(tmp_path):
    bare = replace(report(), sittings=(SittingReport(report().sittings[0].sitting),), actions=())
    document = _write(tmp_path, bare)
    assert _headings(document, 1) == ["Practical details", "Context and objectives"]  # an invitation: what is known
    assert not document.tables


def test_french_minutes(tmp_path):
    document = _write(tmp_path, language="fr")
    texts = "\n".join(p.text for p in document.paragraphs)
    assert "mardi 2 février 2027" in texts
    assert "Page 1 sur 1" in footer_text(document)
    assert document.core_properties.language == "fr-FR"
    counts = rows(document.tables[0])  # attendance by stakeholder group
    assert counts[-1][-1] == "33\xa0%"  # French percent, with its (non-breaking) space
    assert "30/09/2027" in all_text(document)


def test_a_ranking_shows_the_pairs_schulze_leaves_undecided_tied(tmp_path):
    document = _write(tmp_path, ranked_report())
    results = _table_after(document, "Rank")
    assert results == [["Rank", "Option", "Score", "Schulze rank"], ["1", "Locaux et ateliers", "3", "1="],
                       ["2", "Mobilité", "2", "1="], ["3", "Formation", "1", "1="]]
    texts = [p.text for p in document.paragraphs]
    assert "The counts disagree. Borda: Locaux et ateliers. Schulze (Condorcet): Locaux et ateliers = Mobilité." \
        in texts
    assert "Not separated by the votes (Schulze): “Locaux et ateliers” and “Mobilité”; “Mobilité” and " \
        "“Formation”." in texts
    assert "Yet Schulze puts “Locaux et ateliers” ahead of “Formation”." in texts
    french = _write(tmp_path, ranked_report(), language="fr")
    assert _table_after(french, "Rang")[0][-1] == "Rang Schulze"
    assert "Non départagés par les votes (Schulze) : « Locaux et ateliers » et « Mobilité » ; « Mobilité » et " \
        "« Formation »." in [p.text.replace("\xa0", " ") for p in french.paragraphs]


def test_programme_report_has_a_chapter_per_sitting(tmp_path):
    document = _write(tmp_path, programme_report())
    headings = _headings(document, 1)
    assert headings == ["Key points", "Context and objectives", "Atelier santé", "Plénière de restitution",
                        "Consolidated priorities", "Action plan", "Annexes: every contribution"]
    assert "Attendance" in _headings(document, 2) and "Contributions and results" in _headings(document, 2)
    assert _table_after(document, "Rank")[0] == ["Rank", "Option", "Score"]
    consolidated = next(rows(t) for t in document.tables
                        if rows(t)[0] == ["Rank", "Priority", "Retained by (share of the vote)"])
    assert consolidated[1] == ["1", "Locaux et ateliers", "Atelier santé (40%)"]
    texts = [p.text for p in document.paragraphs]
    title = texts.index("Plan économique du quartier Gare-Confluence")
    assert texts[title + 1] == "Programme report"
    assert any(code.startswith('TOC \\o "1-1"') for code in field_codes(document.element.body))


def test_a_bar_chart_is_a_png_sized_to_its_bars():
    png = bar_chart([("Locaux", 8.0), ("Formation", 0.0), ("Une très longue étiquette " * 5, 3.5)])
    assert png.startswith(b"\x89PNG")
    image = Image.open(io.BytesIO(png))
    assert image.width == 1800 and image.height > 100


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_file_is_replaced_atomically(tmp_path, language):
    target = tmp_path / "minutes.docx"
    target.write_bytes(b"old")
    write_minutes(target, report(), language, EVERYTHING)
    assert reopen(target).paragraphs
    assert [p.name for p in tmp_path.iterdir()] == ["minutes.docx"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_vote_says_where_its_votes_came_from_and_an_open_one_is_provisional(tmp_path, language):
    """A board count is not 'voters: 0': the minutes say how many dots came from where; an open ballot's result is
    marked provisional, in the document's language."""
    final = all_text(_write(tmp_path, language=language))
    sitting = report().sittings[0]
    opened = tuple(replace(entry, ballot=replace(entry.ballot, status=BallotStatus.OPEN)) for entry in sitting.ballots)
    retained = tuple(replace(p, ballot_id=80) for p in sitting.priorities)  # promoted from the open dot vote
    provisional = all_text(_write(tmp_path, replace(report(), sittings=(
        replace(sitting, ballots=opened, priorities=retained),)), language))
    if language == "fr":
        assert "21 gommettes, dont 10 gommettes sur 2 bulletins saisis à la console, 6 gommettes sur le tableau " \
               "papier et 5 gommettes sur 1 bulletin papier." in final
        mark = "Résultat provisoire"
    else:
        assert "21 dots, of which 10 dots on 2 ballots entered at the console, 6 dots counted on the paper board " \
               "and 5 dots on 1 paper ballot." in final
        mark = "Provisional result"
    assert "voters" not in final and "votants" not in final
    assert mark not in final
    assert provisional.count(mark) == len(opened)
    word = "(provisoire)" if language == "fr" else "(provisional)"
    assert word not in final and provisional.count(word) == len(retained) > 0


@pytest.mark.parametrize(("language", "total"), [("fr", "15\u202f500,50\xa0€"), ("en", "€15,500.50")])
def test_the_action_plan_totals_its_budgets_in_euros(tmp_path, language, total):
    found = report()
    actions = (found.actions[0], replace(found.actions[1], budget=3500.5, status=ActionStatus.IN_PROGRESS))
    plan = rows(next(t for t in _write(tmp_path, replace(found, actions=actions), language).tables
                     if rows(t)[0][0] in ("What", "Action")))
    assert plan[-1][0] == "Total" and plan[-1][3] == total
    assert plan[2][4] == {"fr": "En cours", "en": "In progress"}[language]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_record_of_decisions_lists_outcomes_priorities_next_steps_and_the_next_meeting(tmp_path, language):
    following = replace(report().sittings[0].sitting, id=3, title="Comité de pilotage", date=dt.date(2027, 3, 9),
                        start_time=dt.time(9, 30), end_time=None, venue="Hôtel de ville")
    sitting = replace(report().sittings[0], next_sitting=following)
    paragraphs = [p.text for p in _write(tmp_path, replace(report(), sittings=(sitting,)), language).paragraphs]
    start = next(n for n, text in enumerate(paragraphs) if text in ("Decisions and next steps",
                                                                    "Relevé de décisions et suites") and n > 20)
    record = paragraphs[start:]
    if language == "fr":
        assert "Créer une pépinière d'artisans — Adopté avec réserves" in record
        assert "Priorités retenues\xa0:" in record and "Suites à donner\xa0:" in record
        assert "Ouvrir une pépinière — Ville — service économique, d'ici le 30/09/2027" in record
        assert "Prochaine réunion\xa0: Comité de pilotage, mardi 9 mars 2027 9\xa0h\xa030, Hôtel de ville" in record
    else:
        assert "Créer une pépinière d'artisans — Adopted with concerns" in record
        assert "Priorities retained:" in record and "Next steps:" in record
        assert "Ouvrir une pépinière — Ville — service économique, by 30/09/2027" in record
        assert "Next meeting: Comité de pilotage, Tuesday 9 March 2027 09:30, Hôtel de ville" in record
    assert record.index("Locaux et ateliers") < record.index("Formation")  # the priorities, in their order


def test_the_next_meeting_is_the_next_dated_sitting():
    from workshop_desk.services.deliverables import next_sitting

    base = report().sittings[0].sitting
    day = dt.date(2027, 2, 2)
    later_same_day = replace(base, id=5, date=day, start_time=dt.time(18, 0))
    next_week = replace(base, id=6, date=day + dt.timedelta(days=7))
    undated = replace(base, id=7, date=None)
    earlier = replace(base, id=8, date=day - dt.timedelta(days=1))
    found = [base, next_week, undated, later_same_day, earlier]
    assert next_sitting(found, replace(base, date=day, start_time=dt.time(14, 0))) == later_same_day
    assert next_sitting(found, next_week) is None and next_sitting(found, undated) is None


@pytest.mark.parametrize("language", ["fr", "en"])
def test_key_points_come_first_with_attendance_priorities_decisions_and_next_steps(tmp_path, language):
    found = _write(tmp_path, language=language).paragraphs
    paragraphs = [p.text for p in found]
    start = next(n for n, p in enumerate(found) if p.style is not None and p.style.name == "Heading 1")
    page = paragraphs[start:paragraphs.index({"fr": "Contexte et objectifs", "en": "Context and objectives"}[language],
                                             start)]
    if language == "fr":
        assert "2 personnes présentes" in page and "Élus\xa0: 1" in page and "Habitants\xa0: 1" in page
        assert "Priorités retenues" in page and "Créer une pépinière d'artisans — Adopté avec réserves" in page
    else:
        assert "2 people present" in page and "Élus: 1" in page
        assert "Priorities retained" in page and "Next steps" in page
    assert page.index("Locaux et ateliers") < page.index("Formation")
    assert {"fr": "2 actions avec leurs pilotes et leurs échéances (voir le relevé de décisions)",
            "en": "2 actions with their leads and deadlines (see the record of decisions)"}[language] in page


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_sitting_not_yet_held_gives_an_invitation_with_its_agenda(tmp_path, language):
    held = report().sittings[0]
    items = tuple(replace(item, actual_start=None, actual_end=None, notes="") for item in held.items)
    invited = tuple(e if e.attendance.status == AttendanceStatus.EXCUSED else
                    replace(e, attendance=replace(e.attendance, status=AttendanceStatus.INVITED))
                    for e in held.roster if e.attendance)
    coming = SittingReport(held.sitting, items, roster=invited,
                           ballots=tuple(replace(b, result=replace(b.result, sources=())) for b in held.ballots[:0]))
    document = _write(tmp_path, replace(report(), sittings=(coming,)), language)
    assert coming.held is False and held.held is True
    headings = _headings(document, 1)
    if language == "fr":
        assert document.core_properties.title.startswith("Convocation et ordre du jour")
        assert headings[:2] == ["Informations pratiques", "Contexte et objectifs"]
        assert "Ordre du jour" in headings and "Personnes invitées" in headings
    else:
        assert headings == ["Practical details", "Context and objectives", "Agenda", "Invited people"]
    text = all_text(document)
    assert "Accueil" in text and "Moreau Léa" in text and "Fabre Ana" not in text  # the excused are not invited
    for absent in ("Attendance", "Présences", "Contents", "Sommaire", "Key points", "L'essentiel"):
        assert absent not in headings


@pytest.mark.parametrize("language", ["fr", "en"])
def test_an_elire_grid_is_printed_in_full_with_its_weights_averages_and_disagreements(tmp_path, language):
    from workshop_desk.domain.counting import count
    from workshop_desk.domain.enums import BallotMethod
    from workshop_desk.domain.report import BallotReport
    from workshop_desk.domain.voting import Ballot, BallotPaper, CriteriaSettings, Criterion, Mark, Option, Votes

    options = (Option(1, "Pépinière"), Option(2, "Fablab"))
    criteria = (Criterion(11, "Emploi", 2.0), Criterion(12, "Impact", 1.0))
    ballot = Ballot(9, 2, "Grille ELIRE", BallotMethod.CRITERIA, CriteriaSettings(1, 5), BallotStatus.CLOSED,
                    revealed=True, options=options, criteria=criteria)
    papers = (BallotPaper("1", (Mark(1, 5, 11), Mark(1, 4, 12), Mark(2, 1, 11), Mark(2, 3, 12))),
              BallotPaper("2", (Mark(1, 5, 11), Mark(1, 4, 12), Mark(2, 5, 11), Mark(2, 3, 12))))
    votes = Votes(papers)
    entry = BallotReport(ballot, count(ballot.method, ballot.settings, options, votes, criteria), votes)
    sitting = replace(report().sittings[0], ballots=(entry,))
    document = _write(tmp_path, replace(report(), sittings=(sitting,)), language)
    grid = next(rows(t) for t in document.tables if rows(t)[0][2:3] == ["Emploi"])
    total = {"fr": "Total pondéré", "en": "Weighted total"}[language]
    assert grid[0][2:] == ["Emploi", "Impact", total]
    assert grid[1] == ["1", "Pépinière", "5", "4", "14"] and grid[2] == ["2", "Fablab", "3", "3", "9"]
    text = all_text(document)
    assert "Emploi\xa0×2, Impact\xa0×1" in text and ("de 1 à 5" in text if language == "fr" else "from 1 to 5" in text)
    assert ("Fablab\xa0: Emploi" if language == "fr" else "Fablab: Emploi") in text  # scores 1 and 5: far apart
