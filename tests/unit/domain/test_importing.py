"""Importing participants, the pure rules: headers, cells, names, duplicates, choices, summaries."""

import datetime as dt

import pytest

from workshop_desk.domain.importing import (
    ImportFailed,
    MappedRow,
    SourceTable,
    Target,
    build_table,
    cell_text,
    clean_email,
    clean_phone,
    column_letter,
    find_header,
    guess_mapping,
    guess_table_mapping,
    guess_target,
    has_name,
    map_row,
    map_rows,
    split_full_name,
)
from workshop_desk.domain.importing_plan import (
    Choice,
    Decisions,
    ImportSummary,
    RowKind,
    SkipReason,
    group_key,
    plan_rows,
    resolve,
    rows_text,
    summary_lines,
)
from workshop_desk.domain.models import Participant, ParticipantDraft, StakeholderGroup

T = Target
STANDARD = (T.CIVILITY, T.LAST_NAME, T.FIRST_NAME, T.ORGANISATION, T.ROLE, T.EMAIL, T.PHONE, T.GROUP)


@pytest.mark.parametrize(("header", "target"), [
    ("Nom", T.LAST_NAME), ("NOM ", T.LAST_NAME), ("Prénom", T.FIRST_NAME), ("Prénom(s)", T.FIRST_NAME),
    ("Civilité", T.CIVILITY), ("Structure", T.ORGANISATION), ("Organisme", T.ORGANISATION),
    ("Société", T.ORGANISATION), ("Nom de la structure", T.ORGANISATION), ("Fonction", T.ROLE),
    ("Courriel", T.EMAIL), ("E-mail", T.EMAIL), ("Adresse e-mail professionnelle", T.EMAIL), ("Mél", T.EMAIL),
    ("Téléphone", T.PHONE), ("Tél. portable", T.PHONE), ("Collège", T.GROUP), ("Commentaires", T.NOTES),
    ("Nom complet", T.FULL_NAME), ("Full name", T.FULL_NAME), ("Name", T.FULL_NAME), ("Last Name", T.LAST_NAME),
    ("First name", T.FIRST_NAME), ("Company", T.ORGANISATION), ("Job title", T.ROLE), ("Email address", T.EMAIL),
    ("Phone number", T.PHONE), ("Stakeholder group", T.GROUP), ("Hôtel", None), ("Adresse", None), ("", None),
    (None, None), (12, None),
])
def test_guess_target_reads_french_and_english_headers(header, target):
    assert guess_target(header) == target


def test_each_field_goes_to_its_first_column_but_notes_take_several():
    mapping = guess_mapping(["Nom", "Prénom", "E-mail", "E-mail 2", "Remarques", "Commentaire"])
    assert mapping == (T.LAST_NAME, T.FIRST_NAME, T.EMAIL, None, T.NOTES, T.NOTES)
    assert has_name(mapping)
    assert not has_name((T.EMAIL, None))


def test_the_header_is_found_below_title_rows_and_blank_lines():
    rows = [("Inscriptions — Atelier santé", None, None), (), (None, None, None),
            ("Nom", "Prénom", "Courriel"), ("Moreau", "Léa", "lea@exemple.fr")]
    assert find_header(rows) == 3
    assert find_header([("Moreau", "Léa"), ("Diallo", "Awa")]) is None


def test_build_table_drops_blank_and_repeated_header_rows_and_names_unnamed_columns():
    raw = [("Liste des inscrits",), ("Nom", "Prénom", None), ("Moreau", "Léa", "x"), (None, " ", None),
           ("NOM", "Prénom"), ("Diallo", "Awa")]
    table = build_table("inscrits.csv", raw)
    assert table.header_line == 2
    assert table.headers == ("Nom", "Prénom", "Column C")
    assert [line for line, _cells in table.rows] == [3, 6]


def test_build_table_without_a_header_says_what_it_expects():
    with pytest.raises(ImportFailed, match=r"No header row was found in “x\.csv”.*Nom, Prénom"):
        build_table("x.csv", [("Moreau", "Léa")])


