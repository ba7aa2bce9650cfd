"""Every way a file on the disk can fail to open, as the facilitator meets it: the exact problem (or the read-only
outcome), the sentence they are told, and the folder left byte for byte as it was (the file, its -wal and -shm, and
the lock beside it). Files held by another program are in test_held_files.py."""

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.factories import (
    BAD_FILE_PROBLEMS,
    BAD_FILES,
    crashed_copy,
    folder_state,
    make_bad_file,
    make_programme_file,
    make_workspace,
    sitting_draft,
)
from tests.unprivileged import NOBODY, as_ordinary_user, running_as_root, shared_folder
from workshop_desk.services.checking import check_file
from workshop_desk.services.demo import build_demo
from workshop_desk.services.file_messages import describe_file_error, describe_read_only, describe_storage_error
from workshop_desk.services.workspace import FileProblem, ProgrammeFileError, ReadOnlyReason, StorageError, Workspace
from workshop_desk.storage import programme_file
from workshop_desk.storage.errors import WriteProblem
from workshop_desk.storage.programme_file import read_file

UNTOUCHED = "The file was left exactly as it was."
SENTENCES = {  # what the facilitator reads, in full, for a file named {name}
    FileProblem.MISSING: "The file “{name}” does not exist (any more).",
    FileProblem.DIRECTORY: "“{name}” is a folder, not a programme file.",
    FileProblem.NO_PERMISSION: "You are not allowed to read “{name}”. Ask whoever manages this computer or share to "
                               "give you access, or copy the file somewhere of yours.",
    FileProblem.NOT_SQLITE: f"“{{name}}” is not a Workshop Desk programme file. {UNTOUCHED}",
    FileProblem.FOREIGN: f"“{{name}}” is a database, but not a Workshop Desk programme file. {UNTOUCHED}",
    FileProblem.TRUNCATED: "“{name}” is incomplete: the file was cut short, perhaps by an interrupted copy. Try a "
                           f"backup (File › Restore from backup). {UNTOUCHED}",
    FileProblem.TOO_NEW: "“{name}” was written by a newer version of Workshop Desk. Update the app to open it. "
                         f"{UNTOUCHED}",
    FileProblem.CORRUPT: "“{name}” is damaged and cannot be opened safely. Try a backup (File › Restore from "
                         f"backup). {UNTOUCHED}",
    FileProblem.NO_PROGRAMME: "“{name}” holds no programme: its creation was interrupted before it was finished. "
                              f"Create the programme again, or try a backup. {UNTOUCHED}",
    FileProblem.FOREIGN_LOG: "Beside “{name}” lies “{name}-wal”, a journal of changes that was not written for this "
                             "file (it was probably left by another copy of it). It was not applied. To open the "
                             "file as it is, move “{name}-wal” and “{name}-shm” to another folder, then open it "
                             f"again. {UNTOUCHED}",
}


def sentence_for(problem: FileProblem, path: Path) -> str:
    return SENTENCES[problem].format(name=path.name)


def assert_plain(sentence: str, path: Path) -> None:
    """One or two sentences for a person: the file's name, not its folder, and no trace of the code."""
    assert path.name in sentence
    assert str(path.parent) not in sentence
    assert "\n" not in sentence and "Traceback" not in sentence and "Error" not in sentence


def _open(path: Path) -> object:
    return Workspace.open(path, path.parent.parent / "backups")


def _open_read_only(path: Path) -> object:
    return Workspace.open(path, path.parent.parent / "backups", read_only=True)


WAYS_IN: dict[str, Callable[[Path], object]] = {  # every way the app and the command line open a file
    "open": _open,
    "open read-only": _open_read_only,
    "read_file": read_file,
    "read_file without upgrading (check)": lambda path: read_file(path, upgrade=False),
}


def refusal(open_it: Callable[[Path], object], path: Path) -> ProgrammeFileError:
    with pytest.raises(ProgrammeFileError) as caught:
        open_it(path)
    return caught.value


# Bad files, sidecars included ---------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", sorted(BAD_FILES))
@pytest.mark.parametrize("way", sorted(WAYS_IN))
def test_a_bad_file_is_refused_with_its_sentence_and_left_as_it_was(tmp_path: Path, kind: str, way: str) -> None:
    path = make_bad_file(tmp_path, kind)
    before = folder_state(path.parent)
    error = refusal(WAYS_IN[way], path)
    assert (error.problem, error.path) == (BAD_FILE_PROBLEMS[kind], path)
    assert describe_file_error(error) == sentence_for(BAD_FILE_PROBLEMS[kind], path)
    assert_plain(describe_file_error(error), path)
    assert folder_state(path.parent) == before
    assert not (tmp_path / "backups").exists()


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_check_tells_the_same_sentence_and_leaves_the_file(tmp_path: Path, kind: str) -> None:
    path = make_bad_file(tmp_path, kind)
    before = folder_state(path.parent)
    result = check_file(path)
    assert not result.ok
    assert result.message == sentence_for(BAD_FILE_PROBLEMS[kind], path)
    assert folder_state(path.parent) == before


