"""The Excel synthesis, read back with openpyxl: its sheets, tables, totals, formats and formulas; people counted
once; questions and speaking time; names only when they may be shown."""

from dataclasses import replace

import openpyxl
import pytest

from tests.unit.exports import synthesis_builders as built
from tests.unit.exports.report_builders import named, programme_report, ranked_report, report, sitting_report
from tests.unit.exports.synthesis_reading import (
    bounds,
    column,
    key_figures,
    sheet_of,
    table,
    totals,
    written,
)
from workshop_desk.domain.report import ATTENDANCE, CONTRIBUTIONS, SECTIONS, VOTES, ReportOptions
from workshop_desk.exports.synthesis_xlsx import write_synthesis

ANONYMOUS = ReportOptions(anonymise=True)
SITTING_SHEETS = ["Summary", "Attendance", "Those present", "Ideas", "Questions", "Speaking time",
                  "Speaking by group", "Votes", "Results", "Priorities", "Action plan", "Timings", "Charts"]


def test_every_sheet_is_an_excel_table_with_a_frozen_header(tmp_path):
    workbook = written(tmp_path, report())
    assert workbook.sheetnames == SITTING_SHEETS
    for sheet in workbook.worksheets[:-1]:
        (found,) = sheet.tables.values()
        assert found.autoFilter is not None and found.autoFilter.ref == found.ref
        first, _last = bounds(sheet)
        assert sheet.freeze_panes == f"A{first + 1}"
        assert sheet.column_dimensions["A"].width >= 10


def test_no_column_is_left_empty(tmp_path):
    """A column nothing fills is dropped (the ideas' votes when no ballot had ideas as options, the votes'
    criteria and axes outside grids and matrices); formula columns count as filled."""
    for found in (report(), programme_report(), built.three_sittings(), ranked_report()):
        workbook = written(tmp_path, found)
        for sheet in workbook.worksheets[:-1]:
            (name,) = sheet.tables
            rows = table(workbook, name)
            for number, heading in enumerate(rows[0]):
                assert any(row[number] not in (None, "") for row in rows[1:]), (sheet.title, heading)
    votes = table(written(tmp_path, report()), "Votes")[0]
    assert "Criterion" not in votes and "Axis" in votes  # the consent round's axes are there
    ideas = table(written(tmp_path, replace(report(), sittings=(replace(sitting_report(), ballots=()),))), "Ideas")
    assert "Votes" not in ideas[0] and "Theme" in ideas[0]


def test_summary_key_figures_and_totals(tmp_path):
    workbook = written(tmp_path, report())
    sheet = workbook["Summary"]
    assert sheet["A1"].value == "Plan économique du quartier Gare-Confluence"
    figures = key_figures(workbook)
    assert figures["Ideas"] == 4 and figures["Ballots"] == 2 and figures["Ballot papers"] == 5
    assert figures["Actions"] == 2 and figures["Questions"] == 2
    assert figures["People present (each counted once)"] == 2 == figures["Attendances (present, sitting by sitting)"]
    summary = table(workbook, "Summary")
    assert summary[1][:4] == ["Atelier santé", summary[1][1], 6, 2]
    first, last = bounds(sheet)
    assert totals(workbook, "Summary")["Registered"] == f"=SUM(C{first + 1}:C{last})"
    assert sheet.cell(first + 1, 2).number_format == "[$-809]d mmm yyyy"


def test_a_person_present_at_three_sittings_is_counted_once(tmp_path):
    workbook = written(tmp_path, built.three_sittings())
    figures = key_figures(workbook)
    assert figures["People present (each counted once)"] == 4  # Émile, Inès, Léa, Omar
    assert figures["Attendances (present, sitting by sitting)"] == 2 + 2 + 2
    assert column(workbook, "Summary", "Present") == [2, 2, 2]
    sheet = workbook["Summary"]
    _first, last = bounds(sheet)
    once = [sheet.cell(last + 2, n).value for n in range(1, 5)]
    assert once == ["People, each counted once", None, 7, 4]  # Léa, Zoé, Ana, Paul registered too (the last two did
    # not come: excused, absent)
    people = table(workbook, "People")
    assert people[0] == ["Stakeholder group", "People registered", "People present", "Rate", "Attendances"]
    assert [row[:3] + row[4:] for row in people[1:]] == [["Entreprises", 2, 1, 1], ["Élus", 3, 2, 2],
                                                          ["Habitants", 2, 1, 3]]
    assert sum(column(workbook, "People", "People present")) == figures["People present (each counted once)"]
    assert sum(column(workbook, "People", "Attendances")) == figures["Attendances (present, sitting by sitting)"]
    first, last = bounds(workbook["People by group"])
    assert totals(workbook, "People")["People present"] == f"=SUM(C{first + 1}:C{last})"
    assert totals(workbook, "People")["Rate"] == f'=IF(B{last + 1}=0,"",C{last + 1}/B{last + 1})'


