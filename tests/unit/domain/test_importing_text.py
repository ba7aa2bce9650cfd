"""Reading a CSV file's text honestly: encodings and misread lines, quotation marks, control characters, notes."""

import pytest

from workshop_desk.domain.importing import SourceTable, Target, carry_mapping, cell_text
from workshop_desk.domain.importing_csv import CsvFailed, open_quote, read_csv
from workshop_desk.domain.importing_notes import NoteKind, column_notes, import_notes, row_remarks
from workshop_desk.domain.importing_text import Decoding, SuspectLine, decode_text, lines_text, looks_misread

ROWS = ["Nom;Prénom;Structure", "Moreau;Léa;Région", "Le Goff;Éloïse;CCI", "Dupont;Jean;Mairie d'Orléans"]


def _bytes(encodings: list[str]) -> bytes:
    """ROWS, each line in its own encoding."""
    return b"".join((row + "\r\n").encode(encoding) for row, encoding in zip(ROWS, encodings, strict=True))


# Encodings -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("encoding", "name"), [("utf-8", "UTF-8"), ("cp1252", "Windows-1252"),
                                                 ("mac-roman", "Mac Roman"), ("cp850", "DOS (CP850)")])
def test_a_file_in_one_encoding_is_read_right_with_nothing_to_check(encoding, name):
    text, decoding = decode_text(_bytes([encoding] * 4))
    assert text.splitlines() == ROWS
    assert decoding == Decoding(name)


def test_utf8_with_a_bom_and_utf16():
    assert decode_text(b"\xef\xbb\xbf" + _bytes(["utf-8"] * 4)) == ("\r\n".join(ROWS) + "\r\n", Decoding("UTF-8"))
    text, decoding = decode_text("\r\n".join(ROWS).encode("utf-16"))
    assert (text.splitlines(), decoding.encoding) == (ROWS, "UTF-16")


def test_a_file_mixing_utf8_and_windows_1252_is_read_line_by_line_and_says_so():
    text, decoding = decode_text(_bytes(["utf-8", "cp1252", "utf-8", "utf-8"]))
    assert text.splitlines() == ROWS  # "Prénom" is recognised: no column lost
    assert decoding.mixed and decoding.encoding == "UTF-8 + Windows-1252"
    assert decoding.suspects == (SuspectLine(2, "Moreau;Léa;Région"),)  # the line in the rarer encoding


def test_a_chosen_encoding_is_used_and_what_it_misreads_is_shown():
    data = _bytes(["utf-8", "cp1252", "utf-8", "utf-8"])
    text, decoding = decode_text(data, "windows-1252")
    assert text.splitlines()[:2] == ["Nom;PrÃ©nom;Structure", "Moreau;Léa;Région"]
    assert (decoding.encoding, decoding.chosen, decoding.mixed) == ("Windows-1252", "windows-1252", False)
    assert [s.line for s in decoding.suspects] == [1, 3, 4]  # UTF-8 read byte by byte
    text, decoding = decode_text(data, "utf-8")
    assert text.splitlines()[1] == "Moreau;L\ufffda;R\ufffdgion" and [s.line for s in decoding.suspects] == [2]


def test_an_encoding_that_cannot_be_told_leaves_the_odd_lines_to_check():
    """Bytes every candidate reads as something odd: the least odd reading, and its odd lines listed."""
    data = "Nom;Prénom\r\nMoreau;Léa\r\n".encode().replace(b"\xc3", b"\xc3\x81")  # not UTF-8 any more
    _text, decoding = decode_text(data)
    assert not decoding.mixed and [s.line for s in decoding.suspects] == [1, 2]


