"""Table lists (an overview per round, then a poster per table and round) and route cards, read back."""

import pytest
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.oxml.ns import qn
from docx.table import Table, _Cell

from tests.unit.exports.builders import GROUPS, field_codes, person, programme, reopen, sitting
from workshop_desk.domain.table_plan import PlanQuality, RoomTable, SittingPlan, TablePlan
from workshop_desk.exports import tables_docx
from workshop_desk.exports.tables_docx import CARD_ROWS, card_height, write_route_cards, write_table_lists
from workshop_desk.i18n import translator

PEOPLE = {p.id: p for p in [
    person(1, "Léa", "Moreau", 1, "Pharmacie de la Gare"),
    person(2, "Émile", "Étienne", 2, "Conseil départemental"),
    person(3, "Zoé 🎨", "Dupont", 3, "Habitante"),
    person(4, "Hugo", "Bernard", None, "Collectif"),
    person(5, "Ana", "Fabre", 1, "Atelier Verre"),
    person(6, "Paul", "Garnier", 2, "Mairie"),
    person(7, "Inès", "Abadie", 3, "Régie de quartier"),
]}
TABLES = (RoomTable(10, 2, "Table 1", "Santé", capacity=4, host_id=1, rapporteur_id=4),
          RoomTable(20, 2, "Table 2", "Mobilité 🚲\x07", capacity=4, rapporteur_id=6),
          RoomTable(30, 2, "Table 3", "", capacity=4))
# Léa hosts Table 1 and stays there; Table 3 is empty in round 1; Paul (6) is not seated in round 2.
ROUNDS = ({10: (1, 2, 3), 20: (4, 5, 6, 7), 30: ()},
          {10: (1, 4, 7), 20: (2, 3), 30: (5,)})


def _plan(rounds=ROUNDS, tables=TABLES) -> SittingPlan:  # type: ignore[no-untyped-def]
    return SittingPlan(2, tables, TablePlan(tuple(rounds)), PlanQuality(0, 1.0), {1: 10})


def _lists(tmp_path, language="en", plan=None):  # type: ignore[no-untyped-def]
    path = tmp_path / f"lists {language}.docx"
    return reopen(write_table_lists(path, programme(), sitting(), plan or _plan(), PEOPLE, GROUPS, language))


def _cards(tmp_path, language="en", per_page=8, people=PEOPLE):  # type: ignore[no-untyped-def]
    path = tmp_path / f"cards {language}.docx"
    return reopen(write_route_cards(path, programme(), sitting(), _plan(), people, GROUPS, language, per_page))


def _cells(table: Table) -> list[list[str]]:
    """Each row's cells as written (a spanned cell once), through the XML: linear, unlike `table.cell`."""
    return [[_Cell(tc, table).text for tc in row._tr.tc_lst] for row in table.rows]


def _overview(table: Table) -> dict[str, list[list[str]]]:
    """Table label → its people's rows (name, organisation, group), from a round's overview table."""
    blocks: dict[str, list[list[str]]] = {}
    labels: list[str] = []
    for row, texts in zip(table.rows, _cells(table), strict=True):
        if row._tr.tc_lst[0].grid_span == 3:  # a band's head: a table's label over its three columns, or two
            labels = [_Cell(tc, table).text for tc in row._tr.tc_lst if tc.grid_span == 3]
            blocks.update({label: [] for label in labels})
        elif any(texts):
            for slot, label in enumerate(labels):
                if any(texts[4 * slot:4 * slot + 3]):
                    blocks[label].append(texts[4 * slot:4 * slot + 3])
    return blocks


def _posters(document) -> list[tuple[str, str, list[str]]]:  # type: ignore[no-untyped-def]
    """(round line, table name, names) of each poster page, in order."""
    posters: list[tuple[str, str, list[str]]] = []
    for paragraph in document.paragraphs:
        style = paragraph.style.name
        if style == "Poster Round":
            assert paragraph.paragraph_format.page_break_before
            posters.append((paragraph.text, "", []))
        elif style == "Poster Table":
            posters[-1] = (posters[-1][0], paragraph.text, [])
        elif style == "Poster Name":
            posters[-1][2].append(paragraph.text)
    return posters


def _card_texts(document) -> list[str]:  # type: ignore[no-untyped-def]
    return [text.replace("\t", " ") for row in _cells(document.tables[0]) for text in row if text]


