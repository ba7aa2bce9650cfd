"""Importing participants from real-life files: encodings, separators, messy rows, the registry, one transaction."""

import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from tests.spreadsheets import HEADER, messy_rows, people_rows, write_csv, write_xlsx
from workshop_desk.domain.enums import AttendanceStatus
from workshop_desk.domain.importing import ImportFailed, Target
from workshop_desk.domain.importing_notes import Note
from workshop_desk.domain.importing_plan import Choice, Decisions, RowKind, SkipReason
from workshop_desk.domain.models import ParticipantDraft
from workshop_desk.services import importing as importing_service
from workshop_desk.services.importing import ImportService, import_file
from workshop_desk.services.importing_read import decode, read_source, sniff_delimiter


@pytest.fixture
def service(workspace) -> ImportService:
    return ImportService(workspace.database)


def registry(workspace) -> list[tuple[str, ...]]:
    """The registry as comparable tuples (badge codes and ids left out)."""
    return [(p.civility, p.first_name, p.last_name, p.organisation, p.role, p.email, p.phone, p.notes)
            for p in workspace.participants.all()]


def snapshot(workspace) -> tuple[object, ...]:
    return (workspace.participants.all(), workspace.programmes.groups(),
            [workspace.attendance.statuses(s.id) for s in workspace.sittings.all()])


# Reading ------------------------------------------------------------------------------------------------------

def test_an_xlsx_with_title_rows_blank_lines_and_dates(tmp_path):
    table = read_source(write_xlsx(tmp_path / "inscrits.xlsx", messy_rows()))
    assert table.header_line == 3
    assert table.headers[:3] == ("Civilité", "NOM", "Prénom")
    assert [line for line, _cells in table.rows] == [4, 6, 7, 8, 9, 10, 11]
    assert table.details == ""


@pytest.mark.parametrize(("delimiter", "encoding", "bom", "details"), [
    (";", "utf-8", True, "UTF-8, semicolons"), (";", "utf-8", False, "UTF-8, semicolons"),
    (",", "utf-8", False, "UTF-8, commas"), ("\t", "utf-8", False, "UTF-8, tabs"),
    (";", "cp1252", False, "Windows-1252, semicolons"), ("\t", "utf-16", False, "UTF-16, tabs"),
])
def test_csv_in_every_encoding_and_separator_excel_writes(tmp_path, delimiter, encoding, bom, details):
    rows = [row for row in messy_rows() if "Asso 🌱" not in row]  # no emoji in Windows-1252
    path = write_csv(tmp_path / "inscrits.csv", rows, delimiter, encoding, bom)
    table = read_source(path)
    assert table.details == details
    assert table.headers[:3] == ("Civilité", "NOM", "Prénom")
    assert table.rows[0] == (4, ("Mme", "LE GOFF ", "ÉLOÏSE", "CCI Gare", "Chargée de mission", "eloise@cci.fr",
                                 "612345678", "Entreprises", "03/01/2027"))  # cells raw: cleaned when mapped


def test_decode_and_sniff():
    assert decode("Prénom".encode("cp1252")) == ("Prénom", "Windows-1252")
    assert decode(b"\xef\xbb\xbfNom") == ("Nom", "UTF-8")
    assert decode("Müller".encode("mac-roman")) == ("Müller", "Mac Roman")  # Windows-1252 reads 'MŸller'
    assert sniff_delimiter("Titre\nNom;Prénom;Ville\nA;B;Paris, France\nC;D;Lyon") == ";"
    assert sniff_delimiter("Nom,Prénom\nA,B") == ","


def test_a_workbook_with_the_list_on_its_second_sheet(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["Export du 12/01/2027"])
    listing = workbook.create_sheet("Participants")
    for row in people_rows(3):
        listing.append(row)
    workbook.save(tmp_path / "two.xlsx")
    table = read_source(tmp_path / "two.xlsx")
    assert (len(table.rows), table.details) == (3, "sheet “Participants”")


def test_an_xlsx_that_is_really_a_csv_and_an_xlsx_named_csv(tmp_path):
    write_csv(tmp_path / "export.xlsx", people_rows(2))
    assert len(read_source(tmp_path / "export.xlsx").rows) == 2
    write_xlsx(tmp_path / "export.csv", people_rows(2))
    assert len(read_source(tmp_path / "export.csv").rows) == 2


