"""The Qt item models pass Qt's own model consistency checks."""

from pytestqt.modeltest import ModelTester

from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.models.agenda_model import AgendaModel
from workshop_desk.ui.models.sittings_model import SittingsModel


def test_sittings_model(qtmodeltester: ModelTester, window: MainWindow) -> None:
    model = SittingsModel()
    model.set_sittings(window.document.sittings())  # type: ignore[union-attr]
    qtmodeltester.check(model)
    assert model.rowCount() == len(window.document.sittings()) >= 6  # type: ignore[union-attr]


def test_agenda_model(qtmodeltester: ModelTester, window: MainWindow) -> None:
    model = AgendaModel()
    model.set_agenda(window.document.agenda(2))  # type: ignore[union-attr]
    qtmodeltester.check(model)
    assert model.rowCount() == 9


def test_empty_agenda_model(qtmodeltester: ModelTester) -> None:
    model = AgendaModel()
    model.set_agenda(None)
    qtmodeltester.check(model)
