"""The badge sheet: exact A4 geometry, what each badge says, its group band and a QR code of its badge code."""

import io
import math

import pytest
import qrcode
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.oxml.ns import qn
from PIL import Image
from qrcode.constants import ERROR_CORRECT_M

from tests.unit.exports.builders import GROUPS, person, reopen, shading
from workshop_desk.exports import badges_docx
from workshop_desk.exports.badges_docx import (
    QR_BOX,
    SMALLEST_NAME,
    STOCKS,
    UNBROKEN_NAME,
    fitting_size,
    line_count,
    name_size,
    text_width,
    write_badges,
)
from workshop_desk.i18n import translator

PEOPLE = [person(1, "Léa", "Moreau", 1, "Pharmacie de la Gare", role="Pharmacienne"),
          person(2, "Émile", "Étienne", 2, "Conseil départemental"),
          person(3, "Zoé 🎨", "Łukasiewicz", 3, "Habitante"),
          person(4, "Hugo", "Bernard", None, "Collectif")]


def _badge(table, index: int):  # type: ignore[no-untyped-def]
    """(band text cell, band QR cell, body text cell, body QR cell) of the index-th badge."""
    pair, slot = divmod(index, 2)
    band, body = table.rows[2 * pair].cells, table.rows[2 * pair + 1].cells
    return band[3 * slot], band[3 * slot + 1], body[3 * slot], body[3 * slot + 1]


def _write(tmp_path, people=PEOPLE, per_page=8, language="en"):  # type: ignore[no-untyped-def]
    return reopen(write_badges(tmp_path / f"badges{per_page}.docx", people, GROUPS, language, per_page))


def _mm(twips: str | None) -> float:
    return int(twips or 0) / 1440 * 25.4


