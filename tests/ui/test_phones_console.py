"""The room's phones at the console, with the real participant server on this computer: the switch serves the
sitting, what phones send reaches the board, the questions and the projector, and the approval queue lets it
through (undoably)."""

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.cookiejar import CookieJar

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.test_board import undo
from workshop_desk.domain.enums import BallotMethod, ProjectorMode, Source
from workshop_desk.domain.voting import DotSettings, SourceCount
from workshop_desk.ui.commands.votes import ShowRequest
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.phones.bar import PhonesBar
from workshop_desk.ui.shell import Shell

BREAKFAST = 1  # a demo sitting with an empty board


class Phone:
    """A phone as the server sees it: its own cookie jar, JSON posts with the page's header."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/") + "/"
        self._opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        self.get("")  # the page: the device's cookie

    def get(self, path: str) -> bytes:
        with self._opener.open(self.url + path, timeout=10) as reply:
            return bytes(reply.read())

    def post(self, path: str, body: dict[str, object]) -> tuple[int, dict[str, object]]:
        request = urllib.request.Request(self.url + path, json.dumps(body).encode(), method="POST", headers={
            "Content-Type": "application/json", "X-Workshop-Desk": "1"})
        try:
            with self._opener.open(request, timeout=10) as reply:
                return reply.status, json.loads(reply.read() or b"{}")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")


def phones_on(qtbot: QtBot, window: MainWindow, sitting_id: int = BREAKFAST) -> PhonesBar:
    window.select_sitting(sitting_id)
    page = window.sitting_page
    assert page is not None
    page.tabs.setCurrentIndex(page.RUN_TAB)
    bar = page.phones_bar
    bar.address_combo.setCurrentIndex(bar.address_combo.findData("127.0.0.1"))
    qtbot.mouseClick(bar.switch, Qt.MouseButton.LeftButton)
    assert bar.switch.isChecked()
    return bar


@pytest.fixture
def served(qtbot: QtBot, window: MainWindow, shell: Shell) -> Iterator[PhonesBar]:
    bar = phones_on(qtbot, window)
    yield bar
    if shell.document is not None:
        shell.document.phone_room.stop()


def test_the_switch_serves_the_sitting_and_the_projector_shows_how_to_join(qtbot: QtBot, window: MainWindow,
                                                                          shell: Shell, served: PhonesBar) -> None:
    room = shell.document.phone_room  # type: ignore[union-attr]
    assert room.serving and room.url.startswith("http://127.0.0.1:")
    assert room.url.removeprefix("http://") in served.status_label.text() and "0 phones" in served.status_label.text()
    assert shell.document.phones.settings(BREAKFAST).enabled  # type: ignore[union-attr]  # remembered
    shell.projector.set_mode(ProjectorMode.JOIN)
    card = shell.projector.content().joining
    assert card is not None and card.url == room.url and card.sitting_title
    assert b"<html" in Phone(room.url).get("")
    qtbot.mouseClick(served.switch, Qt.MouseButton.LeftButton)
    assert not room.serving and shell.projector.content().joining is None
    assert not shell.document.phones.settings(BREAKFAST).enabled  # type: ignore[union-attr]
    with pytest.raises(OSError):
        Phone(card.url)


def test_an_idea_from_a_phone_lands_on_the_board(qtbot: QtBot, window: MainWindow, shell: Shell,
                                                 served: PhonesBar) -> None:
    phone = Phone(shell.document.phone_room.url)  # type: ignore[union-attr]
    board = window.sitting_page.board_page  # type: ignore[union-attr]
    status, reply = phone.post("api/ideas", {"text": "<b>Une navette</b> vers la gare 🚌"})
    assert status == 201, reply
    qtbot.waitUntil(lambda: any(i.text == "<b>Une navette</b> vers la gare 🚌"
                                for i in shell.document.workspace.ideas.ideas(BREAKFAST)), timeout=5000)
    qtbot.waitUntil(lambda: "<b>Une navette</b> vers la gare 🚌" in [n.idea.text for n in board.scene.notes.values()],
                    timeout=5000)


def test_questions_wait_for_approval_then_reach_the_list_and_undo_puts_them_back(
        qtbot: QtBot, window: MainWindow, shell: Shell, served: PhonesBar) -> None:
    document = shell.document
    assert document is not None
    document.phones.set_moderation(BREAKFAST, ideas=False, questions=True)
    panel = window.sitting_page.questions_panel  # type: ignore[union-attr]
    status, reply = Phone(document.phone_room.url).post("api/questions", {"text": "Qui finance la navette ?"})
    assert (status, reply.get("status")) == (201, "pending")
    qtbot.waitUntil(lambda: panel.queue.isVisibleTo(panel) and panel.queue.list.count() == 1, timeout=5000)
    assert panel.queue.list.item(0).text() == "Qui finance la navette ?"
    assert "Qui finance la navette ?" not in [q.text for q in panel.model.questions]
    panel.queue.list.item(0).setSelected(True)
    qtbot.mouseClick(panel.queue.approve_button, Qt.MouseButton.LeftButton)
    row = [q.text for q in panel.model.questions].index("Qui finance la navette ?")
    assert panel.model.data(panel.model.index(row, 2)) == "By phone"  # phones send no name
    assert not panel.queue.isVisibleTo(panel)
    undo(qtbot, window)
    assert panel.queue.list.count() == 1 and "Qui finance la navette ?" not in [q.text for q in panel.model.questions]


def test_a_phone_ballot_reaches_the_projector_with_its_provenance(qtbot: QtBot, window: MainWindow, shell: Shell,
                                                                 served: PhonesBar) -> None:
    document = shell.document
    assert document is not None
    ballots = document.workspace.ballots
    ballot = ballots.create(BREAKFAST, "Priorités", BallotMethod.DOTS, ["Navette", "Parking", "Vélos"],
                            settings=DotSettings(dots_per_voter=3))
    ballots.open(ballot.id)
    document.ballots_changed.emit(BREAKFAST)
    document.votes.show(ShowRequest(ProjectorMode.RESULTS, ballot.id))
    marks = [{"option_id": ballot.options[0].id, "value": 2}, {"option_id": ballot.options[2].id, "value": 1}]
    for _ in range(3):
        status, reply = Phone(document.phone_room.url).post(f"api/ballots/{ballot.id}/paper", {"marks": marks})
        assert status == 200, reply
    qtbot.waitUntil(lambda: _ballots_shown(shell) == 3, timeout=5000)
    result = ballots.result(ballot.id)
    assert result.rows[0].label == "Navette" and result.rows[0].score == 6
    assert result.sources == (SourceCount(Source.PHONE, 3, 0.0, 9.0),)  # where they came from: 3 phones, 9 dots


def _ballots_shown(shell: Shell) -> int:
    view = shell.projector.content().result
    return view.ballots if view is not None else -1
