"""The attendance sheet (feuille d'émargement): French practice for proof of attendance."""

import datetime as dt

import pytest
from docx.enum.section import WD_ORIENT

from tests.unit.exports.builders import (
    GROUPS,
    S,
    all_text,
    entry,
    field_codes,
    footer_text,
    is_header_row,
    person,
    programme,
    reopen,
    roster,
    rows,
    sitting,
)
from workshop_desk.exports import attendance_docx
from workshop_desk.exports.attendance_docx import ROW_HEIGHT, HalfDay, half_days, write_attendance_sheet
from workshop_desk.i18n import translator

T = dt.time


def _write(tmp_path, language="en", **sitting_fields):  # type: ignore[no-untyped-def]
    path = write_attendance_sheet(tmp_path / "sheet.docx", programme(), sitting(**sitting_fields), roster(), GROUPS,
                                  language)
    return reopen(path)


@pytest.mark.parametrize(("start", "end", "expected"), [
    (T(9, 0), T(17, 0), (HalfDay.MORNING, HalfDay.AFTERNOON)),
    (T(12, 30), T(13, 30), (HalfDay.MORNING, HalfDay.AFTERNOON)),
    (T(8, 0), T(10, 0), (HalfDay.MORNING,)),
    (T(9, 0), T(13, 0), (HalfDay.MORNING,)),
    (T(13, 0), T(16, 30), (HalfDay.AFTERNOON,)),
    (T(18, 0), None, (HalfDay.AFTERNOON,)),
    (None, T(12, 0), (HalfDay.MORNING,)),
    (None, None, (HalfDay.WHOLE,)),
])
def test_one_signature_per_half_day_split_at_13_00(start, end, expected):
    assert half_days(sitting(start=start, end=end)) == expected


def test_one_row_per_expected_participant_sorted_by_name_accents_ignored(tmp_path):
    table = _write(tmp_path).tables[1]
    body = rows(table)[1:]
    assert [row[1] for row in body] == ["Abadie Inès", "Bernard Hugo", "Dupont Zoé", "Étienne Émile", "Moreau Léa"]
    assert body[0] == ["1", "Abadie Inès", "Régie de quartier", "Habitants", ""]
    assert body[1] == ["2", "Bernard Hugo", "Collectif", "", ""]  # no group
    assert "Fabre Ana" not in all_text(_write(tmp_path))  # excused, and absent, are not expected


def test_the_header_row_repeats_on_every_page_and_rows_never_split(tmp_path):
    table = _write(tmp_path).tables[1]
    assert is_header_row(table.rows[0])
    assert not any(is_header_row(row) for row in table.rows[1:])
    assert all(row._tr.trPr.find("{*}cantSplit") is not None for row in table.rows)
    assert all(row.height.mm == pytest.approx(ROW_HEIGHT, abs=0.05) for row in table.rows[1:])
    assert table.style.name == "Table Grid"


def test_an_afternoon_sitting_has_one_signature_column_in_portrait(tmp_path):
    document = _write(tmp_path)
    header = rows(document.tables[1])[0]
    assert header == ["No.", "Name", "Organisation", "Group", "Signature (afternoon)"]
    assert document.sections[0].orientation == WD_ORIENT.PORTRAIT
    assert rows(document.tables[0])[0][1].startswith("Facilitator's signature (afternoon)")


def test_a_day_long_sitting_has_a_morning_and_an_afternoon_signature_in_landscape(tmp_path):
    document = _write(tmp_path, start=T(9, 0), end=T(17, 0))
    header = rows(document.tables[1])[0]
    assert header[-2:] == ["Signature (morning)", "Signature (afternoon)"]
    assert all(len(row) == 6 for row in rows(document.tables[1]))
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    boxes = rows(document.tables[0])[0][1:]
    assert boxes == ["Facilitator's signature (morning)", "Facilitator's signature (afternoon)"]


def test_unknown_times_give_one_signature(tmp_path):
    assert rows(_write(tmp_path, start=None, end=None).tables[1])[0][-1] == "Signature"