def test_the_sidecar_cases_are_all_among_the_bad_files() -> None:
    """A log of another database, of another programme, an older copy's log, and something that is no log."""
    sidecars = {kind for kind, problem in BAD_FILE_PROBLEMS.items() if problem is FileProblem.FOREIGN_LOG}
    assert sidecars == {"foreign_log", "other_programme_log", "stale_log", "not_a_log"}


# Not a file, no file, no right to read it ----------------------------------------------------------------------

@pytest.mark.parametrize("way", sorted(WAYS_IN))
def test_a_folder_is_refused_and_left_as_it_was(tmp_path: Path, way: str) -> None:
    path = tmp_path / "files" / "Démarche.wdesk"
    path.mkdir(parents=True)
    (path / "inside.txt").write_text("kept")
    before = folder_state(path.parent), folder_state(path)
    error = refusal(WAYS_IN[way], path)
    assert error.problem is FileProblem.DIRECTORY
    assert describe_file_error(error) == sentence_for(FileProblem.DIRECTORY, path)
    assert (folder_state(path.parent), folder_state(path)) == before


@pytest.mark.parametrize("way", sorted(WAYS_IN))
def test_a_missing_file_is_refused_and_nothing_is_created(tmp_path: Path, way: str) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    path = folder / "Démarche.wdesk"
    error = refusal(WAYS_IN[way], path)
    assert error.problem is FileProblem.MISSING
    assert describe_file_error(error) == sentence_for(FileProblem.MISSING, path)
    assert list(folder.iterdir()) == [] and not (tmp_path / "backups").exists()