# --- Table lists -----------------------------------------------------------------------------------

def test_one_overview_per_round_each_on_its_own_page(tmp_path):
    document = _lists(tmp_path)
    headings = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    assert [p.text for p in headings] == ["Round 1 of 2", "Round 2 of 2"]
    assert [bool(p.paragraph_format.page_break_before) for p in headings] == [False, True]
    assert len(document.tables) == 2
    assert len(document.tables[0].columns) == 3  # few people: one table block a row, each person on one line
    assert document.paragraphs[0].text == "Table lists"
    assert "one page per table and round" in document.paragraphs[2].text  # the note says what follows


def test_every_person_appears_once_per_round_at_their_table_by_name(tmp_path):
    document = _lists(tmp_path)
    for table, seating in zip(document.tables, ROUNDS, strict=True):
        blocks = _overview(table)
        assert list(blocks) == ["Table 1 — Santé", "Table 2 — Mobilité 🚲", "Table 3"]
        names = [row[0].split(" (")[0] for rows in blocks.values() for row in rows if row[0] != "—"]
        seated = [p for people in seating.values() for p in people]
        assert sorted(names) == sorted(PEOPLE[p].sort_name for p in seated)
        assert len(names) == len(set(names))
    round_1 = _overview(document.tables[0])
    assert round_1["Table 1 — Santé"] == [["Dupont Zoé 🎨", "Habitante", "Habitants"],
                                         ["Étienne Émile", "Conseil départemental", "Élus"],  # É among the E
                                         ["Moreau Léa (host)", "Pharmacie de la Gare", "Entreprises"]]
    assert round_1["Table 3"] == [["—", "", ""]]  # nobody there this round, said so
    assert ["Garnier Paul (rapporteur)", "Mairie", "Élus"] in round_1["Table 2 — Mobilité 🚲"]


def test_host_and_rapporteur_are_marked_where_they_sit(tmp_path):
    round_2 = _overview(_lists(tmp_path).tables[1])
    assert [row[0] for row in round_2["Table 1 — Santé"]] == ["Abadie Inès", "Bernard Hugo (rapporteur)",
                                                              "Moreau Léa (host)"]
    assert [row[0] for row in round_2["Table 2 — Mobilité 🚲"]] == ["Dupont Zoé 🎨", "Étienne Émile"]


def test_a_poster_page_per_table_and_round_with_its_people(tmp_path):
    posters = _posters(_lists(tmp_path))
    assert [(line, table) for line, table, _names in posters] == [
        ("Round 1 of 2", "Table 1"), ("Round 1 of 2", "Table 2"),  # Table 3 is empty in round 1: no page
        ("Round 2 of 2", "Table 1"), ("Round 2 of 2", "Table 2"), ("Round 2 of 2", "Table 3")]
    assert posters[0][2] == ["Dupont Zoé 🎨", "Étienne Émile", "Moreau Léa (host)"]
    assert posters[4][2] == ["Fabre Ana"]


def test_posters_set_the_table_name_very_large_and_the_theme_below(tmp_path):
    document = _lists(tmp_path)
    names = [p for p in document.paragraphs if p.style.name == "Poster Table"]
    assert {p.runs[0].font.size.pt for p in names} == {96}  # a short name: the largest size
    themes = [p.text for p in document.paragraphs if p.style.name == "Poster Theme"]
    assert themes[:2] == ["Santé", "Mobilité 🚲"]  # the control character is gone, the emoji kept
    people = [p for p in document.paragraphs if p.style.name == "Poster Name"]
    assert min(p.runs[0].font.size.pt for p in people) >= 20
    details = [p.text for p in document.paragraphs if p.style.name == "Poster Detail"]
    assert details[0] == "Habitante · Habitants"


def test_long_table_names_shrink_to_two_lines():
    assert tables_docx.lines_of("Ateliers partagés & lieux de fabrication", 96, 180) > 2
    size = tables_docx._fitting("Ateliers partagés & lieux de fabrication", tables_docx.POSTER_TABLE_SIZES, 180, 2)
    assert size < 96 and tables_docx.lines_of("Ateliers partagés & lieux de fabrication", size, 180) <= 2


