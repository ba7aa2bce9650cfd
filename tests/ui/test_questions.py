"""Questions from the room at the console: typed, +1 by key or click, sorted, answered, pinned, hidden; undo."""

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.keys import type_text
from tests.ui.conftest import Prompts
from tests.ui.test_board import redo, undo
from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.pages.questions_panel import QuestionsPanel
from workshop_desk.ui.projector.board_screen import QuestionScreen
from workshop_desk.ui.shell import Shell

BREAKFAST, ASSISES = 1, 6


def open_panel(window: MainWindow, sitting: int = BREAKFAST) -> QuestionsPanel:
    window.select_sitting(sitting)
    page = window.sitting_page
    assert page is not None
    page.tabs.setCurrentIndex(page.QUESTIONS_TAB)
    return page.questions_panel


def texts(panel: QuestionsPanel) -> list[str]:
    return [q.text for q in panel.model.questions]


def test_questions_are_typed_voted_by_key_and_click_and_sorted_by_votes(qtbot: QtBot, window: MainWindow) -> None:
    panel = open_panel(window)
    for text, who in (("Qui portera le plan d'action ?", "Léa Martin"), ("Où en est le diagnostic ?", "")):
        type_text(panel.asked_by_edit, who)
        type_text(panel.text_edit, text)
        qtbot.keyClick(panel.text_edit, Qt.Key.Key_Return)
    assert texts(panel) == ["Qui portera le plan d'action ?", "Où en est le diagnostic ?"]
    first = panel.model.questions[0]
    assert first.asked_by == "Léa Martin" and first.participant_id is None and panel.asked_by_edit.text() == ""
    assert first.agenda_item_id is not None  # the sitting's "questions" item
    assert panel.current() is not None and panel.current().text == "Où en est le diagnostic ?"  # type: ignore[union-attr]
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Plus)
    qtbot.keyClick(panel.table, Qt.Key.Key_Plus)
    assert texts(panel)[0] == "Où en est le diagnostic ?" and panel.model.questions[0].votes == 2
    assert panel.current().votes == 2  # type: ignore[union-attr]  # the selection follows the question
    panel.table.selectRow(1)
    qtbot.mouseClick(panel.vote_button, Qt.MouseButton.LeftButton)
    assert panel.model.questions[1].votes == 1
    undo(qtbot, window)
    undo(qtbot, window)
    assert [q.votes for q in panel.model.questions] == [1, 0]
    redo(qtbot, window)
    assert [q.votes for q in panel.model.questions] == [2, 0]


def test_answered_hidden_and_deleted_questions_with_undo(qtbot: QtBot, window: MainWindow, prompts: Prompts) -> None:
    panel = open_panel(window)
    panel.text_edit.setText("Première question ?\nHors sujet : le parking ?\nTroisième ?")
    assert texts(panel) == ["Première question ?", "Hors sujet : le parking ?", "Troisième ?"]
    panel.table.selectRow(0)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_A)
    assert texts(panel)[-1] == "Première question ?" and panel.model.questions[-1].answered
    panel.table.selectRow(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_H)
    assert "Hors sujet : le parking ?" not in texts(panel)
    assert panel.summary.text() == "3 questions · 1 answered · 1 off topic"
    panel.show_hidden_check.setChecked(True)
    assert texts(panel)[-1] == "Hors sujet : le parking ?"
    undo(qtbot, window)
    assert not any(q.hidden for q in panel.model.questions)
    prompts.text_answer = "Troisième question, précisée ?"
    panel.table.selectRow(texts(panel).index("Troisième ?"))
    qtbot.keyClick(panel.table, Qt.Key.Key_F2)
    assert "Troisième question, précisée ?" in texts(panel)
    panel.table.selectRow(texts(panel).index("Troisième question, précisée ?"))
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert len(texts(panel)) == 2
    undo(qtbot, window)
    assert "Troisième question, précisée ?" in texts(panel)


def test_pinning_puts_the_question_on_the_projector_and_hiding_takes_it_off(qtbot: QtBot, window: MainWindow,
                                                                            shell: Shell) -> None:
    panel = open_panel(window, ASSISES)
    # The demo: 7 typed (one hidden, one pinned) and 4 sent from phones and approved (2 more wait in the queue).
    assert len(texts(panel)) == 7 + 4 and sum(q.pinned for q in panel.model.questions) == 1
    row = texts(panel).index("Les locaux vacants de la rue des Tanneurs seront-ils proposés aux artisans ?")
    panel.table.selectRow(row)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_P)
    projector = shell.projector.window
    assert projector.content.mode == ProjectorMode.QUESTION
    assert isinstance(projector._stack.currentWidget(), QuestionScreen)
    assert projector.content.question is not None and projector.content.question.text.startswith("Les locaux")
    assert sum(q.pinned for q in panel.model.questions) == 1
    assert not projector.grab().isNull()
    qtbot.keyClick(panel.table, Qt.Key.Key_Plus)
    assert projector.content.question.votes == 7
    undo(qtbot, window)
    undo(qtbot, window)
    assert projector.content.question.text.startswith("Comment un jeune créateur")  # the one pinned before
    panel.table.selectRow(next(row for row, q in enumerate(panel.model.questions) if q.pinned))
    qtbot.keyClick(panel.table, Qt.Key.Key_H)
    assert projector.content.question is None
    undo(qtbot, window)
    assert projector.content.question is not None and projector.content.question.pinned


