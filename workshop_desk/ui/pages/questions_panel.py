"""Questions from the room: typed in, +1 per request, sorted by votes, answered (with a note of the answer), pinned on
the projector, hidden."""

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_desk.domain.enums import ItemKind, ProjectorMode, Source
from workshop_desk.domain.ideas import Question
from workshop_desk.domain.validation import ValidationError
from workshop_desk.i18n import _, ngettext
from workshop_desk.ui import prompts, theme
from workshop_desk.ui.board.capture import CaptureEdit
from workshop_desk.ui.commands.board import ShowRequest
from workshop_desk.ui.document import Document
from workshop_desk.ui.phones.queue import QUESTIONS, ApprovalQueue
from workshop_desk.ui.tooltips import typed_tip
from workshop_desk.ui.translation import key_text
from workshop_desk.ui.widgets.form_status import FormStatus
from workshop_desk.ui.widgets.text_area import TextArea

Index = QModelIndex | QPersistentModelIndex
VOTES, TEXT, ASKED_BY, STATE = range(4)


class QuestionsModel(QAbstractTableModel):
    """The questions in their order: open ones by votes, then answered ones, then hidden ones."""

    def __init__(self) -> None:
        super().__init__()
        self.questions: list[Question] = []

    def set_questions(self, questions: list[Question]) -> None:
        self.beginResetModel()
        self.questions = questions
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.questions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (_("+1"), _("Question"), _("Asked by"), _("Status"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        question = self.questions[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(question.votes), question.text, _asker(question), _state(question))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == TEXT:
            text = f"{question.text}\n\n{question.answer}" if question.answer else question.text
            return typed_tip(text)
        if role == Qt.ItemDataRole.FontRole and (question.pinned or index.column() == VOTES):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and (question.answered or question.hidden):
            return QColor(theme.MUTED)
        if role == Qt.ItemDataRole.BackgroundRole and question.pinned:
            return QColor(theme.CURRENT_ROW)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == VOTES:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def _asker(question: Question) -> str:
    """Who asked: the name typed, or that it came from a phone (phones send no name)."""
    return question.asked_by or (_("By phone") if question.source == Source.PHONE else "")


def _state(question: Question) -> str:
    parts = []
    if question.pinned:
        parts.append(_("On the projector"))
    if question.answered:
        parts.append(_("Answered"))
    if question.hidden:
        parts.append(_("Hidden (off topic)"))
    return ", ".join(parts)


class QuestionsPanel(QWidget):
    """Keys in the list: + (or =) one more request, − one less, A answered, P pin, H hide, F2 edit, Del delete."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self._document = document
        self.commands = document.questions
        self.sitting_id: int | None = None
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        title = QLabel(_("Questions from the room"))
        title.setFont(theme.heading_font(1.2))
        self.text_edit = CaptureEdit()
        self.text_edit.setPlaceholderText(_("Type a question and press Enter"))
        self.asked_by_edit = QLineEdit()
        self.asked_by_edit.setPlaceholderText(_("Asked by (optional)"))
        self.asked_by_edit.setMaximumWidth(220)
        hint = self.asked_by_edit.fontMetrics().horizontalAdvance(self.asked_by_edit.placeholderText()) + 24
        self.asked_by_edit.setMinimumWidth(min(220, hint))  # the placeholder read whole, in French too
        self.add_button = QPushButton(_("Add"))
        self.model = QuestionsModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        for column in (VOTES, ASKED_BY, STATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip(_("+ one more request · − one less · A answered · P pin · H hide · F2 edit · "
                                "{delete} delete").format(delete=key_text("Del")))
        self.vote_button = QPushButton(_("+1"))
        self.answered_button = QPushButton(_("Answered"))
        self.pin_button = QPushButton(_("Pin on the projector"))
        self.hide_button = QPushButton(_("Hide (off topic)"))
        self.edit_button = QPushButton(_("Edit…"))
        self.delete_button = QPushButton(_("Delete"))
        for button in (self.answered_button, self.pin_button, self.hide_button):
            button.setCheckable(True)
        self.answer_label = QLabel(_("A&nswer"))
        self.answer_edit = TextArea()
        self.answer_edit.setPlaceholderText(_("What was answered, for the minutes (saved when you leave the field or "
                                              "press {keys})").format(keys=key_text("Ctrl+Return")))
        self.answer_edit.setMaximumHeight(76)
        self.answer_label.setBuddy(self.answer_edit)
        self._answering: Question | None = None  # the question whose answer the field shows
        self.show_hidden_check = QCheckBox(_("Show hidden questions"))
        self.summary = QLabel()
        self.summary.setStyleSheet(f"color: {theme.MUTED};")
        self.status = FormStatus()
        self._lay_out(title)

    def _lay_out(self, title: QLabel) -> None:
        add = QHBoxLayout()
        add.addWidget(self.text_edit, 1)
        add.addWidget(self.asked_by_edit)
        add.addWidget(self.add_button)
        buttons = QHBoxLayout()  # two rows: one is wider than the panel beside the projector dock in French
        for button in (self.vote_button, self.answered_button, self.pin_button, self.hide_button):
            buttons.addWidget(button)
        buttons.addStretch()
        more = QHBoxLayout()
        for button in (self.edit_button, self.delete_button):
            more.addWidget(button)
        more.addStretch()
        footer = QHBoxLayout()
        footer.addWidget(self.summary, 1)
        footer.addWidget(self.show_hidden_check)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(add)
        layout.addWidget(self.status)
        self.queue = ApprovalQueue(self._document, QUESTIONS)  # questions from phones waiting for approval
        layout.addWidget(self.queue)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(more)
        answer = QHBoxLayout()
        answer.addWidget(self.answer_label, 0, Qt.AlignmentFlag.AlignTop)
        answer.addWidget(self.answer_edit, 1)
        layout.addLayout(answer)
        layout.addLayout(footer)

    def _connect_signals(self) -> None:
        self.text_edit.returnPressed.connect(self._on_add_button_clicked)
        self.asked_by_edit.returnPressed.connect(self._on_add_button_clicked)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.text_edit.lines_pasted.connect(self._on_text_edit_lines_pasted)
        self.vote_button.clicked.connect(lambda: self.vote(1))
        self.answered_button.clicked.connect(self.toggle_answered)
        self.pin_button.clicked.connect(self.toggle_pinned)
        self.hide_button.clicked.connect(self.toggle_hidden)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.table.doubleClicked.connect(lambda _index: self.vote(1))
        self.table.selectionModel().selectionChanged.connect(lambda _s, _d: self._show_buttons())
        self.show_hidden_check.toggled.connect(lambda _on: self.reload())
        self.answer_edit.editing_finished.connect(self.save_answer)  # on leaving the field, or Ctrl+Enter
        self._document.questions_changed.connect(self._on_document_questions_changed)
        keys: tuple[tuple[str, Callable[[], object]], ...] = (
            ("+", lambda: self.vote(1)), ("=", lambda: self.vote(1)), ("-", lambda: self.vote(-1)),
            ("A", self.toggle_answered), ("P", self.toggle_pinned), ("H", self.toggle_hidden), ("F2", self.edit),
            ("Del", self.delete))
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

    # Loading -------------------------------------------------------------------------------------------------
    def set_sitting(self, sitting_id: int | None) -> None:
        self.sitting_id = sitting_id
        people = sorted(p.full_name for p in self._document.participants() if p.full_name)
        completer = QCompleter(people, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.asked_by_edit.setCompleter(completer)
        self.queue.set_sitting(sitting_id)
        self.reload()

    def reload(self) -> None:
        selected = self.current()
        questions = self._document.workspace.questions.questions(self.sitting_id) if self.sitting_id else []
        shown = [q for q in questions if self.show_hidden_check.isChecked() or not q.hidden]
        self.model.set_questions(shown)
        self.table.resizeRowsToContents()
        row = next((n for n, q in enumerate(shown) if selected and q.id == selected.id), -1)
        if row >= 0:
            self.table.selectRow(row)
        self._show_summary(questions)
        self._show_buttons()

    def _on_document_questions_changed(self, sitting_id: int) -> None:
        if sitting_id == self.sitting_id:
            self.reload()

    def current(self) -> Question | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.questions[rows[0].row()] if rows else None

    # Commands ------------------------------------------------------------------------------------------------
    def _on_add_button_clicked(self) -> None:
        if self.text_edit.text().strip():
            self._add([self.text_edit.text()])

    def _on_text_edit_lines_pasted(self, lines: list[str]) -> None:
        self._add(lines)

    def _add(self, texts: list[str]) -> None:
        if self.sitting_id is None:
            return
        asked_by = self.asked_by_edit.text()
        item_id = self._questions_item()
        people = {p.full_name: p.id for p in self._document.participants()}
        try:
            added = [self.commands.add(self.sitting_id, text, asked_by, item_id, people.get(asked_by.strip()))
                     for text in texts]
        except ValidationError as error:
            self.status.show_error(str(error))
            return
        self.status.clear_error()
        self.text_edit.setText("")
        self.asked_by_edit.setText("")
        self._select(added[-1].id)
        self.text_edit.setFocus()

    def _questions_item(self) -> int | None:
        """The agenda item the questions belong to: the current one if running, else the first 'questions' item."""
        agenda = self._document.agenda(self.sitting_id) if self.sitting_id else None
        if agenda is None:
            return None
        if agenda.sitting.is_running and agenda.sitting.current_item_id:
            return agenda.sitting.current_item_id
        return next((i.id for i in agenda.items if i.kind == ItemKind.QUESTIONS), None)

    def vote(self, delta: int) -> None:
        question = self.current()
        if question is not None:
            self.commands.vote(question, delta)
            self._select(question.id)

    def toggle_answered(self) -> None:
        question = self.current()
        if question is not None:
            self.commands.set_answered(question, not question.answered)
            self._select(question.id)

    def toggle_pinned(self) -> None:
        """Pin the question on the projector (and show it there), or unpin it."""
        question = self.current()
        if question is None or self.sitting_id is None:
            return
        if question.pinned:
            self.commands.pin(self.sitting_id, None)
        else:
            if question.hidden:
                self.commands.set_hidden(question, False)
            self.commands.pin(self.sitting_id, question.id)
            self._document.board.show(ShowRequest(ProjectorMode.QUESTION, self.sitting_id))
        self._select(question.id)

    def toggle_hidden(self) -> None:
        question = self.current()
        if question is not None:
            self.commands.set_hidden(question, not question.hidden)
            self._select(question.id)

    def edit(self) -> None:
        question = self.current()
        if question is None:
            return
        text = prompts.ask_text(self, _("Edit the question"), _("Question:"), question.text)
        if text is None:
            return
        try:
            self.commands.edit(question, text, question.asked_by)
        except ValidationError as error:
            self.status.show_error(str(error))

    def delete(self) -> None:
        question = self.current()
        if question is not None:
            self.commands.delete(question)

    def save_answer(self) -> None:
        """Save the field's text as the answer to the question it was showing (not whichever is selected now)."""
        question = self._answering
        if question is None or self.answer_edit.toPlainText() == question.answer:
            return
        try:
            saved = self.commands.set_answer(question, self.answer_edit.toPlainText())
        except ValidationError as error:
            self.status.show_error(str(error))
            return
        self.status.clear_error()
        self._answering = saved
        self._select(saved.id)

    # Display -------------------------------------------------------------------------------------------------
    def _select(self, question_id: int) -> None:
        row = next((n for n, q in enumerate(self.model.questions) if q.id == question_id), -1)
        if row >= 0:
            self.table.selectRow(row)

    def _show_buttons(self) -> None:
        question = self.current()
        for button in (self.vote_button, self.answered_button, self.pin_button, self.hide_button, self.edit_button,
                       self.delete_button):
            button.setEnabled(question is not None)
        self.answered_button.setChecked(bool(question and question.answered))
        self.pin_button.setChecked(bool(question and question.pinned))
        self.hide_button.setChecked(bool(question and question.hidden))
        self._show_answer(question)

    def _show_answer(self, question: Question | None) -> None:
        """The selected question's answer; what is being typed for it is not overwritten by a reload."""
        typing = self.answer_edit.hasFocus() and self._answering is not None and question is not None \
            and question.id == self._answering.id and self.answer_edit.toPlainText() != self._answering.answer
        self._answering = question
        if not typing:
            self.answer_edit.set_text(question.answer if question else "")
        self.answer_edit.setEnabled(question is not None)

    def _show_summary(self, questions: list[Question]) -> None:
        answered = sum(1 for q in questions if q.answered and not q.hidden)
        hidden = sum(1 for q in questions if q.hidden)
        parts = [ngettext("{n} question", "{n} questions", len(questions)).format(n=len(questions)),
                 ngettext("{n} answered", "{n} answered", answered).format(n=answered)]
        if hidden:
            parts.append(ngettext("{n} off topic", "{n} off topic", hidden).format(n=hidden))  # questions: feminine
        self.summary.setText(" · ".join(parts))
