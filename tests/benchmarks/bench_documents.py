"""Badges and an attendance sheet for 800 people (the launch seminar), against bare python-docx scripts."""

import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import docx
from docx.shared import Mm

from workshop_desk.domain.attendance import RosterEntry
from workshop_desk.domain.enums import AttendanceStatus
from workshop_desk.domain.models import Attendance, Participant, Programme, Sitting, StakeholderGroup
from workshop_desk.exports.attendance_docx import write_attendance_sheet
from workshop_desk.exports.badges_docx import qr_png, write_badges

PEOPLE, RUNS = 800, 3
GROUPS = [StakeholderGroup(n, 1, f"Collège {n}", "#1E88E5", n) for n in range(1, 9)]


def people() -> list[Participant]:
    return [Participant(n, 1, f"Prénom-{n}", f"Nom {n:04d}", f"CODE{n:06d}", organisation=f"Organisation n° {n}",
                        role="Chargée de mission", group_id=1 + n % 8) for n in range(1, PEOPLE + 1)]


def roster() -> list[RosterEntry]:
    return [RosterEntry(p, Attendance(p.id, 1, p.id, AttendanceStatus.REGISTERED)) for p in people()]


def bare_badges(path: Path) -> None:
    """The same badge texts and QR pictures in a plain 5-column table, the fastest way python-docx's public API
    allows: the table made at its size at once (`add_row` works out each new row's cell widths), cells filled
    through a run of their first paragraph."""
    document = docx.Document()
    everyone = people()
    table = document.add_table(rows=2 * ((len(everyone) + 1) // 2), cols=5)
    rows = list(table.rows)  # once: indexing `table.rows` lists every row again
    for pair, first in enumerate(range(0, len(everyone), 2)):
        band, body = rows[2 * pair].cells, rows[2 * pair + 1].cells
        for slot, person in enumerate(everyone[first:first + 2]):
            band[3 * slot].paragraphs[0].add_run(f"Collège {person.group_id}")
            body[3 * slot].paragraphs[0].add_run(
                f"{person.first_name}\n{person.last_name}\n{person.organisation}\n{person.role}")
            body[3 * slot + 1].paragraphs[0].add_run().add_picture(_stream(qr_png(person.badge_code)), Mm(26))
            body[3 * slot + 1].add_paragraph(person.badge_code)
    document.save(str(path))


def _stream(data: bytes):  # type: ignore[no-untyped-def]
    import io

    return io.BytesIO(data)


def bare_sheet(path: Path) -> None:
    """The same rows (and blank walk-in rows) in a plain table made at its size, cells filled through a run."""
    document = docx.Document()
    everyone = people()
    table = document.add_table(rows=1 + len(everyone) + 20, cols=5)
    rows = list(table.rows)  # once: indexing `table.rows` lists every row again
    rows[0].cells[0].paragraphs[0].add_run("No.")
    for number, person in enumerate(everyone, start=1):
        cells = rows[number].cells
        for cell, text in zip(cells, (str(number), person.sort_name, person.organisation, f"Collège {person.group_id}"),
                              strict=False):
            cell.paragraphs[0].add_run(text)
    for number in range(PEOPLE + 1, PEOPLE + 21):
        rows[number].cells[0].paragraphs[0].add_run(str(number))
    document.save(str(path))


def ours_badges(path: Path) -> None:
    write_badges(path, people(), GROUPS, "fr", 8)


def ours_sheet(path: Path) -> None:
    sitting = Sitting(1, 1, "Séminaire de lancement", date=dt.date(2027, 3, 4), start_time=dt.time(9, 0),
                      end_time=dt.time(17, 0), facilitators="Claire Vasseur")
    write_attendance_sheet(path, Programme(1, "Stratégie régionale"), sitting, roster(), GROUPS, "fr")


def timed(write: Callable[[Path], None], path: Path) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        write(path)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="wdesk-bench-docs-"))
    for name, ours, bare in (("badges, 8 per page", ours_badges, bare_badges),
                             ("attendance sheet", ours_sheet, bare_sheet)):
        mine, plain = timed(ours, folder / "ours.docx"), timed(bare, folder / "bare.docx")
        print(f"{name:<20} for {PEOPLE}: {mine:6.2f} s   bare python-docx: {plain:6.2f} s   ratio {mine / plain:.2f}"
              f"   (median of {RUNS})")


if __name__ == "__main__":
    main()
