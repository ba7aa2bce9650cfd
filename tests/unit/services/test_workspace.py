"""Creating, opening and closing programme files, and what the user is told when one cannot be opened."""

from pathlib import Path

import pytest

from tests.factories import make_bad_file, make_workspace, programme_draft
from workshop_desk import i18n
from workshop_desk.services.backups import folder_for, list_backups
from workshop_desk.services.file_messages import describe_file_error
from workshop_desk.services.workspace import FileProblem, ProgrammeFileError, Workspace


def test_create_then_open_finds_the_same_programme(tmp_path):
    workspace = make_workspace(tmp_path, sittings=2, items=2)
    programme = workspace.programmes.get()
    workspace.close()
    reopened = Workspace.open(workspace.path, tmp_path / "backups")
    try:
        assert reopened.programmes.get() == programme
        assert [s.title for s in reopened.sittings.all()] == ["Séance 1", "Séance 2"]
        assert reopened.path == workspace.path
    finally:
        reopened.close()


def test_close_takes_a_last_backup_when_something_changed(tmp_path):
    workspace = make_workspace(tmp_path, sittings=1)
    workspace.close()
    backups = list_backups(folder_for(workspace.path, tmp_path / "backups"))
    assert len(backups) == 1


def test_create_refuses_an_existing_file(tmp_path):
    path = tmp_path / "p.wdesk"
    path.write_bytes(b"do not touch")
    with pytest.raises(FileExistsError):
        Workspace.create(path, programme_draft(), tmp_path / "backups")
    assert path.read_bytes() == b"do not touch"


def test_open_refuses_a_bad_file(tmp_path):
    path = make_bad_file(tmp_path, "foreign_sqlite")
    with pytest.raises(ProgrammeFileError) as caught:
        Workspace.open(path, tmp_path / "backups")
    assert caught.value.problem is FileProblem.FOREIGN


def _error(problem: FileProblem) -> ProgrammeFileError:
    return ProgrammeFileError(Path("/somewhere/Démarche 2027.wdesk"), problem, "permission denied")


@pytest.mark.parametrize(("problem", "words"), [
    (FileProblem.MISSING, "does not exist"),
    (FileProblem.UNREADABLE, "cannot be read: permission denied"),
    (FileProblem.NOT_SQLITE, "is not a Workshop Desk programme file"),
    (FileProblem.FOREIGN, "is a database, but not a Workshop Desk programme file"),
    (FileProblem.TRUNCATED, "is incomplete"),
    (FileProblem.TOO_NEW, "newer version of Workshop Desk"),
    (FileProblem.CORRUPT, "is damaged"),
])
def test_describe_file_error_in_english(problem, words):
    text = describe_file_error(_error(problem))
    assert "“Démarche 2027.wdesk”" in text
    assert words in text
    assert "/somewhere" not in text
    untouched = "The file was left exactly as it was."
    assert untouched in text or problem in (FileProblem.MISSING, FileProblem.UNREADABLE)


def test_every_problem_has_a_description():
    for problem in FileProblem:
        assert describe_file_error(_error(problem))


@pytest.mark.parametrize(("problem", "words"), [
    (FileProblem.MISSING, "n'existe pas"),
    (FileProblem.NOT_SQLITE, "n'est pas un fichier de démarche"),
    (FileProblem.TOO_NEW, "version plus récente"),
    (FileProblem.CORRUPT, "endommagé"),
    (FileProblem.TRUNCATED, "incomplet"),
])
def test_describe_file_error_in_french(problem, words):
    i18n.set_language("fr")
    try:
        text = describe_file_error(_error(problem))
    finally:
        i18n.set_language("en")
    assert "Démarche 2027.wdesk" in text
    assert words in text
    assert "The file" not in text.split(". ")[0]


def test_describe_file_error_in_french_is_wholly_french():
    i18n.set_language("fr")
    try:
        text = describe_file_error(_error(FileProblem.CORRUPT))
    finally:
        i18n.set_language("en")
    assert "The file was left" not in text


def test_language_is_restored_after_french():
    assert i18n.language() == "en"
    assert "is damaged" in describe_file_error(_error(FileProblem.CORRUPT))