def test_totals_are_sums_of_the_rows_shown(tmp_path):
    workbook = written(tmp_path, built.three_sittings())
    for name, headings in (("Summary", ["Registered", "Present", "Ideas"]), ("Attendance", ["Registered", "Present"]),
                           ("Actions", ["Budget"]), ("Speakers", ["Allotted (min)", "Spoke (min)"])):
        sheet = sheet_of(workbook, name)
        first, last = bounds(sheet)
        header = [cell.value for cell in sheet[first]]
        for heading in headings:
            letter = openpyxl.utils.get_column_letter(header.index(heading) + 1)
            assert totals(workbook, name)[heading] == f"=SUM({letter}{first + 1}:{letter}{last})", (name, heading)
    assert sum(column(workbook, "Attendance", "Present")) == sum(column(workbook, "Summary", "Present"))


def test_attendance_by_group_with_a_rate_formula_and_a_chart(tmp_path):
    workbook = written(tmp_path, report())
    rows = table(workbook, "Attendance")
    assert rows[0] == ["Sitting", "Stakeholder group", "Registered", "Present", "Rate"]
    assert rows[1] == ["Atelier santé", "Entreprises", 2, 0, '=IF(C2=0,"",D2/C2)']
    sheet = workbook["Attendance"]
    assert sheet["E2"].number_format == "0%"
    assert sheet.cell(sheet.max_row, 4).value == "=SUM(D2:D4)"
    (chart,) = sheet._charts
    assert chart.type == "bar"
    present = table(workbook, "Present")
    assert [row[1:3] for row in present[1:]] == [["Abadie", "Inès"], ["Étienne", "Émile"]]  # by name


def test_ideas_list_each_idea_once_with_the_notes_merged_into_it(tmp_path):
    workbook = written(tmp_path, report())
    ideas = table(workbook, "Ideas")
    assert ideas[0] == ["Sitting", "Agenda item", "Theme", "Table", "Idea", "Notes merged into it", "Votes"]
    assert ideas[1] == ["Atelier santé", "Idées en petits groupes", "Locaux et ateliers", "Table 1",
                        "Des loyers progressifs la première année", "Un doublon replié", 6]
    assert len(ideas) == 1 + key_figures(workbook)["Ideas"]


def test_votes_and_results(tmp_path):
    workbook = written(tmp_path, report())
    votes = table(workbook, "Votes")
    assert votes[0] == ["Sitting", "Ballot", "Voter", "Stakeholder group", "Source", "Option", "Axis", "Value"]
    assert {row[2] for row in votes[1:]} == {"V0001", "V0002", "V0003", "(count)"}  # never "participant-2"
    assert ["Atelier santé", "Priorités de la filière", "(count)", None, "Paper", "Formation", None, 6] in votes
    results = table(workbook, "Results")
    assert results[1] == ["Atelier santé", "Priorités de la filière", "Dot voting", 1, "Locaux et ateliers", 8,
                          "21 dots, of which 10 dots on 2 ballots entered at the console, 6 dots counted on the "
                          "paper board and 5 dots on 1 paper ballot.", "Final"]


def test_a_ranking_gives_the_schulze_rank_and_what_a_shared_one_leaves_unsaid(tmp_path):
    results = table(written(tmp_path, ranked_report()), "Results")
    assert results[0][-2:] == ["Schulze rank", "Schulze: shared rank"]
    TWO = "2 ballots entered at the console."
    assert [row[3:] for row in results[1:]] == [
        [1, "Locaux et ateliers", 3, TWO, "Final", 1, "ahead of “Formation”; not separated from “Mobilité”"],
        [2, "Mobilité", 2, TWO, "Final", 1, "not separated from “Locaux et ateliers”, “Formation”"],
        [3, "Formation", 1, TWO, "Final", 1, "behind “Locaux et ateliers”; not separated from “Mobilité”"]]
    french = table(written(tmp_path, ranked_report(), language="fr"), "Results")
    assert french[1][-1].replace("\xa0", " ") == "devant « Formation » ; non départagé de « Mobilité »"


