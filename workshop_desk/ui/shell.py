"""The app's lifetime: settings, the open programme file, the projector, language, backups."""

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from workshop_desk import __version__, i18n
from workshop_desk.i18n import _
from workshop_desk.paths import backups_dir, demo_file, settings_file
from workshop_desk.ui import prompts

if TYPE_CHECKING:
    from workshop_desk.services.settings import Settings
    from workshop_desk.services.workspace import Workspace
    from workshop_desk.ui.document import Document
    from workshop_desk.ui.loading import ModuleLoader
    from workshop_desk.ui.main_window import MainWindow
    from workshop_desk.ui.projector.controller import ProjectorController


log = logging.getLogger(__name__)

class Shell(QObject):
    """Owns what outlives a window: the open document, the projector, the settings."""

    start_opened = Signal()  # the programme the app started on is open (or could not be: the start page shows)

    def __init__(self, settings: "Settings", settings_path: Path | None = None,
                 backup_root: Path | None = None) -> None:
        super().__init__()
        self.settings = settings
        prompts.remember_folders_in(settings.folders)
        self._settings_path = settings_path or settings_file()
        self._backup_root = backup_root or backups_dir()
        self.document: Document | None = None
        self._projector: ProjectorController | None = None
        self.window: MainWindow | None = None
        self.loading: ModuleLoader | None = None  # the start-up's background loading, while it lasts
        self._backup_timer = QTimer(self)
        self._backup_timer.timeout.connect(self.backup_if_changed)

    @property
    def projector(self) -> "ProjectorController":
        """The projector, created on first use (not before the first window is up)."""
        if self._projector is None:
            from workshop_desk.ui.projector.controller import ProjectorController
            from workshop_desk.ui.projector.window import ProjectorWindow

            self._projector = ProjectorController(ProjectorWindow())
        return self._projector

    def build_window(self, progressive: bool = False) -> "MainWindow":
        """Create (or re-create, after a language switch) the main window; `progressive` leaves
        `window.complete()` for after it is shown."""
        from workshop_desk.ui.main_window import MainWindow

        old = self.window
        self.window = MainWindow(self)
        if not progressive:
            self.window.complete()
        if old is not None:
            self.window.restoreGeometry(old.saveGeometry())
            selected = old.current_sitting_id()
            old.hide()
            old.deleteLater()
            self.window.set_document(self.document)
            if selected is not None:
                self.window.select_sitting(selected)
        return self.window

    # Files ---------------------------------------------------------------------------------------
    def open_path(self, path: Path, read_only: bool = False) -> bool:
        """Open a programme file (for reading only when asked); explain, and change nothing, if it cannot be opened.
        A file open elsewhere may be opened read-only; one that a program which stopped left open, taken over —
        each after asking. A package (.wdpack) is opened as File › Open a package does: False, not yet open."""
        from workshop_desk.services.file_messages import describe_file_error
        from workshop_desk.services.workspace import FileProblem, ProgrammeFileError
        from workshop_desk.ui.package_files import is_package, open_package

        if is_package(path):
            open_package(self, path)
            return False
        if self.document is not None and self.document.workspace.path.resolve() == path.resolve():
            return True
        try:
            workspace = self._open(path, read_only=read_only)
        except ProgrammeFileError as error:
            offers = {FileProblem.OPEN_ELSEWHERE: (_("Open read-only"), {"read_only": True}),
                      FileProblem.LEFT_OPEN: (_("Open it"), {"take_over": True})}
            if error.problem not in offers:
                prompts.error(self.window, describe_file_error(error), _("Cannot open the programme"))
                return False
            answer, how = offers[error.problem]
            if not prompts.ask_to(self.window, describe_file_error(error), answer, _("Open the programme")):
                return False
            workspace = self._open(path, **how)
        self._attach(workspace)
        return True

    def open_at_start(self, path: Path) -> None:
        """The programme the app starts on: its first look (title and sittings) shown at once and the database layer
        loaded in the background meanwhile, then the file opened as `open_path` does — unless the facilitator has
        opened or created another one in the meantime."""
        from workshop_desk.storage.glance import glance
        from workshop_desk.ui.loading import ModuleLoader
        from workshop_desk.ui.package_files import is_package

        if is_package(path):  # a package given on the command line: there is no programme yet to glance at
            self.open_path(path)
            return
        seen = glance(path)
        if seen is not None and self.window is not None:
            self.window.show_glance(seen)
        self.loading = ModuleLoader(self)
        self.loading.loaded.connect(lambda: self._open_started(path, glanced=seen is not None))
        self.loading.start()

    def _open_started(self, path: Path, glanced: bool) -> None:
        self.loading = None
        if self._still_wanted(path, glanced) and not self.open_path(path) and self.window is not None:
            self.window.set_document(None)  # the start page, in place of the first look
        self.start_opened.emit()

    def _still_wanted(self, path: Path, glanced: bool) -> bool:
        """Nothing else was opened, created or closed while it loaded (the first look still shows)."""
        if self.document is not None:
            return False
        return not glanced or self.window is None or self.window.glance_shown == path

    def _open(self, path: Path, **how: bool) -> "Workspace":
        """Open a file; a disk or a lock that refuses the opening becomes a ProgrammeFileError with its reason."""
        from workshop_desk.services.file_messages import storage_reason
        from workshop_desk.services.workspace import FileProblem, ProgrammeFileError, StorageError, Workspace
        from workshop_desk.storage.errors import WriteProblem

        try:
            return Workspace.open(path, self._backup_root, **how)
        except StorageError as error:
            problem = FileProblem.BUSY if error.problem == WriteProblem.BUSY else FileProblem.UNREADABLE
            raise ProgrammeFileError(path, problem, storage_reason(error)) from error

    def open_dialog(self) -> None:
        start = Path(self.settings.last_file).parent if self.settings.last_file else None
        path = prompts.open_file(self.window, start)
        if path is not None:
            self.open_path(path)

    def open_demo(self) -> None:
        """Open the demo programme, writing it first if needed."""
        from workshop_desk.services.demo import build_demo

        path = demo_file()
        if not path.exists():
            build_demo(path, self._backup_root).database.close()
        self.open_path(path)

    def new_programme(self) -> None:
        from workshop_desk.domain.models import ProgrammeDraft
        from workshop_desk.domain.validation import ValidationError
        from workshop_desk.services.file_messages import describe_os_error
        from workshop_desk.services.workspace import Workspace

        title = prompts.ask_text(self.window, _("New programme"), _("Title of the programme:"))
        if title is None:
            return
        name = title.strip() or _("Programme")
        path = prompts.save_file(self.window, _("Where to keep the programme file"), Path.home() / f"{name}.wdesk")
        if path is None:
            return
        if path.exists():
            prompts.error(self.window, _("A file with this name already exists; choose another name."))
            return
        try:
            workspace = Workspace.create(path, ProgrammeDraft(title=title), self._backup_root)
        except ValidationError as error:
            prompts.error(self.window, str(error))
            return
        except OSError as error:
            prompts.error(self.window, describe_os_error(error, path.parent))
            return
        self._attach(workspace)

    def save_copy(self) -> None:
        from workshop_desk.services.file_messages import describe_os_error
        from workshop_desk.services.workspace import StorageError

        if self.document is None:
            return
        source = self.document.workspace.path
        suggested = source.with_name(_("{name} (copy)").format(name=source.stem))
        target = prompts.save_file(self.window, _("Save a copy"), suggested)
        if target is None:
            return
        if target.resolve() == source.resolve():
            prompts.error(self.window, _("Choose a file other than the open programme."))
            return
        try:
            self.document.workspace.copy_to(target)
        except (OSError, StorageError) as error:
            prompts.error(self.window, _("The copy could not be written. {reason}").format(
                reason=describe_os_error(error, target.parent)))
            return
        self._status(_("Copy saved to {path}").format(path=target))

    def restore_backup(self) -> None:
        from workshop_desk.ui.dialogs.restore_backup import RestoreBackupDialog

        if self.document is None:
            return
        workspace = self.document.workspace
        backups = workspace.backups.all()
        if not backups:
            prompts.info(self.window, _("There is no backup of this programme yet. Backups are taken every "
                                        "5 minutes while you work, and when you close the programme."))
            return
        dialog = RestoreBackupDialog(backups, self.window)
        if dialog.exec() != dialog.DialogCode.Accepted or dialog.chosen() is None:
            return
        chosen = dialog.chosen()
        assert chosen is not None
        self.document.restore_backup(chosen.path)
        self._status(_("Programme restored from the backup."))

    def close_programme(self) -> None:
        self._detach()
        if self.window is not None:
            self.window.set_document(None)

    def about_to_quit(self) -> bool:
        """Close the file cleanly (last backup) before the app quits; remember where the window was."""
        if self.window is not None:
            self.settings.window_geometry = bytes(self.window.saveGeometry().toBase64().data()).decode("ascii")
            self.save_settings()
        self._detach()
        if self._projector is not None:
            self._projector.window.close()
        return True

    def backup_if_changed(self) -> None:
        from workshop_desk.services.workspace import StorageError

        if self.document is not None:
            try:
                self.document.workspace.backups.backup_if_changed()
            except (OSError, StorageError) as error:
                log.error("backup of %s failed: %s", self.document.workspace.path, error)
                self._status(_("Backup failed: {error}").format(error=error))

    # Projector, preferences, about -----------------------------------------------------------------
    def toggle_projector(self) -> None:
        screen = self.settings.projector_screen
        self.projector.toggle(screen)

    def show_projector(self, visible: bool) -> None:
        self.projector.set_visible(visible, self.settings.projector_screen)

    def move_projector(self, screen_name: str) -> None:
        self.settings.projector_screen = screen_name
        self.save_settings()
        if self.projector.window.isVisible():
            self.projector.window.hide()
            self.projector.toggle(screen_name)

    def preferences(self) -> None:
        from workshop_desk.ui.dialogs.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings.language, self.window)
        if dialog.exec() != dialog.DialogCode.Accepted or dialog.language() == self.settings.language:
            return
        self.settings.language = dialog.language()
        self.save_settings()
        self.apply_language()
        self.build_window().show()

    def apply_language(self) -> None:
        from workshop_desk.ui.translation import install_qt_translator

        i18n.set_language(self.settings.language or i18n.system_language())
        install_qt_translator(i18n.language())
        if self._projector is not None:
            self._projector.window.setWindowTitle(_("Workshop Desk — projector"))
            self._projector.refresh()

    def about(self) -> None:
        prompts.about(self.window, _("About Workshop Desk"), _(
            "Workshop Desk {version}\n\nRun live participatory workshops from a laptop and a projector, "
            "offline. Everything stays in one programme file on this computer.").format(version=__version__))

    # Internals -----------------------------------------------------------------------------------
    def _attach(self, workspace: "Workspace") -> None:
        from workshop_desk.services.settings import remember_file
        from workshop_desk.ui.document import Document

        self._detach()
        self.document = Document(workspace, self)
        remember_file(self.settings, workspace.path)
        self.save_settings()
        self.projector.set_document(self.document)
        self.document.phone_room.card_changed.connect(self.projector.set_joining)
        self.projector.state_changed.connect(self.document.phone_room.note_projector)
        if self.window is not None:
            self.window.set_document(self.document)
            self._resume_run()
        from workshop_desk.domain.backups import INTERVAL_SECONDS

        self._backup_timer.start(INTERVAL_SECONDS * 1000)

    def _resume_run(self) -> None:
        """After a crash or a restart, go straight back to the sitting being run."""
        from workshop_desk.domain.enums import ProjectorMode

        assert self.document is not None and self.window is not None
        running = self.document.running()
        if running is None or self.window.sitting_page is None:
            return
        self.window.select_sitting(running.sitting.id)
        self.window.sitting_page.tabs.setCurrentIndex(self.window.sitting_page.RUN_TAB)
        self.projector.set_mode(ProjectorMode.AGENDA)
        self._status(_("The run of “{title}” was resumed where it stood.").format(title=running.sitting.title))

    def _detach(self) -> None:
        if self.document is None:
            return
        self._backup_timer.stop()
        document, self.document = self.document, None
        document.phone_room.stop()  # no phone writes to a file that is closing
        # Screens may still hold the document: they must hear nothing from it while it goes away.
        document.blockSignals(True)
        document.undo_stack.blockSignals(True)
        self.projector.set_document(None)
        try:
            document.workspace.close()
        except OSError as error:
            prompts.error(self.window, _("The last backup could not be written: {error}").format(error=error))
        document.deleteLater()

    def save_settings(self) -> None:
        """Write the settings now; a failure is logged and said in the status bar, never in the facilitator's way."""
        from workshop_desk.services.settings import save_settings

        try:
            save_settings(self.settings, self._settings_path)
        except OSError as error:
            log.warning("settings not saved to %s: %s", self._settings_path, error)
            self._status(_("Preferences could not be saved: {error}").format(error=error))

    def _status(self, message: str) -> None:
        if self.window is not None:
            self.window.statusBar().showMessage(message, 6000)