@pytest.mark.parametrize(("value", "text"), [
    (None, ""), ("  Léa   Moreau \n", "Léa Moreau"), ("\ufeffNom", "Nom"), (12.0, "12"), (12, "12"),
    (3.5, "3.5"), (dt.datetime(2027, 1, 14), "2027-01-14"), (dt.datetime(2027, 1, 14, 9, 30), "2027-01-14 09:30"),
    (dt.date(2027, 1, 14), "2027-01-14"), (dt.time(9, 5), "09:05"), (True, "yes"), ("🎉 fête", "🎉 fête"),
])
def test_cell_text(value, text):
    assert cell_text(value) == text


def test_emails_and_phones_are_cleaned():
    assert clean_email(" mailto:Lea@Exemple.fr ") == "Lea@Exemple.fr"
    assert clean_email("lea@exemple.fr; lea.moreau@autre.fr") == "lea@exemple.fr"
    assert clean_email("<lea@exemple.fr>") == "lea@exemple.fr"
    assert clean_phone(612345678) == "0612345678"  # Excel dropped the leading zero
    assert clean_phone(612345678.0) == "0612345678"
    assert clean_phone("06 12 34 56 78") == "06 12 34 56 78"
    assert clean_phone(33612345678) == "33612345678"


@pytest.mark.parametrize(("text", "parts"), [
    ("Jean Dupont", ("", "Jean", "Dupont")), ("DUPONT Jean", ("", "Jean", "DUPONT")),
    ("Mme Éloïse LE GOFF", ("Mme", "Éloïse", "LE GOFF")), ("Dupont, Jean-Marc", ("", "Jean-Marc", "Dupont")),
    ("Jean-Marc de La Fontaine", ("", "Jean-Marc", "de La Fontaine")), ("Awa", ("", "Awa", "")),
    ("M. Paul", ("M.", "Paul", "")),
])
def test_split_full_name(text, parts):
    assert split_full_name(text) == parts


def test_map_row_tidies_names_and_flags_problems():
    row = map_row(5, ["mme", " LE GOFF ", "ÉLOÏSE", "CCI", "", "eloise@cci", 612345678, "Entreprises"], STANDARD)
    assert row.draft == ParticipantDraft("Éloïse", "Le Goff", civility="Mme", organisation="CCI",
                                         email="eloise@cci", phone="0612345678")
    assert row.group == "Entreprises"
    assert row.bad_email and row.has_name and not row.too_long


def test_map_row_splits_a_full_name_and_flags_a_cell_too_long():
    row = map_row(2, ["Mme Awa DIALLO", "x" * 10_001], (T.FULL_NAME, T.NOTES))
    assert (row.draft.civility, row.draft.first_name, row.draft.last_name) == ("Mme", "Awa", "Diallo")
    assert row.too_long == (T.NOTES,)
    assert map_row(2, ["Awa", "x" * 10_000], (T.FULL_NAME, T.NOTES)).too_long == ()


def test_map_rows_leaves_out_rows_whose_mapped_cells_are_empty():
    rows = map_rows([(2, ["", "", "ignored"]), (3, ["Léa", "", ""])], (T.FIRST_NAME, T.LAST_NAME, None))
    assert [row.line for row in rows] == [3]


def test_table_mapping_uses_cell_contents_when_headers_say_nothing():
    rows = tuple((n, ("M." if n % 2 else "Mme", f"Nom{n}", f"p{n}@exemple.fr", "x")) for n in range(2, 12))
    table = SourceTable("x.csv", ("Title", "Nom", "Contact perso", "Divers"), rows, 1)
    assert guess_table_mapping(table) == (T.CIVILITY, T.LAST_NAME, T.EMAIL, None)


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]


# Planning against the registry -------------------------------------------------------------------------------

def person(id_: int, first: str, last: str, organisation: str = "", email: str = "") -> Participant:
    return Participant(id_, 1, first, last, f"CODE{id_}", organisation=organisation, email=email)


