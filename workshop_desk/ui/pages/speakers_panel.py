"""Speaking turns: the speaker list, giving the floor, and who had it for how long."""

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workshop_desk.domain.clock import utc_now
from workshop_desk.domain.live import format_clock
from workshop_desk.domain.speaking import SpeakingTurn, spoken_seconds, totals_by_group, totals_by_speaker
from workshop_desk.domain.validation import ValidationError
from workshop_desk.i18n import _, labelled
from workshop_desk.ui import theme
from workshop_desk.ui.document import Document
from workshop_desk.ui.translation import key_text
from workshop_desk.ui.widgets.form_status import FormStatus


class SpeakersPanel(QWidget):
    """Giving the floor starts the speaker's countdown on the round timer (`floor_given`)."""

    floor_given = Signal(str, int)  # speaker name, allotted seconds
    floor_ended = Signal()

    def __init__(self, document: Document) -> None:
        super().__init__()
        self._document = document
        self.sitting_id: int | None = None
        self._turns: list[SpeakingTurn] = []
        self._people: dict[str, int] = {}
        self._refresher = QTimer(self)
        self._refresher.setInterval(1000)
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        title = QLabel(_("Speakers"))
        title.setFont(theme.heading_font(1.2))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(_("Speaker's name (a participant or anyone)"))
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(1, 120)
        self.minutes_spin.setValue(5)
        self.minutes_spin.setSuffix(_(" min"))
        self.add_button = QPushButton(_("Add"))
        self.list = QListWidget()
        self.next_button = QPushButton(_("Next speaker ▶"))
        self.next_button.setToolTip(key_text("Ctrl+Shift+Right"))
        self.give_button = QPushButton(_("Give the floor"))
        self.end_button = QPushButton(_("End the turn"))
        self.up_button, self.down_button = QPushButton("▲"), QPushButton("▼")
        self.remove_button = QPushButton(_("Remove"))
        self.totals_label = QLabel()
        self.totals_label.setWordWrap(True)
        self.status = FormStatus()
        add = QGridLayout()  # the name on a row of its own: beside the others it is too narrow to read on a laptop
        add.addWidget(self.name_edit, 0, 0, 1, 3)
        add.addWidget(self.minutes_spin, 1, 0)
        add.addWidget(self.add_button, 1, 1)
        add.setColumnStretch(2, 1)
        floor = QGridLayout()  # two rows: the three buttons side by side need more than the panel's share of a laptop
        floor.addWidget(self.next_button, 0, 0, 1, 2)
        floor.addWidget(self.give_button, 1, 0)
        floor.addWidget(self.end_button, 1, 1)
        order = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            order.addWidget(button)
        order.addStretch()
        layout = QVBoxLayout(self)
        for part in (title, add, self.status, self.list, floor, order, self.totals_label):
            layout.addLayout(part) if isinstance(part, QLayout) else layout.addWidget(part)

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.name_edit.returnPressed.connect(self._on_add_button_clicked)
        self.next_button.clicked.connect(lambda: self.give_floor(None))
        self.give_button.clicked.connect(lambda: self.give_floor(self._selected_id()))
        self.list.itemDoubleClicked.connect(lambda _item: self.give_floor(self._selected_id()))
        self._document.room_changed.connect(self._on_document_room_changed)
        self.end_button.clicked.connect(self._on_end_button_clicked)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(+1))
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self._refresher.timeout.connect(self._show)

    def _on_document_room_changed(self, sitting_id: int) -> None:
        if sitting_id == self.sitting_id:
            self.reload()

    def set_sitting(self, sitting_id: int | None) -> None:
        self.sitting_id = sitting_id
        people = self._document.participants()
        self._people = {p.full_name: p.id for p in people if p.full_name}
        completer = QCompleter(sorted(self._people), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name_edit.setCompleter(completer)
        self.reload()

    def reload(self) -> None:
        self._turns = self._document.workspace.speaking.turns(self.sitting_id) if self.sitting_id else []
        self._refresher.start() if any(t.is_speaking for t in self._turns) else self._refresher.stop()
        self._show()

    # Commands ----------------------------------------------------------------------------------------
    def give_floor(self, turn_id: int | None) -> None:
        """The next speaker (or the chosen one) has the floor; their countdown starts."""
        if self.sitting_id is None:
            return
        turn = self._document.room.give_floor(self.sitting_id, turn_id)
        if turn is None:
            self.status.show_error(_("Everyone on the list has spoken. Add a speaker to go on."))
            return
        self.status.clear_error()
        self.floor_given.emit(turn.speaker_name, turn.allotted_seconds)

    def _on_end_button_clicked(self) -> None:
        if self.sitting_id is not None:
            self._document.room.end_turn(self.sitting_id)
            self.floor_ended.emit()

    def _on_add_button_clicked(self) -> None:
        name = self.name_edit.text().strip()
        if self.sitting_id is None:
            return
        try:
            self._document.room.add_speaker(self.sitting_id, name, self.minutes_spin.value() * 60,
                                            self._people.get(name))
        except ValidationError as error:
            self.status.show_error(str(error))
            return
        self.status.clear_error()
        self.name_edit.clear()

    def _on_remove_button_clicked(self) -> None:
        turn = self._selected()
        if turn is not None:
            self._document.room.remove_speaker(turn)

    def _move(self, delta: int) -> None:
        row = self.list.currentRow()
        if self.sitting_id is None or not 0 <= row + delta < len(self._turns) or row < 0:
            return
        ids = [turn.id for turn in self._turns]
        ids.insert(row + delta, ids.pop(row))
        self._document.room.reorder_speakers(self.sitting_id, ids)
        self.list.setCurrentRow(row + delta)

    # Display -----------------------------------------------------------------------------------------
    def _selected_id(self) -> int | None:
        turn = self._selected()
        return turn.id if turn else None

    def _selected(self) -> SpeakingTurn | None:
        row = self.list.currentRow()
        return self._turns[row] if 0 <= row < len(self._turns) else None

    def _show(self) -> None:
        row, now = self.list.currentRow(), utc_now()
        self.list.clear()
        for number, turn in enumerate(self._turns, start=1):
            spoken = spoken_seconds(turn, now)
            text = f"{number}. {turn.speaker_name} — {format_clock(turn.allotted_seconds)}"
            if turn.started_at is not None:
                text += "  " + _("(spoke {time})").format(time=format_clock(spoken))
            item = QListWidgetItem(("▶ " if turn.is_speaking else "") + text)
            if turn.is_speaking:
                font = QFont()
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
        self.list.setCurrentRow(min(row, self.list.count() - 1))
        self.totals_label.setText(self._totals(now))

    def _totals(self, now: dt.datetime) -> str:
        spoken = [t for t in self._turns if t.started_at is not None]
        if not spoken:
            return _("Nobody has spoken yet.")
        groups = {p.id: p.group_id for p in self._document.participants()}
        names = {g.id: g.name for g in self._document.groups()}
        by_group = totals_by_group(spoken, groups, now)
        lines = [labelled(name, format_clock(seconds)) for name, seconds in totals_by_speaker(spoken, now).items()]
        lines += [labelled(f"<i>{names.get(group or -1, _('(no group)'))}</i>", format_clock(seconds))
                  for group, seconds in sorted(by_group.items(), key=lambda item: -item[1])]
        heading = _("Speaking time")  # not inside the f-string: extraction would miss it
        return "<br>".join([f"<b>{heading}</b>", *lines])