def test_a_crowded_round_gets_smaller_type_to_stay_on_one_page(tmp_path):
    crowd = {n: person(n, f"Prénom{n}", f"Nom{n:03d}", n % 3 + 1, "Une organisation au nom assez long")
             for n in range(1, 61)}
    tables = tuple(RoomTable(t, 2, f"Table {t}", capacity=10) for t in range(1, 7))
    plan = SittingPlan(2, tables, TablePlan(({t: tuple(range(t, 61, 6)) for t in range(1, 7)},)),
                       PlanQuality(0, 1.0))
    path = write_table_lists(tmp_path / "crowd.docx", programme(), sitting(), plan, crowd, GROUPS, "en")
    overview = reopen(path).tables[0]
    assert len(overview.columns) == 7  # two table blocks a row, around a gap
    assert list(_overview(overview)) == [f"Table {t}" for t in range(1, 7)]
    cells = [p for row in overview.rows[1:3] for cell in row.cells for p in cell.paragraphs]
    sizes = {run.font.size.pt for p in cells for run in p.runs}
    assert sizes and max(sizes) < 10


def test_page_furniture_and_languages(tmp_path):
    for language in ("fr", "en"):
        document = _lists(tmp_path, language)
        _ = translator(language)
        header = document.sections[0].header.paragraphs[0].text
        assert header.startswith("Plan économique du quartier Gare-Confluence · Atelier santé · ")
        assert {"fr": "mardi 2 février 2027", "en": "Tuesday 2 February 2027"}[language] in header
        assert document.core_properties.title == f"{_('Table lists')} — Atelier santé"
        assert document.core_properties.language == {"fr": "fr-FR", "en": "en-GB"}[language]
        headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
        assert headings[0] == _("Round {number} of {count}").format(number=1, count=2)
        assert field_codes(document.sections[0].footer._element) == ["PAGE", "NUMPAGES"]


def test_every_word_of_the_lists_goes_through_the_translator(tmp_path, monkeypatch):
    monkeypatch.setattr(tables_docx, "translator", lambda language: lambda text: f"«{text}»")
    document = _lists(tmp_path)
    assert document.core_properties.title == "«Table lists» — Atelier santé"
    assert next(p.text for p in document.paragraphs if p.style.name == "Heading 1") == "«Round 1 of 2»"
    assert document.paragraphs[2].text.startswith("«First, one page per round")
    assert ["Moreau Léa («host»)", "Pharmacie de la Gare", "Entreprises"] in _overview(document.tables[0])[
        "Table 1 — Santé"]


def test_anonymised_people_are_listed_as_such(tmp_path):
    people = {**PEOPLE, 5: person(5, "", "", None, anonymised=True)}
    path = write_table_lists(tmp_path / "a.docx", programme(), sitting(), _plan(), people, GROUPS, "en")
    assert ["(anonymised)", "", ""] in _overview(reopen(path).tables[0])["Table 2 — Mobilité 🚲"]


# --- Route cards -----------------------------------------------------------------------------------

def test_one_card_per_seated_person_by_last_name_accents_ignored(tmp_path):
    cards = _card_texts(_cards(tmp_path))
    names = [text.split("\n")[1] for text in cards]
    assert names == ["Inès Abadie", "Hugo Bernard", "Zoé 🎨 Dupont", "Émile Étienne", "Ana Fabre", "Paul Garnier",
                     "Léa Moreau"]
    assert all(text.startswith("Atelier santé · Tuesday 2 February 2027 · 14:00 – 16:30\n") for text in cards)


def test_each_card_lists_every_round_with_the_right_table(tmp_path):
    cards = {text.split("\n")[1]: text.split("\n") for text in _card_texts(_cards(tmp_path))}
    assert cards["Émile Étienne"][-2:] == ["Round 1 → Table 1 — Santé", "Round 2 → Table 2 — Mobilité 🚲"]
    assert cards["Ana Fabre"][-2:] == ["Round 1 → Table 2 — Mobilité 🚲", "Round 2 → Table 3"]
    assert cards["Paul Garnier"][-2:] == ["Round 1 → Table 2 — Mobilité 🚲", "Round 2 → no table in this round"]
    assert cards["Paul Garnier"][2:4] == ["Mairie", "You are the rapporteur of “Table 2”."]


