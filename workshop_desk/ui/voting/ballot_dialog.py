"""Create or edit a ballot: title, method, the method's settings, the grid's criteria, and the options — typed
one per line, or ticked among the sitting's themes and ideas."""

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_desk.domain.counting_grid import elire_criteria
from workshop_desk.domain.enums import BallotMethod
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.vote_methods import (
    DEFAULT_METHOD,
    METHODS,
    default_settings,
    method_label,
    method_spec,
    settings_from_dict,
)
from workshop_desk.domain.voting import Ballot, Settings, settings_to_dict
from workshop_desk.i18n import N_, _
from workshop_desk.ui import theme
from workshop_desk.ui.commands.votes import BallotDraft
from workshop_desk.ui.voting.list_models import CheckListModel, PairsModel
from workshop_desk.ui.widgets.form_status import FormStatus

Source = tuple[str, int, str]  # "idea" or "theme", its id, its text
_FIELDS = {"dots_per_voter": (N_("Dots per voter"), 1, 100), "max_per_option": (N_("Most dots on one option"), 0, 100),
           "negative_dots": (N_("Negative dots per voter"), 0, 100), "total": (N_("Points to allocate"), 1, 10_000),
           "low": (N_("Lowest score"), -10, 100), "high": (N_("Highest score"), -9, 100),
           "dissent_threshold": (N_("Disagreement above a spread of"), 0.1, 10.0),
           "max_ranked": (N_("Options each voter may rank"), 0, 1000)}
_ZERO_MEANS = {"max_per_option": N_("no limit"), "max_ranked": N_("all"), "negative_dots": N_("none")}

if TYPE_CHECKING:
    from workshop_desk.services.workspace import Workspace


class SettingsForm(QWidget):
    """One spin box per setting of the chosen method (none for a consent round or a show of hands)."""

    def __init__(self) -> None:
        super().__init__()
        self._layout = QFormLayout(self)
        self._method = DEFAULT_METHOD
        self.spins: dict[str, QSpinBox | QDoubleSpinBox] = {}

    def show_settings(self, method: BallotMethod, settings: Settings) -> None:
        while self._layout.rowCount():
            self._layout.removeRow(0)
        self._method, self.spins = method, {}
        for name, value in settings_to_dict(settings).items():
            text, low, high = _FIELDS[name]
            spin: QSpinBox | QDoubleSpinBox = QDoubleSpinBox() if isinstance(low, float) else QSpinBox()
            spin.setRange(low, high)  # type: ignore[arg-type]
            spin.setValue(value)
            if name in _ZERO_MEANS:
                spin.setSpecialValueText(_(_ZERO_MEANS[name]))
            self.spins[name] = spin
            self._layout.addRow(_(text), spin)

    def settings(self) -> Settings:
        return settings_from_dict(self._method, {name: spin.value() for name, spin in self.spins.items()})


