"""Text people typed (at the console, on a phone, in an imported list) is shown as typed where Qt would read
text that looks like HTML as HTML: the board's notes and their tooltips, the questions', the participants'."""

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.drawn import tooltip_shown
from tests.ui.test_questions import BREAKFAST, open_panel
from workshop_desk.domain.ideas import IdeaDraft
from workshop_desk.domain.models import ParticipantDraft
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.shell import Shell

BOLD, ITALIC = "<b>Une navette</b> vers la gare", "<i></i>"


def test_a_note_draws_its_tags_as_characters_and_a_stack_lists_them_as_typed(qtbot: QtBot, window: MainWindow,
                                                                             shell: Shell) -> None:
    document = shell.document
    assert document is not None
    ideas = document.workspace.ideas
    kept, other = (ideas.add(BREAKFAST, IdeaDraft(text)) for text in (BOLD, ITALIC))
    empty_looking = ideas.add(BREAKFAST, IdeaDraft("<u></u>"))
    ideas.merge(kept.id, [other.id])
    window.select_sitting(BREAKFAST)
    document.ideas_changed.emit(BREAKFAST)
    scene = window.sitting_page.board_page.scene  # type: ignore[union-attr]
    note = scene.notes[empty_looking.id]
    text = note._prepare_text()
    assert text.textFormat() == Qt.TextFormat.PlainText
    assert text.size().width() > 20  # "<u></u>" as rich text would be nothing at all
    assert tooltip_shown(scene.notes[kept.id].toolTip()) == f"• {BOLD}\n• {ITALIC}"


def test_a_question_and_a_participant_show_their_tags_in_their_tooltips(qtbot: QtBot, window: MainWindow,
                                                                        shell: Shell) -> None:
    document = shell.document
    assert document is not None
    document.workspace.questions.add(BREAKFAST, BOLD)
    document.questions_changed.emit(BREAKFAST)
    panel = open_panel(window)
    row = [q.text for q in panel.model.questions].index(BOLD)
    assert tooltip_shown(panel.model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)) == BOLD
    document.workspace.participants.add(ParticipantDraft("<b>Léa</b>", "<i>Martin</i>"))
    window.show_participants()
    page = window.participants_page
    assert page is not None
    rows = [r for r in range(page.model.rowCount()) if "<b>Léa</b>" in page.model.index(r, 0).data()]
    assert len(rows) == 1
    name = page.model.index(rows[0], 0)
    assert tooltip_shown(name.data(Qt.ItemDataRole.ToolTipRole)) == name.data()
