"""One sitting: its details and agenda (Plan tab) and its live run (Run tab)."""

from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from workshop_desk.domain.enums import label
from workshop_desk.domain.models import AgendaItem, ItemDraft, SittingAgenda, SittingDraft
from workshop_desk.domain.validation import ValidationError
from workshop_desk.i18n import _, format_date, format_stamp
from workshop_desk.ui import theme
from workshop_desk.ui.board.board_page import BoardPage
from workshop_desk.ui.document import Document
from workshop_desk.ui.pages.agenda_editor import AgendaEditor
from workshop_desk.ui.pages.questions_panel import QuestionsPanel
from workshop_desk.ui.pages.run_panel import RunPanel
from workshop_desk.ui.pages.signin_desk import SignInDesk
from workshop_desk.ui.pages.sitting_form import SittingForm
from workshop_desk.ui.pages.speakers_panel import SpeakersPanel
from workshop_desk.ui.pages.tables_page import TablesPage
from workshop_desk.ui.pages.timer_panel import TimerPanel
from workshop_desk.ui.phones.bar import PhonesBar
from workshop_desk.ui.voting.ballots_page import BallotsPage
from workshop_desk.ui.voting.plan_pages import SittingPlanPage
from workshop_desk.ui.widgets.form_status import FormStatus


