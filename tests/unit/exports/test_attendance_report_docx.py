"""The attendance report: counts, rate against registered, counts by group, who came and when."""

import datetime as dt

import pytest

from tests.unit.exports.builders import (
    GROUPS,
    SIGNED_IN,
    S,
    all_text,
    entry,
    field_codes,
    is_header_row,
    person,
    programme,
    reopen,
    roster,
    rows,
    sitting,
)
from workshop_desk.domain.clock import local
from workshop_desk.exports import attendance_report_docx
from workshop_desk.exports.attendance_report_docx import (
    Counts,
    count,
    counts_by_group,
    percent,
    write_attendance_report,
)
from workshop_desk.i18n import translator


def _write(tmp_path, entries=None, language="en"):  # type: ignore[no-untyped-def]
    entries = roster() if entries is None else entries
    return reopen(write_attendance_report(tmp_path / "report.docx", programme(), sitting(), entries, GROUPS, language))


def test_counts_against_the_registered():
    counts = count(roster())
    assert counts == Counts(registered=6, present=2, excused=1, absent=3, no_reply=1, left_early=1)
    assert counts.rate == pytest.approx(2 / 6)
    assert Counts().rate is None


def test_counts_by_group_in_the_groups_order_then_no_group():
    walk_in = entry(person(9, "Noé", "Sans-Groupe", None), S.PRESENT)
    by_group = counts_by_group([*roster(), walk_in], GROUPS)
    assert [key for key, _ in by_group] == [1, 2, 3, None]
    assert dict(by_group)[1] == Counts(registered=2, present=0, excused=1, absent=1)
    assert dict(by_group)[3] == Counts(registered=2, present=1, absent=1)
    assert dict(by_group)[None] == Counts(registered=1, present=1, no_reply=1)  # Bernard only invited


def test_a_group_nobody_registered_for_is_left_out():
    only_invited = [entry(person(1, "A", "B", 2), S.INVITED)]
    assert counts_by_group(only_invited, GROUPS) == []


def test_percentages_in_each_language():
    assert percent(2 / 3, "en") == "67%"
    assert percent(2 / 3, "fr").replace("\u202f", " ").replace("\u00a0", " ") == "67 %"
    assert percent(None, "fr") == "—"


def test_the_summary_table(tmp_path):
    summary = rows(_write(tmp_path).tables[0])
    assert summary == [["Registered", "6"], ["Present", "2"], ["Excused", "1"], ["Absent", "3"],
                       ["Attendance rate (present / registered)", "33%"], ["Left early", "1"],
                       ["Invited, no reply", "1"]]


def test_the_table_by_group_with_a_total(tmp_path):
    table = _write(tmp_path).tables[1]
    assert is_header_row(table.rows[0])
    assert rows(table) == [
        ["Group", "Registered", "Present", "Excused", "Absent", "Rate"],
        ["Entreprises", "2", "0", "1", "1", "0%"],
        ["Élus", "2", "1", "0", "1", "50%"],
        ["Habitants", "2", "1", "0", "1", "50%"],
        ["Total", "6", "2", "1", "3", "33%"],
    ]
    assert table.rows[1].cells[1].paragraphs[0].style.name == "Table Figure"


def test_who_came_by_name_with_local_sign_in_and_left_early_times(tmp_path):
    table = _write(tmp_path).tables[2]
    assert is_header_row(table.rows[0])
    hhmm = [local(SIGNED_IN + dt.timedelta(minutes=5)).strftime("%H:%M"), local(SIGNED_IN).strftime("%H:%M"),
            local(SIGNED_IN + dt.timedelta(hours=1)).strftime("%H:%M")]
    assert rows(table) == [
        ["No.", "Name", "Organisation", "Group", "Signed in", "Left early"],
        ["1", "Abadie Inès", "Régie de quartier", "Habitants", hhmm[0], ""],
        ["2", "Étienne Émile", "Conseil départemental", "Élus", hhmm[1], hhmm[2]],
    ]


def test_nobody_signed_in(tmp_path):
    document = _write(tmp_path, [entry(person(1, "A", "B"), S.REGISTERED)])
    assert len(document.tables) == 2
    assert "Nobody has signed in." in all_text(document)
    assert rows(document.tables[0])[4] == ["Attendance rate (present / registered)", "0%"]


def test_an_empty_roster_has_no_rate(tmp_path):
    assert rows(_write(tmp_path, []).tables[0])[4][1] == "—"


def test_headings_details_and_footer(tmp_path):
    document = _write(tmp_path)
    assert document.paragraphs[0].text == "Attendance report"
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == [
        "Summary", "By stakeholder group", "Who came"]
    assert "Date: Tuesday 2 February 2027" in all_text(document)
    assert field_codes(document.sections[0].footer._element) == ["PAGE", "NUMPAGES"]
    assert "kept for 3 years" in document.sections[0].footer.paragraphs[0].text


@pytest.mark.parametrize("language", ["fr", "en"])
def test_written_in_the_chosen_language(tmp_path, language):
    document = _write(tmp_path, language=language)
    _ = translator(language)
    assert document.paragraphs[0].text == _("Attendance report")
    assert rows(document.tables[1])[0][0] == _("Group")
    rate = rows(document.tables[1])[-1][-1].replace("\u202f", " ").replace("\u00a0", " ")
    assert rate == {"fr": "33 %", "en": "33%"}[language]


def test_every_word_of_the_report_goes_through_the_translator(tmp_path, monkeypatch):
    monkeypatch.setattr(attendance_report_docx, "translator", lambda language: lambda text: f"«{text}»")
    document = _write(tmp_path)
    assert all(row[0].startswith("«") for row in rows(document.tables[0]))
    assert all(text.startswith("«") for text in rows(document.tables[1])[0])
    assert rows(document.tables[1])[-1][0] == "«Total»"
    assert all(text.startswith("«") for text in rows(document.tables[2])[0])
    assert all(p.text.startswith("«") for p in document.paragraphs if p.style.name in ("Title", "Heading 1"))