def _damaged_workbook(path: Path) -> None:
    write_xlsx(path, people_rows(2))
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    # Sound up to the size (openpyxl reads that when it opens the file), broken in the rows.
    parts["xl/worksheets/sheet1.xml"] = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
                                         b'main"><dimension ref="A1:B3"/><sheetData><row r="1"><c r="A1" t="n">'
                                         b'<v>not a number</v></c></row><row r="2"><c r=')
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)


BAD_FILES = {
    "empty": (lambda p: p.write_bytes(b""), "is empty"),
    "blank": (lambda p: p.write_bytes(b"\r\n  \r\n"), "is empty"),
    "no header": (lambda p: write_csv(p, [["Moreau", "Léa"], ["Diallo", "Awa"]]), "No header row was found"),
    "header only": (lambda p: write_csv(p, [["Inscrits"], HEADER, []]), r"header row \(row 2\) but nobody"),
    "old xls": (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)), "old Excel file"),
    "html": (lambda p: p.write_text("<table><tr><td>Nom</td><td>Prénom</td></tr></table>"), "web page"),
    "binary": (lambda p: p.write_bytes(b"\x00\x01\x02garbage" * 50), "neither an Excel workbook"),
    "zip not workbook": (lambda p: zipfile.ZipFile(p, "w").writestr("a.txt", "x"), "not a readable Excel"),
    "damaged workbook": (_damaged_workbook, "damaged"),
    "huge cell": (lambda p: write_csv(p, [["Nom", "Notes"], ["Moreau", "x" * 200_000]]), "not a well-formed CSV"),
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_files_that_cannot_be_read_say_why_and_write_nothing(workspace, service, tmp_path, kind):
    make, message = BAD_FILES[kind]
    path = tmp_path / "bad.xlsx"
    make(path)
    before = snapshot(workspace)
    with pytest.raises(ImportFailed, match=message):
        import_file(workspace.database, path)
    assert snapshot(workspace) == before


def test_missing_locked_and_folder_paths(tmp_path, monkeypatch):
    with pytest.raises(ImportFailed, match="does not exist"):
        read_source(tmp_path / "nowhere.xlsx")
    with pytest.raises(ImportFailed, match="is a folder"):
        read_source(tmp_path)
    locked = write_xlsx(tmp_path / "locked.xlsx", people_rows(1))
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self == locked:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)  # tests run as root here: chmod would not stop a read
    with pytest.raises(ImportFailed, match="may be open in Excel"):
        read_source(locked)


def test_a_file_far_longer_than_any_invitee_list_is_refused(tmp_path, monkeypatch):
    from workshop_desk.services import importing_read

    monkeypatch.setattr(importing_read, "MAX_ROWS", 50)
    with pytest.raises(ImportFailed, match="more than 50 rows"):
        read_source(write_csv(tmp_path / "big.csv", people_rows(200)))


# Mapping and checking -----------------------------------------------------------------------------------------

def test_guess_and_preview(service, tmp_path):
    table = service.read(write_xlsx(tmp_path / "inscrits.xlsx", messy_rows()))
    mapping = service.guess(table)
    assert mapping == (Target.CIVILITY, Target.LAST_NAME, Target.FIRST_NAME, Target.ORGANISATION, Target.ROLE,
                       Target.EMAIL, Target.PHONE, Target.GROUP, None)
    first = service.preview(table, mapping, limit=2)[0].draft
    assert (first.first_name, first.last_name, first.phone) == ("Éloïse", "Le Goff", "0612345678")


def test_a_plan_without_a_name_column_is_refused(service, tmp_path):
    table = service.read(write_xlsx(tmp_path / "inscrits.xlsx", messy_rows()))
    with pytest.raises(ImportFailed, match="column that holds the names"):
        service.plan(table, (None,) * len(table.headers))


