"""The console over a programme opened read-only: a banner says why, and only what reads, shows or exports works."""

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from workshop_desk.ui.widgets.read_only import lock_editing

if TYPE_CHECKING:
    from workshop_desk.ui.main_window import MainWindow

# Menu commands that change the programme (opening, exporting, the projector and the timer stay).
EDITING_ACTIONS = ("new_sitting", "duplicate_sitting", "delete_sitting", "move_sitting_up", "move_sitting_down",
                   "run_start", "run_next", "run_previous", "run_stop", "run_reset", "restore_backup", "undo", "redo",
                   "next_speaker", "prepare_laptops", "import_packages")


def lock_console(window: "MainWindow") -> None:
    """Disable every editing control of the open programme's pages, keeping the reading ones."""
    for name in EDITING_ACTIONS:
        window.actions_by_name[name].setEnabled(False)
    window.new_sitting_button.setEnabled(False)
    reading = reading_controls(window)
    for page in (window.programme_page, window.participants_page, window.action_plan_page, window.sitting_page):
        if page is not None:
            lock_editing(page, reading)
    if window.sitting_page is not None:
        board = window.sitting_page.board_page
        board.scene.movable = False
        bar = board.toolbar
        for action in (bar.new_theme, bar.merge, bar.delete, bar.arrange_theme, bar.arrange_table, bar.reveal):
            action.setEnabled(False)


def reading_controls(window: "MainWindow") -> list[QWidget]:
    """What still works on a read-only programme: search and filters, documents, the projector, the room timer."""
    found: list[QWidget] = [window.programme_page.conflicts_button] if window.programme_page is not None else []
    people = window.participants_page
    if people is not None:
        found += [people.search_edit, people.group_combo, people.badges_button, people.data_button,
                  people.sitting_combo]
    if window.action_plan_page is not None:
        found.append(window.action_plan_page.actions_panel.show_button)
    page = window.sitting_page
    if page is None:
        return found
    desk, tables, bar, votes = page.signin_desk, page.tables_page, page.board_page.toolbar, page.ballots_page
    return [*found, desk.sheet_button, desk.report_button, tables.rounds_bar, tables.show_button,
            tables.lists_button, tables.cards_button, page.timer_panel, bar, page.questions_panel.show_hidden_check,
            votes.ballot_combo, votes.show_button, votes.results.split_check, votes.results.group_combo,
            page.plan_page.actions_panel.show_button]
