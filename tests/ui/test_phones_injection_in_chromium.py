"""Script-injection payloads typed on the phone page, through the console's own participant server: nothing runs
in the phone, and every place that shows them afterwards — the board, the questions, the approval queue, the
projector, the participants, the Word minutes and the Excel synthesis — shows them exactly as typed."""

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.integration.phone.phone import tap, texts, type_into
from tests.integration.phone.test_phone_injection import PAYLOADS, assert_nothing_ran
from tests.ui.drawn import drawn_wholes, tooltip_shown
from tests.ui.real_phone import choose_tab, join, until
from tests.ui.test_phones_console import BREAKFAST
from tests.unit.exports.test_injection import docx_text
from workshop_desk.domain.enums import BallotMethod, ProjectorMode, Source
from workshop_desk.domain.models import ParticipantDraft
from workshop_desk.domain.phones import PhonesMode
from workshop_desk.exports.xlsx_cells import needs_marking
from workshop_desk.services.deliverables import export_minutes, export_synthesis
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.shell import Shell

pytestmark = pytest.mark.slow
PER_PHONE = 20  # texts one phone sends before the next takes over: the server allows a burst of 30 requests
# What the file keeps of a text: trimmed by the page as JavaScript trims (a byte-order mark is white space to it),
# runs of spaces made one as for every note and question typed at the console
TYPED = sorted(" ".join(p.strip("\ufeff").split()) for p in PAYLOADS)
NAMES = [p for p in PAYLOADS if "onerror" in p or "<script" in p][:10]  # badge holders' names
# The page's own form, driven as a thumb would (a value typed, the button pressed), for each text in turn: the
# sentence it answered each time.
SEND_ALL = """
var items = arguments[0], screen = document.getElementById('screen-' + arguments[1]), done = arguments[2];
var box = screen.querySelector('textarea'), button = screen.querySelector('button[type=submit]');
var msg = screen.querySelector('.msg'), replies = [];
function when(ready, then) { if (ready()) { then(); } else { setTimeout(function () { when(ready, then); }, 4); } }
function next(i) {
  if (i >= items.length) { done(replies); return; }
  msg.textContent = '';
  box.value = items[i];
  box.dispatchEvent(new Event('input', {bubbles: true}));
  when(function () { return !button.disabled; }, function () {
    button.click();
    when(function () { return msg.textContent; }, function () { replies.push(msg.textContent); next(i + 1); });
  });
}
next(0);
"""


def send_all(qtbot: QtBot, browser: Any, join_url: str, tab: str, items: list[str]) -> list[str]:
    """Every text sent from the page's `tab`, by as many phones as the rate limit asks; what the page answered."""
    replies: list[str] = []
    for start in range(0, len(items), PER_PHONE):
        join(qtbot, browser, join_url, fresh=True)
        choose_tab(qtbot, browser, tab)
        replies += browser.execute_async_script(SEND_ALL, items[start:start + PER_PHONE], tab)
        assert_nothing_ran(browser)
    return replies


def test_payloads_typed_on_phones_are_text_everywhere(qtbot: QtBot, window: MainWindow, shell: Shell, join_url: str,
                                                      browser: Any, tmp_path: Path) -> None:
    document = shell.document
    assert document is not None
    document.phones.set_moderation(BREAKFAST, ideas=False, questions=True)
    assert set(send_all(qtbot, browser, join_url, "ideas", PAYLOADS)) == {"Idée envoyée."}
    assert len(set(send_all(qtbot, browser, join_url, "questions", PAYLOADS))) == 1  # "received, waiting for approval"
    ideas = [i for i in document.workspace.ideas.ideas(BREAKFAST) if i.source == Source.PHONE]
    assert sorted(i.text for i in ideas) == TYPED  # in the file, as typed

    board = window.sitting_page.board_page  # type: ignore[union-attr]
    until(qtbot, lambda: len(board.scene.notes) >= len(PAYLOADS))
    notes = [n for n in board.scene.notes.values() if n.idea.source == Source.PHONE]
    assert sorted(n.idea.text for n in notes) == TYPED
    for note in notes:
        assert note._prepare_text().textFormat() == Qt.TextFormat.PlainText, note.idea.text
        assert not note.toolTip() or tooltip_shown(note.toolTip()) == note.idea.text

    panel = window.sitting_page.questions_panel  # type: ignore[union-attr]
    until(qtbot, lambda: panel.queue.list.count() == len(PAYLOADS))
    assert sorted(panel.queue.list.item(i).text() for i in range(len(PAYLOADS))) == TYPED
    qtbot.mouseClick(panel.queue.approve_all_button, Qt.MouseButton.LeftButton)
    model = panel.model
    shown = [model.index(row, 1) for row in range(model.rowCount()) if model.questions[row].source == Source.PHONE]
    assert sorted(model.data(i) for i in shown) == TYPED
    assert sorted(tooltip_shown(model.data(i, Qt.ItemDataRole.ToolTipRole)) for i in shown) == TYPED

    join(qtbot, browser, join_url, fresh=True)  # a phone sees the approved questions, as typed
    choose_tab(qtbot, browser, "questions")
    until(qtbot, lambda: len(texts(browser, ".questions .card-text")) >= len(PAYLOADS))
    assert sorted(texts(browser, ".questions .card-text")) == TYPED
    assert_nothing_ran(browser)

    _projected_literally(qtbot, shell, board)
    _documents_literally(shell, tmp_path)