class SittingPage(QWidget):
    """Edits and runs the sitting chosen in the sidebar."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self._document = document
        self.sitting_id: int | None = None
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.heading = QLabel()
        self.heading.setFont(theme.heading_font(1.6))
        self.heading.setWordWrap(True)
        self.subheading = QLabel()
        self.subheading.setStyleSheet(f"color: {theme.MUTED};")
        self.origin_label = QLabel()  # which laptop last worked on it, once work has come from another
        self.origin_label.setStyleSheet(f"color: {theme.MUTED};")
        self.origin_label.hide()
        self.form = SittingForm()
        self.status = FormStatus()
        self.agenda_editor = AgendaEditor(self._document)
        plan = QWidget()
        plan_layout = QVBoxLayout(plan)
        plan_layout.addWidget(self.form)
        plan_layout.addWidget(self.status)
        plan_layout.addWidget(self.agenda_editor, 1)
        self.run_panel = RunPanel()
        self.phones_bar = PhonesBar(self._document)
        self.run_panel.add_row(self.phones_bar)
        self.signin_desk = SignInDesk(self._document)
        self.tabs = QTabWidget()
        self.tabs.addTab(plan, _("&Plan"))
        self.tabs.addTab(self.signin_desk, _("&Sign-in"))
        self.tables_page = TablesPage(self._document)
        self.tabs.addTab(self.tables_page, _("T&ables"))
        self.tabs.addTab(self.run_panel, _("&Run live"))
        self.timer_panel = TimerPanel(self._document)
        self.speakers_panel = SpeakersPanel(self._document)
        self.timing = timing = QSplitter()
        timing.addWidget(self.timer_panel)
        timing.addWidget(self.speakers_panel)
        timing.setStretchFactor(0, 3)
        timing.setStretchFactor(1, 2)
        self.tabs.addTab(timing, _("&Timer"))
        self.board_page = BoardPage(self._document)
        self.questions_panel = QuestionsPanel(self._document)
        self.tabs.addTab(self.board_page, _("&Ideas"))
        self.tabs.addTab(self.questions_panel, _("&Questions"))
        self.ballots_page = BallotsPage(self._document)
        self.plan_page = SittingPlanPage(self._document)
        self.tabs.addTab(self.ballots_page, _("&Votes"))
        self.tabs.addTab(self.plan_page, _("Pri&orities"))
        self._number_tabs()
        self._explain_tabs()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addWidget(self.origin_label)
        layout.addWidget(self.tabs, 1)

    def _number_tabs(self) -> None:
        """Each tab's index, by what it holds (so that adding a tab never breaks a caller)."""
        self.PLAN_TAB = 0
        self.SIGNIN_TAB = self.tabs.indexOf(self.signin_desk)
        self.TABLES_TAB = self.tabs.indexOf(self.tables_page)
        self.RUN_TAB = self.tabs.indexOf(self.run_panel)
        self.TIMER_TAB = self.tabs.indexOf(self.timing)
        self.IDEAS_TAB = self.tabs.indexOf(self.board_page)
        self.QUESTIONS_TAB = self.tabs.indexOf(self.questions_panel)
        self.VOTES_TAB = self.tabs.indexOf(self.ballots_page)
        self.PRIORITIES_TAB = self.tabs.indexOf(self.plan_page)

    def _explain_tabs(self) -> None:
        """Short tab names fit a laptop's screen in both languages; each tooltip says what the tab holds."""
        for index, tip in ((self.PLAN_TAB, _("The sitting's details and its agenda")),
                           (self.SIGNIN_TAB, _("The sign-in desk: badges, names, walk-ins, attendance sheet")),
                           (self.TABLES_TAB, _("Tables and the seating plan of each round")),
                           (self.RUN_TAB, _("Run the agenda live: the item running, its notes")),
                           (self.TIMER_TAB, _("The round timer and the speakers' turns")),
                           (self.IDEAS_TAB, _("The ideas board")),
                           (self.QUESTIONS_TAB, _("Questions from the room")),
                           (self.VOTES_TAB, _("Votes and their results")),
                           (self.PRIORITIES_TAB, _("The sitting's priorities and its actions"))):
            self.tabs.setTabToolTip(index, tip)

    def _connect_signals(self) -> None:
        self.form.edited.connect(self._on_form_edited)
        self.run_panel.time_item_requested.connect(self._on_run_panel_time_item_requested)
        self.run_panel.notes_edited.connect(self._on_run_panel_notes_edited)
        self.speakers_panel.floor_given.connect(self.timer_panel.start_speaker)
        self.speakers_panel.floor_ended.connect(self.timer_panel.end_speaker)
        self.tables_page.round_started.connect(self._on_tables_page_round_started)
        self._document.agenda_changed.connect(self._on_document_agenda_changed)
        self._document.sittings_changed.connect(self._show_origin)
        self._document.packages_changed.connect(self._show_origin)

    def set_sitting(self, sitting_id: int | None) -> None:
        """Show this sitting."""
        self.sitting_id = sitting_id
        self.agenda_editor.set_sitting(sitting_id)
        self.signin_desk.set_sitting(sitting_id)
        self.tables_page.set_sitting(sitting_id)
        self.timer_panel.set_sitting(sitting_id)
        self.speakers_panel.set_sitting(sitting_id)
        self.board_page.set_sitting(sitting_id)
        self.questions_panel.set_sitting(sitting_id)
        self.ballots_page.set_sitting(sitting_id)
        self.plan_page.set_sitting(sitting_id)
        self.phones_bar.set_sitting(sitting_id)
        self.refresh()
        self._show_origin()

    def refresh(self) -> None:
        if self.sitting_id is None:
            return
        agenda = self._document.agenda(self.sitting_id)
        self._show_heading(agenda)
        self.form.show_sitting(agenda.sitting)
        self.run_panel.set_agenda(agenda)

    def _show_heading(self, agenda: SittingAgenda) -> None:
        sitting = agenda.sitting
        self.heading.setText(sitting.title)
        parts = [label(sitting.kind)]
        if sitting.date:
            parts.append(format_date(sitting.date))
        if sitting.is_running:
            parts.append(_("running now"))
        self.subheading.setText(" · ".join(parts))

    def _show_origin(self) -> None:
        """'Last worked on: <laptop> · <when>' once the programme holds work done on another laptop (before that,
        every sitting is this laptop's and the line would only take room). Not on every agenda change: reading
        where each sitting's rows come from takes a tenth of a second, and the run steps through the agenda."""
        origins = self._document.workspace.packages.origins() if self.sitting_id is not None else {}
        origin = origins.get(self.sitting_id or 0)
        shown = origin is not None and any(not o.here for o in origins.values())
        self.origin_label.setVisible(shown)
        if origin is not None and shown:
            laptop = _("this laptop") if origin.here else origin.laptop_name
            self.origin_label.setText(_("Last worked on: {laptop} · {when}").format(
                laptop=laptop, when=format_stamp(origin.changed_at)))

    def _on_form_edited(self, draft: SittingDraft) -> None:
        if self.sitting_id is None:
            return
        try:
            self._document.update_sitting(self.sitting_id, draft)
        except ValidationError as error:
            self.status.show_error(str(error))
            return
        self.status.clear_error()

    def _on_run_panel_notes_edited(self, item: AgendaItem, notes: str) -> None:
        """The facilitator's notes on the item running, saved (and undoable) like any edit of the agenda."""
        try:
            self._document.update_item(item, ItemDraft(item.title, item.kind, item.planned_minutes, notes))
        except ValidationError as error:
            self.status.show_error(str(error))
            return
        self.status.clear_error()

    def _on_tables_page_round_started(self, label: str, minutes: int) -> None:
        """A round of the plan starts: its countdown starts on the round timer."""
        self.timer_panel.set_duration(minutes, label)
        self.timer_panel.toggle()
        self.tabs.setCurrentIndex(self.TIMER_TAB)

    def _on_run_panel_time_item_requested(self, title: str, minutes: int) -> None:
        """Put the current item's planned time on the round timer, ready to start."""
        self.timer_panel.set_duration(minutes, title)
        self.tabs.setCurrentIndex(self.TIMER_TAB)

    def _on_document_agenda_changed(self, sitting_id: int) -> None:
        if sitting_id == self.sitting_id:
            self.refresh()
