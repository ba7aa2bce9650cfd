"""The programme page's list of the packages imported: which laptop, when, which sittings, what each did."""

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_desk.domain.packages import ImportedPackage, PackageReport
from workshop_desk.i18n import _, format_stamp
from workshop_desk.ui import theme


class ImportedPackages(QWidget):
    """A table, latest import first; hidden while the programme has imported nothing."""

    COLUMNS = 4

    def __init__(self) -> None:
        super().__init__()
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.heading = QLabel(_("Packages imported"))
        self.heading.setFont(theme.heading_font(1.1))
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels([_("Laptop"), _("Imported"), _("Sittings"), _("What it did")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)

    def show_packages(self, packages: list[ImportedPackage]) -> None:
        self.setVisible(bool(packages))
        self.table.setRowCount(len(packages))
        for row, package in enumerate(packages):
            cells = (package.laptop_name or "—", format_stamp(package.imported_at), ", ".join(package.sittings),
                     _did(package))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        # As tall as its rows (up to eight), so that the page scrolls rather than the table.
        rows = min(len(packages), 8)
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(header + rows * self.table.verticalHeader().defaultSectionSize() + 4)


def _did(package: ImportedPackage) -> str:
    """The sentence the import said: 'file: 5 added, 1 updated, 0 deleted, 0 left as it was, 1 conflict.'"""
    return PackageReport(package.file_name, package.laptop_name, package.sittings, package.added, package.updated,
                         package.deleted, package.left, package.conflicts).sentence()