def test_questions_most_supported_first_hidden_ones_left_out(tmp_path):
    workbook = written(tmp_path, named(built.with_a_hidden_question()))
    rows = table(workbook, "Questions")
    assert rows[0] == ["Sitting", "Agenda item", "Question", "Answer", "Asked by", "Votes", "Answered"]
    assert [row[2:] for row in rows[1:]] == [
        ["Qui finance les locaux ?", None, None, 3, "No"],
        ["Quand le plan sera-t-il publié ?", "Au conseil municipal de juin.\nPuis en ligne.", "Sophie Lambert", 7,
         "Yes"]]
    assert rows[1][1] == "Table ronde des élus"
    anonymous = table(written(tmp_path, named(built.with_a_hidden_question()), options=ANONYMOUS), "Questions")
    assert "Asked by" not in anonymous[0] and "Sophie Lambert" not in str(anonymous)
    by_default = table(written(tmp_path, built.with_a_hidden_question()), "Questions")  # the notice: anonymous
    assert "Asked by" not in by_default[0] and "Sophie Lambert" not in str(by_default)
    french = table(written(tmp_path, named(report()), "fr"), "Questions")
    assert french[0][3:] == ["Réponse", "Posée par", "Votes", "Traitée"] and french[1][-1] == "Non"


def test_speaking_time_by_speaker_and_by_stakeholder_group(tmp_path):
    workbook = written(tmp_path, named(built.with_speaker_groups()))
    speakers = table(workbook, "Speakers")
    assert speakers[0] == ["Sitting", "Agenda item", "Speaker", "Stakeholder group", "Allotted (min)", "Spoke (min)"]
    assert [row[2:] for row in speakers[1:]] == [["Inès Blanc, maire", "Élus", 5.0, 7.0],
                                                 ["Jérôme Dubois, CCI", "No group", 5.0, 5.0]]  # not "Jamais venu"
    groups = table(workbook, "SpeakingGroups")
    assert groups[0] == ["Stakeholder group", "Turns", "Spoke (min)", "Share"]
    assert [row[:3] for row in groups[1:]] == [["Élus", 1, 7.0], ["No group", 1, 5.0]]
    assert sum(column(workbook, "SpeakingGroups", "Share")) == pytest.approx(1.0)
    assert sum(column(workbook, "SpeakingGroups", "Spoke (min)")) == sum(column(workbook, "Speakers", "Spoke (min)"))
    sheet = workbook["Speaking by group"]
    assert sheet.cell(bounds(sheet)[0] + 1, 4).number_format == "0%"


def test_speakers_are_unnamed_by_default_as_the_notice_says(tmp_path):
    workbook = written(tmp_path, built.with_speaker_groups())
    speakers = table(workbook, "Speakers")
    assert [row[2] for row in speakers[1:]] == ["Speaker 1", "Speaker 2"]
    assert "Stakeholder group" not in speakers[0]
    every_text = {cell.value for sheet in workbook for row in sheet.iter_rows() for cell in row}
    assert not {"Inès Blanc, maire", "Sophie Lambert"} & every_text
    assert "Abadie" in every_text  # those present are listed: attendance is not a contribution


def test_speakers_are_unnamed_when_names_are_left_out(tmp_path):
    workbook = written(tmp_path, named(built.with_speaker_groups()), options=ANONYMOUS)
    speakers = table(workbook, "Speakers")
    assert [row[2] for row in speakers[1:]] == ["Speaker 1", "Speaker 2"]
    assert "Stakeholder group" not in speakers[0]  # a group could name the one elected official who spoke
    assert column(workbook, "SpeakingGroups", "Stakeholder group") == ["Élus", "No group"]
    every_text = {cell.value for sheet in workbook for row in sheet.iter_rows() for cell in row}
    assert not {"Inès Blanc, maire", "Sophie Lambert", "Abadie", "Étienne"} & every_text


