"""What every Word document the app writes shares: true properties, the current Word format, rows kept whole under
repeated header rows, headings kept with what follows, and the client's logo."""

import datetime as dt
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx.document import Document
from docx.oxml.ns import qn

from tests.unit.exports.builders import GROUPS, compatibility_mode, person, programme, reopen, roster, sitting
from tests.unit.exports.report_builders import logo_png, programme_report, report
from tests.unit.exports.test_tables_docx import PEOPLE, _plan
from workshop_desk.domain.report import ReportOptions
from workshop_desk.exports.attendance_docx import write_attendance_sheet
from workshop_desk.exports.attendance_report_docx import write_attendance_report
from workshop_desk.exports.badges_docx import write_badges
from workshop_desk.exports.minutes_docx import write_minutes
from workshop_desk.exports.tables_docx import write_route_cards, write_table_lists

LOGO = logo_png()
CLIENT = programme(logo=LOGO)
FACILITATORS = "Claire Vasseur; Julien Ombredane"
Writer = Callable[[Path, str], Path]
WRITERS: dict[str, tuple[Writer, str, str]] = {  # name: (writer, title in English, author)
    "minutes": (lambda path, lang: write_minutes(path, report(logo=LOGO), lang, ReportOptions()),
                "Minutes — Atelier santé", FACILITATORS),
    "programme report": (lambda path, lang: write_minutes(path, _with_logo(programme_report()), lang, ReportOptions()),
                         "Programme report — Plan économique du quartier Gare-Confluence", FACILITATORS),
    "attendance sheet": (lambda path, lang: write_attendance_sheet(path, CLIENT, sitting(), roster(), GROUPS, lang),
                         "Attendance sheet — Atelier santé", FACILITATORS),
    "attendance report": (lambda path, lang: write_attendance_report(path, CLIENT, sitting(), roster(), GROUPS, lang),
                          "Attendance report — Atelier santé", FACILITATORS),
    "badges": (lambda path, lang: write_badges(path, [person(n, "Léa", f"Moreau {n}") for n in range(1, 4)], GROUPS,
                                               lang, 8, CLIENT),
               "Badges — Plan économique du quartier Gare-Confluence", "Ville de Saint-Aubin"),
    "table lists": (lambda path, lang: write_table_lists(path, CLIENT, sitting(), _plan(), PEOPLE, GROUPS, lang),
                    "Table lists — Atelier santé", FACILITATORS),
    "route cards": (lambda path, lang: write_route_cards(path, CLIENT, sitting(), _plan(), PEOPLE, GROUPS, lang),
                    "Route cards — Atelier santé", FACILITATORS),
}


def _with_logo(found):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    return replace(found, programme=replace(found.programme, logo=LOGO))


def _write(tmp_path: Path, name: str, language: str = "en") -> tuple[Path, Document]:
    path = WRITERS[name][0](tmp_path / f"{name}.docx", language)
    return path, reopen(path)


@pytest.mark.parametrize("name", WRITERS)
def test_the_properties_are_true(tmp_path, name):
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    path, document = _write(tmp_path, name, "fr" if name == "badges" else "en")
    properties = document.core_properties
    _writer, title, author = WRITERS[name]
    if name == "badges":
        assert properties.title == "Badges — Plan économique du quartier Gare-Confluence"
        assert properties.language == "fr-FR"
    else:
        assert properties.title == title
        assert properties.language == "en-GB"
    assert properties.subject == "Plan économique du quartier Gare-Confluence"
    assert properties.author == properties.last_modified_by == author
    if name not in ("minutes", "programme report"):  # those are dated by their report
        assert before <= properties.created == properties.modified <= dt.datetime.now(dt.UTC)
    assert properties.comments == "" and properties.revision == 1
    assert compatibility_mode(document) == "15"
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        application = package.read("docProps/app.xml").decode()
    assert not any("thumbnail" in name for name in names)  # not the template's preview of another document
    assert "<Application>Workshop Desk" in application and "Macintosh" not in application