def test_plan_reports_every_kind_of_case(workspace, service, tmp_path):
    workspace.participants.add(ParticipantDraft("Léa", "Moreau", organisation="Région", email="LEA@region.fr"))
    table = service.read(write_xlsx(tmp_path / "inscrits.xlsx", messy_rows()))
    plan = service.plan(table, service.guess(table))
    assert [(row.line, row.kind, row.suggested) for row in plan.rows] == [
        (4, RowKind.OK, Choice.ADD), (6, RowKind.BAD_EMAIL, Choice.ADD), (7, RowKind.DUPLICATE, Choice.MERGE),
        (8, RowKind.INVALID, Choice.SKIP), (9, RowKind.OK, Choice.ADD), (10, RowKind.DUPLICATE, Choice.ADD),
        (11, RowKind.EXISTING, Choice.MERGE)]
    assert plan.unknown_groups == ("Entreprises", "Élus", "Services de l'État")  # "Associations" exists


# Applying -----------------------------------------------------------------------------------------------------

def test_apply_with_the_defaults(workspace, service, tmp_path):
    workspace.participants.add(ParticipantDraft("Léa", "Moreau", organisation="Région", email="lea@region.fr",
                                                phone="03 00 00 00 00"))
    table = service.read(write_xlsx(tmp_path / "inscrits.xlsx", messy_rows()))
    summary = service.apply(service.plan(table, service.guess(table)), Decisions())
    assert (len(summary.added), summary.merged, summary.skipped) == (4, 2, ((8, SkipReason.NO_NAME),))
    assert summary.bad_emails == (6,)
    assert summary.groups_created == ("Entreprises", "Élus", "Services de l'État")
    assert registry(workspace) == [
        ("M.", "Paul", "Bernard", "Asso", "", "contact@asso.fr", "", ""),
        ("M.", "Jean", "Dupont", "Mairie", "Élu", "", "01 23 45 67 89", "E-mail as given: jean@mairie"),
        ("Mme", "Éloïse", "Le Goff", "CCI Gare", "Chargée de mission", "eloise@cci.fr", "0612345678", ""),
        ("Mme", "Chloé", "Martin", "Asso 🌱", "", "contact@asso.fr", "", ""),
        # merged: blanks filled (civility, role), what the registry held (the phone) kept
        ("Mme", "Léa", "Moreau", "Région", "Directrice", "lea@region.fr", "03 00 00 00 00", ""),
    ]
    groups = {g.id: g.name for g in workspace.programmes.groups()}
    assert {p.last_name: groups.get(p.group_id or 0) for p in workspace.participants.all()} == {
        "Bernard": None, "Dupont": "Élus", "Le Goff": "Entreprises", "Martin": "Associations",
        "Moreau": "Services de l'État"}
    assert len({p.badge_code for p in workspace.participants.all()}) == 5


def test_apply_with_the_users_choices_and_no_new_groups(workspace, service, tmp_path):
    table = service.read(write_xlsx(tmp_path / "inscrits.xlsx", messy_rows()))
    plan = service.plan(table, service.guess(table))
    groups_before = workspace.programmes.groups()
    decisions = Decisions({7: Choice.ADD, 10: Choice.SKIP, 6: Choice.SKIP}, create_groups=False)
    summary = service.apply(plan, decisions)
    assert (len(summary.added), summary.merged) == (4, 0)
    assert sorted(summary.skipped) == [(6, SkipReason.CHOSEN), (8, SkipReason.NO_NAME), (10, SkipReason.DUPLICATE)]
    assert workspace.programmes.groups() == groups_before
    assert [p.last_name for p in workspace.participants.all()] == ["Dupont", "Le Goff", "Martin", "Moreau"]


def test_importing_the_same_file_twice_merges_everyone(workspace, service, tmp_path):
    path = write_csv(tmp_path / "inscrits.csv", messy_rows(), bom=True)
    import_file(workspace.database, path)
    before = registry(workspace)
    _plan, summary = import_file(workspace.database, path)
    assert (len(summary.added), summary.merged) == (0, 6)
    assert registry(workspace) == before


