"""Every Word document the app writes, laid out by LibreOffice as the client may open it, then read back as text.

The demo programme's minutes (the whole programme, and a sitting of each kind), its attendance sheet and report, table
lists, route cards and badges, in French and in English, and three made-up minutes that stress the layout (a
sitting that has not happened yet, a 200-idea sitting, emoji and 300-character texts), are converted to PDF in one
LibreOffice run. Then: every text the file holds is on a page (no row lost at a page break), every priority, option
and action title is there, no template sentence of the other language, the programme's contents give each chapter
its true page, and no page is blank or ends on a heading."""

import dataclasses
import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.integration.laid_out import (
    PDFTOTEXT,
    SOFFICE,
    contents,
    headings,
    layout_faults,
    missing,
    pages,
    pdf_text,
    starts_with,
    to_pdfs,
    written_texts,
)
from tests.unit.exports.builders import reopen
from tests.unit.exports.report_builders import ACTIONS, PRIORITIES, logo_png, report, sitting_report
from workshop_desk.domain.ideas import Idea
from workshop_desk.domain.report import ProgrammeReport, ReportOptions
from workshop_desk.exports.minutes_docx import write_minutes
from workshop_desk.services import deliverables, documents
from workshop_desk.services.demo import build_demo
from workshop_desk.services.workspace import Workspace

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(SOFFICE is None or PDFTOTEXT is None,
                                 reason="LibreOffice (soffice) or pdftotext (poppler-utils) is not installed")]

LANGUAGES = ("fr", "en")
TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "fr.po"
LONG = ("Réhabiliter les cellules commerciales vacantes de la rue des Tanneurs pour y installer des artisans d'art, "
        "avec des loyers progressifs la première année, un accompagnement de la chambre de métiers, une vitrine "
        "commune sur la place de la Gare et un atelier partagé de fabrication ouvert aux jeunes du quartier.")[:300]
EMOJI = "Un café 🙂 pour tous ☕ — idées 💡 du quartier"


@dataclass(frozen=True)
class Written:
    """A document written for these tests: what it is, its language, the titles it must show."""

    name: str
    language: str
    path: Path
    titles: tuple[str, ...] = ()
    data: str = ""  # every text the file's data holds (the demo's data is French whatever the document's language)
    programme: bool = False


def _titles(report: ProgrammeReport) -> tuple[str, ...]:
    """Every priority, vote option and action title that the report holds."""
    found = [p.title for s in report.sittings for p in s.priorities]
    found += [o.label for s in report.sittings for b in s.ballots for o in b.ballot.options]
    found += [a.title for a in report.actions]
    return tuple(dict.fromkeys(t for t in found if t.strip()))


def _data(found: object) -> str:
    """Every text in `found` (a report and what it holds), one a line."""
    texts: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            texts.add(" ".join(value.split()))
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for field in dataclasses.fields(value):
                walk(getattr(value, field.name))
        elif isinstance(value, tuple | list | set | frozenset):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)

    walk(found)
    return "\n".join(sorted(texts))


def _demo_documents(workspace: Workspace, folder: Path, language: str) -> list[Written]:
    written = []
    whole = deliverables.programme_report(workspace, with_votes=False)
    data = _data(whole)
    path = write_minutes(folder / f"programme-{language}.docx", whole, language, ReportOptions())
    written.append(Written("programme report", language, path, _titles(whole), data, programme=True))
    for found in {s.sitting.kind: s for s in reversed(whole.sittings)}.values():  # the first sitting of each kind
        one = deliverables.programme_report(workspace, found.sitting.id, with_votes=False)
        path = write_minutes(folder / f"minutes-{found.sitting.id}-{language}.docx", one, language, ReportOptions())
        written.append(Written(f"minutes of {found.sitting.title}", language, path, _titles(one), data))
    signed = next(s.sitting.id for s in whole.sittings if any(e.attendance for e in s.roster))
    planned = next(s.sitting.id for s in whole.sittings if workspace.room_tables.saved_plan(s.sitting.id))
    for name, write in (
            ("attendance sheet", lambda p: documents.export_attendance_sheet(workspace, signed, p, language)),
            ("attendance report", lambda p: documents.export_attendance_report(workspace, signed, p, language)),
            ("table lists", lambda p: documents.export_table_lists(workspace, planned, p, language)),
            ("route cards", lambda p: documents.export_route_cards(workspace, planned, p, language)),
            ("badges", lambda p: documents.export_badges(workspace, p, language))):
        written.append(Written(name, language, write(folder / f"{name.replace(' ', '-')}-{language}.docx"), (), data))
    return written