def _projected_literally(qtbot: QtBot, shell: Shell, board: Any) -> None:
    """The projector's board and question screens draw the texts as typed (`<b>` as four characters)."""
    document = shell.document
    assert document is not None
    shell.projector.set_mode(ProjectorMode.BOARD)
    drawn = drawn_wholes(shell.projector.window)
    assert sum(text in drawn for text in TYPED) >= 3, drawn[:20]
    tagged = next(q for q in document.workspace.questions.questions(BREAKFAST) if q.text.startswith("<b"))
    document.questions.pin(BREAKFAST, tagged.id)
    shell.projector.set_mode(ProjectorMode.QUESTION)
    assert tagged.text in drawn_wholes(shell.projector.window)


def _documents_literally(shell: Shell, folder: Path) -> None:
    """The minutes and the synthesis of the sitting hold every text as typed; none became a formula."""
    workspace = shell.document.workspace  # type: ignore[union-attr]
    minutes = docx_text(export_minutes(workspace, folder / "minutes.docx", "fr", BREAKFAST))
    assert [p for p in TYPED if p not in minutes] == []
    book = openpyxl.load_workbook(export_synthesis(workspace, folder / "synthesis.xlsx", "fr", BREAKFAST))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    strings = {c.value for c in cells if c.data_type == "s"}
    assert [p for p in TYPED if p not in strings] == []
    for found in cells:
        if found.data_type == "s" and needs_marking(found.value):
            assert found.quotePrefix, found.value
    assert [c.value for c in cells if c.data_type == "f" and c.value in TYPED] == []


def test_badge_holders_named_like_payloads_are_greeted_as_typed(qtbot: QtBot, window: MainWindow, shell: Shell,
                                                                join_url: str, browser: Any) -> None:
    document = shell.document
    assert document is not None
    document.phones.set_mode(BREAKFAST, PhonesMode.BADGE)
    document.phones_changed.emit(BREAKFAST)
    people = document.workspace.participants.add_many([ParticipantDraft(name, "") for name in NAMES])
    ballots = document.workspace.ballots  # the badge is asked for on the vote screen
    ballots.open(ballots.create(BREAKFAST, "Priorités", BallotMethod.RATING, ["Navette", "Vélos"]).id)
    document.ballots_changed.emit(BREAKFAST)
    for person in people:
        join(qtbot, browser, join_url, fresh=True)
        until(qtbot, lambda: browser.execute_script("return !!document.querySelector(\"[data-key='badge']\")"))
        type_into(browser, "[data-key='badge']", person.badge_code)
        tap(browser, ".badge-form button[type=submit]")
        greeting = "Bonjour, " + person.first_name
        until(qtbot, lambda g=greeting: texts(browser, "#hello") == [g])
        assert_nothing_ran(browser)
    window.show_participants()  # the console's list of people: the names as typed, tooltips included
    model = window.participants_page.model  # type: ignore[union-attr]
    names = [model.index(row, 0) for row in range(model.rowCount()) if model.index(row, 0).data() in NAMES]
    assert sorted(name.data() for name in names) == sorted(NAMES)
    assert sorted(tooltip_shown(name.data(Qt.ItemDataRole.ToolTipRole)) for name in names) == sorted(NAMES)