def test_a_sitting_gets_everyone_registered_without_undoing_a_sign_in(tmp_path):
    from tests.factories import make_workspace

    workspace = make_workspace(tmp_path, sittings=2)
    try:
        sitting = workspace.sittings.all()[0].id
        present = workspace.participants.add(ParticipantDraft("Léa", "Moreau", email="lea@region.fr"))
        invited = workspace.participants.add(ParticipantDraft("Awa", "Diallo", organisation="Asso"))
        workspace.attendance.sign_in(sitting, present.id)
        workspace.attendance.set_status(sitting, [invited.id], AttendanceStatus.INVITED)
        rows = [*people_rows(3), ["Mme", "MOREAU", "Léa", "", "", "lea@region.fr"], ["Mme", "Diallo", "Awa", "Asso"]]
        path = write_xlsx(tmp_path / "inscrits.xlsx", rows)
        _plan, summary = import_file(workspace.database, path, sitting)
        statuses = workspace.attendance.statuses(sitting)
        assert summary.expected == 5
        assert statuses[present.id].status == AttendanceStatus.PRESENT
        assert statuses[invited.id].status == AttendanceStatus.REGISTERED
        assert sorted(str(a.status) for a in statuses.values()).count("registered") == 4
        assert workspace.attendance.statuses(workspace.sittings.all()[1].id) == {}
    finally:
        workspace.database.close()


def test_an_unknown_sitting_is_refused_before_anything_is_written(workspace, tmp_path):
    before = snapshot(workspace)
    with pytest.raises(ImportFailed, match="no sitting 42"):
        import_file(workspace.database, write_xlsx(tmp_path / "i.xlsx", messy_rows()), 42)
    assert snapshot(workspace) == before


def test_a_failing_row_mid_file_leaves_the_registry_unchanged(workspace, service, tmp_path):
    workspace.participants.add(ParticipantDraft("Léa", "Moreau", email="lea@region.fr"))
    table = service.read(write_xlsx(tmp_path / "inscrits.xlsx", messy_rows() + people_rows(100)[1:]))
    plan = service.plan(table, service.guess(table))
    rows = list(plan.rows)
    bad = rows[50]  # a row the check let through but the registry refuses (as a bug or a race would)
    rows[50] = replace(bad, row=replace(bad.row, draft=replace(bad.row.draft, notes="x" * 10_001)))
    before = snapshot(workspace)
    with pytest.raises(ImportFailed, match=f"Row {bad.line}: .*Nothing was imported"):
        service.apply(replace(plan, rows=tuple(rows)), Decisions())
    assert snapshot(workspace) == before


def test_a_database_error_mid_import_leaves_the_registry_unchanged(workspace, service, tmp_path, monkeypatch):
    workspace.participants.add(ParticipantDraft("Léa", "Moreau", email="lea@region.fr"))
    table = service.read(write_xlsx(tmp_path / "inscrits.xlsx", messy_rows()))
    plan = service.plan(table, service.guess(table))
    monkeypatch.setattr(importing_service._Applier, "_badge", lambda self: "SAMECODE22")
    before = snapshot(workspace)
    with pytest.raises(ImportFailed, match=r"nothing was changed.*UNIQUE"):
        service.apply(plan, Decisions())
    assert snapshot(workspace) == before


def test_a_record_deleted_between_check_and_import_stops_the_import(workspace, service, tmp_path):
    lea = workspace.participants.add(ParticipantDraft("Léa", "Moreau", organisation="Région", email="lea@region.fr"))
    table = service.read(write_xlsx(tmp_path / "inscrits.xlsx", messy_rows()))
    plan = service.plan(table, service.guess(table))
    workspace.participants.delete_many([lea.id])
    before = snapshot(workspace)
    with pytest.raises(ImportFailed, match="deleted from the registry meanwhile"):
        service.apply(plan, Decisions())
    assert snapshot(workspace) == before


def test_long_cells_and_emoji(workspace, tmp_path):
    rows = [HEADER, ["Mme", "Moreau", "Léa 🎉", "Région", "", "", "", "", None],
            ["M.", "Diallo", "Awa", "Asso", "x" * 10_000], ["M.", "Trop", "Long", "Asso", "x" * 10_001]]
    _plan, summary = import_file(workspace.database, write_xlsx(tmp_path / "long.xlsx", rows))
    assert summary.skipped == ((4, SkipReason.TOO_LONG),)
    people = {p.last_name: p for p in workspace.participants.all()}
    assert people["Moreau"].first_name == "Léa 🎉"
    assert len(people["Diallo"].role) == 10_000