def test_fixed_seats_are_noted_and_hosts_told(tmp_path):
    lea = next(text.split("\n") for text in _card_texts(_cards(tmp_path)) if "Léa Moreau" in text)
    assert lea[2:4] == ["Pharmacie de la Gare", "You host “Table 1”."]
    assert lea[-2:] == ["Round 1 → Table 1 — Santé (stays at this table)",
                        "Round 2 → Table 1 — Santé (stays at this table)"]
    hugo = next(text for text in _card_texts(_cards(tmp_path)) if "Hugo Bernard" in text)
    assert "stays at this table" not in hugo


def test_the_table_name_is_bold_and_wrapped_lines_hang_under_it(tmp_path):
    document = _cards(tmp_path)
    lea = document.tables[0].rows[3].cells[0]
    route = next(p for p in lea.paragraphs if p.style.name == "Card Route")
    assert [(run.text, bool(run.bold)) for run in route.runs] == [("Round 1 →\t", False), ("Table 1", True),
                                                                 (" — Santé", False), (" (stays at this table)", False)]
    assert route.runs[3].italic
    style = document.styles["Card Route"].paragraph_format
    assert style.first_line_indent < 0 < style.left_indent
    assert [stop.position for stop in style.tab_stops] == [style.left_indent]


@pytest.mark.parametrize("per_page", sorted(CARD_ROWS))
def test_cards_fill_a_page_in_two_columns_between_cut_lines(tmp_path, per_page):
    many = {n: person(n, "Léa", f"Moreau {n:02d}") for n in range(1, 2 * per_page + 2)}
    plan = SittingPlan(2, TABLES[:1], TablePlan(({10: tuple(many)},)), PlanQuality(0, 1.0))
    path = write_route_cards(tmp_path / "c.docx", programme(), sitting(), plan, many, GROUPS, "en", per_page)
    document = reopen(path)
    section, table = document.sections[0], document.tables[0]
    assert len(table.rows) == per_page + 1  # two cards a row; the odd last card alone
    assert {round(row.height.mm, 1) for row in table.rows} == {round(card_height(per_page), 1)}
    assert {row.height_rule for row in table.rows} == {WD_ROW_HEIGHT_RULE.AT_LEAST}
    room = section.page_height.mm - section.top_margin.mm - section.bottom_margin.mm
    assert CARD_ROWS[per_page] * card_height(per_page) < room < (CARD_ROWS[per_page] + 0.2) * card_height(per_page)
    borders = table.rows[0].cells[0]._tc.tcPr.find(qn("w:tcBorders"))
    assert {side.get(qn("w:val")) for side in borders} == {"dashed"}
    assert table.rows[-1].cells[1].text == ""


def test_other_card_counts_are_refused(tmp_path):
    with pytest.raises(ValueError, match="4, 6, 8 or 10"):
        _cards(tmp_path, per_page=12)
    assert not (tmp_path / "cards en.docx").exists()


def test_anonymised_people_get_no_card_and_nobody_gives_a_sentence(tmp_path):
    hidden = {pid: person(pid, "", "", None, anonymised=True) for pid in PEOPLE}
    document = _cards(tmp_path, people=hidden)
    assert len(document.tables[0].rows) == 0
    assert document.paragraphs[-1].text == "Nobody is seated in this plan."


@pytest.mark.parametrize("language", ["fr", "en"])
def test_cards_are_written_in_the_chosen_language(tmp_path, language):
    document = _cards(tmp_path, language)
    _ = translator(language)
    assert document.core_properties.title == f"{_('Route cards')} — Atelier santé"
    assert document.core_properties.language == {"fr": "fr-FR", "en": "en-GB"}[language]
    lea = next(text for text in _card_texts(document) if "Léa Moreau" in text)
    assert {"fr": "mardi 2 février 2027", "en": "Tuesday 2 February 2027"}[language] in lea
    assert f"{_('Round {number}').format(number=2)} → Table 1 — Santé {_('(stays at this table)')}" in lea


def test_every_word_of_the_cards_goes_through_the_translator(tmp_path, monkeypatch):
    monkeypatch.setattr(tables_docx, "translator", lambda language: lambda text: f"«{text}»")
    lea = next(text for text in _card_texts(_cards(tmp_path)) if "Léa Moreau" in text)
    assert "«You host “Table 1”.»" in lea
    assert "«Round 1» → Table 1 — Santé «(stays at this table)»" in lea
