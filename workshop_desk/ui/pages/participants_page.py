"""The participant registry: search, filter, edit, merge, and who is expected at each sitting."""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_desk.domain.enums import AttendanceStatus, label
from workshop_desk.domain.models import Participant
from workshop_desk.domain.people import draft_of
from workshop_desk.i18n import _, ngettext
from workshop_desk.ui import prompts, theme
from workshop_desk.ui.dialogs.groups_dialog import GroupsDialog, swatch
from workshop_desk.ui.dialogs.participant_dialog import ParticipantDialog
from workshop_desk.ui.document import Document
from workshop_desk.ui.documents import write_document
from workshop_desk.ui.models.participants_model import Column, ParticipantsFilter, ParticipantsModel
from workshop_desk.ui.translation import key_text

if TYPE_CHECKING:
    from workshop_desk.services.workspace import Workspace

STATUS_CHOICES = (AttendanceStatus.INVITED, AttendanceStatus.REGISTERED, AttendanceStatus.EXCUSED,
                  AttendanceStatus.ABSENT)


class ParticipantsPage(QWidget):
    """Every change goes through the document: saved at once, undoable (merge asks first)."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self._document = document
        self.model = ParticipantsModel()
        self.proxy = ParticipantsFilter()
        self.proxy.setSourceModel(self.model)
        self._setup_ui()
        self._connect_signals()
        self.refresh()

    def _setup_ui(self) -> None:
        self.heading = QLabel(_("Participants"))
        self.heading.setFont(theme.heading_font(1.6))
        self.summary = QLabel()
        self.summary.setStyleSheet(f"color: {theme.MUTED};")
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(_("Search by name, organisation or e-mail…"))
        self.search_edit.setClearButtonEnabled(True)
        self.group_combo = QComboBox()
        self.add_button = QPushButton(_("&Add…"))
        self.edit_button = QPushButton(_("&Edit…"))
        self.delete_button = QPushButton(_("&Delete"))
        self.merge_button = QPushButton(_("&Merge…"))
        self.merge_button.setToolTip(_("Select the two records of one person, then merge them"))
        self.groups_button = QPushButton(_("&Groups…"))
        self.import_button = QPushButton(_("&Import…"))
        self.import_button.setToolTip(_("Import an invitee list from Excel (.xlsx) or CSV"))
        self.badges_button = QPushButton(_("&Badges…"))
        self.badges_button.setToolTip(_("Print badges for the selection (or for everyone when nothing is selected)"))
        self.data_button = QPushButton(_("Personal &data…"))
        self.data_button.setToolTip(_("Export everything held about the selected person (a subject-access request)"))
        self.sitting_combo = QComboBox()
        self.sitting_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status_buttons = {status: QPushButton(label(status)) for status in STATUS_CHOICES}
        self.uninvite_button = QPushButton(_("Not expected"))
        self.view = self._build_view()
        self.empty_label = QLabel(_("No participant yet: add people one by one, or import the invitee list."))
        self.empty_label.setStyleSheet(f"color: {theme.MUTED};")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addLayout(self._row(self.search_edit, self.group_combo))
        # Two rows (the list's records; what comes in and goes out): on one they are cut short on a laptop.
        layout.addLayout(self._row(self.add_button, self.edit_button, self.delete_button, self.merge_button,
                                   self.groups_button, stretch=True))
        layout.addLayout(self._row(self.import_button, self.badges_button, self.data_button, stretch=True))
        layout.addLayout(self._row(QLabel(_("Expected at:")), self.sitting_combo, stretch=True))
        layout.addLayout(self._row(QLabel(_("Mark the selection as:")), *self.status_buttons.values(),
                                   self.uninvite_button, stretch=True))
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)

    @staticmethod
    def _row(*widgets: QWidget, stretch: bool = False) -> QHBoxLayout:
        row = QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
        if stretch:
            row.addStretch()
        return row

    def _build_view(self) -> QTableView:
        view = QTableView()
        view.setModel(self.proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((Column.NAME, 220), (Column.ORGANISATION, 240), (Column.ROLE, 150),
                              (Column.GROUP, 170), (Column.EMAIL, 220)):
            view.setColumnWidth(column, width)
        delete = QAction(view)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self._on_delete_button_clicked)
        view.addAction(delete)
        return view

    def _connect_signals(self) -> None:
        self.search_edit.textChanged.connect(self.proxy.set_query)
        self.group_combo.activated.connect(lambda _i: self.proxy.set_group(self.group_combo.currentData()))
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.view.doubleClicked.connect(lambda _index: self._on_edit_button_clicked())
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.merge_button.clicked.connect(self._on_merge_button_clicked)
        self.groups_button.clicked.connect(lambda: GroupsDialog(self._document, self).exec())
        self.data_button.clicked.connect(self._on_data_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.badges_button.clicked.connect(self._on_badges_button_clicked)
        self.sitting_combo.activated.connect(lambda _i: self.refresh())
        for status, button in self.status_buttons.items():
            button.clicked.connect(lambda _c=False, s=status: self._set_status(s))
        self.uninvite_button.clicked.connect(lambda: self._set_status(None))
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._document.participants_changed.connect(self.refresh)
        self._document.sittings_changed.connect(self._fill_sittings)

    # Data ------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the saved registry, keeping the selection and the filters."""
        selected = self.selected_ids()
        if not self.sitting_combo.count():
            self._fill_sittings()
        groups = self._document.groups()
        self._fill_groups(groups)
        sitting_id = self.sitting_combo.currentData()
        statuses = self._document.workspace.attendance.statuses(sitting_id) if sitting_id else {}
        people = self._document.participants()
        self.model.set_data(people, groups, statuses)
        self.view.setColumnHidden(Column.STATUS, sitting_id is None)
        self._select(selected)
        self._show_summary(people, statuses)
        self.empty_label.setVisible(not people)
        self._update_buttons()

    def _fill_sittings(self) -> None:
        current = self.sitting_combo.currentData()
        self.sitting_combo.clear()
        self.sitting_combo.addItem(_("(choose a sitting)"), None)
        for sitting in self._document.sittings():
            self.sitting_combo.addItem(sitting.title, sitting.id)
        self.sitting_combo.setCurrentIndex(max(0, self.sitting_combo.findData(current)))

    def _fill_groups(self, groups: list) -> None:  # type: ignore[type-arg]
        current = self.group_combo.currentData() if self.group_combo.count() else ParticipantsFilter.ALL_GROUPS
        self.group_combo.clear()
        self.group_combo.addItem(_("All groups"), ParticipantsFilter.ALL_GROUPS)
        for group in groups:
            self.group_combo.addItem(swatch(group.colour), group.name, group.id)
        self.group_combo.addItem(_("(no group)"), None)
        index = self.group_combo.findData(current)
        self.group_combo.setCurrentIndex(max(0, index))
        self.proxy.set_group(self.group_combo.currentData())

    def _show_summary(self, people: list[Participant], statuses: dict) -> None:  # type: ignore[type-arg]
        text = ngettext("{n} participant", "{n} participants", len(people)).format(n=len(people))
        if self.sitting_combo.currentData():
            expected = sum(1 for a in statuses.values() if a.status != AttendanceStatus.EXCUSED)
            text += " · " + ngettext("{n} expected at this sitting", "{n} expected at this sitting",
                                     expected).format(n=expected)
        self.summary.setText(text)

    # Selection -------------------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return [self.model.person(self.proxy.mapToSource(index).row()).id for index in rows]

    def _select(self, ids: list[int]) -> None:
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        wanted, selection = set(ids), QItemSelection()
        for row in range(self.model.rowCount()):
            if self.model.person(row).id in wanted:
                proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
                if proxy_index.isValid():
                    selection.select(proxy_index, proxy_index)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().select(selection, flags)

    def _update_buttons(self) -> None:
        count = len(self.selected_ids())
        self.edit_button.setEnabled(count == 1)
        self.delete_button.setEnabled(count > 0)
        self.merge_button.setEnabled(count == 2)
        self.data_button.setEnabled(count == 1)
        has_sitting = self.sitting_combo.currentData() is not None
        for button in (*self.status_buttons.values(), self.uninvite_button):
            button.setEnabled(has_sitting and count > 0)

    # Actions ---------------------------------------------------------------------------------------
    def _on_add_button_clicked(self) -> None:
        added: list[Participant] = []
        dialog = ParticipantDialog(self._document.groups(), None,
                                   lambda draft: added.append(self._document.add_participant(draft)), self)
        if dialog.exec() and added:
            self.search_edit.clear()
            self._select([added[0].id])

    def _on_edit_button_clicked(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        person = self._document.workspace.participants.get(ids[0])
        ParticipantDialog(self._document.groups(), draft_of(person),
                          lambda draft: self._document.update_participant(person, draft), self).exec()

    def _on_delete_button_clicked(self) -> None:
        ids = self.selected_ids()
        if ids and prompts.confirm(self, ngettext(
                "Delete {n} participant and their attendance records? You can undo this with {keys}.",
                "Delete {n} participants and their attendance records? You can undo this with {keys}.",
                len(ids)).format(n=len(ids), keys=key_text("Ctrl+Z"))):
            self._document.delete_participants(ids)

    def _on_merge_button_clicked(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 2:
            return
        keep, other = (self._document.workspace.participants.get(pid) for pid in ids)
        question = _("Merge “{other}” into “{keep}”? Empty fields of the first record are filled from the "
                     "second, attendance is combined, and the second record is removed. This cannot be undone.")
        if prompts.confirm(self, question.format(keep=_describe(keep), other=_describe(other))):
            merged = self._document.merge_participants(keep.id, other.id)
            self._select([merged.id])

    def _on_import_button_clicked(self) -> None:
        from workshop_desk.ui.dialogs.import_participants import ImportParticipantsDialog

        ImportParticipantsDialog(self._document, self.sitting_combo.currentData(), self).exec()

    def _on_badges_button_clicked(self) -> None:
        ids = self.selected_ids() or None
        choice = prompts.ask_choice(self, _("Badges"), _("Badge stock:"), [
            _("8 per page (99 × 68 mm)"), _("10 per page (85 × 54 mm, business cards)")])
        if choice is None:
            return
        per_page = (8, 10)[choice]

        def write(workspace: "Workspace", out: Path, language: str) -> Path:
            from workshop_desk.services.documents import export_badges

            return export_badges(workspace, out, language, per_page, ids)

        write_document(self, self._document.workspace, _("Save the badges"), _("badges"), write)

    def _on_data_button_clicked(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        person = self._document.workspace.participants.get(ids[0])
        start = Path.home() / f"{person.full_name or 'participant'}.json"
        target = prompts.save_as(self, _("Export personal data"), start, _("JSON data (*.json)"), ".json")
        if target is None:
            return
        try:
            self._document.workspace.privacy.export_person(person.id, target)
        except OSError as error:
            prompts.error(self, _("The file could not be written: {error}").format(error=error))
            return
        prompts.info(self, _("Everything held about {name} was written to {path}.").format(
            name=person.full_name, path=target))

    def _set_status(self, status: AttendanceStatus | None) -> None:
        sitting_id, ids = self.sitting_combo.currentData(), self.selected_ids()
        if sitting_id is not None and ids:
            self._document.set_attendance(sitting_id, ids, status)


def _describe(person: Participant) -> str:
    return f"{person.full_name} ({person.organisation})" if person.organisation else person.full_name
