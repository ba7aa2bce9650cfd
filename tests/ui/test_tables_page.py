"""Room tables at the console: set tables, plan rounds, move someone by drag and drop, project, time a round."""

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.pages.tables_page import TablesPage
from workshop_desk.ui.projector.plan_screen import PlanScreen
from workshop_desk.ui.shell import Shell
from workshop_desk.ui.widgets.seat_list import PERSON_ROLE, SeatList

WORKSHOP = 2  # 22 registered, nobody signed in yet: the plan seats the registered


def _page(window: MainWindow) -> TablesPage:
    window.select_sitting(WORKSHOP)
    page = window.sitting_page
    assert page is not None
    page.tabs.setCurrentIndex(page.TABLES_TAB)
    return page.tables_page


def _plan(qtbot: QtBot, page: TablesPage, tables: int = 4) -> None:
    while page.model.rowCount() < tables:  # the demo's workshops may already have their tables
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    for row in range(tables):
        page.model.setData(page.model.index(row, 2), 6)
    qtbot.waitUntil(lambda: all(page.model.table(r).capacity == 6 for r in range(tables)))
    page.rounds_spin.setValue(3)
    qtbot.mouseClick(page.plan_button, Qt.MouseButton.LeftButton)


def _seat_lists(page: TablesPage) -> list[SeatList]:
    return [page.grid.itemAt(i).widget().findChild(SeatList) for i in range(page.grid.count())]  # type: ignore[union-attr, misc]


def test_plan_three_rounds_at_four_tables(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(window)
    assert page.empty_label.isVisible()
    _plan(qtbot, page)
    assert page.rounds_bar.count() == 3
    lists = _seat_lists(page)
    assert len(lists) == 4 and sum(seats.count() for seats in lists) == 22
    assert "meet more than once" in page.quality_label.text() or "meets more than once" in page.quality_label.text()
    saved = window.document.workspace.room_tables.saved_plan(WORKSHOP)  # type: ignore[union-attr]
    assert saved is not None and len(saved.plan.rounds) == 3


def test_drag_a_person_to_another_table(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(window)
    _plan(qtbot, page)
    page.rounds_bar.setCurrentIndex(1)
    source, target = _seat_lists(page)[0], _seat_lists(page)[1]
    item = source.item(0)
    person = item.data(PERSON_ROLE)
    target.dropMimeData(0, source.mimeData([item]), Qt.DropAction.MoveAction)  # what a drop onto the list does
    saved = window.document.workspace.room_tables.saved_plan(WORKSHOP)  # type: ignore[union-attr]
    assert saved is not None and saved.plan.table_of(1, person) == target.table_id


def test_show_a_round_on_the_projector_and_time_it(qtbot: QtBot, window: MainWindow, shell: Shell) -> None:
    page = _page(window)
    _plan(qtbot, page)
    page.rounds_bar.setCurrentIndex(2)
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    projector = shell.projector.window
    assert isinstance(projector._stack.currentWidget(), PlanScreen)
    plan = projector.content.plan
    assert plan is not None and plan.round_number == 3 and len(plan.tables) == 4
    assert sum(len(t.names) for t in plan.tables) == 22

    page.minutes_spin.setValue(15)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert window.sitting_page.timer_panel.countdown.running  # type: ignore[union-attr]
    assert shell.projector.mode == ProjectorMode.TIMER
    rounds = window.document.workspace.rounds.rounds(WORKSHOP)  # type: ignore[union-attr]
    assert [(r.number, r.planned_seconds, r.is_running) for r in rounds if r.started_at] == [(3, 900, True)]


def test_edit_a_table_in_place(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(window)
    if not page.model.rowCount():
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    page.model.setData(page.model.index(0, 1), "Santé 🩺")
    qtbot.waitUntil(lambda: page.model.table(0).theme == "Santé 🩺")
    assert window.document.workspace.room_tables.tables(WORKSHOP)[0].theme == "Santé 🩺"  # type: ignore[union-attr]


def test_print_route_cards_of_the_plan(qtbot: QtBot, window: MainWindow, tmp_path: object,
                                       monkeypatch: object) -> None:
    from pathlib import Path

    import docx

    from workshop_desk.ui import prompts

    page = _page(window)
    _plan(qtbot, page)
    target = Path(str(tmp_path)) / "routes.docx"
    offered: list[str] = []
    monkeypatch.setattr(prompts, "save_as", lambda *_a, **_k: target)  # type: ignore[attr-defined]
    monkeypatch.setattr(prompts, "open_or_folder", lambda _p, m: offered.append(m) or "")  # type: ignore[attr-defined]
    qtbot.mouseClick(page.cards_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(offered), timeout=20_000)
    text = " ".join(cell.text for table in docx.Document(str(target)).tables for row in table.rows
                    for cell in row.cells)
    assert text.count("Round 3") >= 22  # a card per seated person, each listing every round
