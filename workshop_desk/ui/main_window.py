"""The facilitator console: sidebar of sittings, the page of the current one, the projector panel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from workshop_desk.i18n import _
from workshop_desk.ui import theme
from workshop_desk.ui.translation import key_text

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtGui import QAction, QCloseEvent

    from workshop_desk.storage.glance import Glance
    from workshop_desk.ui.document import Document
    from workshop_desk.ui.pages.participants_page import ParticipantsPage
    from workshop_desk.ui.pages.programme_page import ProgrammePage
    from workshop_desk.ui.pages.sitting_page import SittingPage
    from workshop_desk.ui.shell import Shell
    from workshop_desk.ui.voting.plan_pages import ActionPlanPage

SIDEBAR_WIDTH = 240  # the sittings' titles and dates; longer titles are elided, whole in their tooltips


class MainWindow(QMainWindow):
    """Built in two steps so that the first window shows fast: the bare frame, then `complete()` (start
    page, menus, sidebar, pages, projector panel) as soon as it is on screen. `set_document`
    fills it once a file is open."""

    def __init__(self, shell: Shell) -> None:
        super().__init__()
        self.shell = shell
        self.document: Document | None = None
        self.programme_page: ProgrammePage | None = None
        # Built when first shown (reading 800 people or the whole action plan need not delay the console).
        self._participants_page: ParticipantsPage | None = None
        self._action_plan_page: ActionPlanPage | None = None
        self.sitting_page: SittingPage | None = None
        self.actions_by_name: dict[str, QAction] = {}
        self.glance_shown: Path | None = None  # the file whose first look shows while it opens (app start-up)
        self.completed = self.projector_completed = False
        self._setup_frame()

    def _setup_frame(self) -> None:
        self.setWindowTitle(_("Workshop Desk"))
        self.setMinimumSize(960, 600)
        self.pages = QStackedWidget()
        self.read_only_banner = QLabel()
        self.read_only_banner.setObjectName("read-only-banner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setStyleSheet(theme.banner_style())
        self.read_only_banner.hide()
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.read_only_banner)
        body = QWidget()
        self._central_layout = QHBoxLayout(body)
        self._central_layout.setContentsMargins(6, 6, 6, 6)
        self._central_layout.addWidget(self.pages, 1)
        outer.addWidget(body, 1)
        self.setCentralWidget(central)
        self.status_file = QLabel()
        self.statusBar().addPermanentWidget(self.status_file)

    def complete(self, projector: bool = True) -> None:
        """Build the rest of the console (imports included): menus, sidebar, toolbar, and — unless told to leave it
        for `complete_projector` — the projector's panel, menu and keys."""
        if self.completed:
            return
        from PySide6.QtCore import Qt

        from workshop_desk.ui.menus import build_menus
        from workshop_desk.ui.models.sittings_model import SittingsModel
        from workshop_desk.ui.pages.start_page import StartPage

        self.completed = True
        self.start_page = StartPage()
        self.pages.addWidget(self.start_page)
        self.opening_page = QLabel()
        self.opening_page.setObjectName("opening-page")
        self.opening_page.setWordWrap(True)
        self.opening_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.opening_page.setFont(theme.heading_font(1.4))
        self.pages.addWidget(self.opening_page)
        self.sittings_model = SittingsModel()
        self.sidebar = self._build_sidebar()
        self._central_layout.insertWidget(0, self.sidebar)
        self.actions_by_name = build_menus(self)
        from workshop_desk.ui.live_toolbar import build_live_toolbar

        self.live_toolbar = build_live_toolbar(self, self.actions_by_name)
        self._connect_signals()
        self._restore_panels()
        self.set_document(self.document)
        if projector:
            self.complete_projector()

    def complete_projector(self) -> None:
        """The projector's panel (with its miniature), menu, keys and toolbar buttons. At start-up they come just
        after the console shows: the projector's screens, and the domain types they paint, take a fifth of a second
        to import."""
        if self.projector_completed:
            return
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QDockWidget

        from workshop_desk.ui.live_toolbar import add_projector_tools
        from workshop_desk.ui.menus import build_projector_menu
        from workshop_desk.ui.projector_dock import ProjectorDock
        from workshop_desk.ui.remote_keys import RemoteKeys

        self.projector_completed = True
        self.projector_dock = ProjectorDock(self.shell.projector.window)
        self.dock = QDockWidget(_("Projector"), self)
        self.dock.setObjectName("projector-dock")
        self.dock.setWidget(self.projector_dock)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                              | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.actions_by_name.update(build_projector_menu(self))
        add_projector_tools(self.live_toolbar, self.actions_by_name)
        self.remote_keys = RemoteKeys(self.actions_by_name.values(), self.shell.projector.window, self)
        self._connect_projector_signals()
        self.dock.setVisible(self.shell.settings.projector_panel_shown)

    # Layout --------------------------------------------------------------------------------------
    def _build_sidebar(self) -> QWidget:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QListView, QPushButton, QVBoxLayout

        sidebar = QWidget()
        sidebar.setFixedWidth(SIDEBAR_WIDTH)
        self.programme_button = QPushButton(_("Programme overview"))
        self.programme_button.setCheckable(True)
        self.participants_button = QPushButton(_("Participants"))
        self.participants_button.setCheckable(True)
        self.action_plan_button = QPushButton(_("Action plan"))
        self.action_plan_button.setCheckable(True)
        self.sittings_label = QLabel(_("Sittings"))
        self.sittings_label.setFont(theme.heading_font(1.1))
        self.sittings_view = QListView()
        self.sittings_view.setModel(self.sittings_model)
        self.sittings_view.setUniformItemSizes(True)
        self.sittings_view.setSpacing(2)
        self.sittings_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sittings_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.sittings_view.setToolTip(_("{keys} to reorder").format(keys=key_text("Alt+Up", "Alt+Down")))
        self.new_sitting_button = QPushButton(_("+ New sitting…"))
        self.no_sittings = QLabel(_("No sitting yet: add the first one."))
        self.no_sittings.setWordWrap(True)
        self.no_sittings.setStyleSheet(f"color: {theme.MUTED};")
        layout = QVBoxLayout(sidebar)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.programme_button)
        layout.addWidget(self.participants_button)
        layout.addWidget(self.action_plan_button)
        layout.addWidget(self.sittings_label)
        layout.addWidget(self.no_sittings)
        layout.addWidget(self.sittings_view, 1)
        layout.addWidget(self.new_sitting_button)
        return sidebar

    def _connect_signals(self) -> None:
        self.start_page.new_requested.connect(self.shell.new_programme)
        self.start_page.open_requested.connect(self.shell.open_dialog)
        self.start_page.demo_requested.connect(self.shell.open_demo)
        self.start_page.recent_requested.connect(self.shell.open_path)
        self.programme_button.clicked.connect(self.show_programme)
        self.participants_button.clicked.connect(self.show_participants)
        self.action_plan_button.clicked.connect(self.show_action_plan)
        self.new_sitting_button.clicked.connect(self.actions_by_name["new_sitting"].trigger)
        self.sittings_view.selectionModel().currentChanged.connect(self._on_sittings_view_current_changed)
        for name, delta in (("move_sitting_up", -1), ("move_sitting_down", 1)):
            self.actions_by_name[name].triggered.connect(lambda _c=False, d=delta: self._move_sitting(d))

    def _connect_projector_signals(self) -> None:
        self.projector_dock.mode_requested.connect(self.shell.projector.set_mode)
        self.projector_dock.toggle_requested.connect(self.shell.toggle_projector)
        self.projector_dock.screen_requested.connect(self.shell.move_projector)
        self.shell.projector.state_changed.connect(self.projector_dock.show_mode)
        self.shell.projector.preview_due.connect(self.projector_dock.preview.refresh)
        self.projector_dock.pause_time_requested.connect(self.actions_by_name["projector_pause_time"].trigger)
        self.shell.projector.resume_changed.connect(self.projector_dock.show_resume_time)
        self.projector_dock.show_resume_time(self.shell.projector.resume_text())

    # Panels ---------------------------------------------------------------------------------------
    def _restore_panels(self) -> None:
        """The sidebar and the projector panel as the facilitator left them (View menu, Ctrl+B, Ctrl+Shift+P)."""
        settings = self.shell.settings
        self.actions_by_name["view_sidebar"].setChecked(settings.sidebar_shown)
        self.actions_by_name["view_projector_panel"].setChecked(settings.projector_panel_shown)

    def show_sidebar(self, shown: bool) -> None:
        """Show or collapse the sidebar of sittings, and remember it."""
        self.sidebar.setVisible(shown and self.document is not None)
        self._remember_panel("sidebar_shown", shown)

    def show_projector_panel(self, shown: bool) -> None:
        """Show or collapse the projector panel (its keys and the Projector menu still work), and remember it."""
        if self.projector_completed:
            self.dock.setVisible(shown)
        self._remember_panel("projector_panel_shown", shown)

    def _remember_panel(self, name: str, shown: bool) -> None:
        if getattr(self.shell.settings, name) != shown:
            setattr(self.shell.settings, name, shown)
            self.shell.save_settings()

    # Document ------------------------------------------------------------------------------------
    def show_glance(self, seen: Glance) -> None:
        """The programme the app starts on, while it opens: its title and sittings, which can already be chosen
        (the choice holds once it is open); what changes it waits for the file."""
        self.glance_shown = seen.path
        self.sidebar.setVisible(self.shell.settings.sidebar_shown)
        self.sittings_model.set_sittings(list(seen.sittings))
        self.no_sittings.setVisible(not seen.sittings)
        self.opening_page.setText(_("Opening “{title}”…").format(title=seen.programme.title))
        self.pages.setCurrentWidget(self.opening_page)
        self._name_file(seen.programme.title, seen.path)

    def set_document(self, document: Document | None) -> None:
        """Show this programme (None: the start page)."""
        if not self.completed:
            self.document = document
            self.complete()
            return
        chosen = self.current_sitting_id() if self.glance_shown is not None and document is not None else None
        self.glance_shown = None
        self._drop_pages()
        self.document = document
        has_file = document is not None
        self.sidebar.setVisible(has_file and self.shell.settings.sidebar_shown)
        self.actions_by_name["view_sidebar"].setEnabled(has_file)
        for name in ("new_sitting", "save_copy", "restore_backup", "prepare_laptops", "export_package",
                     "import_packages", "conflicts", "close"):
            self.actions_by_name[name].setEnabled(has_file)
        if document is None:
            self.start_page.set_recent(self.shell.settings.recent_files)
            self.pages.setCurrentWidget(self.start_page)
            self.setWindowTitle(_("Workshop Desk"))
            self.status_file.clear()
            self.status_file.setToolTip("")
            self.read_only_banner.hide()
            self._update_undo_actions()
            self.update_sitting_actions()
            return
        self._build_pages(document)
        self.refresh_sittings()
        if chosen is not None and self.sittings_model.row_of(chosen) >= 0:
            self.select_sitting(chosen)  # chosen on the first look, while the file opened
        else:
            self.show_programme()
        self._update_undo_actions()
        self._show_read_only(document)

    def _show_read_only(self, document: Document) -> None:
        """A programme open read-only says so at the top, and only its reading controls work."""
        reason = document.workspace.read_only_reason
        self.read_only_banner.setVisible(reason is not None)
        if reason is None:
            return
        from workshop_desk.services.file_messages import describe_read_only
        from workshop_desk.ui.read_only import lock_console

        self.read_only_banner.setText(describe_read_only(reason))
        self._built_pages()  # every page now, to be locked with the rest
        lock_console(self)

    def _build_pages(self, document: Document) -> None:
        from workshop_desk.domain.enums import ProjectorMode
        from workshop_desk.ui.pages.programme_page import ProgrammePage
        from workshop_desk.ui.pages.sitting_page import SittingPage

        self.programme_page = ProgrammePage(document)
        self.sitting_page = SittingPage(document)
        self.pages.addWidget(self.programme_page)
        self.pages.addWidget(self.sitting_page)
        document.sittings_changed.connect(self.refresh_sittings)
        document.programme_changed.connect(self._show_title)
        document.saved.connect(lambda text: self.statusBar().showMessage(_("Saved: {what}").format(what=text), 4000))
        document.failed.connect(self._on_document_failed)
        document.run_changed.connect(lambda _id: self.update_sitting_actions())
        self.sitting_page.run_panel.ticked.connect(self.shell.projector.set_elapsed)
        self.sitting_page.signin_desk.head_count_changed.connect(self._on_desk_head_count_changed)
        self.sitting_page.timer_panel.ticked.connect(self.shell.projector.set_countdown)
        self.sitting_page.timer_panel.started.connect(lambda: self.shell.projector.set_mode(ProjectorMode.TIMER))
        self.sitting_page.tables_page.plan_shown.connect(self._on_tables_page_plan_shown)
        self.sitting_page.tabs.currentChanged.connect(lambda _i: self._on_desk_head_count_changed(None))
        for signal, action in ((self.sitting_page.run_panel.start_requested, "run_start"),
                               (self.sitting_page.run_panel.next_requested, "run_next"),
                               (self.sitting_page.run_panel.previous_requested, "run_previous"),
                               (self.sitting_page.run_panel.stop_requested, "run_stop")):
            signal.connect(self.actions_by_name[action].trigger)
        self.actions_by_name["undo"].setEnabled(False)
        document.undo_stack.canUndoChanged.connect(lambda _v: self._update_undo_actions())
        document.undo_stack.canRedoChanged.connect(lambda _v: self._update_undo_actions())
        document.undo_stack.indexChanged.connect(lambda _v: self._update_undo_actions())
        self._show_title()

    def _built_pages(self) -> list[QWidget]:
        """Every page of the open programme, those built on first use included."""
        return [page for page in (self.programme_page, self.participants_page, self.action_plan_page,
                                  self.sitting_page) if page is not None]

    @property
    def participants_page(self) -> ParticipantsPage | None:
        """The participants page of the open programme, built on first use."""
        if self._participants_page is None and self.document is not None:
            from workshop_desk.ui.pages.participants_page import ParticipantsPage

            self._participants_page = ParticipantsPage(self.document)
            self.pages.addWidget(self._participants_page)
        return self._participants_page

    @property
    def action_plan_page(self) -> ActionPlanPage | None:
        """The action plan page of the open programme, built on first use."""
        if self._action_plan_page is None and self.document is not None:
            from workshop_desk.ui.voting.plan_pages import ActionPlanPage

            self._action_plan_page = ActionPlanPage(self.document)
            self.pages.addWidget(self._action_plan_page)
        return self._action_plan_page

    def _on_document_failed(self, message: str) -> None:
        """A change the file refused, or a step that could not be undone: said in a sentence, on the console."""
        from workshop_desk.ui import prompts

        self.statusBar().showMessage(message, 10000)
        prompts.error(self, message)

    def _on_tables_page_plan_shown(self, view: object) -> None:
        from workshop_desk.domain.enums import ProjectorMode

        self.shell.projector.set_plan(view)  # type: ignore[arg-type]
        self.shell.projector.set_mode(ProjectorMode.PLAN)

    def _on_desk_head_count_changed(self, count: object) -> None:
        """The projector shows the head count while the sign-in desk is open."""
        page = self.sitting_page
        desk_open = page is not None and self.pages.currentWidget() is page and \
            page.tabs.currentIndex() == page.SIGNIN_TAB
        if page is not None and desk_open:
            self.shell.projector.set_head_count(page.signin_desk.count())
        elif self.shell.projector.head_count is not None:
            self.shell.projector.set_head_count(None)

    def _drop_pages(self) -> None:
        for page in (self.programme_page, self._participants_page, self._action_plan_page, self.sitting_page):
            if page is not None:
                self.pages.removeWidget(page)
                page.deleteLater()
        self.programme_page = self._participants_page = self.sitting_page = None
        self._action_plan_page = None
        self.sittings_model.set_sittings([])

    def _show_title(self) -> None:
        if self.document is None:
            return
        self._name_file(self.document.programme().title, self.document.workspace.path)

    def _name_file(self, title: str, path: Path) -> None:
        """The programme and its file in the window's title and the status bar: the name the user gave the file;
        where it lies (possibly a folder the user never chose: the demo's) only on hovering."""
        self.setWindowTitle(f"{title} — {path.name} — Workshop Desk")
        self.status_file.setText(path.name)
        self.status_file.setToolTip(str(path))

    def _update_undo_actions(self) -> None:
        stack = self.document.undo_stack if self.document else None
        undo, redo = self.actions_by_name["undo"], self.actions_by_name["redo"]
        undo.setEnabled(bool(stack and stack.canUndo()))
        redo.setEnabled(bool(stack and stack.canRedo()))
        undo.setText(_("&Undo {what}").format(what=stack.undoText()) if stack and stack.canUndo() else _("&Undo"))
        redo.setText(_("&Redo {what}").format(what=stack.redoText()) if stack and stack.canRedo() else _("&Redo"))

    # Sittings ------------------------------------------------------------------------------------
    def refresh_sittings(self) -> None:
        """Reload the sidebar, keeping the selected sitting selected."""
        if self.document is None:
            return
        selected = self.current_sitting_id()
        self.sittings_model.set_sittings(self.document.sittings())
        self.no_sittings.setVisible(self.sittings_model.rowCount() == 0)
        page = self.sitting_page
        if page is not None and page.sitting_id is not None and self.sittings_model.row_of(page.sitting_id) < 0:
            page.set_sitting(None)  # its sitting is gone (deleted, or undone): it must not read it again
        if selected is not None and self.sittings_model.row_of(selected) >= 0:
            self.select_sitting(selected)
        elif page is not None and self.pages.currentWidget() is page:
            self.show_programme()
        self.update_sitting_actions()

    def current_sitting_id(self) -> int | None:
        index = self.sittings_view.currentIndex()
        return self.sittings_model.sitting(index.row()).id if index.isValid() else None

    def select_sitting(self, sitting_id: int) -> None:
        row = self.sittings_model.row_of(sitting_id)
        if row < 0:
            return
        from PySide6.QtCore import QItemSelectionModel

        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.sittings_view.selectionModel().setCurrentIndex(self.sittings_model.index(row), flags)
        self._show_sitting(sitting_id)

    def show_programme(self) -> None:
        self._show_overview_page(self.programme_page)

    def show_participants(self) -> None:
        self._show_overview_page(self.participants_page)

    def show_action_plan(self) -> None:
        self._show_overview_page(self.action_plan_page)

    def _show_overview_page(self, page: QWidget | None) -> None:
        """A page of the whole programme (not of one sitting)."""
        if page is None:
            return
        self.sittings_view.selectionModel().clearCurrentIndex()
        self.sittings_view.clearSelection()
        self.programme_button.setChecked(page is self.programme_page)
        self.participants_button.setChecked(page is self._participants_page)
        self.action_plan_button.setChecked(page is self._action_plan_page)
        self.pages.setCurrentWidget(page)
        self.shell.projector.show_sitting(None)
        self._on_desk_head_count_changed(None)
        self.update_sitting_actions()

    def _show_sitting(self, sitting_id: int) -> None:
        if self.sitting_page is None:  # chosen on the first look: shown once the file is open
            return
        self.programme_button.setChecked(False)
        self.participants_button.setChecked(False)
        self.action_plan_button.setChecked(False)
        if self.sitting_page.sitting_id != sitting_id:
            self.sitting_page.set_sitting(sitting_id)
        self.pages.setCurrentWidget(self.sitting_page)
        self.shell.projector.show_sitting(sitting_id)
        self._on_desk_head_count_changed(None)
        self.update_sitting_actions()

    def _on_sittings_view_current_changed(self, current: object, _previous: object) -> None:
        sitting_id = self.current_sitting_id()
        if sitting_id is not None:
            self._show_sitting(sitting_id)

    def _move_sitting(self, delta: int) -> None:
        sitting_id = self.current_sitting_id()
        row = self.sittings_view.currentIndex().row()
        if self.document is None or sitting_id is None or not 0 <= row + delta < self.sittings_model.rowCount():
            return
        self.document.move_sitting(sitting_id, row + delta)
        self.select_sitting(sitting_id)

    def update_sitting_actions(self) -> None:
        """Enable what applies to the selected sitting and its run state."""
        sitting_id = self.current_sitting_id()
        writable = self.document is not None and not self.document.read_only
        agenda = self.document.agenda(sitting_id) if self.document and sitting_id is not None and writable else None
        running = bool(agenda and agenda.sitting.is_running)
        for name in ("duplicate_sitting", "delete_sitting", "move_sitting_up", "move_sitting_down"):
            self.actions_by_name[name].setEnabled(agenda is not None)
        self.actions_by_name["run_start"].setEnabled(bool(agenda and agenda.items) and not running)
        for name in ("run_next", "run_previous", "run_stop"):
            self.actions_by_name[name].setEnabled(running)
        self.actions_by_name["run_reset"].setEnabled(bool(agenda and agenda.sitting.run_started_at) and not running)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.shell.about_to_quit():
            event.accept()
        else:
            event.ignore()


