"""The console's menus and keyboard shortcuts, and what each command does."""

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu

from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.domain.validation import ValidationError
from workshop_desk.i18n import _
from workshop_desk.ui import prompts
from workshop_desk.ui.dialogs.new_sitting import NewSittingDialog
from workshop_desk.ui.remote_keys import HIDE_KEYS, SHOW_KEYS, make_live
from workshop_desk.ui.translation import key_text

if TYPE_CHECKING:
    from workshop_desk.ui.document import Document
    from workshop_desk.ui.main_window import MainWindow

Key = QKeySequence.StandardKey
Shortcut = QKeySequence | Key | str | list[QKeySequence]


def _action(window: "MainWindow", text: str, slot: Callable[[], object], shortcut: Shortcut | None = None,
            tip: str = "") -> QAction:
    action = QAction(text, window)
    if isinstance(shortcut, list):
        action.setShortcuts(shortcut)
    elif shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)  # shortcuts work even while the menu bar is hidden
    return action


def build_menus(window: "MainWindow") -> dict[str, QAction]:
    """Create every action, put them in the menu bar, and return them by name."""
    actions: dict[str, QAction] = {}
    for build in (_file_menu, _edit_menu, _view_menu, _sitting_menu, _run_menu, _help_menu):
        build(window, actions)
    _make_live(actions)
    return actions


def build_projector_menu(window: "MainWindow") -> dict[str, QAction]:
    """The Projector menu's actions, the menu itself placed before Help (built once the console shows: see
    MainWindow.complete_projector)."""
    actions: dict[str, QAction] = {}
    _projector_menu(window, actions)
    _make_live(actions)
    return actions


def _make_live(actions: dict[str, QAction]) -> None:
    for name, action in actions.items():
        if name.startswith(LIVE_PREFIXES):
            make_live(action)


# Running and projecting: keys that work whichever window was clicked last (and from a presenter remote).
LIVE_PREFIXES = ("run_", "timer_", "next_speaker", "projector_")


def _menu(window: "MainWindow", title: str, items: Sequence[QAction | QMenu | None]) -> QMenu:
    menu = window.menuBar().addMenu(title)
    for item in items:
        _add(menu, item)
    return menu


def _file_menu(window: "MainWindow", a: dict[str, QAction]) -> None:
    shell = window.shell
    a["new"] = _action(window, _("&New programme…"), shell.new_programme, Key.New)
    a["open"] = _action(window, _("&Open…"), shell.open_dialog, Key.Open)
    recent = QMenu(_("Open &recent"), window)
    recent.aboutToShow.connect(lambda: _fill_recent(window, recent))
    a["save_copy"] = _action(window, _("Save a &copy…"), shell.save_copy, "Ctrl+Shift+S",
                             _("Write a copy of the programme file elsewhere (a USB key, a shared folder)"))
    a["restore_backup"] = _action(window, _("Restore from &backup…"), shell.restore_backup)
    a["import_packages"] = _action(window, _("&Import packages…"), lambda: _packages(window, "import"),
                                   tip=_("Bring back the work of the laptops that ran sittings (several packages "
                                         "at once)"))
    a["conflicts"] = _action(window, _("Con&flicts…"), lambda: _packages(window, "conflicts"),
                             tip=_("What was changed on two laptops: the version kept and the one set aside"))
    a["export_deliverables"] = _action(window, _("&Export minutes and synthesis…"), lambda: _export(window), "Ctrl+E",
                                       _("Write the Word minutes and the Excel synthesis of a sitting or of the "
                                         "whole programme"))
    a["close"] = _action(window, _("&Close"), shell.close_programme, Key.Close)
    a["quit"] = _action(window, _("&Quit"), window.close, Key.Quit)
    _package_actions(window, a)
    _menu(window, _("&File"), (a["new"], a["open"], a["open_package"], recent, None, a["save_copy"],
                               a["restore_backup"], None, a["export_deliverables"], None, a["prepare_laptops"],
                               a["export_package"], a["import_packages"], a["conflicts"], None, a["close"],
                               a["quit"]))


def _package_actions(window: "MainWindow", a: dict[str, QAction]) -> None:
    """Sitting packages going out: to the laptops, and from a laptop back to the lead."""
    from workshop_desk.ui.package_files import open_package

    a["open_package"] = _action(window, _("Open a pac&kage…"), lambda: open_package(window.shell),
                                tip=_("Make this laptop's programme from the package the lead prepared for it"))
    a["prepare_laptops"] = _action(window, _("&Prepare laptops…"), lambda: _prepare_laptops(window),
                                   tip=_("Choose which laptop runs each sitting, and write one package per laptop"))
    a["export_package"] = _action(window, _("Export a sitting p&ackage…"), lambda: _export_package(window),
                                  tip=_("Write the work of this laptop's sittings to a file for the lead"))


