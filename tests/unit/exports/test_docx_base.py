"""The shared document helpers: page setup, styles, fields, table properties, atomic save."""

import os

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from tests.unit.exports.builders import field_codes, reopen, shading
from workshop_desk.exports import docx_base as base
from workshop_desk.exports import docx_fields


def test_a_new_document_is_a4_with_our_margins_font_and_language(tmp_path):
    page = base.PageSetup(landscape=True, top=18, bottom=25, left=12, right=14)
    document = base.new_document("fr", "Feuille", page)
    section = reopen(base.save_atomically(document, tmp_path / "a.docx")).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                  section.right_margin)] == [18, 25, 12, 14]
    written = reopen(tmp_path / "a.docx")
    assert written.core_properties.language == "fr-FR"
    assert written.core_properties.title == "Feuille"
    assert written.styles["Normal"].font.name == base.FONT
    (lang,) = written.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang")
    assert lang.get(qn("w:val")) == "fr-FR"


def test_page_setup_widths():
    assert base.PageSetup().text_width == pytest.approx(180)
    assert base.PageSetup(landscape=True).text_width == pytest.approx(267)


def test_page_x_of_y_puts_live_fields_where_the_translation_places_them():
    document = docx.Document()
    paragraph = document.add_paragraph()
    docx_fields.page_x_of_y(paragraph, "Page {page} sur {pages}")
    assert field_codes(paragraph._p) == ["PAGE", "NUMPAGES"]
    assert paragraph.text == "Page 1 sur 1"  # what shows until the fields are updated


def test_clean_keeps_accents_and_emoji_and_drops_what_xml_cannot_hold():
    assert base.clean("Zoé 🎨 Łukasiewicz\x00\x07\x1b") == "Zoé 🎨 Łukasiewicz"
    document = docx.Document()
    document.add_paragraph(base.clean("bell\x07"))  # would raise without clean()


def test_table_properties_follow_the_schema_order():
    document = docx.Document()
    table = base.new_table(document, [20, 30])
    row = table.add_row()
    base.set_height(row, 10, exact=True)
    base.repeat_as_header(row)
    base.keep_together(row)
    cell = row.cells[0]
    base.shade(cell, "#1e88e5")
    base.set_borders(cell, ("top",))  # set after the shading, written before it
    assert [child.tag for child in row._tr.trPr] == [qn("w:cantSplit"), qn("w:trHeight"), qn("w:tblHeader")]
    tags = [child.tag for child in cell._tc.tcPr]
    assert tags.index(qn("w:tcBorders")) < tags.index(qn("w:shd"))
    assert shading(cell) == "1E88E5"
    assert [round(cell.width.mm) for cell in row.cells] == [20, 30]  # add_row copied the grid widths
    assert table._tbl.tblPr.find(qn("w:tblW")).get(qn("w:w")) == str(round(Mm(50).twips))


def test_pictures_get_distinct_parts_and_ids(tmp_path):
    from workshop_desk.exports.badges_docx import qr_png

    document = docx.Document()
    pictures = base.Pictures(document)
    for code in ("AAAA", "BBBB", "AAAA"):
        pictures.add(document.add_paragraph(), qr_png(code), 20)
    written = reopen(base.save_atomically(document, tmp_path / "p.docx"))
    ids = [int(v) for v in written.element.body.xpath(".//wp:docPr/@id")]
    assert len(set(ids)) == 3
    assert len(written.inline_shapes) == 3
    assert round(written.inline_shapes[0].width.mm) == 20


def test_saving_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "sheet.docx"
    target.write_bytes(b"old")
    base.save_atomically(docx.Document(), target)
    assert target.read_bytes()[:2] == b"PK"
    assert os.listdir(tmp_path) == ["sheet.docx"]


class _Crashing:
    """A document whose writing fails half-way, as a full disk would make it."""

    def save(self, stream):  # type: ignore[no-untyped-def]
        stream.write(b"PK half a document")
        raise OSError(28, "No space left on device")


def test_a_failed_save_keeps_the_previous_file_and_removes_the_temporary(tmp_path):
    target = tmp_path / "sheet.docx"
    target.write_bytes(b"the previous sheet")
    with pytest.raises(OSError, match="No space left"):
        base.save_atomically(_Crashing(), target)  # type: ignore[arg-type]
    assert target.read_bytes() == b"the previous sheet"
    assert os.listdir(tmp_path) == ["sheet.docx"]


def test_a_missing_folder_is_an_oserror(tmp_path):
    with pytest.raises(FileNotFoundError):
        base.save_atomically(docx.Document(), tmp_path / "absent" / "sheet.docx")


def test_dates_and_times_in_the_documents_language():
    import datetime as dt

    from tests.unit.exports.builders import sitting

    day = dt.date(2027, 1, 26)
    assert base.long_date(day, "fr") == "mardi 26 janvier 2027"
    assert base.long_date(day, "en") == "Tuesday 26 January 2027"  # one date format in English
    assert base.long_date(None, "fr") == ""
    assert base.times(sitting(), "en") == "14:00 – 16:30"
    assert base.times(sitting(), "fr") == "14\xa0h\xa000 – 16\xa0h\xa030"
    assert base.times(sitting(end=None), "en") == "14:00"
