"""A full disk at the console: a change is not shown as done and nothing of it is saved; an undo that needs room
is refused whole. The facilitator reads why in both cases."""

from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from tests.disk import fill_the_disk, give_free_pages_back
from tests.dumps import assert_same, dump
from workshop_desk.domain.models import programme_draft
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.undo import NotSaved

ROOM = ("The disk that holds “demo.wdesk” is full. Free some space (or save a copy elsewhere with File › Save a "
        "copy), then do it again.")
FULL = f"This change was not saved. {ROOM}"


def test_a_change_on_a_full_disk_is_told_and_not_saved(qtbot: QtBot, window: MainWindow) -> None:
    document = window.document
    assert document is not None
    told: list[str] = []
    document.failed.connect(told.append)
    before, steps = dump(document.workspace.path), document.undo_stack.count()
    fill_the_disk(document.workspace.database)
    logo = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 1200  # 300 KB: the file must grow to hold it
    with pytest.raises(NotSaved):
        document.update_programme(replace(programme_draft(document.programme()), logo=logo))
    assert told == [FULL]
    assert document.undo_stack.count() == steps
    assert_same(before, dump(document.workspace.path), "after a change refused for want of room")


def test_an_undo_on_a_full_disk_is_told_and_puts_nothing_back_by_halves(qtbot: QtBot, window: MainWindow) -> None:
    document = window.document
    assert document is not None
    told: list[str] = []
    document.failed.connect(told.append)
    sitting = next(s.id for s in document.sittings() if s.title == "Atelier Métiers d'art")
    document.delete_sitting(sitting)
    deleted = dump(document.workspace.path)
    give_free_pages_back(document.workspace.database)
    fill_the_disk(document.workspace.database)
    document.undo_stack.undo()
    assert told == [f"This step could not be undone; nothing was changed. {ROOM}"]
    assert document.undo_stack.canUndo() and document.undo_stack.undoText().startswith("Delete sitting")
    assert_same(deleted, dump(document.workspace.path), "after an undo refused for want of room")


def test_an_undo_refused_for_want_of_room_can_be_done_once_there_is_room(qtbot: QtBot, window: MainWindow) -> None:
    document = window.document
    assert document is not None
    before = dump(document.workspace.path)
    document.delete_sitting(next(s.id for s in document.sittings() if s.title == "Atelier Métiers d'art"))
    give_free_pages_back(document.workspace.database)
    make_room = fill_the_disk(document.workspace.database)
    document.undo_stack.undo()
    make_room()
    document.undo_stack.undo()
    assert_same(before, dump(document.workspace.path), "undone once there was room")