@pytest.mark.parametrize("name", WRITERS)
def test_rows_are_kept_whole_and_header_rows_repeat(tmp_path, name):
    _path, document = _write(tmp_path, name)
    rows = [row for table in document.tables for row in table.rows]
    assert rows
    for row in rows:
        tr_pr = row._tr.trPr
        assert tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is not None
    for table in document.tables:
        first = table.rows[0]
        styles = {p.style.name for cell in first.cells for p in cell.paragraphs if p.style is not None}
        if styles == {"Table Heading"} and len(table.rows) > 1:  # a header row over data rows
            assert first._tr.trPr.find(qn("w:tblHeader")) is not None
            assert all(p.paragraph_format.keep_with_next for cell in first.cells for p in cell.paragraphs)


@pytest.mark.parametrize("name", WRITERS)
def test_headings_stay_with_what_follows(tmp_path, name):
    _path, document = _write(tmp_path, name)
    for style in ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "TOC Heading"):
        assert document.styles[style].paragraph_format.keep_with_next, style


@pytest.mark.parametrize("name", WRITERS)
def test_the_clients_logo_is_there(tmp_path, name):
    _path, document = _write(tmp_path, name)
    parts = {rel.target_part.blob for part in (document.part, *(s.header.part for s in document.sections))
             for rel in part.rels.values() if rel.reltype.endswith("/image")}
    assert LOGO in parts
    if name in ("attendance sheet", "attendance report", "table lists"):  # in the header, on every page
        header = document.sections[0].header
        assert header.paragraphs[0]._p.xpath(".//pic:pic")
    if name == "badges":  # on each badge, stored once
        assert sum(1 for shape in document.inline_shapes) == 3 * 2  # a QR code and the logo on each badge
    if name == "route cards":
        logos = [p for table in document.tables for row in table.rows for cell in row.cells
                 for p in cell.paragraphs[:1] if p._p.xpath(".//pic:pic")]
        assert len(logos) == len([c for t in document.tables for r in t.rows for c in r.cells if c.text.strip()])


@pytest.mark.parametrize("name", WRITERS)
def test_an_svg_or_damaged_logo_is_left_out(tmp_path, name, monkeypatch):
    import tests.unit.exports.test_every_document as module

    for bad in (b"<svg xmlns='http://www.w3.org/2000/svg'/>", LOGO[:40]):
        monkeypatch.setattr(module, "LOGO", bad)
        monkeypatch.setattr(module, "CLIENT", programme(logo=bad))
        path = {**module.WRITERS}[name][0]  # the lambdas read the module's LOGO and CLIENT when called
        document = reopen(path(tmp_path / f"{name}.docx", "en"))
        blobs = {rel.target_part.blob for part in (document.part, *(s.header.part for s in document.sections))
                 for rel in part.rels.values() if rel.reltype.endswith("/image")}
        assert bad not in blobs


@pytest.mark.parametrize("name", WRITERS)
def test_every_picture_is_found_by_its_own_part(tmp_path, name):
    """A picture refers to its image through the relations of the part it is drawn in (a header's own)."""
    path, document = _write(tmp_path, name)
    stories = [document.part, *(section.header.part for section in document.sections)]
    for part in stories:
        for embed in part.element.xpath(".//a:blip/@r:embed"):
            assert part.rels[embed].reltype.endswith("/image")
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
    assert len(names) == len(set(names))  # no two parts under one name
    ids = [int(i) for part in stories for i in part.element.xpath(".//wp:docPr/@id")]
    assert len(ids) == len(set(ids))  # Word refuses a file whose drawings share an id


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("name", WRITERS)
def test_the_styles_and_properties_speak_the_documents_language(tmp_path, name, language):
    """Word's spelling check and LibreOffice's hyphenation follow the styles' language: the document's own."""
    path = WRITERS[name][0](tmp_path / f"{name}.docx", language)
    document = reopen(path)
    locale = {"fr": "fr-FR", "en": "en-GB"}[language]
    assert document.core_properties.language == locale
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert {e.get(qn("w:val")) for e in defaults.iter(qn("w:lang"))} == {locale}
    assert not [e for e in document.styles.element.iter(qn("w:lang")) if e.get(qn("w:val")) not in (None, locale)]
