"""Importing ballots from a spreadsheet (.xlsx or .csv, one row per voter) in a single transaction."""

import csv
import io
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlmodel import select

from workshop_desk.domain.enums import Source
from workshop_desk.domain.people import fold
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.voting_sheet import MAX_ROWS, SheetReading, read_rows
from workshop_desk.i18n import _
from workshop_desk.services.ballot_votes import store_papers
from workshop_desk.services.importing_read import decode, sniff_delimiter
from workshop_desk.services.voting import load_ballot, require_open
from workshop_desk.storage.db import Database
from workshop_desk.storage.tables import SittingTable, StakeholderGroupTable

_ZIP = b"PK\x03\x04"


def import_ballots(database: Database, ballot_id: int, rows: Sequence[Sequence[object]], name: str,
                   source: Source = Source.IMPORT) -> SheetReading:
    """Check every row of a sheet read with `read_sheet`, then record all the ballots or none (each voter's earlier
    ballot replaced); `name` is the file's, for the messages."""
    with database.session() as session:
        ballot = load_ballot(session, ballot_id)
        require_open(ballot)
        sitting = session.get(SittingTable, ballot.sitting_id)
        assert sitting is not None
        query = select(StakeholderGroupTable).where(StakeholderGroupTable.programme_id == sitting.programme_id)
        groups = {fold(group.name): group.id for group in session.exec(query) if group.id is not None}
        reading = read_rows(list(rows), ballot, groups, source, name)
        if not reading.papers:
            raise ValidationError(_("“{name}” holds no ballot below its header row.").format(name=name))
        return replace(reading, replaced=store_papers(session, ballot_id, reading.papers))


def read_sheet(path: Path) -> list[Sequence[object]]:
    """The rows of the file's first sheet (the active one) or of a CSV in whatever encoding and separator."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ValidationError(_("The file “{name}” does not exist (any more).").format(name=path.name)) from exc
    except OSError as exc:
        raise ValidationError(_("The file “{name}” cannot be read: {detail}").format(
            name=path.name, detail=exc.strerror or exc)) from exc
    if not data.strip():
        raise ValidationError(_("“{name}” is empty.").format(name=path.name))
    return _xlsx_rows(path.name, data) if data.startswith(_ZIP) else _csv_rows(path.name, data)


def _xlsx_rows(name: str, data: bytes) -> list[Sequence[object]]:
    import openpyxl  # 0.15 s to import: only when a workbook is read

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises a dozen kinds on a zip that is not a workbook
        raise ValidationError(_("“{name}” is not a readable Excel workbook (.xlsx). Open it in Excel and save it "
                                "again, or save it as .csv.").format(name=name)) from exc
    try:
        sheet: Any = workbook.active or workbook.worksheets[0]
        sheet.reset_dimensions()  # some exporters write a wrong size: read every row that is really there
        rows: list[Sequence[object]] = []
        for row in sheet.iter_rows(values_only=True):
            rows.append(row)
            if len(rows) > MAX_ROWS:
                break
        return rows
    finally:
        workbook.close()


def _csv_rows(name: str, data: bytes) -> list[Sequence[object]]:
    text, _encoding = decode(data)
    if "\x00" in text:
        raise ValidationError(_("“{name}” is neither an Excel workbook (.xlsx) nor a CSV text file.").format(
            name=name))
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text)))
    except csv.Error as exc:
        raise ValidationError(_("“{name}” is not a well-formed CSV file: {detail}").format(
            name=name, detail=exc)) from exc