def _stressing(folder: Path, language: str) -> list[Written]:
    """A sitting not held yet, a sitting of 200 ideas, and texts of emoji and of 300 characters."""
    fresh = replace(report(logo_png()), sittings=(replace(sitting_report(), items=(), roster=(), ideas=(), themes=(),
                                                          questions=(), turns=(), rounds=(), tables=(), ballots=(),
                                                          priorities=(), actions=()),), actions=())
    base = sitting_report()
    many = tuple(Idea(1000 + n, 2, f"Idée n° {n} : {'des locaux partagés' if n % 2 else 'un parcours de stages'}",
                      agenda_item_id=12, theme_id=(20, 21, None)[n % 3], table_id=40 + n % 2) for n in range(200))
    crowded = replace(report(), sittings=(replace(base, ideas=many),))
    priorities = (replace(PRIORITIES[0], title=EMOJI), replace(PRIORITIES[1], title=LONG))
    actions = (replace(ACTIONS[0], title=LONG, description=EMOJI), ACTIONS[1])
    ideas = (*base.ideas, Idea(40, 2, LONG, agenda_item_id=12, theme_id=20), Idea(41, 2, EMOJI, agenda_item_id=12))
    programme = replace(report().programme, title=f"{EMOJI} {LONG[:80]}", logo=logo_png())
    odd = replace(report(), programme=programme, sittings=(replace(base, ideas=ideas, priorities=priorities,
                                                                   actions=actions),), actions=actions)
    written = []
    for name, made in (("fresh sitting", fresh), ("200 ideas", crowded), ("emoji and long texts", odd)):
        path = write_minutes(folder / f"{name.replace(' ', '-')}-{language}.docx", made, language, ReportOptions())
        written.append(Written(name, language, path, _titles(made), _data(made)))
    return written


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory) -> list[tuple[Written, Path]]:
    """Each document written and the PDF LibreOffice made of it (all converted in one run)."""
    folder = tmp_path_factory.mktemp("laid-out")
    workspace = build_demo(folder / "démo.wdesk", folder / "backups")
    try:
        written = [w for language in LANGUAGES for w in _demo_documents(workspace, folder, language)]
    finally:
        workspace.database.close()
    written += [w for language in LANGUAGES for w in _stressing(folder, language)]
    pdfs = to_pdfs([w.path for w in written], folder)
    return list(zip(written, pdfs, strict=True))


def test_every_text_written_is_on_a_page(laid_out):
    """Nothing is lost at a page break: every paragraph and table cell of the .docx is in the PDF."""
    lost = {f"{w.name} ({w.language})": missing(written_texts(reopen(w.path)), pdf) for w, pdf in laid_out}
    assert {name: texts for name, texts in lost.items() if texts} == {}


def test_every_priority_option_and_action_is_there(laid_out):
    checked = [(w, pdf) for w, pdf in laid_out if w.titles]
    assert len(checked) >= 10
    lost = {f"{w.name} ({w.language})": missing(w.titles, pdf) for w, pdf in checked}
    assert {name: titles for name, titles in lost.items() if titles} == {}


def test_no_template_sentence_of_the_other_language(laid_out):
    """No sentence of the app's own in the other language (the data's own words, French in the demo, may be)."""
    found = {}
    for w, pdf in laid_out:
        text = " ".join(pdf_text(pdf, layout=False).split())
        other = [phrase for phrase in _template_phrases("en" if w.language == "fr" else "fr")
                 if phrase in text and phrase not in w.data]
        if other:
            found[f"{w.name} ({w.language})"] = other
    assert found == {}


def test_the_programme_contents_give_each_chapter_its_page(laid_out):
    for w, pdf in laid_out:
        if not w.programme:
            continue
        found = pages(pdf, _running_header(w.path))
        entries = contents(found[0])
        assert len(entries) >= 8, found[0].lines  # the demo's eight sittings, at least
        for title, page in entries:
            assert 1 < page <= len(found), (title, page)
            assert starts_with(found[page - 1], title), (w.language, title, page, found[page - 1].lines[:2])


def test_short_minutes_have_no_contents_and_start_on_the_first_page(laid_out):
    for w, pdf in laid_out:
        if w.name.startswith("minutes of"):
            first = pages(pdf, _running_header(w.path))[0]
            assert not contents(first)
            assert len(first.lines) > 12, (w.name, first.lines)  # the sections follow the title block


def test_no_blank_page_no_lone_heading_no_heading_at_the_foot_of_a_page(laid_out):
    faults = {}
    for w, pdf in laid_out:
        document = reopen(w.path)
        found = layout_faults(pages(pdf, _running_header(w.path)), headings(document))
        if found:
            faults[f"{w.name} ({w.language})"] = found
    assert faults == {}


def _running_header(path: Path) -> str:
    return reopen(path).sections[0].header.paragraphs[0].text.strip()


@cache
def _template_phrases(language: str) -> tuple[str, ...]:
    """Sentences the documents' templates hold in `language` and not in the other one: each message's literal
    parts of at least two words and 12 characters (the placeholders cut out), where the two languages differ."""
    with TRANSLATIONS.open("rb") as stream:
        catalog = read_po(stream, locale="fr")
    phrases = set()
    for message in catalog:
        if not message.id or not message.string or not any(
                place.startswith(("exports/", "domain/")) for place, _line in message.locations):
            continue
        english = message.id if isinstance(message.id, str) else message.id[0]
        french = message.string if isinstance(message.string, str) else message.string[0]
        own, other = (english, french) if language == "en" else (french, english)
        for part in re.split(r"\{[^}]*\}|%\(\w+\)[sd]|%[sd]|\n", own):
            part = " ".join(part.split()).strip(" :.,;—–-()«»\"“”")
            if len(part) >= 12 and " " in part and part not in other:
                phrases.add(part)
    return tuple(sorted(phrases))