class BallotDialog(QDialog):
    """Returns a BallotDraft; `save` is called on OK and may refuse it with a message."""

    def __init__(self, ballot: Ballot | None, sources: Sequence[Source], has_votes: bool,
                 save: Callable[[BallotDraft], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Edit the ballot") if ballot else _("New ballot"))
        self.setMinimumWidth(560)
        self._ballot, self._save = ballot, save
        taken = {(("idea", o.idea_id) if o.idea_id else ("theme", o.theme_id)) for o in ballot.options} if ballot \
            else set()
        self._sources = [source for source in sources if (source[0], source[1]) not in taken]
        self._setup_ui(has_votes)
        self._show(ballot)

    def _setup_ui(self, has_votes: bool) -> None:
        self.title_edit = QLineEdit()
        self.method_combo = QComboBox()
        for method in METHODS:
            self.method_combo.addItem(method_label(method), str(method))
        self.method_combo.setEnabled(self._ballot is None)  # a ballot's votes are read by its method
        self.settings_form = SettingsForm()
        settings_box = QGroupBox(_("Settings"))
        QVBoxLayout(settings_box).addWidget(self.settings_form)
        self.criteria_box = self._criteria_box()
        self.options_edit = QPlainTextEdit()
        self.options_edit.setPlaceholderText(_("One option per line"))
        self.sources_model = CheckListModel()
        self.sources_model.set_items([((kind, key), (_("Theme: {name}") if kind == "theme" else "{name}").format(
            name=text)) for kind, key, text in self._sources])
        self.sources_view = QListView()
        self.sources_view.setModel(self.sources_model)
        self.sources_view.setUniformItemSizes(True)
        self.sources_view.setVisible(bool(self._sources))
        self.locked = QLabel(_("Votes have been cast: only the title can change. Clear the votes to change the rest."))
        self.locked.setWordWrap(True)
        self.locked.setStyleSheet(f"color: {theme.MUTED};")
        self.locked.setVisible(has_votes)
        for widget in (settings_box, self.criteria_box, self.options_edit, self.sources_view):
            widget.setEnabled(not has_votes)
        self.status = FormStatus()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.method_combo.currentIndexChanged.connect(self._on_method_combo_current_index_changed)
        form = QFormLayout(self)
        form.addRow(_("&Title"), self.title_edit)
        form.addRow(_("&Method"), self.method_combo)
        form.addRow(settings_box)
        form.addRow(self.criteria_box)
        form.addRow(_("&Options"), self.options_edit)
        if self._sources:
            form.addRow(_("From the board"), self.sources_view)
        for row in (self.locked, self.status, self.buttons):
            form.addRow(row)

    def _criteria_box(self) -> QGroupBox:
        box = QGroupBox(_("Criteria and weights"))
        self.criteria_model = PairsModel((_("Criterion"), _("Weight")), numeric=True)
        self.criteria_view = QTableView()
        self.criteria_view.setModel(self.criteria_model)
        self.criteria_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.criteria_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.criteria_view.setMaximumHeight(170)
        add, remove, elire = QPushButton(_("Add")), QPushButton(_("Remove")), QPushButton(_("ELIRE grid"))
        elire.setToolTip(_("Jobs, social cohesion, image, economic return, environment; equal weights"))
        add.clicked.connect(lambda: self.criteria_model.add_row(_("New criterion")))
        remove.clicked.connect(lambda: self.criteria_model.remove_row(self.criteria_view.currentIndex().row()))
        elire.clicked.connect(lambda: self.criteria_model.set_rows(elire_criteria()))
        buttons = QHBoxLayout()
        for button in (add, remove, elire):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(box)
        layout.addWidget(self.criteria_view)
        layout.addLayout(buttons)
        return box

    def _show(self, ballot: Ballot | None) -> None:
        method = ballot.method if ballot else DEFAULT_METHOD
        self.title_edit.setText(ballot.title if ballot else "")
        self.method_combo.setCurrentIndex(self.method_combo.findData(str(method)))
        self.settings_form.show_settings(method, ballot.settings if ballot else default_settings(method))
        criteria = [(c.name, c.weight) for c in ballot.criteria] if ballot else elire_criteria()
        self.criteria_model.set_rows(criteria)
        self.criteria_box.setVisible(method_spec(method).criteria)
        self.options_edit.setPlainText("\n".join(o.label for o in ballot.options) if ballot else "")

    def _on_method_combo_current_index_changed(self, _index: int) -> None:
        method = self.method()
        self.settings_form.show_settings(method, default_settings(method))
        self.criteria_box.setVisible(method_spec(method).criteria)

    def method(self) -> BallotMethod:
        return BallotMethod(self.method_combo.currentData())

    def draft(self) -> BallotDraft:
        """What the form says (ValidationError if a setting does not make sense)."""
        ticked: list[Any] = self.sources_model.ticked()
        lines = tuple(line.strip() for line in self.options_edit.toPlainText().splitlines() if line.strip())
        criteria = tuple((name, float(weight)) for name, weight in self.criteria_model.rows())
        return BallotDraft(self.title_edit.text(), self.method(), self.settings_form.settings(), lines,
                           tuple(key for kind, key in ticked if kind == "idea"),
                           tuple(key for kind, key in ticked if kind == "theme"),
                           criteria if method_spec(self.method()).criteria else ())

    def _on_buttons_accepted(self) -> None:
        try:
            self._save(self.draft())
        except ValidationError as error:
            self.status.show_error(str(error))
            return
        self.accept()


def board_sources(workspace: "Workspace", sitting_id: int) -> list[Source]:
    """The sitting's themes and visible ideas."""
    board = workspace.ideas.board(sitting_id)
    themes = [("theme", t.id, t.name) for t in board.themes]
    ideas = [("idea", i.id, i.text) for i in board.ideas if i.merged_into_id is None]
    return themes + ideas