@pytest.mark.parametrize(("line", "codec", "odd"), [
    ("Chargée de mission, l’État, Œuvre, «Bonjour», 12 €, N°3", "windows-1252", False),
    ("LE GOFF Éloïse — ÉLOÏSE D'ÉTIENNE, Straße, Ñuñez", "windows-1252", False),
    ("PrÃ©nom", "windows-1252", True),  # UTF-8 read as Windows-1252
    ("PrŽnom", "windows-1252", True),  # Mac Roman read as Windows-1252
    ("MŸller", "windows-1252", True),
    ("Pr‚nom", "windows-1252", True),  # DOS read as Windows-1252
    ("ChargÈe", "mac-roman", True),  # Windows-1252 read as Mac Roman
    ("…lus", "mac-roman", True),
    ("caf\x81", "latin-1", True),
    ("Zoë 🎨 Łukasiewicz, Δημήτρης", "utf-8", False),
    ("PrÃ©nom", "utf-8", True),  # encoded twice
])
def test_what_looks_misread(line, codec, odd):
    assert looks_misread(line, codec) is odd


def test_lines_text():
    assert lines_text([4]) == "line 4"
    assert lines_text([4, 7]) == "lines 4, 7"
    assert lines_text(list(range(1, 31))) == "lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 20 more"


# Quotation marks -----------------------------------------------------------------------------------------------

def test_a_quotation_mark_never_closed_is_reported_and_swallows_nothing():
    text = "Nom;Prénom\r\nMoreau;Léa\r\nDupont;\"Jean\r\nMartin;Chloé\r\nBernard;Paul\r\n"
    read = read_csv(text, ";", 100)
    assert read.open_quotes == (3,)
    assert read.rows == (["Nom", "Prénom"], ["Moreau", "Léa"], ["Dupont", "Jean"], ["Martin", "Chloé"],
                         ["Bernard", "Paul"])
    assert read_csv('Nom;Prénom;Ville\r\n"Dupont";"Jean;Paris\r\n', ";", 9).rows[1] == ["Dupont", "Jean", "Paris"]


def test_an_open_quotation_mark_longer_than_the_csv_modules_limit_is_reported_too():
    text = "Nom;Prénom\r\nDupont;\"Jean\r\n" + "Martin;Chloé\r\n" * 20_000
    read = read_csv(text, ";", 100_000)
    assert read.open_quotes == (2,) and len(read.rows) == 20_002


def test_a_huge_cell_is_refused_with_its_line():
    with pytest.raises(CsvFailed) as failed:
        read_csv("Nom;Notes\r\nMoreau;ok\r\nDupont;" + "x" * 200_000 + "\r\n", ";", 100)
    assert failed.value.line == 3


def test_lines_joined_by_a_stray_quotation_mark_are_reported():
    text = ("Nom;Prénom;Structure\r\nMoreau;\"Léa;Région\r\nDupont;Jean;Mairie\r\nMartin;Chloé\";Asso\r\n"
            "Bernard;Paul;Asso\r\n")
    read = read_csv(text, ";", 100)
    assert read.joined == ((2, 4),) and read.open_quotes == ()
    assert len(read.rows) == 3


def test_a_real_line_break_in_a_quoted_cell_is_not_reported():
    text = "Nom;Notes;Courriel\r\nMoreau;\"Allergies : gluten\r\nArrive à 10 h\";lea@x.fr\r\nDupont;;j@x.fr\r\n"
    read = read_csv(text, ";", 100)
    assert (read.open_quotes, read.joined) == ((), ())
    assert read.rows[1] == ["Moreau", "Allergies : gluten\r\nArrive à 10 h", "lea@x.fr"]


@pytest.mark.parametrize(("text", "at"), [
    ('a;"b', 2), ('a;"b""c', 2), ('a;"b";c', None), ('a;"b""";c', None), ('a;b"c', None),
    ('a;"b"c"d', None), ('"a\r\nb";c', None), ('a; "b', None), ('"a";"b', 4),
])
def test_open_quote_reads_quotation_marks_as_the_csv_module_does(text, at):
    assert open_quote(text, ";") == at


# Cells and notes -----------------------------------------------------------------------------------------------

def test_control_characters_are_stripped_from_cells():
    assert cell_text("Mo\x00re\x07au\x1b") == "Moreau"
    assert cell_text("Jean\tPaul\r\nDupont\x0bDurand") == "Jean Paul Dupont Durand"  # white space: one space
    assert cell_text("\ufeff\u200bLéa\u202e\u2066") == "Léa"  # marks and direction overrides
    assert cell_text("caf\x81é\x85x") == "café x"  # C1 controls; NEL is a line break
    assert cell_text("👩\u200d🔬 Zoé") == "👩\u200d🔬 Zoé"  # joiners inside an emoji are kept


