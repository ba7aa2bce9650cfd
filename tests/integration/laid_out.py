"""Reading what LibreOffice laid out: .docx files converted to PDF in one go, their pages' text, and the checks that
nothing was lost, that a table of contents tells the truth and that no page is empty or ends on a heading."""

import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document

SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")
_PAGE_NUMBER = re.compile(r"^\s*(Page \d+ (sur|of) \d+)\s*$")
_CONTENTS_ENTRY = re.compile(r"^\s*(?P<title>\S.*?)\s*\.{3,}\s*(?P<page>\d+)\s*$")
HEADING_STYLES = ("Title", "Subtitle", "TOC Heading", "Heading 1", "Heading 2", "Heading 3", "Heading 4")


def to_pdfs(documents: Sequence[Path], folder: Path) -> list[Path]:
    """The PDFs LibreOffice makes of `documents`, in one run with a private profile (a running instance would
    otherwise swallow the job)."""
    assert SOFFICE is not None
    profile = folder / "lo-profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), *map(str, documents)], capture_output=True, timeout=600, check=True)
    return [folder / f"{document.stem}.pdf" for document in documents]


def pdf_text(pdf: Path, layout: bool = True) -> str:
    """pdftotext's text: `layout` keeps the columns on their lines; raw keeps each table cell's lines together."""
    assert PDFTOTEXT is not None
    mode = "-layout" if layout else "-raw"
    return subprocess.run([PDFTOTEXT, mode, str(pdf), "-"], capture_output=True, text=True, timeout=120,
                          check=True).stdout


def squeeze(text: str) -> str:
    """`text` without spaces, line breaks and invisible characters, case folded (badges print group names in
    capitals): how it compares whatever the line breaks. Symbols (emoji) are left out too: whether one is drawn
    depends on the fonts installed (LibreOffice drops a character that no font has, 🙂 without an emoji font)."""
    return "".join(c for c in text.casefold() if not c.isspace() and unicodedata.category(c) not in ("Cf", "So"))


def written_texts(document: Document) -> list[str]:
    """Every paragraph of the body and every table cell that holds text (cells through `row.cells`: linear)."""
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return [text for text in texts if squeeze(text)]


def missing(texts: Iterable[str], pdf: Path) -> list[str]:
    """The texts that the PDF does not hold (compared without spaces and line breaks)."""
    laid_out = squeeze(pdf_text(pdf, layout=False))
    return [text for text in dict.fromkeys(texts) if squeeze(text) not in laid_out]


def headings(document: Document) -> set[str]:
    return {p.text.strip() for p in document.paragraphs
            if p.style is not None and p.style.name in HEADING_STYLES and p.text.strip()}


@dataclass(frozen=True)
class Page:
    number: int
    lines: list[str]  # without the running header, the page number and blank lines


def pages(pdf: Path, running_header: str) -> list[Page]:
    """The PDF's pages, each as the lines of its body."""
    found = []
    for number, text in enumerate(pdf_text(pdf).split("\f")[:-1], start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip() and not _PAGE_NUMBER.match(line)]
        if lines and running_header and squeeze(lines[0]) == squeeze(running_header):
            lines = lines[1:]
        found.append(Page(number, lines))
    return found


def contents(page: Page) -> list[tuple[str, int]]:
    """The entries of a table of contents on this page: (title, page number)."""
    entries = []
    for line in page.lines:
        match = _CONTENTS_ENTRY.match(line)
        if match:
            entries.append((match["title"].rstrip(". "), int(match["page"])))
    return entries


def starts_with(page: Page, title: str) -> bool:
    return squeeze(" ".join(page.lines)).startswith(squeeze(title))


def layout_faults(found: list[Page], heading_texts: set[str]) -> list[str]:
    """Blank pages, pages that hold only headings, pages whose last line is a heading."""
    faults = []
    for page in found:
        if not page.lines:
            faults.append(f"page {page.number} is blank")
        elif all(line in heading_texts for line in page.lines):
            faults.append(f"page {page.number} holds only a heading: {page.lines}")
        elif _ends_with_heading(page.lines, heading_texts):
            faults.append(f"page {page.number} ends with the heading {page.lines[-1]!r}")
    return faults


def _ends_with_heading(lines: list[str], heading_texts: set[str]) -> bool:
    squeezed = {squeeze(text) for text in heading_texts}
    return squeeze(lines[-1]) in squeezed or (len(lines) > 1 and squeeze(" ".join(lines[-2:])) in squeezed)