def mapped(line: int, first: str, last: str, organisation: str = "", email: str = "", group: str = "") -> MappedRow:
    return map_row(line, [first, last, organisation, email, group],
                   (T.FIRST_NAME, T.LAST_NAME, T.ORGANISATION, T.EMAIL, T.GROUP))


GROUPS = [StakeholderGroup(7, 1, "Élus", "#000000"), StakeholderGroup(8, 1, "Entreprises", "#000000")]


def test_plan_finds_registry_matches_by_email_or_by_name_and_organisation():
    registry = [person(1, "Léa", "Moreau", "Région", "lea@region.fr"), person(2, "Jean", "Dupont", "Mairie")]
    plan = plan_rows([mapped(2, "LÉA", "MOREAU", "Autre", "LEA@region.fr"), mapped(3, "jean", "dupont", " mairie "),
                      mapped(4, "Jean", "Dupont", "CCI")], registry, GROUPS)
    assert [(row.kind, row.existing.id if row.existing else None) for row in plan.rows] == [
        (RowKind.EXISTING, 1), (RowKind.EXISTING, 2), (RowKind.OK, None)]
    assert [row.suggested for row in plan.rows] == [Choice.MERGE, Choice.MERGE, Choice.ADD]
    assert "Already in the registry: Léa Moreau (Région)." in plan.rows[0].explain()


def test_plan_finds_duplicates_inside_the_file_and_a_third_record_finds_the_first():
    plan = plan_rows([mapped(2, "Awa", "Diallo", "Asso"), mapped(3, "AWA", "DIALLO", "asso", "awa@asso.fr"),
                      mapped(4, "A.", "Diallo", "Autre", "awa@asso.fr")], [], [])
    assert [(row.kind, row.same_as) for row in plan.rows] == [
        (RowKind.OK, None), (RowKind.DUPLICATE, 2), (RowKind.DUPLICATE, 2)]
    assert plan.rows[2].explain() == "Same person as row 2."


def test_a_shared_address_with_unlike_names_is_suggested_as_a_new_person():
    plan = plan_rows([mapped(2, "Chloé", "Martin", "Asso", "contact@asso.fr"),
                      mapped(3, "Paul", "Bernard", "Asso", "contact@asso.fr")], [], [])
    assert plan.rows[1].kind == RowKind.DUPLICATE
    assert plan.rows[1].suggested == Choice.ADD
    assert "Same e-mail address as row 2, but another name." in plan.rows[1].explain()


def test_rows_without_a_name_or_too_long_cannot_be_imported_and_match_nobody():
    registry = [person(1, "Léa", "Moreau", email="lea@region.fr")]
    long_row = map_row(3, ["Léa", "Moreau", "x" * 10_001], (T.FIRST_NAME, T.LAST_NAME, T.NOTES))
    plan = plan_rows([mapped(2, "", "", "Région", "lea@region.fr"), long_row], registry, [])
    assert [(row.kind, row.choices, row.existing) for row in plan.rows] == [
        (RowKind.INVALID, (Choice.SKIP,), None), (RowKind.INVALID, (Choice.SKIP,), None)]
    assert plan.rows[0].explain() == "No first or last name."


def test_groups_are_matched_by_folded_name_and_plural_and_unknown_ones_listed_once():
    rows = [mapped(2, "A", "B", group="élu"), mapped(3, "C", "D", group="ENTREPRISES"),
            mapped(4, "E", "F", group="Chambres consulaires"), mapped(5, "G", "H", group="chambre consulaire")]
    plan = plan_rows(rows, [], GROUPS)
    assert [row.group_id for row in plan.rows] == [7, 8, None, None]
    assert plan.unknown_groups == ("Chambres consulaires",)
    assert group_key("Services de l'État") == group_key("service de l'etat")


def test_bad_emails_are_added_without_the_address_which_goes_to_the_notes():
    plan = plan_rows([mapped(2, "Jean", "Dupont", email="jean@mairie")], [], [])
    assert plan.rows[0].kind == RowKind.BAD_EMAIL
    (step,) = resolve(plan, Decisions())
    assert step.choice == Choice.ADD and step.bad_email
    assert (step.draft.email, step.draft.notes) == ("", "E-mail as given: jean@mairie")