def test_the_heading_says_programme_sitting_date_times_venue_and_facilitators(tmp_path):
    document = _write(tmp_path)
    assert document.paragraphs[0].text == "Attendance sheet"
    assert document.paragraphs[0].style.name == "Title"
    details = document.tables[0].rows[0].cells[0]
    assert [p.text for p in details.paragraphs] == [
        "Programme: Plan économique du quartier Gare-Confluence", "Sitting: Atelier santé",
        "Date: Tuesday 2 February 2027", "Times: 14:00 – 16:30", "Venue: Pépinière Confluence",
        "Facilitators: Claire Vasseur, Julien Ombredane", "Expected participants: 5"]
    assert details.paragraphs[0].runs[0].style.name == "Field Label"
    header = document.sections[0].header.paragraphs[0].text
    assert header == "Plan économique du quartier Gare-Confluence · Atelier santé · Tuesday 2 February 2027"


def test_a_page_of_blank_numbered_rows_for_walk_ins(tmp_path):
    document = _write(tmp_path)
    title = next(p for p in document.paragraphs if p.text == "Walk-ins")
    assert title.style.name == "Heading 1"
    assert title.paragraph_format.page_break_before
    table = document.tables[2]
    assert is_header_row(table.rows[0])
    blank = rows(table)[1:]
    assert [row[0] for row in blank] == [str(n) for n in range(6, 6 + len(blank))]  # numbering goes on
    assert all(cell == "" for row in blank for cell in row[1:])
    section = document.sections[0]
    room = section.page_height.mm - section.top_margin.mm - section.bottom_margin.mm
    assert len(blank) >= 15
    assert 25 + len(blank) * (ROW_HEIGHT + 0.2) <= room  # title, sentence, header and rows: one page


def test_the_privacy_notice_is_in_small_print_on_every_page_with_page_x_of_y(tmp_path):
    document = _write(tmp_path)
    footer = document.sections[0].footer
    assert footer.paragraphs[0].style.name == "Small Print"
    assert "They are kept for 3 years, then deleted." in footer.paragraphs[0].text
    assert field_codes(footer._element) == ["PAGE", "NUMPAGES"]
    assert footer.paragraphs[-1].text == "Page 1 of 1"
    assert footer.paragraphs[-1].style.name == "Footer"


def test_the_programmes_own_notice_with_its_retention(tmp_path):
    own = programme(privacy_notice="Données gardées {years} ans par la Ville.", retention_years=5)
    path = write_attendance_sheet(tmp_path / "s.docx", own, sitting(), roster(), GROUPS, "fr")
    assert footer_text(reopen(path)).startswith("Données gardées 5 ans par la Ville.")


def test_an_anonymised_record_is_marked_so(tmp_path):
    ghost = entry(person(8, "", "", 1, anonymised=True), S.REGISTERED)
    path = write_attendance_sheet(tmp_path / "s.docx", programme(), sitting(), [ghost], GROUPS, "en")
    assert rows(reopen(path).tables[1])[1][1] == "(anonymised)"


def test_nobody_expected_still_gives_the_header_and_the_walk_in_page(tmp_path):
    path = write_attendance_sheet(tmp_path / "s.docx", programme(), sitting(), [], GROUPS, "en")
    document = reopen(path)
    assert len(document.tables[1].rows) == 1
    assert len(document.tables[2].rows) > 10


@pytest.mark.parametrize("language", ["fr", "en"])
def test_written_in_the_chosen_language(tmp_path, language):
    document = _write(tmp_path, language)
    _ = translator(language)
    assert document.paragraphs[0].text == _("Attendance sheet")
    assert rows(document.tables[1])[0][:2] == [_("No."), _("Name")]
    assert document.core_properties.language == {"fr": "fr-FR", "en": "en-GB"}[language]
    day = {"fr": "mardi 2 février 2027", "en": "Tuesday 2 February 2027"}[language]
    assert day in all_text(document)


def test_every_word_on_the_sheet_goes_through_the_translator(tmp_path, monkeypatch):
    monkeypatch.setattr(attendance_docx, "translator", lambda language: lambda text: f"«{text}»")
    document = _write(tmp_path, start=T(9, 0), end=T(17, 0))
    assert all(text.startswith("«") for text in rows(document.tables[1])[0])
    assert all(text.startswith("«") for text in rows(document.tables[0])[0][1:])
    labels = [p.runs[0].text for p in document.tables[0].rows[0].cells[0].paragraphs]
    assert all(label.startswith("«") for label in labels)
    assert document.paragraphs[0].text.startswith("«")
    assert footer_text(document).startswith("«")  # the default notice, and "Page {page} of {pages}"
    assert document.sections[0].footer.paragraphs[-1].text.startswith("«Page")
