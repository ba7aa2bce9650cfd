"""`workshop-desk package prepare | open | export | import`, run in child processes as a user would type them."""

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from tests.factories import make_workspace, programme_draft
from tests.integration.conftest import command_line, environment_under
from workshop_desk.domain.ideas import IdeaDraft
from workshop_desk.domain.models import ParticipantDraft
from workshop_desk.domain.people import draft_of
from workshop_desk.services.workspace import Workspace


@dataclass(frozen=True)
class Laptops:
    lead: Path  # the lead's file once the laptops were prepared (closed; each test imports into a copy)
    handouts: list[Path]
    returns: list[Path]


@pytest.fixture(scope="module")
def module_cli(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., subprocess.CompletedProcess[str]]:
    return command_line(sys.executable, environment_under(tmp_path_factory.mktemp("child")))


@pytest.fixture(scope="module")
def laptops(module_cli, tmp_path_factory: pytest.TempPathFactory) -> Laptops:
    """A lead file of two sittings and three people; two laptops prepared, opened, worked on and exported, each
    through its verb."""
    folder = tmp_path_factory.mktemp("laptops")
    workspace = make_workspace(folder / "lead", sittings=2, name="séminaire.wdesk")
    for n in range(3):
        workspace.participants.add(ParticipantDraft(f"Prénom{n}", f"Nom{n}"))
    workspace.close()
    stick = folder / "clé"
    done = module_cli("package", "prepare", str(workspace.path), "--laptop", "Atelier 1 — Julie", "1",
                      "--laptop", "Marc", "2", "--out", str(stick))
    assert done.returncode == 0, done.stderr
    handouts = [stick / "Atelier 1 — Julie.wdpack", stick / "Marc.wdpack"]
    assert done.stdout.splitlines() == [f"Package written: {path}" for path in handouts]
    return Laptops(workspace.path, handouts, [_laptop(module_cli, handout, n, folder)
                                              for n, handout in enumerate(handouts)])


def _laptop(cli, handout: Path, n: int, folder: Path) -> Path:
    laptop = folder / f"portable{n}" / "atelier.wdesk"
    done = cli("package", "open", str(handout), "--out", str(laptop))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Programme file made for {handout.stem}: {laptop} (Séance {n + 1})")
    _laptop_work(laptop, n)
    back = folder / f"retour{n}.wdpack"
    done = cli("package", "export", str(laptop), "--sitting", str(n + 1), "--out", str(back))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Package written: {back} (Séance {n + 1})."
    return back


def _laptop_work(path: Path, n: int) -> None:
    """A workshop on a laptop: a walk-in, two ideas, and an edit of the registry's first person."""
    workspace = Workspace.open(path, path.parent / "backups")
    try:
        sitting = workspace.sittings.all()[0].id
        workspace.attendance.walk_in(sitting, ParticipantDraft("Invité", f"Portable {n}"))
        for k in range(2):
            workspace.ideas.add(sitting, IdeaDraft(f"Idée {k} du portable {n}"))
        first = min(workspace.participants.all(), key=lambda p: p.id)
        workspace.participants.update(first.id, replace(draft_of(first), role=f"Rôle du portable {n}"))
    finally:
        workspace.close()


@pytest.fixture
def lead(laptops: Laptops, tmp_path: Path) -> Path:
    """A copy of the lead's file to import into."""
    path = tmp_path / "lead" / laptops.lead.name
    path.parent.mkdir()
    shutil.copyfile(laptops.lead, path)
    return path


@pytest.fixture
def returns(laptops: Laptops) -> list[Path]:
    return laptops.returns


def test_import_prints_what_each_package_did_and_again_nothing_new(cli, lead: Path, returns: list[Path]) -> None:
    done = cli("package", "import", str(lead), *map(str, returns))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    # The walk-in, their sign-in and two ideas; the second laptop's edit of the same person is a conflict.
    assert done.stdout.splitlines() == [
        "retour0.wdpack: 4 added, 1 updated, 0 deleted, 0 left as they were, 0 conflicts.",
        "retour1.wdpack: 4 added, 1 updated, 0 deleted, 0 left as they were, 1 conflict.",
    ]
    again = cli("package", "import", str(lead), *map(str, returns))
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines() == ["retour0.wdpack: nothing new (already imported).",
                                         "retour1.wdpack: nothing new (already imported)."]
    with closing(sqlite3.connect(f"file:{lead}?immutable=1", uri=True)) as connection:
        assert connection.execute("SELECT count(*) FROM participant").fetchone()[0] == 5
        assert connection.execute("SELECT count(*) FROM idea").fetchone()[0] == 4
        assert connection.execute("SELECT count(*) FROM sync_conflict").fetchone()[0] == 1