def test_the_projector_key_shows_the_pinned_question_of_the_sitting(qtbot: QtBot, window: MainWindow,
                                                                    shell: Shell) -> None:
    open_panel(window, ASSISES)
    qtbot.keyClick(window, Qt.Key.Key_F10)
    content = shell.projector.window.content
    assert content.mode == ProjectorMode.QUESTION and content.question is not None
    assert content.question.asked_by == "Mehdi Haddad" and content.question.votes == 11


def test_an_answer_is_typed_saved_on_leaving_the_field_or_ctrl_enter_and_undone(qtbot: QtBot,
                                                                                   window: MainWindow) -> None:
    panel = open_panel(window)
    panel.text_edit.setText("Qui finance la suite ?\nEt le calendrier ?")
    panel.table.selectRow(texts(panel).index("Qui finance la suite ?"))
    panel.answer_edit.setFocus()
    type_text(panel.answer_edit, "La Région, à 80 %.")
    qtbot.keyClick(panel.answer_edit, Qt.Key.Key_Return)
    type_text(panel.answer_edit, "Le reste : l'intercommunalité.")
    assert not window.document.workspace.questions.questions(BREAKFAST)[0].answer  # not saved on each keystroke
    panel.table.setFocus()  # leaving the field saves it
    qtbot.waitUntil(lambda: any(q.answer for q in panel.model.questions))
    saved = next(q for q in panel.model.questions if q.text == "Qui finance la suite ?")
    assert saved.answer == "La Région, à 80 %.\nLe reste : l'intercommunalité." and saved.answered
    assert texts(panel)[-1] == "Qui finance la suite ?"  # answered questions go below the open ones
    assert panel.current() == saved and panel.answer_edit.toPlainText() == saved.answer
    assert panel.answered_button.isChecked()
    panel.table.selectRow(texts(panel).index("Et le calendrier ?"))
    assert panel.answer_edit.toPlainText() == ""  # the field follows the selection
    panel.answer_edit.setFocus()
    type_text(panel.answer_edit, "En juin.")
    qtbot.keyClick(panel.answer_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert {q.text: q.answer for q in panel.model.questions}["Et le calendrier ?"] == "En juin."
    assert panel.answer_edit.hasFocus() and panel.answer_edit.toPlainText() == "En juin."
    panel.table.setFocus()
    undo(qtbot, window)
    answers = {q.text: (q.answer, q.answered) for q in panel.model.questions}
    assert answers == {"Qui finance la suite ?": ("La Région, à 80 %.\nLe reste : l'intercommunalité.", True),
                       "Et le calendrier ?": ("", False)}
    undo(qtbot, window)
    assert all(q.answer == "" and not q.answered for q in panel.model.questions)
    assert panel.summary.text() == "2 questions · 0 answered"
    redo(qtbot, window)
    assert {q.text: q.answered for q in panel.model.questions}["Qui finance la suite ?"]


def test_clearing_an_answer_keeps_the_question_answered_and_unmarking_keeps_the_answer(qtbot: QtBot,
                                                                                       window: MainWindow) -> None:
    panel = open_panel(window)
    type_text(panel.text_edit, "Qui finance la suite ?")
    qtbot.keyClick(panel.text_edit, Qt.Key.Key_Return)
    panel.table.selectRow(0)
    panel.answer_edit.setFocus()
    type_text(panel.answer_edit, "La Région.")
    panel.table.setFocus()
    qtbot.waitUntil(lambda: panel.model.questions[0].answered)
    qtbot.keyClick(panel.table, Qt.Key.Key_A)  # answered orally after all? the note stays, for the minutes
    assert not panel.model.questions[0].answered and panel.model.questions[0].answer == "La Région."
    qtbot.keyClick(panel.table, Qt.Key.Key_A)
    panel.answer_edit.setFocus()
    panel.answer_edit.selectAll()
    qtbot.keyClick(panel.answer_edit, Qt.Key.Key_Delete)
    panel.table.setFocus()
    qtbot.waitUntil(lambda: panel.model.questions[0].answer == "")
    assert panel.model.questions[0].answered  # it was answered, only not noted