def _edit_menu(window: "MainWindow", a: dict[str, QAction]) -> None:
    a["undo"] = _action(window, _("&Undo"), lambda: _undo(window, True), Key.Undo)
    a["redo"] = _action(window, _("&Redo"), lambda: _undo(window, False),
                        [QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    a["preferences"] = _action(window, _("&Preferences…"), window.shell.preferences, Key.Preferences)
    _menu(window, _("&Edit"), (a["undo"], a["redo"], None, a["preferences"]))


def _view_menu(window: "MainWindow", a: dict[str, QAction]) -> None:
    a["view_sidebar"] = _toggle(window, _("&Sidebar"), window.show_sidebar, "Ctrl+B")
    a["view_projector_panel"] = _toggle(window, _("&Projector panel"), window.show_projector_panel, "Ctrl+Shift+P")
    _menu(window, _("&View"), (a["view_sidebar"], a["view_projector_panel"]))


def _toggle(window: "MainWindow", text: str, slot: Callable[[bool], object], shortcut: str) -> QAction:
    """A checkable action whose slot hears whether it is now on."""
    action = QAction(text, window)
    action.setCheckable(True)
    action.setShortcut(QKeySequence(shortcut))
    action.toggled.connect(slot)
    window.addAction(action)
    return action


def _sitting_menu(window: "MainWindow", a: dict[str, QAction]) -> None:
    a["new_sitting"] = _action(window, _("&New sitting…"), lambda: new_sitting(window), "Ctrl+Shift+N")
    a["duplicate_sitting"] = _action(window, _("&Duplicate"), lambda: _duplicate(window), "Ctrl+D")
    a["delete_sitting"] = _action(window, _("De&lete…"), lambda: _delete(window))
    a["move_sitting_up"] = _action(window, _("Move &up"), lambda: None, "Alt+Up")
    a["move_sitting_down"] = _action(window, _("Move do&wn"), lambda: None, "Alt+Down")
    _menu(window, _("&Sitting"), (a["new_sitting"], a["duplicate_sitting"], a["delete_sitting"], None,
                                  a["move_sitting_up"], a["move_sitting_down"]))


def _run_menu(window: "MainWindow", a: dict[str, QAction]) -> None:
    a["run_start"] = _action(window, _("&Start or resume the run"), lambda: _run(window, "start"), "Ctrl+Return")
    a["run_next"] = _action(window, _("&Next item"), lambda: _run(window, "next"),
                            [QKeySequence(Qt.Key.Key_PageDown), QKeySequence("Ctrl+Right")])
    a["run_previous"] = _action(window, _("&Previous item"), lambda: _run(window, "previous"),
                                [QKeySequence(Qt.Key.Key_PageUp), QKeySequence("Ctrl+Left")])
    a["run_stop"] = _action(window, _("&End the run"), lambda: _run(window, "stop"), "Ctrl+Shift+Return")
    a["run_reset"] = _action(window, _("&Clear recorded times…"), lambda: _run(window, "reset"))
    a["timer_toggle"] = _action(window, _("Start or pause the &timer"), lambda: _timer(window, "toggle"), "Ctrl+T")
    a["timer_plus"] = _action(window, _("Timer +1 minute"), lambda: _timer(window, "plus"), "Ctrl+=")
    a["timer_minus"] = _action(window, _("Timer −1 minute"), lambda: _timer(window, "minus"), "Ctrl+-")
    a["timer_reset"] = _action(window, _("Reset the timer"), lambda: _timer(window, "reset"), "Ctrl+Shift+T")
    a["next_speaker"] = _action(window, _("Next spea&ker"), lambda: _timer(window, "speaker"), "Ctrl+Shift+Right")
    _menu(window, _("&Run"), (a["run_start"], a["run_next"], a["run_previous"], a["run_stop"], None, a["run_reset"],
                              None, a["timer_toggle"], a["timer_plus"], a["timer_minus"], a["timer_reset"],
                              a["next_speaker"]))


def _projector_menu(window: "MainWindow", a: dict[str, QAction]) -> None:
    from workshop_desk.ui.projector import registry

    shell = window.shell
    a["projector_toggle"] = _action(window, _("&Show or hide the projector"), shell.toggle_projector, "F5")
    a["projector_show"] = _action(window, _("Show the projector"), lambda: shell.show_projector(True), SHOW_KEYS)
    a["projector_hide"] = _action(window, _("Hide the projector"), lambda: shell.show_projector(False), HIDE_KEYS)
    screens = QMenu(_("Send to s&creen"), window)
    screens.aboutToShow.connect(lambda: _fill_screens(window, screens))
    for entry in registry.on_panel():
        a[f"projector_{entry.mode}"] = _action(window, _(entry.label), partial(shell.projector.set_mode, entry.mode),
                                               entry.key)
    toggles = [entry for entry in registry.ENTRIES if entry.toggle is not None]
    for entry in toggles:
        assert entry.toggle is not None
        a[f"projector_{entry.mode}_toggle"] = _action(window, _(entry.toggle.label), partial(
            shell.projector.toggle_plain, entry.mode), [QKeySequence(key) for key in entry.toggle.keys])
    a["projector_pause_time"] = _action(window, _("Set the &return time of the pause…"), lambda: _pause_time(window),
                                        registry.PAUSE_TIME_KEY)
    bar = window.menuBar()
    last = bar.actions()[-1] if bar.actions() else None  # Help, when the other menus are already there
    menu = _menu(window, _("&Projector"), (a["projector_toggle"], a["projector_show"], a["projector_hide"], screens,
                                           None, *(a[f"projector_{entry.mode}"] for entry in registry.on_panel()),
                                           a["projector_pause_time"], None,
                                           *(a[f"projector_{entry.mode}_toggle"] for entry in toggles)))
    if last is not None:
        bar.insertMenu(last, menu)  # moved before Help, where menu bars have it


def _help_menu(window: "MainWindow", a: dict[str, QAction]) -> None:
    a["shortcuts"] = _action(window, _("&Keyboard shortcuts"), lambda: _show_shortcuts(window), "F1")
    a["about"] = _action(window, _("&About Workshop Desk"), window.shell.about)
    _menu(window, _("&Help"), (a["shortcuts"], a["about"]))


def _add(menu: QMenu, item: QAction | QMenu | None) -> None:
    if item is None:
        menu.addSeparator()
    elif isinstance(item, QMenu):
        menu.addMenu(item)
    else:
        menu.addAction(item)


def _fill_recent(window: "MainWindow", menu: QMenu) -> None:
    from pathlib import Path

    menu.clear()
    files = [Path(name) for name in window.shell.settings.recent_files if Path(name).exists()]
    for path in files:
        action = menu.addAction(f"{path.name}  —  {path.parent}")
        action.triggered.connect(lambda _c=False, p=path: window.shell.open_path(p))
    if not files:
        menu.addAction(_("No recent programme")).setEnabled(False)


def _show_shortcuts(window: "MainWindow") -> None:
    from workshop_desk.ui.dialogs.shortcuts import ShortcutsDialog

    ShortcutsDialog(list(window.actions_by_name.values()), window).exec()


def _fill_screens(window: "MainWindow", menu: QMenu) -> None:
    from PySide6.QtGui import QGuiApplication

    menu.clear()
    chosen = window.shell.settings.projector_screen
    for number, screen in enumerate(QGuiApplication.screens(), start=1):
        size = screen.size()
        name = screen.name() or _("Screen {n}").format(n=number)
        action = menu.addAction(f"{name} — {size.width()}×{size.height()}")
        action.setCheckable(True)
        action.setChecked(screen.name() == chosen)
        name = screen.name()
        action.triggered.connect(lambda _c=False, n=name: window.shell.move_projector(n))


def _pause_time(window: "MainWindow") -> None:
    """Ask when the room is expected back (the next break's length from now, preset), then show the pause screen."""
    from workshop_desk.domain.clock import local
    from workshop_desk.ui.dialogs.pause_time import PauseTimeDialog

    projector = window.shell.projector
    dialog = PauseTimeDialog(local(projector.resume_time()), window)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        projector.set_resume_at(dialog.resume_at())
        projector.set_mode(ProjectorMode.PAUSE)


def _export(window: "MainWindow") -> None:
    """The export dialog of the deliverables, the current sitting preselected (nothing without an open file)."""
    if window.document is None:
        return
    from workshop_desk.ui.dialogs.export_dialog import open_export_dialog

    open_export_dialog(window, window.document.workspace, window.document.sittings(), window.current_sitting_id())


def _prepare_laptops(window: "MainWindow") -> None:
    if window.document is not None:
        from workshop_desk.ui.dialogs.prepare_laptops import open_prepare_laptops

        open_prepare_laptops(window, window.document)


def _export_package(window: "MainWindow") -> None:
    """The package's sittings: all of this file's, or only the current one when it holds many."""
    if window.document is not None:
        from workshop_desk.ui.dialogs.export_package import open_export_package

        open_export_package(window, window.document.workspace, window.document.sittings(),
                            window.current_sitting_id())


def _packages(window: "MainWindow", command: str) -> None:
    """Packages coming back from the laptops, and the conflicts they brought."""
    from workshop_desk.ui.dialogs.conflicts import ConflictsDialog
    from workshop_desk.ui.dialogs.import_packages import import_packages

    if command == "import":
        import_packages(window)
    elif window.document is not None:
        ConflictsDialog(window.document, window).open()


def _undo(window: "MainWindow", undo: bool) -> None:
    if window.document is None:
        return
    stack = window.document.undo_stack  # a step that fails says so itself (ui/undo.py)
    stack.undo() if undo else stack.redo()


def new_sitting(window: "MainWindow") -> None:
    """Ask for a new sitting (blank or from a template) and select it."""
    if window.document is None:
        return
    dialog = NewSittingDialog(window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    try:
        created = window.document.add_sitting(dialog.draft(), dialog.template_key())
    except ValidationError as error:
        prompts.error(window, str(error))
        return
    window.select_sitting(created.sitting.id)


def _duplicate(window: "MainWindow") -> None:
    sitting_id = window.current_sitting_id()
    if window.document is not None and sitting_id is not None:
        copy = window.document.duplicate_sitting(sitting_id)
        window.select_sitting(copy.sitting.id)


def _delete(window: "MainWindow") -> None:
    sitting_id = window.current_sitting_id()
    if window.document is None or sitting_id is None:
        return
    title = window.document.agenda(sitting_id).sitting.title
    question = _("Delete the sitting “{title}” with everything in it (agenda, sign-ins, ideas, votes, tables, "
                 "priorities)? You can undo this with {keys}.").format(title=title, keys=key_text("Ctrl+Z"))
    if prompts.confirm(window, question):
        window.document.delete_sitting(sitting_id)


def _run(window: "MainWindow", command: str) -> None:
    sitting_id = window.current_sitting_id()
    document = window.document
    if document is None or sitting_id is None:
        return
    if command == "reset" and not prompts.confirm(window, _("Clear the recorded start and end times of every "
                                                            "item of this sitting?")):
        return
    if window.sitting_page is not None:  # notes being typed belong to the item running now: saved before it changes
        window.sitting_page.run_panel.save_notes()
    if command == "start" and not _run_today(window, document, sitting_id):
        return
    try:
        _apply_run(document, sitting_id, command)
    except ValueError as error:
        prompts.error(window, str(error))
        return
    if command == "start" and window.sitting_page is not None:
        window.sitting_page.tabs.setCurrentIndex(window.sitting_page.RUN_TAB)
        if window.shell.projector.mode in (ProjectorMode.WELCOME, ProjectorMode.BLANK):
            window.shell.projector.set_mode(ProjectorMode.AGENDA)


def _run_today(window: "MainWindow", document: "Document", sitting_id: int) -> bool:
    """Running a sitting dated another day is a rehearsal, or the wrong sitting: say so before the times are kept."""
    import datetime as dt

    from workshop_desk.i18n import format_date

    sitting = document.agenda(sitting_id).sitting
    if sitting.date is None or sitting.date == dt.date.today() or sitting.is_running:
        return True
    return prompts.ask_to(window, _("“{title}” is dated {date}, not today. Start its run anyway? Its times will be "
                                    "recorded as today's (Clear recorded times undoes a rehearsal).").format(
        title=sitting.title, date=format_date(sitting.date)), _("Start anyway"))


def _timer(window: "MainWindow", command: str) -> None:
    page = window.sitting_page
    if page is None or window.current_sitting_id() is None:
        return
    panel = page.timer_panel
    {"toggle": panel.toggle, "plus": lambda: panel.adjust(60), "minus": lambda: panel.adjust(-60),
     "reset": panel.reset, "speaker": lambda: page.speakers_panel.give_floor(None)}[command]()
    if command in ("toggle", "speaker") and panel.countdown.running and \
            window.shell.projector.mode != ProjectorMode.TIMER:
        window.shell.projector.set_mode(ProjectorMode.TIMER)


def _apply_run(document: "Document", sitting_id: int, command: str) -> None:
    actions = {"start": lambda: document.start_run(sitting_id), "next": lambda: document.step_run(sitting_id, 1),
               "previous": lambda: document.step_run(sitting_id, -1), "stop": lambda: document.stop_run(sitting_id),
               "reset": lambda: document.reset_run(sitting_id)}
    actions[command]()