def test_priorities_actions_and_timings(tmp_path):
    workbook = written(tmp_path, report())
    assert table(workbook, "Priorities")[1] == [
        "Atelier santé", 1, "Locaux et ateliers",
        "Dot voting “Priorités de la filière”: rank 1 of 3, score 8, 3 ballots. Premier au vote", 8]
    actions = table(workbook, "Actions")
    assert actions[1][:4] == ["Ouvrir une pépinière", "Dix ateliers", "Ville — service économique",
                              "Chambre de métiers"]
    assert actions[1][4].date().isoformat() == "2027-09-30"
    assert workbook["Action plan"]["E2"].number_format == "[$-809]d mmm yyyy"
    timings = table(workbook, "Timings")
    assert timings[1][1] == "Accueil" and timings[1][4] == 10
    assert timings[1][5] == '=IF(OR(C2="",D2=""),"",ROUND((D2-C2)*1440,0))'
    assert [row[1] for row in timings[-2:]] == ["Round 1", "Round 2"]


@pytest.mark.parametrize(("language", "money", "percent", "date"), [
    ("fr", "#,##0\u00a0[$€-40C]", '0"\u00a0"%', "dd/mm/yyyy"),
    ("en", "[$€-809]#,##0", "0%", "[$-809]d mmm yyyy")])
def test_budgets_in_euros_percentages_and_dates_as_the_language_writes_them(tmp_path, language, money, percent,
                                                                            date):
    workbook = written(tmp_path, report(), language)
    plan = sheet_of(workbook, "Actions")
    assert plan["F2"].value == 12000 and plan["F2"].number_format == money
    assert plan.cell(bounds(plan)[1] + 1, 6).number_format == money  # the total too
    assert sheet_of(workbook, "Attendance")["E2"].number_format == percent
    assert plan["E2"].number_format == date
    cents = replace(report(), actions=(replace(report().actions[0], budget=1500.5),))
    assert sheet_of(written(tmp_path, cents, language), "Actions")["F2"].number_format == money.replace(
        "#,##0", "#,##0.00")


def test_anonymised_and_left_out_sections(tmp_path):
    workbook = written(tmp_path, report(), options=ReportOptions(frozenset(SECTIONS) - {VOTES}, anonymise=True))
    assert "Those present" not in workbook.sheetnames  # names left out
    assert "Votes" not in workbook.sheetnames and "Results" not in workbook.sheetnames
    assert "Charts" not in workbook.sheetnames
    workbook = written(tmp_path, report(), options=ReportOptions(frozenset({ATTENDANCE})))
    assert workbook.sheetnames == ["Summary", "Attendance", "Those present"]
    workbook = written(tmp_path, report(), options=ReportOptions(frozenset({CONTRIBUTIONS})))
    assert workbook.sheetnames == ["Summary", "Ideas", "Questions", "Speaking time", "Speaking by group"]


def test_the_programme_synthesis_consolidates(tmp_path):
    workbook = written(tmp_path, programme_report())
    assert "Consolidated priorities" in workbook.sheetnames and "People by group" in workbook.sheetnames
    assert workbook["Summary"]["A2"].value == "Whole programme"
    assert column(workbook, "Summary", "Sitting") == ["Atelier santé", "Plénière de restitution"]
    assert table(workbook, "Consolidated")[1] == [1, "Locaux et ateliers", "Atelier santé", 1, 0.4]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_workbook_is_written_atomically_in_each_language(tmp_path, language):
    target = tmp_path / "synthesis.xlsx"
    target.write_bytes(b"old")
    write_synthesis(target, report(), language, ReportOptions())
    workbook = openpyxl.load_workbook(target)
    summary = workbook.worksheets[0]
    assert summary["A1"].value.startswith("Plan")
    assert [p.name for p in tmp_path.iterdir()] == ["synthesis.xlsx"]
    if language == "fr":
        assert summary["A3"].value == "Séances"
        assert summary["A4"].value == "Personnes présentes (comptées une fois)"


def test_a_sitting_whose_sign_in_was_not_kept_shows_no_zero_present(tmp_path):
    from workshop_desk.domain.enums import AttendanceStatus

    sitting = report().sittings[0]
    nobody = tuple(replace(e, attendance=replace(e.attendance, status=AttendanceStatus.REGISTERED))
                   for e in sitting.roster if e.attendance)
    workbook = written(tmp_path, replace(report(), sittings=(replace(sitting, roster=nobody),)))
    assert "Present" not in table(workbook, "Summary")[0]  # no column of zeros
    texts = [cell.value for row in workbook["Summary"].iter_rows() for cell in row if isinstance(cell.value, str)]
    assert "Sign-in was not kept in the app for: Atelier santé." in texts
