"""Every page, sitting tab and dialog of the console, one by one: walked by the fit test and by `--screenshot`."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

if TYPE_CHECKING:
    from workshop_desk.ui.dialogs.prepare_laptops import PrepareLaptopsDialog
    from workshop_desk.ui.document import Document
    from workshop_desk.ui.main_window import MainWindow

# The sitting page's tabs by what they hold, in the names the screenshots use.
TAB_NAMES = ("plan", "signin", "tables", "run", "timer", "ideas", "questions", "votes", "priorities")


@dataclass(frozen=True)
class Stop:
    """One view of the console: `show()` brings it up in the main window."""

    name: str
    show: Callable[[], None]


@dataclass(frozen=True)
class DialogStop:
    """One dialog of the console: `build()` makes it (not shown) over the main window."""

    name: str
    build: Callable[[], QDialog]


def pages(window: "MainWindow") -> Iterator[Stop]:
    """The programme's pages, then every tab of every sitting (each holds other things: a plan, questions, votes)."""
    yield Stop("programme", window.show_programme)
    yield Stop("participants", window.show_participants)
    yield Stop("action-plan", window.show_action_plan)
    assert window.document is not None
    for sitting in window.document.sittings():
        for index, tab in enumerate(TAB_NAMES):
            yield Stop(f"sitting{sitting.id}-{tab}", partial(_show_tab, window, sitting.id, index))


def _show_tab(window: "MainWindow", sitting_id: int, index: int) -> None:
    window.select_sitting(sitting_id)
    assert window.sitting_page is not None
    window.sitting_page.tabs.setCurrentIndex(index)


def dialogs(window: "MainWindow") -> Iterator[DialogStop]:
    """Every dialog the console opens, filled from the open programme."""
    assert window.document is not None
    document = window.document
    yield from _file_dialogs(window, document)
    yield from _people_dialogs(window, document)
    yield from _vote_dialogs(window, document)
    yield from _phone_dialogs(window, document)


def _file_dialogs(window: "MainWindow", document: "Document") -> Iterator[DialogStop]:
    from workshop_desk.ui.dialogs.conflicts import ConflictsDialog
    from workshop_desk.ui.dialogs.export_dialog import ExportDialog
    from workshop_desk.ui.dialogs.new_sitting import NewSittingDialog
    from workshop_desk.ui.dialogs.preferences import PreferencesDialog
    from workshop_desk.ui.dialogs.restore_backup import RestoreBackupDialog
    from workshop_desk.ui.dialogs.shortcuts import ShortcutsDialog

    workspace, sittings = document.workspace, document.sittings()
    yield DialogStop("new-sitting", lambda: NewSittingDialog(window))
    yield DialogStop("export", lambda: ExportDialog(workspace, sittings, sittings[0].id, window))
    yield DialogStop("preferences", lambda: PreferencesDialog("", window))
    yield DialogStop("restore-backup", lambda: RestoreBackupDialog(
        workspace.backups.all() or [workspace.backups.backup_now()], window))
    yield DialogStop("shortcuts", lambda: ShortcutsDialog(list(window.actions_by_name.values()), window))
    yield DialogStop("conflicts", lambda: ConflictsDialog(document, window))
    yield DialogStop("error", lambda: _error_dialog(window))
    yield from _package_dialogs(window, document)


def _package_dialogs(window: "MainWindow", document: "Document") -> Iterator[DialogStop]:
    from workshop_desk.ui.dialogs.export_package import ExportPackageDialog
    from workshop_desk.ui.dialogs.prepare_laptops import PrepareLaptopsDialog

    sittings = document.sittings()
    yield DialogStop("prepare-laptops", lambda: _four_laptops(PrepareLaptopsDialog(document, sittings, window)))
    yield DialogStop("prepare-laptops-empty", lambda: PrepareLaptopsDialog(document, [], window))
    yield DialogStop("export-package", lambda: ExportPackageDialog(document.workspace, sittings[1:4],
                                                                   sittings[2].id, window))
    yield from _packages_written(window)