def test_check_of_a_folder_and_of_a_missing_file(tmp_path: Path) -> None:
    (tmp_path / "dossier.wdesk").mkdir()
    assert check_file(tmp_path / "dossier.wdesk").message == sentence_for(FileProblem.DIRECTORY,
                                                                          tmp_path / "dossier.wdesk")
    assert check_file(tmp_path / "absent.wdesk").message == sentence_for(FileProblem.MISSING,
                                                                         tmp_path / "absent.wdesk")


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder an ordinary user may use (see tests/unprivileged.py)."""
    with shared_folder() as folder:
        yield folder


def _owned_by_an_ordinary_user(*paths: Path) -> None:
    if running_as_root():
        for path in paths:
            os.chown(path, NOBODY, NOBODY)


def test_a_file_that_may_not_be_read_is_refused_with_its_sentence(shared: Path) -> None:
    """chmod 000: refused by every way in (as an ordinary user: root may read anything)."""
    path = make_programme_file(shared / "files")
    path.chmod(0o000)
    before = folder_state(path.parent)

    def attempts() -> list[tuple[str, str, str]]:
        found = []
        for way, open_it in WAYS_IN.items():
            try:
                open_it(path)
            except ProgrammeFileError as error:
                found.append((way, str(error.problem), describe_file_error(error)))
        return [*found, ("check", "", check_file(path).message)]

    outcomes = as_ordinary_user(attempts)
    expected = sentence_for(FileProblem.NO_PERMISSION, path)
    assert outcomes == [*[(way, "no_permission", expected) for way in WAYS_IN], ("check", "", expected)]
    assert folder_state(path.parent) == before


# Files that cannot be written: opened read-only, everything readable, nothing left beside them --------------------

@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    build_demo(folder / "demo.wdesk", folder / "backups").close()
    return folder / "demo.wdesk"


def everything_read(workspace: Workspace) -> dict[str, object]:
    """What the screens and the documents read, through the services: all of it must come."""
    sittings = workspace.sittings.all()
    read: dict[str, object] = {"programme": workspace.programmes.get(), "groups": workspace.programmes.groups(),
                               "participants": workspace.participants.all(), "actions": workspace.priorities.actions(),
                               "consolidated": workspace.priorities.consolidated()}
    for sitting in sittings:
        ballots = workspace.ballots.for_sitting(sitting.id)
        read[f"sitting {sitting.id}"] = (
            workspace.sittings.agenda(sitting.id), workspace.attendance.roster(sitting.id),
            workspace.ideas.board(sitting.id), workspace.questions.questions(sitting.id),
            [(ballot, workspace.ballots.result(ballot.id)) for ballot in ballots],
            workspace.priorities.for_sitting(sitting.id), workspace.room_tables.tables(sitting.id),
            workspace.room_tables.saved_plan(sitting.id), workspace.speaking.turns(sitting.id))
    return read


def _readable_and_unchanged(path: Path, reason: ReadOnlyReason, expected: dict[str, object]) -> None:
    """Open `path` (which cannot be written): read-only for `reason`, everything readable, writes refused."""
    workspace = Workspace.open(path, path.parent.parent / "backups")
    try:
        assert (workspace.read_only, workspace.database.read_only, workspace.database.read_only_reason) == (
            True, True, reason)
        assert describe_read_only(reason).startswith("Read-only: ")
        assert everything_read(workspace) == expected
        with pytest.raises(StorageError) as caught:
            workspace.sittings.create(sitting_draft(title="Refusée"))
        assert caught.value.problem is WriteProblem.READ_ONLY
        assert describe_storage_error(caught.value) == f"This change was not saved. “{path.name}” is open read-only."
        assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no log, no shared memory, no lock
    finally:
        workspace.close()


@pytest.fixture
def demo_copy(tmp_path: Path, demo_file: Path) -> tuple[Path, dict[str, object]]:
    """A copy of the demo in a folder of its own, and what opening it for writing reads."""
    path = tmp_path / "files" / "demo.wdesk"
    path.parent.mkdir()
    shutil.copyfile(demo_file, path)
    workspace = Workspace.open(path, tmp_path / "elsewhere")
    expected = everything_read(workspace)
    workspace.database.close()
    return path, expected


@pytest.mark.parametrize("reason", [ReadOnlyReason.FILE, ReadOnlyReason.FOLDER])
def test_a_file_that_cannot_be_written_opens_read_only_with_everything(
        demo_copy: tuple[Path, dict[str, object]], reason: ReadOnlyReason, monkeypatch: pytest.MonkeyPatch) -> None:
    """As the operating system reports it (os.access), whoever runs the tests."""
    path, expected = demo_copy
    denied = path if reason is ReadOnlyReason.FILE else path.parent
    real_access = os.access
    monkeypatch.setattr(programme_file.os, "access",
                        lambda p, mode: False if Path(p) == denied and mode == os.W_OK else real_access(p, mode))
    before = folder_state(path.parent)
    _readable_and_unchanged(path, reason, expected)
    assert folder_state(path.parent) == before
    assert not (path.parent.parent / "backups").exists()


@pytest.mark.parametrize("reason", [ReadOnlyReason.FILE, ReadOnlyReason.FOLDER])
def test_a_file_marked_read_only_or_in_a_read_only_folder_opens_read_only(shared: Path, demo_file: Path,
                                                                          reason: ReadOnlyReason) -> None:
    """For real: chmod 0444 on the file, or 0555 on its folder (as an ordinary user: root may write anyway)."""
    path = shared / "files" / "demo.wdesk"
    path.parent.mkdir()
    shutil.copyfile(demo_file, path)
    workspace = Workspace.open(path, shared / "elsewhere")
    expected = everything_read(workspace)
    workspace.database.close()
    (shared / "backups").mkdir(mode=0o777)
    _owned_by_an_ordinary_user(path, path.parent, shared / "backups")
    if reason is ReadOnlyReason.FILE:
        path.chmod(0o444)
    else:
        path.parent.chmod(0o555)
    before = folder_state(path.parent)
    as_ordinary_user(lambda: _readable_and_unchanged(path, reason, expected))
    assert folder_state(path.parent) == before


def test_a_read_only_folder_with_a_crash_log_is_read_whole_from_a_private_copy(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A USB stick write-protected after a crash: the changes still in the log are read, and nothing is written."""
    live = make_workspace(tmp_path / "live", sittings=2, items=2)
    live.sittings.create(sitting_draft(title="Dans le journal seulement"))
    path = crashed_copy(live, tmp_path / "stick" / "programme.wdesk")
    live.database.close()
    real_access = os.access
    monkeypatch.setattr(programme_file.os, "access",
                        lambda p, mode: False if Path(p) == path.parent and mode == os.W_OK else real_access(p, mode))
    before = folder_state(path.parent)
    workspace = Workspace.open(path, tmp_path / "backups")
    try:
        assert workspace.database.read_only_reason is ReadOnlyReason.FOLDER
        assert [s.title for s in workspace.sittings.all()][-1] == "Dans le journal seulement"
    finally:
        workspace.close()
    assert folder_state(path.parent) == before


def test_opening_read_only_reads_what_opening_for_writing_reads(demo_copy: tuple[Path, dict[str, object]]) -> None:
    path, expected = demo_copy
    before = folder_state(path.parent)
    workspace = Workspace.open(path, path.parent.parent / "backups", read_only=True)
    try:
        assert workspace.database.read_only_reason is ReadOnlyReason.ASKED
        assert everything_read(workspace) == expected
    finally:
        workspace.close()
    assert folder_state(path.parent) == before and sorted(before) == [path.name]