def _refused_ones(lead: Path, returns: list[Path], handouts: list[Path], folder: Path) -> list[Path]:
    damaged = folder / "abîmé.wdpack"
    data = returns[0].read_bytes()
    damaged.write_bytes(data[: len(data) // 2])
    other = make_workspace(folder / "autre", sittings=1)
    other.programmes.update(replace(programme_draft(), title="Autre démarche"))
    other.packages.export([other.sittings.all()[0].id], folder / "autre.wdpack")
    other.close()
    return [damaged, folder / "autre.wdpack", handouts[1], lead]


ENGLISH = [
    "“abîmé.wdpack” is damaged or incomplete (copied before the end?): copy it again from the laptop. Nothing was "
    "imported from it.",
    "“autre.wdpack” belongs to another programme (“Autre démarche”): nothing was imported from it.",
    "“Marc.wdpack” was prepared for a laptop and holds no work yet: open it on that laptop.",
    "“séminaire.wdesk” is a programme file, not a package: open it, then export a sitting package from it.",
    "Nothing was imported.",
]
FRENCH = [
    "« abîmé.wdpack » est abîmé ou incomplet (copié avant la fin ?) : copiez-le de nouveau depuis le portable. "
    "Rien n’en a été importé.",
    "« autre.wdpack » appartient à un autre programme (« Autre démarche ») : rien n’en a été importé.",
    "« Marc.wdpack » a été préparé pour un portable et ne contient encore aucun travail : ouvrez-le sur ce "
    "portable.",
    "« séminaire.wdesk » est un fichier programme, pas un paquet : ouvrez-le, puis exportez-en un paquet de séance.",
    "Rien n'a été importé.",
]


@pytest.mark.parametrize(("language", "expected"), [("en", ENGLISH), ("fr", FRENCH)])
def test_when_every_package_is_refused_each_gets_its_sentence_and_the_exit_is_1(
        cli, laptops: Laptops, lead: Path, returns: list[Path], tmp_path: Path, language: str,
        expected: list[str]) -> None:
    refused = _refused_ones(lead, returns, laptops.handouts, tmp_path)
    copy = tmp_path / "copie" / lead.name
    copy.parent.mkdir()
    shutil.copyfile(lead, copy)
    refused[-1] = copy
    before = copy.read_bytes()
    done = cli("--lang", language, "package", "import", str(lead), *map(str, refused))
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.replace("\u00a0", " ").splitlines() == [line.replace("\u00a0", " ") for line in expected]
    assert copy.read_bytes() == before
    with closing(sqlite3.connect(f"file:{lead}?immutable=1", uri=True)) as connection:
        assert connection.execute("SELECT count(*) FROM sync_package").fetchone()[0] == 0


def test_a_refused_package_beside_a_good_one_is_said_and_the_good_one_imported(
        cli, laptops: Laptops, lead: Path, returns: list[Path], tmp_path: Path) -> None:
    damaged = _refused_ones(lead, returns, laptops.handouts, tmp_path)[0]
    done = cli("--lang", "fr", "package", "import", str(lead), str(damaged), str(returns[1]))
    assert done.returncode == 0, done.stderr
    assert done.stderr.replace("\u00a0", " ").startswith("« abîmé.wdpack » est abîmé ou incomplet")
    assert done.stdout.replace("\u00a0", " ").splitlines() == [
        "retour1.wdpack : 4 ajouts, 1 mise à jour, 0 suppression, 0 laissé tel quel, 0 conflit."]


def test_opening_a_package_over_a_file_or_a_bad_one_says_why(cli, laptops: Laptops, lead: Path,
                                                             tmp_path: Path) -> None:
    done = cli("package", "open", str(laptops.handouts[0]), "--out", str(lead))
    assert done.returncode == 1
    assert done.stderr.strip() == "“séminaire.wdesk” already exists: choose another name."
    done = cli("--lang", "fr", "package", "open", str(lead), "--out", str(tmp_path / "x.wdesk"))
    assert done.returncode == 1
    assert done.stderr.replace("\u00a0", " ").startswith("« séminaire.wdesk » est un fichier programme")
    assert not (tmp_path / "x.wdesk").exists()


def test_exporting_an_unknown_sitting_says_so(cli, lead: Path, tmp_path: Path) -> None:
    done = cli("package", "export", str(lead), "--sitting", "9", "--out", str(tmp_path / "p.wdpack"))
    assert done.returncode == 1
    assert done.stderr.strip() == "No sitting with id 9 in this programme (see `list`)."
    assert not (tmp_path / "p.wdpack").exists()