def _table(headers: tuple[str, ...], **extra: object) -> SourceTable:
    rows = ((2, ("Moreau", "Léa", "x", "", "12/01", "a")), (3, ("Dupont", "Jean", "y", "", "", "")))
    return SourceTable("f.csv", headers, rows, 1, **extra)  # type: ignore[arg-type]


def test_the_columns_that_will_not_be_imported_are_named():
    table = _table(("Nom", "Prénom", "Column C", "Vide", "Inscrit le", "Badge"))
    guessed = (Target.LAST_NAME, Target.FIRST_NAME, None, None, None, None)
    assert [note.text for note in column_notes(table, guessed, guessed)] == [
        "Column C has no heading and will not be imported.",
        "Columns E “Inscrit le”, F “Badge” were not recognised and will not be imported."]  # D is empty
    chosen = (Target.LAST_NAME, None, Target.NOTES, None, Target.NOTES, None)
    assert [note.text for note in column_notes(table, chosen, guessed)] == [
        "Column F “Badge” was not recognised and will not be imported.",
        "Column B “Prénom” will not be imported, as you chose."]


def test_notes_on_how_the_file_was_read():
    decoding = Decoding("UTF-8 + Windows-1252", mixed=True, suspects=(SuspectLine(3, "Léa"),))
    table = _table(("Nom", "Prénom", "X", "Y", "Z", "T"), decoding=decoding, open_quotes=(7,), joined=((9, 12),))
    mapping = (Target.LAST_NAME, Target.FIRST_NAME, Target.NOTES, Target.NOTES, Target.NOTES, Target.NOTES)
    notes = import_notes(table, mapping, mapping)
    assert [note.kind for note in notes] == [NoteKind.ENCODING, NoteKind.QUOTES, NoteKind.QUOTES]
    assert notes[0].text == ("The file mixes two encodings (UTF-8 + Windows-1252): each line was read in the one "
                             "that fits it. Check the lines concerned (line 3).")
    assert "Line 7 opens a quotation mark that is never closed" in notes[1].text
    assert notes[2].text.startswith("Lines 9 to 12 were read as a single row")
    alone = import_notes(_table(table.headers, decoding=Decoding("Mac Roman", suspects=(
        SuspectLine(2, "x"), SuspectLine(5, "y")))), mapping, mapping)
    assert str(alone[0]) == ("Some characters look misread (lines 2, 5): the file was read as Mac Roman. If names "
                             "look garbled, choose another encoding.")


def test_reading_again_keeps_the_users_choices_where_the_heading_is_the_same():
    before = _table(("Nom", "PrÃ©nom", "Notes", "Y", "Z", "T"))
    after = _table(("Nom", "Prénom", "Notes", "Y", "Z", "T"))
    mapping = (Target.LAST_NAME, None, None, Target.ROLE, None, None)  # notes left out, Y chosen as the role
    guessed = (Target.LAST_NAME, Target.FIRST_NAME, Target.NOTES, None, None, None)
    assert carry_mapping(before, mapping, after, guessed) == (Target.LAST_NAME, Target.FIRST_NAME, None,
                                                             Target.ROLE, None, None)


def test_remarks_on_the_rows_whose_line_looks_misread_or_has_a_quotation_mark():
    decoding = Decoding("Windows-1252", suspects=(SuspectLine(1, "PrÃ©nom"), SuspectLine(3, "DÃ©sirÃ©")))
    table = _table(("Nom", "Prénom", "X", "Y", "Z", "T"), decoding=decoding, open_quotes=(2,), joined=((3, 5),))
    assert row_remarks(table) == {  # line 1, the header, is no row
        2: "A quotation mark never closed here was left out.",
        3: "Some characters may be misread. Lines 3 to 5 read as this one row."}