def test_a_bad_email_is_not_kept_in_notes_that_would_grow_too_long():
    row = map_row(2, ["Jean", "Dupont", "jean@mairie", "x" * 9_995], (T.FIRST_NAME, T.LAST_NAME, T.EMAIL, T.NOTES))
    (step,) = resolve(plan_rows([row], [], []), Decisions())
    assert (step.draft.email, step.draft.notes) == ("", "x" * 9_995)


def test_resolve_merges_into_the_registry_or_the_first_row_and_skips_as_told():
    registry = [person(1, "Léa", "Moreau", email="lea@region.fr")]
    plan = plan_rows([mapped(2, "Léa", "Moreau", email="lea@region.fr"), mapped(3, "Awa", "Diallo"),
                      mapped(4, "Awa", "Diallo", email="awa@asso.fr"), mapped(5, "", ""),
                      mapped(6, "Awa", "Diallo")], registry, [])
    steps = resolve(plan, Decisions({6: Choice.SKIP, 5: Choice.ADD}))  # 5 cannot be added: its choice is ignored
    assert [(s.line, s.choice, s.into_id, s.into_line, s.reason) for s in steps] == [
        (2, Choice.MERGE, 1, None, None), (3, Choice.ADD, None, None, None), (4, Choice.MERGE, None, 3, None),
        (5, Choice.SKIP, None, None, SkipReason.NO_NAME), (6, Choice.SKIP, None, None, SkipReason.DUPLICATE)]


def test_a_merge_whose_first_row_was_skipped_adds_the_person_once():
    plan = plan_rows([mapped(2, "Awa", "Diallo"), mapped(3, "Awa", "Diallo"), mapped(4, "Awa", "Diallo")], [], [])
    steps = resolve(plan, Decisions({2: Choice.SKIP}))
    assert [(s.choice, s.into_line) for s in steps] == [(Choice.SKIP, None), (Choice.ADD, None),
                                                         (Choice.MERGE, 3)]


def test_set_all_touches_only_the_cases_that_allow_the_choice():
    registry = [person(1, "Léa", "Moreau")]
    plan = plan_rows([mapped(2, "Léa", "Moreau"), mapped(3, "Awa", "Diallo"), mapped(4, "", ""),
                      mapped(5, "Jean", "Dupont", email="bad")], registry, [])
    decisions = Decisions()
    assert decisions.set_all(plan.rows, Choice.MERGE) == 1
    assert decisions.set_all(plan.rows, Choice.SKIP) == 3
    assert [decisions.choice_for(row) for row in plan.rows] == [Choice.SKIP, Choice.ADD, Choice.SKIP, Choice.SKIP]


def test_unknown_groups_are_created_or_left_empty_as_decided():
    plan = plan_rows([mapped(2, "A", "B", group="Riverains")], [], GROUPS)
    assert resolve(plan, Decisions())[0].new_group == "Riverains"
    assert resolve(plan, Decisions(create_groups=False))[0].new_group == ""


def test_summary_lines_give_one_line_per_reason_then_the_totals():
    summary = ImportSummary(added=(person(1, "A", "B"),), merged=2,
                            skipped=((4, SkipReason.NO_NAME), (9, SkipReason.NO_NAME), (5, SkipReason.DUPLICATE)),
                            bad_emails=(6,), groups_created=("Riverains",), expected=3)
    assert summary_lines(summary) == [
        "Skipped, no first or last name: 2 (rows 4, 9)",
        "Skipped, repeated in the file: 1 (row 5)",
        "Imported without their invalid e-mail address (kept in the notes): 1 (row 6)",
        "New stakeholder groups: Riverains",
        "Marked as registered for the sitting: 3",
        "Added: 1 · merged: 2 · skipped: 3",
    ]
    assert rows_text(list(range(1, 20)), most=3) == "rows 1, 2, 3, …"
