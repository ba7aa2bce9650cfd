"""The documents open and lay out in LibreOffice as planned (skipped where `soffice` is not installed)."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.unit.exports.builders import GROUPS, S, entry, person, programme, roster, sitting
from workshop_desk.exports.attendance_docx import write_attendance_sheet
from workshop_desk.exports.badges_docx import write_badges

SOFFICE = shutil.which("soffice")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")]


def _to_pdf(document: Path) -> bytes:
    """Convert with a private LibreOffice profile (a running instance would otherwise swallow the job)."""
    profile = document.parent / "lo-profile"
    assert SOFFICE is not None
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(document.parent), str(document)],
                   capture_output=True, timeout=180, check=True)
    return document.with_suffix(".pdf").read_bytes()


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def _text(pdf_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", "-layout", str(pdf_path), "-"], capture_output=True, text=True,
                          timeout=60, check=True).stdout


def test_the_sheet_is_a_page_of_participants_then_a_page_of_walk_ins(tmp_path):
    path = write_attendance_sheet(tmp_path / "sheet.docx", programme(), sitting(), roster(), GROUPS, "en")
    assert _pages(_to_pdf(path)) == 2
    text = _text(path.with_suffix(".pdf"))
    assert "Page 1 of 2" in text and "Page 2 of 2" in text  # the fields were computed
    assert "Walk-ins" in text


def test_a_long_sheet_repeats_its_header_row(tmp_path):
    many = [*roster(), *(entry(person(100 + n, "Léa", f"Moreau {n:03d}"), S.REGISTERED) for n in range(60))]
    path = write_attendance_sheet(tmp_path / "sheet.docx", programme(), sitting(), many, GROUPS, "en")
    _to_pdf(path)
    text = _text(path.with_suffix(".pdf"))
    pages = text.split("\f")
    assert all("Organisation" in page for page in pages if page.strip())


@pytest.mark.parametrize("per_page", [8, 10])
def test_badges_fill_exactly_their_pages(tmp_path, per_page):
    people = [person(n, "Léa", f"Moreau {n}") for n in range(1, 2 * per_page + 2)]  # two pages and one badge
    path = write_badges(tmp_path / "badges.docx", people, GROUPS, "en", per_page)
    assert _pages(_to_pdf(path)) == 3