def test_five_thousand_rows_with_repeats(workspace, tmp_path):
    rows = people_rows(5_000) + people_rows(50, start=100)[1:]  # 50 people listed twice
    path = write_csv(tmp_path / "big.csv", rows, ";", "cp1252")
    _plan, summary = import_file(workspace.database, path)
    assert (len(summary.added), summary.merged, summary.skipped) == (5_000, 50, ())
    assert len(workspace.participants.all()) == 5_000


# Reading honestly: nothing lost, nothing unexplained --------------------------------------------------------------

def _mixed_file(path: Path) -> Path:
    """The header and one line saved in UTF-8, the others in Windows-1252 (a list pasted together)."""
    lines = [("Nom;Prénom;Structure;Inscrit le", "utf-8"), ("Moreau;Léa;Région;lundi", "cp1252"),
             ("Le Goff;Éloïse;CCI;mardi", "utf-8"), ("Dupont;Jérôme;Mairie;mardi", "cp1252")]
    path.write_bytes(b"".join((text + "\r\n").encode(encoding) for text, encoding in lines))
    return path


def test_a_file_mixing_two_encodings_loses_no_column_and_says_which_lines_to_check(workspace, tmp_path):
    notes: list[Note] = []
    path = _mixed_file(tmp_path / "inscrits.csv")
    _plan, summary = import_file(workspace.database, path, warn=notes.append)
    assert [(p.first_name, p.last_name) for p in summary.added] == [("Léa", "Moreau"), ("Éloïse", "Le Goff"),
                                                                    ("Jérôme", "Dupont")]
    assert [str(note) for note in notes] == [
        "The file mixes two encodings (UTF-8 + Windows-1252): each line was read in the one that fits it. Check "
        "the lines concerned (lines 2, 4).",
        "Column D “Inscrit le” was not recognised and will not be imported."]


def test_reading_in_a_chosen_encoding(tmp_path):
    path = _mixed_file(tmp_path / "inscrits.csv")
    table = read_source(path, "windows-1252")
    assert table.headers[1] == "PrÃ©nom" and table.details == "Windows-1252, semicolons"
    assert table.decoding is not None and table.decoding.chosen == "windows-1252"
    assert [s.line for s in table.decoding.suspects] == [1, 3]
    assert [s.text for s in read_source(path, "utf-8").decoding.suspects] == ["Moreau;L�a;R�gion;lundi",
                                                                            "Dupont;J�r�me;Mairie;mardi"]


def test_a_windows_1252_file_and_a_utf8_file_with_a_bom_have_nothing_to_check(tmp_path):
    for encoding, bom in (("cp1252", False), ("utf-8", True)):
        path = write_csv(tmp_path / "inscrits.csv", people_rows(3), ";", encoding, bom)
        table = read_source(path)
        assert table.decoding is not None and table.decoding.suspects == ()
        assert table.headers[2] == "Prénom" and table.rows[0][1][2] == "Prénom0"


def test_a_quotation_mark_never_closed_is_reported_with_its_line_and_swallows_no_one(workspace, tmp_path):
    path = tmp_path / "inscrits.csv"
    path.write_text("Nom;Prénom;Structure\r\nMoreau;Léa;Région\r\nDupont;\"Jean;Mairie\r\nMartin;Chloé;Asso\r\n"
                    "Bernard;Paul;Asso\r\n", encoding="utf-8")
    notes: list[Note] = []
    _plan, summary = import_file(workspace.database, path, warn=notes.append)
    assert [p.last_name for p in summary.added] == ["Moreau", "Dupont", "Martin", "Bernard"]
    assert notes[0].text.startswith("Line 3 opens a quotation mark that is never closed")


def test_control_characters_never_reach_the_registry(workspace, tmp_path):
    rows = [HEADER, ["Mme", "Mo\x01reau\x1b", "L\u202eéa", "R\x07égion", "", "lea@x.fr\x0c"]]
    import_file(workspace.database, write_csv(tmp_path / "inscrits.csv", rows))
    assert registry(workspace) == [("Mme", "Léa", "Moreau", "Région", "", "lea@x.fr", "", "")]