@pytest.mark.parametrize("per_page", [8, 10])
def test_badges_sit_exactly_on_the_stock_grid(tmp_path, per_page):
    stock = STOCKS[per_page]
    document = _write(tmp_path, [person(n, "Léa", f"Moreau {n}") for n in range(1, per_page + 2)], per_page)
    section, table = document.sections[0], document.tables[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert section.top_margin.mm == pytest.approx(stock.top, abs=0.05)
    assert section.left_margin.mm == pytest.approx(stock.left, abs=0.05)
    widths = [_mm(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert widths[0] + widths[1] == pytest.approx(stock.width, abs=0.05)
    assert widths[2] == pytest.approx(stock.gap, abs=0.05)
    assert section.left_margin.mm + sum(widths) + section.right_margin.mm == pytest.approx(210, abs=0.1)
    heights = [row.height.mm for row in table.rows]
    assert heights[0] + heights[1] == pytest.approx(stock.height, abs=0.05)
    assert {row.height_rule for row in table.rows} == {WD_ROW_HEIGHT_RULE.EXACTLY}
    # Exactly `rows` badges fit on a page, and what is left cannot hold the next badge's band.
    room = section.page_height.mm - section.top_margin.mm - section.bottom_margin.mm
    assert math.floor(room / stock.height) == stock.rows
    assert 0.5 < room - stock.rows * stock.height < stock.band
    margins = table._tbl.tblPr.find(qn("w:tblCellMar"))
    assert {child.get(qn("w:w")) for child in margins} == {"0"}  # the text cannot push the badge edge


@pytest.mark.parametrize("per_page", [8, 10])
def test_two_badges_a_row_and_as_many_rows_as_needed(tmp_path, per_page):
    document = _write(tmp_path, [person(n, "A", f"B{n}") for n in range(1, 2 * per_page + 2)], per_page)
    assert len(document.tables[0].rows) == 2 * math.ceil((2 * per_page + 1) / 2)  # band + body per pair
    assert len(document.inline_shapes) == 2 * per_page + 1


def test_each_badge_shows_name_organisation_role_group_and_code(tmp_path):
    table = _write(tmp_path).tables[0]
    band, _band_qr, body, qr = _badge(table, 0)
    assert band.text == "Entreprises"
    assert [p.text for p in body.paragraphs] == ["Léa", "Moreau", "Pharmacie de la Gare", "Pharmacienne"]
    assert [p.style.name for p in body.paragraphs] == ["Badge Name", "Badge Name", "Badge Organisation",
                                                      "Badge Role"]
    assert qr.paragraphs[-1].text == "CODE000001"
    assert _badge(table, 2)[2].paragraphs[0].text == "Zoé 🎨"  # accents and emoji kept
    assert _badge(table, 2)[2].paragraphs[1].text == "Łukasiewicz"


def test_the_band_is_the_groups_colour_with_readable_text(tmp_path):
    table = _write(tmp_path).tables[0]
    band, band_qr, _body, _qr = _badge(table, 0)
    assert shading(band) == shading(band_qr) == "1E88E5"
    assert band.paragraphs[0].style.name == "Badge Band"  # white on blue
    light = _badge(table, 2)[0]
    assert shading(light) == "FFEB3B"
    assert light.paragraphs[0].style.name == "Badge Band Dark"  # black on yellow
    no_group = _badge(table, 3)[0]
    assert shading(no_group) is None
    assert no_group.text == ""


QR_BORDER = 4  # the standard's quiet zone, in modules


def test_the_qr_code_is_the_badge_code_pixel_for_pixel(tmp_path):
    document = _write(tmp_path)
    table = document.tables[0]
    for index, participant in enumerate(PEOPLE):
        qr_cell = _badge(table, index)[3]
        (relation,) = qr_cell._tc.xpath(".//a:blip/@r:embed")
        embedded = Image.open(io.BytesIO(document.part.related_parts[relation].blob))
        maker = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=QR_BOX, border=QR_BORDER)
        maker.add_data(participant.badge_code)
        maker.make(fit=True)
        expected = maker.make_image().get_image()
        assert embedded.size == expected.size
        assert embedded.convert("1").tobytes() == expected.convert("1").tobytes()
    assert round(document.inline_shapes[0].width.mm) == round(STOCKS[8].qr)


def test_long_names_shrink_then_wrap_at_spaces_and_hyphens(tmp_path):
    long = person(9, "Marie-Christine-Éléonore", "de La Tour d'Auvergne-Lauraguais", 1,
                  "Chambre de commerce et d'industrie territoriale de Saint-Aubin-sur-Loire et de la vallée du Cher")
    table = _write(tmp_path, [PEOPLE[0], long]).tables[0]
    short_size = _badge(table, 0)[2].paragraphs[0].runs[0].font.size.pt
    name_runs = [p.runs[0] for p in _badge(table, 1)[2].paragraphs[:2]]
    size = name_runs[0].font.size.pt
    assert short_size == STOCKS[8].name_size
    assert SMALLEST_NAME < size < short_size
    room = STOCKS[8].text_width * 0.95
    assert sum(line_count(run.text, size, room) or 99 for run in name_runs) <= 3
    organisation = _badge(table, 1)[2].paragraphs[2]
    assert organisation.runs[0].font.size.pt < 10  # three lines of organisation would not fit


def test_a_name_keeps_its_lines_whole_while_it_can():
    room = STOCKS[8].text_width
    assert name_size(["Léa", "Moreau"], room, 24) == 24
    size = name_size(["Jean-Christophe", "Dupont-Aignan"], room, 24)
    assert size >= UNBROKEN_NAME
    assert line_count("Jean-Christophe", size, room * 0.95) == 1
    assert name_size(["W" * 60], room, 24) == SMALLEST_NAME  # one word too wide: the smallest size


def test_line_count_breaks_after_spaces_and_hyphens():
    assert line_count("Jean-Marc Dupont", 10, 200) == 1
    assert line_count("Jean-Marc Dupont", 10, text_width("Jean-Marc", 10) + 0.1) == 2
    widest_word = max(text_width(word, 10) for word in ("Jean-", "Marc", "Dupont"))
    assert line_count("Jean-Marc Dupont", 10, widest_word + 0.1) == 3
    assert line_count("Incompressible", 10, 5) is None


def test_fitting_size_takes_the_largest_that_fits_or_the_smallest():
    assert fitting_size(["Léa"], 60, range(24, 9, -1)) == 24
    assert fitting_size(["W" * 200], 60, range(24, 9, -1)) == 10
    assert text_width("é", 10) == text_width("e", 10)
    assert text_width("🎨", 10) > text_width("e", 10)


def test_an_odd_count_leaves_the_last_slot_blank(tmp_path):
    table = _write(tmp_path, PEOPLE[:3]).tables[0]
    band, band_qr, body, qr = _badge(table, 3)
    assert [band.text, band_qr.text, body.text, qr.text] == ["", "", "", ""]
    assert shading(band) is None


def test_no_participant_gives_a_sentence_not_an_empty_sheet(tmp_path):
    document = _write(tmp_path, [])
    assert len(document.tables[0].rows) == 0
    assert document.paragraphs[-1].text == "No participant to print a badge for."


def test_other_sizes_are_refused(tmp_path):
    with pytest.raises(ValueError, match="8 or 10"):
        write_badges(tmp_path / "b.docx", PEOPLE, GROUPS, "en", 12)
    assert not (tmp_path / "b.docx").exists()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_written_in_the_chosen_language(tmp_path, language):
    document = _write(tmp_path, [], language=language)
    _ = translator(language)
    assert document.core_properties.title == _("Badges")
    assert document.core_properties.language == {"fr": "fr-FR", "en": "en-GB"}[language]
    assert document.paragraphs[-1].text == _("No participant to print a badge for.")


def test_every_word_on_the_sheet_goes_through_the_translator(tmp_path, monkeypatch):
    monkeypatch.setattr(badges_docx, "translator", lambda language: lambda text: f"«{text}»")
    document = _write(tmp_path, [])
    assert document.core_properties.title == "«Badges»"
    assert document.paragraphs[-1].text == "«No participant to print a badge for.»"
