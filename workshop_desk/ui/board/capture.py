"""Keyboard-first capture: type, Enter, next; table, group, author, colour and 'hidden' kept from note to note."""

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QKeySequence, QPixmap
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from workshop_desk.domain.enums import ItemKind
from workshop_desk.domain.ideas import IdeaDraft, split_lines
from workshop_desk.domain.models import AgendaItem, StakeholderGroup
from workshop_desk.domain.table_plan import RoomTable
from workshop_desk.i18n import N_, _

# The colours of paper sticky notes, for "the note's own colour".
NOTE_COLOURS = ((N_("Yellow"), "#FFF59D"), (N_("Pink"), "#F8BBD0"), (N_("Green"), "#C5E1A5"),
                (N_("Blue"), "#B3E5FC"), (N_("Orange"), "#FFCC80"), (N_("Violet"), "#D1C4E9"))


def swatch(colour: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class CaptureEdit(QLineEdit):
    """A line edit where pasting several lines gives one note per line, and Ctrl+Z undoes the last note once
    there is no typing left to undo."""

    lines_pasted = Signal(list)  # list[str]

    def __init__(self) -> None:
        super().__init__()
        self.textChanged.connect(self._on_self_text_changed)

    def _on_self_text_changed(self, text: str) -> None:
        if "\n" in text or "\r" in text:
            lines = split_lines(text)
            self.setText("")
            if lines:
                self.lines_pasted.emit(lines)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            undo = event.matches(QKeySequence.StandardKey.Undo) and not self.isUndoAvailable()
            redo = (event.matches(QKeySequence.StandardKey.Redo) or QKeySequence(event.keyCombination())
                    == QKeySequence("Ctrl+Y")) and not self.isRedoAvailable()
            if undo or redo:
                event.ignore()  # the window's Edit › Undo / Redo takes it
                return False
        return super().event(event)


class CaptureBar(QWidget):
    """Emits the notes to add; the page saves them."""

    captured = Signal(list)  # list[IdeaDraft]

    def __init__(self) -> None:
        super().__init__()
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.text_edit = CaptureEdit()
        self.text_edit.setPlaceholderText(_("Type an idea and press Enter (paste several lines: one note per line)"))
        self.add_button = QPushButton(_("Add"))
        self.item_combo = self._combo(_("The question being worked on (agenda item)"), 10)
        self.table_combo = self._combo(_("The table the note comes from"), 6)
        self.group_combo = self._combo(_("The stakeholder group the note comes from"), 8)
        for short in (self.table_combo, self.group_combo):  # their choices are short: each shows whole
            short.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.author_edit = QLineEdit()
        self.author_edit.setPlaceholderText(_("Author (optional)"))
        self.author_edit.setToolTip(_("Notes are anonymous unless you type a name"))
        self.author_edit.setMinimumWidth(110)
        self.author_edit.setMaximumWidth(180)
        self.colour_combo = self._combo(_("The colour of the paper note"), 6)
        self.colour_combo.addItem(_("Any colour"), "")
        for name, colour in NOTE_COLOURS:
            self.colour_combo.addItem(swatch(colour), _(name), colour)
        self.colour_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.hidden_check = QCheckBox(_("Hidden until revealed"))
        self.hidden_check.setToolTip(_("Capture notes without the projector showing them, then reveal them together"))
        line = QHBoxLayout()
        for widget in (self.text_edit, self.author_edit, self.hidden_check, self.add_button):
            line.addWidget(widget, 1 if widget is self.text_edit else 0)
        kept = QHBoxLayout()  # the agenda item takes the room left: its titles are the longest
        for combo in (self.item_combo, self.table_combo, self.group_combo, self.colour_combo):
            kept.addWidget(combo, 1 if combo is self.item_combo else 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(line)
        layout.addLayout(kept)

    @staticmethod
    def _combo(tip: str, characters: int) -> QComboBox:
        combo = QComboBox()
        combo.setToolTip(tip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(characters)
        return combo

    def _connect_signals(self) -> None:
        self.text_edit.returnPressed.connect(self._on_text_edit_return_pressed)
        self.add_button.clicked.connect(self._on_text_edit_return_pressed)
        self.text_edit.lines_pasted.connect(self._on_text_edit_lines_pasted)

    def set_choices(self, items: Sequence[AgendaItem], current_item_id: int | None, tables: Sequence[RoomTable],
                    groups: Sequence[StakeholderGroup]) -> None:
        """The sitting's agenda items, tables and groups (a choice still offered stays chosen)."""
        default = current_item_id or next((i.id for i in items if i.kind == ItemKind.BRAINSTORM), None)
        self._fill(self.item_combo, _("No agenda item"), [(i.title, i.id) for i in items], default)
        self._fill(self.table_combo, _("No table"), [(t.name, t.id) for t in tables], None)
        self._fill(self.group_combo, _("No group"), [(g.name, g.id) for g in groups], None)
        self.table_combo.setVisible(bool(tables))

    @staticmethod
    def _fill(combo: QComboBox, none: str, choices: Sequence[tuple[str, int]], default: int | None) -> None:
        kept = combo.currentData() if combo.count() else default
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(none, None)
        for text, value in choices:
            combo.addItem(text, value)
        index = combo.findData(kept)
        combo.setCurrentIndex(index if index >= 0 and kept is not None else max(0, combo.findData(default)))
        combo.blockSignals(False)

    def draft(self, text: str) -> IdeaDraft:
        """A note with this text and the fields kept from the previous one."""
        return IdeaDraft(text, agenda_item_id=self.item_combo.currentData(), table_id=self.table_combo.currentData(),
                         group_id=self.group_combo.currentData(), author=self.author_edit.text().strip(),
                         colour=self.colour_combo.currentData() or "", hidden=self.hidden_check.isChecked())

    def _on_text_edit_return_pressed(self) -> None:
        text = self.text_edit.text()
        if text.strip():
            self.captured.emit([self.draft(text)])

    def clear_text(self) -> None:
        """Ready for the next note (setText, not clear(): the typing history goes, so Ctrl+Z undoes the note)."""
        self.text_edit.setText("")
        self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_text_edit_lines_pasted(self, lines: list[str]) -> None:
        self.captured.emit([self.draft(line) for line in lines])
