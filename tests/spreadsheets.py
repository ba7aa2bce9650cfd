"""Messy spreadsheets for the import tests, written at test time: what registration tools really export."""

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

Row = Sequence[object]

HEADER = ["Civilité", "NOM", "Prénom ", "Structure", "Fonction", "Courriel", "Téléphone", "Collège",
          "Inscrit le"]


def messy_rows() -> list[Row]:
    """A title row, a blank line, the header, then accents, capitals, trailing spaces, an Excel date,
    a number that lost its leading zero, a bad address, a nameless row, a repeat and a shared address."""
    return [
        ["Liste des inscrits — Atelier santé du 2 février"],
        [],
        HEADER,
        ["Mme", "LE GOFF ", "ÉLOÏSE", "CCI Gare", "Chargée de mission", "eloise@cci.fr", 612345678, "Entreprises",
         dt.datetime(2027, 1, 3)],
        [],
        ["M.", "Dupont", "Jean", "Mairie", "Élu", "jean@mairie", "01 23 45 67 89", "Élus", dt.datetime(2027, 1, 4, 9)],
        ["M.", "DUPONT", "jean", "mairie ", "", "", "", "", None],
        [None, "", "", "Sans nom", "", "x@y.fr"],
        ["Mme", "Martin", "Chloé", "Asso 🌱", "", "contact@asso.fr", "", "Associations"],
        ["M.", "Bernard", "Paul", "Asso", "", "contact@asso.fr"],
        ["Mme", "Moreau", "Léa", "Région", "Directrice", "lea@region.fr", "", "Services de l'État"],
    ]


def people_rows(count: int, start: int = 0) -> list[Row]:
    """`count` distinct people below the standard header."""
    return [HEADER] + [["M." if n % 2 else "Mme", f"NOM{n}", f"Prénom{n}", f"Structure {n % 40}", "Chargé",
                        f"p{n}@exemple.fr", "06 00 00 00 00", "Entreprises", dt.datetime(2027, 1, 1 + n % 28)]
                       for n in range(start, start + count)]


def write_xlsx(path: Path, rows: Sequence[Row], sheet: str = "Inscrits") -> Path:
    """Text in text cells, as registration tools write it ('=1' too: openpyxl would make it a formula)."""
    import openpyxl

    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    for row in rows:
        worksheet.append(list(row))
        for cell in worksheet[worksheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    workbook.save(path)
    return path


def _cell(value: object) -> str:
    text = value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else ("" if value is None else str(value))
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ';,\t"\r\n') else text


def write_csv(path: Path, rows: Sequence[Row], delimiter: str = ";", encoding: str = "utf-8",
              bom: bool = False) -> Path:
    """Written by hand, byte by byte, the way Excel does: CRLF line ends, quotes only where needed."""
    text = "\r\n".join(delimiter.join(_cell(value) for value in row) for row in rows) + "\r\n"
    data = text.encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path
