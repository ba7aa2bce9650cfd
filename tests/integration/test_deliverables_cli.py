"""`workshop-desk export minutes | synthesis`, run in a child process as a user would; and both deliverables
converted by LibreOffice (skipped where `soffice` is not installed)."""

import re
import shutil
import subprocess
from pathlib import Path

import docx
import openpyxl
import pytest

from workshop_desk.services.demo import build_demo

SITTING = 2  # the demo's first sector workshop: ideas, themes, a dot vote, priorities
SOFFICE = shutil.which("soffice")


@pytest.fixture
def cli(python, child_env):
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([python, "-m", "workshop_desk", *args], capture_output=True, text=True,
                              encoding="utf-8", env=child_env, timeout=180, check=False)
    return run


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    build_demo(folder / "démo.wdesk", folder / "backups").database.close()
    return folder / "démo.wdesk"


def test_minutes_of_a_sitting_in_french(cli, demo, tmp_path):
    out = tmp_path / "compte rendu.docx"
    done = cli("export", "minutes", str(demo), "--sitting", str(SITTING), "--out", str(out), "--lang", "fr")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Minutes written to {out}"
    document = docx.Document(str(out))
    assert "Atelier Métiers d'art" in "\n".join(p.text for p in document.paragraphs[:6])
    assert "Page 1 sur 1" in "\n".join(p.text for p in document.sections[0].footer.paragraphs)
    assert document.core_properties.language == "fr-FR"
    assert document.inline_shapes  # the dot vote's chart


def test_synthesis_of_the_programme(cli, demo, tmp_path):
    out = tmp_path / "synthèse.xlsx"
    done = cli("export", "synthesis", str(demo), "--out", str(out), "--lang", "en", "--anonymise")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Synthesis written to {out}"
    workbook = openpyxl.load_workbook(out)
    assert "Those present" not in workbook.sheetnames and "Consolidated priorities" in workbook.sheetnames
    assert workbook["Charts"]._charts
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "synthèse.xlsx"]  # no temporary file left


def test_an_unknown_sitting_or_folder_is_a_sentence(cli, demo, tmp_path):
    done = cli("export", "minutes", str(demo), "--sitting", "999", "--out", str(tmp_path / "m.docx"))
    assert done.returncode == 1 and "There is no sitting 999" in done.stderr
    done = cli("export", "synthesis", str(demo), "--out", str(tmp_path / "nowhere" / "s.xlsx"))
    assert done.returncode == 1 and "does not exist" in done.stderr
    assert "Traceback" not in done.stderr


def _to_pdf(document: Path) -> Path | None:
    """The PDF LibreOffice makes of `document` (None when it cannot load it: Calc is a separate package)."""
    assert SOFFICE is not None
    profile = document.parent / "lo-profile"
    folder = document.parent / document.suffix[1:]
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), str(document)], capture_output=True, timeout=240, check=True)
    pdf = folder / f"{document.stem}.pdf"
    return pdf if pdf.is_file() else None


def _pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


@pytest.mark.slow
@pytest.mark.parametrize("language", ["fr", "en"])
def test_libreoffice_lays_the_minutes_out(cli, demo, tmp_path, language):
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    minutes = tmp_path / "minutes.docx"
    done = cli("export", "minutes", str(demo), "--out", str(minutes), "--lang", language)
    assert done.returncode == 0, done.stderr
    pdf = _to_pdf(minutes)
    assert pdf is not None and _pages(pdf) >= 10
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60,
                              check=True).stdout
        assert "Conclusion et calendrier" in text  # a table that runs onto a new page keeps its rows
        assert ("Page 3 sur" if language == "fr" else "Page 3 of") in text


@pytest.mark.slow
@pytest.mark.parametrize(("language", "sitting"), [("fr", None), ("en", None), ("fr", SITTING), ("en", SITTING)],
                         ids=["programme-fr", "programme-en", "sitting-fr", "sitting-en"])
def test_libreoffice_prints_the_synthesis(cli, demo, tmp_path, language, sitting):
    """Every page carries the programme and the sitting in its header, and "Page n of m" in its footer."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    synthesis = tmp_path / "synthesis.xlsx"
    chosen = ("--sitting", str(sitting)) if sitting else ()
    done = cli("export", "synthesis", str(demo), "--out", str(synthesis), "--lang", language, *chosen)
    assert done.returncode == 0, done.stderr
    pdf = _to_pdf(synthesis)
    if pdf is None:
        pytest.skip("LibreOffice Calc is not installed (soffice cannot load a workbook)")
    pages = _pages(pdf)
    assert pages >= (20 if sitting is None else 5)
    if not shutil.which("pdftotext"):
        return
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60,
                          check=True).stdout.split("\f")
    of = "sur" if language == "fr" else "of"
    whole = "Ensemble de la démarche" if language == "fr" else "Whole programme"
    scope = "Atelier Métiers d'art" if sitting else whole
    for number, page in enumerate(text[:pages], start=1):
        assert f"Page {number} {of} {pages}" in page, number
        assert "Plan de développement économique du quartier Gare-Confluence" in page and scope in page, number
        assert ("Établi le" if language == "fr" else "Written on") in page, number


def test_the_join_card_carries_the_sittings_code_and_a_sitting_without_one_is_told(cli, demo, tmp_path):
    from workshop_desk.services.workspace import Workspace

    workspace = Workspace.open(demo, tmp_path / "backups")
    assises = next(s.id for s in workspace.sittings.all() if s.kind == "conference")
    code = workspace.phones.settings(assises).join_code
    workspace.close()
    out = tmp_path / "carte.docx"
    done = cli("export", "join-card", str(demo), "--sitting", str(assises), "--host", "192.168.8.20", "--out",
               str(out), "--lang", "fr")
    assert done.returncode == 0, done.stderr
    text = "\n".join(cell.text for table in docx.Document(str(out)).tables for row in table.rows
                     for cell in row.cells)
    assert f"192.168.8.20:8765/s/{code}" in text and "Réseau : Assises-Gare-Confluence" in text.replace("\xa0", " ")
    refused = cli("export", "join-card", str(demo), "--sitting", str(SITTING), "--out", str(tmp_path / "x.docx"))
    assert refused.returncode == 1 and "no join code yet" in refused.stderr and not (tmp_path / "x.docx").exists()
