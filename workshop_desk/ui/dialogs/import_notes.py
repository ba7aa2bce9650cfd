"""The import wizard's notes on a file: the lines that look misread and the encoding to read it in, quotation
marks never closed, the columns that will not be imported."""

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QListWidget, QVBoxLayout, QWidget

from workshop_desk.domain.importing_text import ENCODINGS
from workshop_desk.i18n import _, labelled, ngettext
from workshop_desk.ui import theme

if TYPE_CHECKING:
    from workshop_desk.domain.importing import SourceTable
    from workshop_desk.domain.importing_notes import Note

LINES_SHOWN = 200  # suspect lines listed; a wholly misread file says how many more there are
LIST_ROWS = 4  # the list's height, in lines: the rest scrolls


class ImportNotes(QWidget):
    """Sentences about the file, the lines to check, and a choice of encoding (CSV files only).

    `offer_always`: offer the encoding for every CSV file, not only one with lines that look misread."""

    encoding_chosen = Signal(object)  # a key of ENCODINGS, or None to let the file's bytes decide

    def __init__(self, offer_always: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._offer_always = offer_always
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setStyleSheet(f"color: {theme.CAUTION};")
        self.lines_label = QLabel(_("The lines that look misread, as they were read:"))
        self.lines = QListWidget()
        self.lines.setUniformItemSizes(True)
        self.lines.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the page's focus stays on what is to be decided
        self.lines.setMaximumHeight(self.lines.fontMetrics().lineSpacing() * LIST_ROWS + 12)
        self.encoding_label = QLabel(_("Read the file as:"))
        self.encoding_combo = QComboBox()
        self.encoding_label.setBuddy(self.encoding_combo)
        encoding = QHBoxLayout()
        encoding.setContentsMargins(0, 0, 0, 0)
        encoding.addWidget(self.encoding_label)
        encoding.addWidget(self.encoding_combo)
        encoding.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addWidget(self.lines_label)
        layout.addWidget(self.lines)
        layout.addLayout(encoding)

    def _connect_signals(self) -> None:
        self.encoding_combo.activated.connect(self._on_encoding_combo_activated)

    def show_notes(self, table: "SourceTable | None", notes: "list[Note]") -> None:
        """The notes on `table` (None: no file read yet, nothing shown)."""
        decoding = table.decoding if table is not None else None
        self.text.setText("\n".join(note.text for note in notes))
        self.text.setVisible(bool(notes))
        suspects = decoding.suspects if decoding is not None else ()
        self._fill_lines([labelled(str(s.line), s.text) for s in suspects[:LINES_SHOWN]], len(suspects))
        offered = decoding is not None and (self._offer_always or bool(suspects) or decoding.chosen is not None)
        self._fill_encodings(decoding.encoding if decoding else "", decoding.chosen if decoding else None)
        self.encoding_label.setVisible(offered)
        self.encoding_combo.setVisible(offered)
        self.setVisible(bool(notes) or offered)

    def _fill_lines(self, texts: list[str], total: int) -> None:
        self.lines.clear()
        self.lines.addItems(texts)
        if total > len(texts):
            self.lines.addItem(ngettext("… and {n} more line", "… and {n} more lines", total - len(texts)).format(
                n=f"{total - len(texts):,}"))
        self.lines.setVisible(bool(texts))
        self.lines_label.setVisible(bool(texts))

    def _fill_encodings(self, read_as: str, chosen: str | None) -> None:
        self.encoding_combo.clear()
        guessed = _("Automatic") if chosen else _("Automatic (detected: {encoding})").format(encoding=read_as)
        self.encoding_combo.addItem(guessed, None)
        for key, name in ENCODINGS.items():
            self.encoding_combo.addItem(name, key)
        self.encoding_combo.setCurrentIndex(max(0, self.encoding_combo.findData(chosen)) if chosen else 0)

    def _on_encoding_combo_activated(self, index: int) -> None:
        self.encoding_chosen.emit(self.encoding_combo.itemData(index))
