"""`workshop-desk import participants`, run in a child process as a user would."""


import pytest

from tests.factories import make_bad_file, make_programme_file
from tests.spreadsheets import messy_rows, people_rows, write_csv, write_xlsx
from workshop_desk.services.workspace import Workspace


@pytest.fixture
def programme(tmp_path):
    """A closed programme file with 3 sittings and an accented name."""
    return make_programme_file(tmp_path / "files", name="démarche Gare.wdesk")


def people(path, tmp_path):
    workspace = Workspace.open(path, tmp_path / "backups")
    try:
        sitting = workspace.sittings.all()[1].id
        return ([p.full_name for p in workspace.participants.all()],
                {a.participant_id: str(a.status) for a in workspace.attendance.statuses(sitting).values()})
    finally:
        workspace.database.close()


def test_import_prints_one_line_per_reason_and_the_totals(cli, programme, tmp_path):
    source = write_xlsx(tmp_path / "inscrits.xlsx", messy_rows())
    result = cli("import", "participants", str(programme), str(source), "--sitting", "2")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Skipped, no first or last name: 1 (row 8)",
        "Imported without their invalid e-mail address (kept in the notes): 1 (row 6)",
        "New stakeholder groups: Entreprises, Élus, Services de l'État",
        "Marked as registered for the sitting: 5",
        "Added: 5 · merged: 1 · skipped: 1",
    ]
    assert result.stderr.splitlines() == [
        "Warning: Column I “Inscrit le” was not recognised and will not be imported."]
    names, statuses = people(programme, tmp_path)
    assert names == ["Paul Bernard", "Jean Dupont", "Éloïse Le Goff", "Chloé Martin", "Léa Moreau"]
    assert sorted(statuses.values()) == ["registered"] * 5


def test_a_second_import_merges_and_no_new_groups_leaves_groups_alone(cli, programme, tmp_path):
    source = write_csv(tmp_path / "inscrits.csv", messy_rows(), ";", "utf-8", bom=True)
    assert cli("import", "participants", str(programme), str(source), "--no-new-groups").returncode == 0
    again = cli("import", "participants", str(programme), str(source), "--no-new-groups")
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[-1] == "Added: 0 · merged: 6 · skipped: 1"
    assert "New stakeholder groups" not in again.stdout


def test_nothing_importable_exits_1(cli, programme, tmp_path):
    source = write_csv(tmp_path / "vide.csv", [["Nom", "Prénom", "Courriel"], ["", "", "x@y.fr"]], ",")
    result = cli("import", "participants", str(programme), str(source))
    assert result.returncode == 1
    assert result.stdout.splitlines() == ["Skipped, no first or last name: 1 (row 2)",
                                          "Added: 0 · merged: 0 · skipped: 1"]
    assert "Nothing was imported." in result.stderr


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: p.write_bytes(b""), "is empty"),
    (lambda p: write_csv(p, [["Moreau", "Léa"]]), "No header row was found"),
    (lambda p: None, "does not exist"),
])
def test_an_unreadable_source_exits_1_with_a_sentence_and_changes_nothing(cli, programme, tmp_path, make, message):
    source = tmp_path / "source.xlsx"
    make(source)
    result = cli("import", "participants", str(programme), str(source))
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert people(programme, tmp_path)[0] == []


def test_an_unknown_sitting_exits_1_and_imports_nobody(cli, programme, tmp_path):
    source = write_xlsx(tmp_path / "inscrits.xlsx", people_rows(3))
    result = cli("import", "participants", str(programme), str(source), "--sitting", "99")
    assert result.returncode == 1
    assert "There is no sitting 99 in this programme." in result.stderr
    assert people(programme, tmp_path)[0] == []


def test_a_bad_programme_file_exits_1(cli, tmp_path):
    path = make_bad_file(tmp_path, "random_bytes")
    source = write_xlsx(tmp_path / "inscrits.xlsx", people_rows(3))
    result = cli("import", "participants", str(path), str(source))
    assert result.returncode == 1
    assert "is not a Workshop Desk programme file" in result.stderr


def test_french_output(cli, programme, tmp_path):
    source = write_xlsx(tmp_path / "inscrits.xlsx", people_rows(2))
    result = cli("--lang", "fr", "import", "participants", str(programme), str(source))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()  # the words are translated later; the verb must run in French too


def _mixed_csv(path):
    """The header and one person in UTF-8, two people in Windows-1252; a quotation mark never closed."""
    lines = [("Nom;Prénom;Structure", "utf-8"), ("Moreau;Léa;Région", "cp1252"), ("Le Goff;Éloïse;CCI", "utf-8"),
             ('Dupont;"Jérôme;Mairie', "cp1252"), ("Martin;Chloé;Asso", "utf-8")]
    path.write_bytes(b"".join((text + "\r\n").encode(encoding) for text, encoding in lines))
    return path


def test_a_mixed_encoding_and_an_open_quote_are_warned_about_and_lose_nothing(cli, programme, tmp_path):
    result = cli("import", "participants", str(programme), str(_mixed_csv(tmp_path / "inscrits.csv")))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "Warning: The file mixes two encodings (UTF-8 + Windows-1252): each line was read in the one that fits it. "
        "Check the lines concerned (lines 2, 4).",
        "To read the file in another encoding, add --encoding and one of: utf-8, windows-1252, latin-1, mac-roman, "
        "cp850.",
        "Warning: Line 4 opens a quotation mark that is never closed: that line was read without it, and the lines "
        "after it as usual. Check that row.",
    ]
    assert result.stdout.splitlines()[-1] == "Added: 4 · merged: 0 · skipped: 0"
    assert people(programme, tmp_path)[0] == ["Jérôme Dupont", "Éloïse Le Goff", "Chloé Martin", "Léa Moreau"]


def test_the_encoding_can_be_chosen(cli, programme, tmp_path):
    source = _mixed_csv(tmp_path / "inscrits.csv")
    result = cli("import", "participants", str(programme), str(source), "--encoding", "windows-1252")
    assert result.returncode == 0, result.stderr
    assert "Warning: Some characters look misread (lines 1, 3, 5): the file was read as Windows-1252." in result.stderr
    assert "Warning: Column B “PrÃ©nom” was not recognised and will not be imported." in result.stderr
    wrong = cli("import", "participants", str(programme), str(source), "--encoding", "klingon")
    assert wrong.returncode == 2 and "invalid choice" in wrong.stderr


def test_warnings_in_french(cli, programme, tmp_path):
    result = cli("--lang", "fr", "import", "participants", str(programme), str(_mixed_csv(tmp_path / "i.csv")))
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("Attention\xa0: Le fichier mélange deux encodages")
    assert "ajoutez --encoding" in result.stderr