def _packages_written(window: "MainWindow") -> Iterator[DialogStop]:
    """What the lead and a laptop are told once their packages are written (on a stick, as on the day)."""
    from pathlib import Path

    from workshop_desk.domain.packages import PackageInfo
    from workshop_desk.ui import prompts
    from workshop_desk.ui.dialogs import export_package, prepare_laptops

    stick = Path("/media/claire/CLE USB")
    laptops = [stick / f"{name}.wdpack" for name in ("Claire Vasseur", "Julien Ombredane", "Inès Morel")]
    back = PackageInfo("", "Inès Morel", "", ("Atelier Ingénierie",), 24, 87, 312, False)
    yield DialogStop("prepare-laptops-written", lambda: prompts.folder_box(
        window, prepare_laptops.written_message(laptops, stick), prepare_laptops.next_steps()))
    yield DialogStop("export-package-written", lambda: prompts.folder_box(window, export_package.written_message(
        stick / "Inès Morel — 2027-02-09.wdpack", back), export_package.next_steps()))


def _four_laptops(dialog: "PrepareLaptopsDialog") -> QDialog:
    """The demo's four sector workshops (rows 1 to 4), one consultant's laptop each; the rest stays on the lead's."""
    names = iter(("Claire Vasseur", "Julien Ombredane", "Inès Morel", "Karim Benali"))
    for row in range(dialog.model.rowCount()):
        if 1 <= row <= 4:
            dialog.model.set_name(row, next(names))
        else:
            dialog.model.toggle(row)
    return dialog


def _people_dialogs(window: "MainWindow", document: "Document") -> Iterator[DialogStop]:
    from workshop_desk.ui.dialogs.groups_dialog import GroupsDialog
    from workshop_desk.ui.dialogs.import_participants import ImportParticipantsDialog
    from workshop_desk.ui.dialogs.participant_dialog import ParticipantDialog

    yield DialogStop("participant", lambda: ParticipantDialog(document.groups(), None, _ignore, window))
    yield DialogStop("groups", lambda: GroupsDialog(document, window))
    yield DialogStop("import-participants", lambda: ImportParticipantsDialog(document, None, window))


def _phone_dialogs(window: "MainWindow", document: "Document") -> Iterator[DialogStop]:
    from workshop_desk.ui.phones.dialog import PhonesDialog

    sitting_id = document.sittings()[-1].id
    yield DialogStop("phones", lambda: PhonesDialog(document, sitting_id, window))


def _vote_dialogs(window: "MainWindow", document: "Document") -> Iterator[DialogStop]:
    from workshop_desk.domain.priorities import ActionDraft
    from workshop_desk.ui.voting.actions_page import ActionDialog, elire_indicators
    from workshop_desk.ui.voting.ballot_dialog import BallotDialog, board_sources
    from workshop_desk.ui.voting.priorities_page import PriorityDialog, PromoteDialog

    voted = next(s.id for s in document.sittings() if document.votes.for_sitting(s.id))
    ballots = document.votes.for_sitting(voted)
    priority = next(p for s in document.sittings() for p in document.plan.priorities(s.id))
    yield DialogStop("ballot", lambda: BallotDialog(None, board_sources(document.workspace, voted), False, _ignore,
                                                    window))
    yield DialogStop("ballot-edit", lambda: BallotDialog(ballots[0], board_sources(document.workspace, voted), True,
                                                         _ignore, window))
    yield DialogStop("promote", lambda: PromoteDialog(document, ballots, window))
    yield DialogStop("priority", lambda: PriorityDialog(priority, window))
    yield DialogStop("action", lambda: ActionDialog(ActionDraft(""), elire_indicators(), _ignore, window))


def _error_dialog(window: "MainWindow") -> QDialog:
    """The dialog of an unexpected error, over an example one."""
    import sys

    from workshop_desk.ui.errors import ErrorDialog, details

    try:
        raise RuntimeError("an example of an unexpected error")
    except RuntimeError:
        kind, error, tb = sys.exc_info()
    assert kind is not None and error is not None
    return ErrorDialog(details(kind, error, tb), window)


def _ignore(*_args: object) -> None:
    """A dialog's save, for a dialog only looked at."""

