"""The action plan at the console: the actions in a table (all of them, or one sitting's), and the editor of
one action — what, who leads, partners, deadline, budget, status, and indicators with targets (ELIRE by default)."""

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_desk.domain.enums import ActionStatus, ProjectorMode
from workshop_desk.domain.priorities import (
    Action,
    ActionDraft,
    IndicatorDraft,
    Priority,
    action_status_label,
    elire_indicators,
)
from workshop_desk.domain.validation import ValidationError
from workshop_desk.i18n import _
from workshop_desk.ui import prompts, theme
from workshop_desk.ui.commands.plan import action_draft, indicator_drafts
from workshop_desk.ui.commands.votes import ShowRequest
from workshop_desk.ui.document import Document
from workshop_desk.ui.projector import registry
from workshop_desk.ui.voting.list_models import PairsModel
from workshop_desk.ui.voting.plan_models import ActionsModel
from workshop_desk.ui.widgets.form_status import FormStatus
from workshop_desk.ui.widgets.optional_fields import OptionalDateEdit
from workshop_desk.ui.widgets.text_area import TextArea

Save = Callable[[ActionDraft, tuple[IndicatorDraft, ...]], object]
NO_BUDGET = -1.0
COLUMN_WIDTHS = (280, 180, 160, 100, 90, 90, 240)  # action, lead, partners, deadline, budget, status, indicators


class ActionDialog(QDialog):
    """Returns an ActionDraft and its indicators; `save` is called on OK and may refuse them with a message."""

    def __init__(self, draft: ActionDraft, indicators: Sequence[IndicatorDraft], save: Save,
                 parent: QWidget | None = None, title: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title or _("Action"))
        self.setMinimumWidth(560)
        self._save = save
        self._setup_ui()
        self._show(draft, indicators)

    def _setup_ui(self) -> None:
        self.title_edit, self.lead_edit, self.partners_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.lead_edit.setPlaceholderText(_("Who carries the action out"))
        self.partners_edit.setPlaceholderText(_("Who helps, separated by commas"))
        self.description_edit = TextArea()
        self.description_edit.setMaximumHeight(90)
        self.deadline_edit = OptionalDateEdit()  # empty: no deadline yet
        self.budget_spin = QDoubleSpinBox()
        self.budget_spin.setRange(NO_BUDGET, 1e9)
        self.budget_spin.setDecimals(0)
        self.budget_spin.setSingleStep(1000)
        self.budget_spin.setSuffix(" €")
        self.budget_spin.setSpecialValueText(_("not known"))
        self.status_combo = QComboBox()
        for status in ActionStatus:
            self.status_combo.addItem(action_status_label(status), str(status))
        self.indicators_model = PairsModel((_("Indicator"), _("Target")))
        self.indicators_view = QTableView()
        self.indicators_view.setModel(self.indicators_model)
        self.indicators_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.indicators_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.indicators_view.setMaximumHeight(190)
        self.status = FormStatus()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        for text, field in ((_("&What"), self.title_edit), (_("&Description"), self.description_edit),
                            (_("&Lead"), self.lead_edit), (_("&Partners"), self.partners_edit)):
            form.addRow(text, field)
        form.addRow(_("Deadline"), self.deadline_edit)
        form.addRow(_("&Budget"), self.budget_spin)
        form.addRow(_("&Status"), self.status_combo)
        form.addRow(_("Indicators and targets"), self._indicator_buttons())
        form.addRow(self.indicators_view)
        form.addRow(self.status)
        form.addRow(self.buttons)

    def _indicator_buttons(self) -> QHBoxLayout:
        add, remove, elire = QPushButton(_("Add")), QPushButton(_("Remove")), QPushButton(_("ELIRE indicators"))
        elire.setToolTip(_("Jobs, social cohesion, image, economic return, environment"))
        add.clicked.connect(lambda: self.indicators_model.add_row(_("New indicator")))
        remove.clicked.connect(lambda: self.indicators_model.remove_row(self.indicators_view.currentIndex().row()))
        elire.clicked.connect(self._on_elire_clicked)
        row = QHBoxLayout()
        for button in (add, remove, elire):
            row.addWidget(button)
        row.addStretch()
        return row

    def _on_elire_clicked(self) -> None:
        """The ELIRE criteria added as indicators (the ones already there are kept)."""
        have = {name for name, _target in self.indicators_model.rows()}
        for draft in elire_indicators():
            if draft.name not in have:
                self.indicators_model.add_row(draft.name, "")

    def _show(self, draft: ActionDraft, indicators: Sequence[IndicatorDraft]) -> None:
        self.title_edit.setText(draft.title)
        self.description_edit.set_text(draft.description)
        self.lead_edit.setText(draft.lead)
        self.partners_edit.setText(draft.partners)
        self.deadline_edit.set_value(draft.deadline)
        self.budget_spin.setValue(draft.budget if draft.budget is not None else NO_BUDGET)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(str(draft.status))))
        self.indicators_model.set_rows([(i.name, i.target) for i in indicators])

    def draft(self) -> ActionDraft:
        deadline = self.deadline_edit.value()
        budget = self.budget_spin.value()
        return ActionDraft(self.title_edit.text(), self.description_edit.toPlainText(), self.lead_edit.text(),
                           self.partners_edit.text(), deadline, None if budget <= NO_BUDGET else budget,
                           ActionStatus(self.status_combo.currentData()))

    def indicators(self) -> tuple[IndicatorDraft, ...]:
        return tuple(IndicatorDraft(name, str(target or "")) for name, target in self.indicators_model.rows())

    def _on_buttons_accepted(self) -> None:
        try:
            self._save(self.draft(), self.indicators())
        except ValidationError as error:
            self.status.show_error(str(error))
            return
        self.accept()


