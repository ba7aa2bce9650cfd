"""The sign-in desk: one always-focused field for badge scans and names, walk-ins, undo, head count."""

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_desk.domain.attendance import HeadCount, RosterEntry, SignIn, SignInOutcome, head_count, is_in_room
from workshop_desk.domain.clock import local
from workshop_desk.domain.models import ParticipantDraft
from workshop_desk.domain.validation import ValidationError
from workshop_desk.i18n import _, format_time, labelled, language, translator
from workshop_desk.ui import theme
from workshop_desk.ui.document import Document
from workshop_desk.ui.documents import write_document
from workshop_desk.ui.models.roster_model import RosterModel
from workshop_desk.ui.translation import key_text
from workshop_desk.ui.undo import NotSaved
from workshop_desk.ui.widgets.signin_banner import SignInBanner, Tone

if TYPE_CHECKING:
    from workshop_desk.services.workspace import Workspace


T = TypeVar("T")

class SignInDesk(QWidget):
    """Built for speed: scan or type, Enter, next. Every sign-in is committed before it is shown."""

    head_count_changed = Signal(object)  # HeadCount

    def __init__(self, document: Document) -> None:
        super().__init__()
        self._document = document
        self.sitting_id: int | None = None
        self.model = RosterModel()
        self._badges: dict[str, int] = {}
        self._last: int | None = None  # who was signed in last ("Left early" with no one highlighted)
        self._announcing = False  # our own change is being announced: the model already holds it
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.field = QLineEdit()
        self.field.setFont(theme.heading_font(1.6))
        self.field.setPlaceholderText(_("Scan a badge, or type a name, then Enter"))
        self.field.installEventFilter(self)
        self.matches = QListView()
        self.matches.setModel(self.model)
        self.matches.setUniformItemSizes(True)
        self.matches.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.banner = SignInBanner()
        self.undo_button = QPushButton(_("Undo"))
        self.undo_button.setToolTip(_("Undo the last step ({keys}), such as the last sign-in").format(
            keys=key_text("Ctrl+Z")))
        self.left_button = QPushButton(_("Left early"))
        self.left_button.setToolTip(_("Record that the highlighted person has left"))
        actions = QHBoxLayout()
        actions.addWidget(self.undo_button)
        actions.addWidget(self.left_button)
        actions.addStretch()
        left = QVBoxLayout()
        left.addWidget(self.field)
        left.addWidget(self.banner)
        left.addLayout(actions)
        left.addWidget(self.matches, 1)
        left.addWidget(self._build_walk_in())
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(self._build_counts(), 2)

    def _build_walk_in(self) -> QWidget:
        box = QWidget()
        self.walk_first, self.walk_last, self.walk_organisation = QLineEdit(), QLineEdit(), QLineEdit()
        self.walk_first.setPlaceholderText(_("First name"))
        self.walk_last.setPlaceholderText(_("Last name"))
        self.walk_organisation.setPlaceholderText(_("Organisation"))
        self.walk_group = QComboBox()
        self.walk_button = QPushButton(_("Add and sign in"))
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(_("Not on the list? Add a walk-in:")), 0, 0, 1, 3)
        grid.addWidget(self.walk_first, 1, 0)
        grid.addWidget(self.walk_last, 1, 1)
        grid.addWidget(self.walk_organisation, 1, 2)
        grid.addWidget(self.walk_group, 2, 0, 1, 2)
        grid.addWidget(self.walk_button, 2, 2)
        return box

    def _build_counts(self) -> QVBoxLayout:
        self.count_label = QLabel()
        self.count_label.setFont(theme.heading_font(2.6))
        self.expected_label = QLabel()
        self.groups_label = QLabel()
        self.groups_label.setWordWrap(True)
        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet(f"color: {theme.MUTED};")
        self.sheet_button = QPushButton(_("Attendance &sheet…"))
        self.sheet_button.setToolTip(_("The sheet to sign (feuille d'émargement), one row per expected person"))
        self.report_button = QPushButton(_("Attendance &report…"))
        documents = QHBoxLayout()
        documents.addWidget(self.sheet_button)
        documents.addWidget(self.report_button)
        column = QVBoxLayout()
        column.addLayout(documents)
        column.addWidget(self.count_label)
        column.addWidget(self.expected_label)
        column.addWidget(self.groups_label)
        column.addStretch()
        column.addWidget(self.notice_label)
        return column

    def _connect_signals(self) -> None:
        self.field.textChanged.connect(self._on_field_text_changed)
        self.field.returnPressed.connect(self._on_field_return_pressed)
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        self.left_button.clicked.connect(self._on_left_button_clicked)
        self.walk_button.clicked.connect(self._on_walk_button_clicked)
        self.walk_organisation.returnPressed.connect(self._on_walk_button_clicked)
        self.sheet_button.clicked.connect(lambda: self._write("sheet"))
        self.report_button.clicked.connect(lambda: self._write("report"))
        self.matches.clicked.connect(lambda _index: self.field.setFocus())
        self._document.attendance_changed.connect(self._on_document_attendance_changed)
        self._document.participants_changed.connect(self._on_document_participants_changed)

    def _on_document_attendance_changed(self, sitting_id: int) -> None:
        if sitting_id == self.sitting_id and not self._announcing:
            self.reload()

    def _on_document_participants_changed(self) -> None:
        if not self._announcing:
            self.reload()

    # Loading ---------------------------------------------------------------------------------------
    def set_sitting(self, sitting_id: int | None) -> None:
        self.sitting_id = sitting_id
        self._last = None
        self.banner.clear()
        self.reload()

    def reload(self) -> None:
        """Read the registry and the sitting's roster again."""
        if self.sitting_id is None:
            return
        workspace = self._document.workspace
        people, groups = workspace.participants.all(), self._document.groups()
        self.model.set_people(people, workspace.attendance.roster(self.sitting_id), groups)
        self._badges = {person.badge_code: person.id for person in people}
        self.walk_group.clear()
        self.walk_group.addItem(_("(group)"), None)
        for group in groups:
            self.walk_group.addItem(group.name, group.id)
        self.notice_label.setText(self._notice())
        self.model.search(self.field.text())
        self._show_counts()

    def _notice(self) -> str:
        from workshop_desk.domain.privacy import notice

        return notice(self._document.programme(), translator(language()))

    # Signing in ------------------------------------------------------------------------------------
    def _on_field_text_changed(self, text: str) -> None:
        self.model.search(text)
        if self.model.rowCount():
            self._highlight(0)

    def _on_field_return_pressed(self) -> None:
        text = self.field.text().strip()
        if not text or self.sitting_id is None:
            return
        code = text.upper().replace(" ", "")
        row = self.matches.currentIndex().row()
        sitting_id = self.sitting_id
        if code in self._badges:
            result = self._saving(lambda: self._document.desk.scan(sitting_id, code))
        elif self.model.rowCount() and row >= 0:
            result = self._saving(lambda: self._document.desk.sign_in(sitting_id, self.model.participant_id(row)))
        else:
            result = SignIn(SignInOutcome.UNKNOWN, code=text)
        if result is not None:
            self._show_sign_in(result)

    def _saving(self, change: Callable[[], T]) -> T | None:
        """Run a change of ours; when the file refuses it, the banner says so (no earlier "Welcome!" stays)."""
        self._announcing = True
        try:
            return change()
        except NotSaved as refused:
            self.banner.show_result("", "", str(refused), Tone.PROBLEM)
            self.field.selectAll()
            return None
        finally:
            self._announcing = False

    def _show_sign_in(self, result: SignIn) -> None:
        if result.outcome == SignInOutcome.UNKNOWN:
            self.banner.show_result(result.code, "", _("Unknown badge or name: nobody was signed in."), Tone.PROBLEM)
            self.field.selectAll()
            return
        person = result.participant
        assert person is not None and result.attendance is not None
        group = self.model.group(person.group_id)
        band = group.colour if group else None
        detail = " · ".join(part for part in (person.organisation, group.name if group else "") if part)
        when = format_time(local(result.attendance.signed_in_at).time()) if result.attendance.signed_in_at else ""
        if result.outcome == SignInOutcome.ALREADY:
            self.banner.show_result(person.full_name, detail, _("Already signed in at {time}.").format(time=when),
                                    Tone.NOTICE, band)
        else:
            self.banner.show_result(person.full_name, detail, _("Welcome! Signed in at {time}.").format(time=when),
                                    Tone.DONE, band)
            self._last = person.id
            self._changed(RosterEntry(person, result.attendance))
        self.field.clear()
        self.field.setFocus()

    def _changed(self, entry: RosterEntry) -> None:
        """Our own change, already announced: show it without reading the roster again."""
        self.model.update_entry(entry)
        self._show_counts()

    def _on_undo_button_clicked(self) -> None:
        stack = self._document.undo_stack
        if not stack.canUndo():
            self.banner.show_result("", "", _("There is nothing to undo."), Tone.NEUTRAL)
            return
        text = stack.undoText()
        stack.undo()
        self.banner.show_result("", "", _("Undone: {what}.").format(what=text), Tone.NEUTRAL)
        self.field.setFocus()

    def _on_left_button_clicked(self) -> None:
        row = self.matches.currentIndex().row()
        pid = self.model.participant_id(row) if row >= 0 else self._last
        entry = self.model.entry(pid) if pid is not None else None
        sitting_id = self.sitting_id
        if entry is None or not is_in_room(entry.attendance) or sitting_id is None:
            self.banner.show_result("", "", _("Highlight someone who is here, then press “Left early”."),
                                    Tone.NEUTRAL)
            return
        attendance = self._saving(lambda: self._document.desk.mark_left(sitting_id, entry.participant.id))
        if attendance is None:
            return
        self._changed(RosterEntry(entry.participant, attendance))
        self.banner.show_result(entry.participant.full_name, "", _("Left at {time}.").format(
            time=format_time(local(attendance.left_at).time()) if attendance.left_at else ""), Tone.NEUTRAL)
        self.field.setFocus()

    def _on_walk_button_clicked(self) -> None:
        if self.sitting_id is None:
            return
        draft = ParticipantDraft(self.walk_first.text(), self.walk_last.text(),
                                 organisation=self.walk_organisation.text(), group_id=self.walk_group.currentData())
        sitting_id = self.sitting_id
        try:
            result = self._saving(lambda: self._document.desk.walk_in(sitting_id, draft))
        except ValidationError as error:
            self.banner.show_result("", "", str(error), Tone.PROBLEM)
            return
        if result is None:
            return
        for edit in (self.walk_first, self.walk_last, self.walk_organisation):
            edit.clear()
        assert result.participant is not None
        self._badges[result.participant.badge_code] = result.participant.id
        self._show_sign_in(result)

    def _write(self, kind: str) -> None:
        """The attendance sheet or report of this sitting, as a Word document."""
        sitting_id = self.sitting_id
        if sitting_id is None:
            return

        def write(workspace: "Workspace", out: Path, language: str) -> Path:
            from workshop_desk.services import documents

            exporter = documents.export_attendance_sheet if kind == "sheet" else documents.export_attendance_report
            return exporter(workspace, sitting_id, out, language)

        title = self._document.agenda(sitting_id).sitting.title
        name = _("attendance sheet — {title}") if kind == "sheet" else _("attendance report — {title}")
        write_document(self, self._document.workspace, _("Save the document"), name.format(title=title), write)

    # Display ---------------------------------------------------------------------------------------
    def count(self) -> HeadCount:
        return head_count(self.model.entries())

    def _show_counts(self) -> None:
        count = self.count()
        self.count_label.setText(_("{n} here").format(n=count.present))
        self.expected_label.setText(_("expected: {n}").format(n=count.expected))
        lines = []
        for group_id, number in sorted(count.by_group.items(), key=lambda item: -item[1]):
            group = self.model.group(group_id)
            name, colour = (group.name, group.colour) if group else (_("(no group)"), "#BDBDBD")
            lines.append(f'<span style="color:{colour}">■</span> ' + labelled(name, f"<b>{number}</b>"))
        self.groups_label.setText("<br>".join(lines))
        self.head_count_changed.emit(count)

    def _highlight(self, row: int) -> None:
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.matches.selectionModel().setCurrentIndex(self.model.index(row), flags)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the field move the highlight in the list (the field keeps the focus)."""
        if watched is self.field and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step and self.model.rowCount():
                row = self.matches.currentIndex().row() + step
                self._highlight(max(0, min(row, self.model.rowCount() - 1)))
                return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.field.setFocus()