class ActionsPanel(QWidget):
    """The plan's actions (one sitting's, or all when `sitting_id` is None), created free or from a priority."""

    def __init__(self, document: Document, heading: str = "") -> None:
        super().__init__()
        self._document = document
        self._commands = document.plan
        self.sitting_id: int | None = None
        self._setup_ui(heading or _("Action plan"))
        self._connect_signals()

    def _setup_ui(self, heading: str) -> None:
        self.heading = QLabel(heading)
        self.heading.setFont(theme.heading_font(1.1))
        self.model = ActionsModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column, width in enumerate(COLUMN_WIDTHS):  # long texts: the full one is in the tooltip
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.new_button, self.edit_button = QPushButton(_("New &action…")), QPushButton(_("Edit…"))
        self.delete_button = QPushButton(_("Delete"))
        self.show_button = QPushButton(_("Show on the projector ({keys})").format(
            keys=registry.key_of(ProjectorMode.ACTIONS)))
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.show_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.new_button.clicked.connect(lambda: self.new_action())
        self.edit_button.clicked.connect(self.edit_selected)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.show_button.clicked.connect(self._on_show_button_clicked)
        self._document.priorities_changed.connect(self.reload)

    def set_sitting(self, sitting_id: int | None) -> None:
        self.sitting_id = sitting_id
        self.reload()

    def reload(self) -> None:
        row = self.table.currentIndex().row()
        self.model.set_items(self._commands.actions(self.sitting_id))
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)

    def selected(self) -> Action | None:
        row = self.table.currentIndex().row()
        return self.model.item(row) if 0 <= row < self.model.rowCount() else None

    def new_action(self, priority: Priority | None = None) -> Action | None:
        """A new action (carrying out `priority` when given), edited in the dialog before it is saved."""
        draft = ActionDraft(priority.title, priority.justification) if priority else ActionDraft("")
        created: list[Action] = []

        def save(values: ActionDraft, indicators: tuple[IndicatorDraft, ...]) -> None:
            created.append(self._commands.create_action(
                values, indicators, priority_id=priority.id if priority else None,
                idea_id=priority.idea_id if priority else None,
                sitting_id=priority.sitting_id if priority else self.sitting_id))

        ActionDialog(draft, elire_indicators(), save, self, _("New action")).exec()
        return created[0] if created else None

    def edit_selected(self) -> None:
        action = self.selected()
        if action is not None:
            ActionDialog(action_draft(action), indicator_drafts(action),
                         lambda values, indicators: self._commands.update_action(action, values, indicators), self,
                         _("Edit the action")).exec()

    def _on_delete_button_clicked(self) -> None:
        action = self.selected()
        if action is not None and prompts.confirm(self, _("Delete the action “{title}”? (Edit › Undo brings it "
                                                          "back.)").format(title=action.title)):
            self._commands.delete_action(action)

    def _on_show_button_clicked(self) -> None:
        self._document.votes.show(ShowRequest(ProjectorMode.ACTIONS, sitting_id=self.sitting_id))
