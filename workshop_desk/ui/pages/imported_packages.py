"""The programme page's list of the packages imported: which laptop, when, which sittings, what each did."""

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from workshop_desk.domain.packages import ImportedPackage, PackageReport
from workshop_desk.i18n import _, format_stamp, labelled
from workshop_desk.ui import theme


class ImportedPackages(QWidget):
    """One paragraph per package, latest import first, wrapped to the page's width (a table's columns would cut the
    sentences short on a laptop's screen); hidden while the programme has imported nothing."""

    def __init__(self) -> None:
        super().__init__()
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.heading = QLabel(_("Packages imported"))
        self.heading.setFont(theme.heading_font(1.1))
        self.list = QLabel()
        self.list.setWordWrap(True)
        self.list.setTextFormat(Qt.TextFormat.RichText)
        self.list.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)

    def show_packages(self, packages: list[ImportedPackage]) -> None:
        self.setVisible(bool(packages))
        self.list.setText("".join(_paragraph(package) for package in packages))


def _paragraph(package: ImportedPackage) -> str:
    """'<b>Karim's laptop</b> · imported Thursday … · Sittings: Atelier Santé' then what the import did."""
    sittings = labelled(_("Sittings"), ", ".join(package.sittings)) if package.sittings else ""
    head = " · ".join(part for part in (f"<b>{html.escape(package.laptop_name or '—')}</b>",
                                        html.escape(_("imported {when}").format(
                                            when=format_stamp(package.imported_at))), html.escape(sittings))
                      if part)
    return f"<p>{head}<br>{html.escape(_did(package))}</p>"


def _did(package: ImportedPackage) -> str:
    """The sentence the import said: 'file: 5 added, 1 updated, 0 deleted, 0 left as it was, 1 conflict.'"""
    return PackageReport(package.file_name, package.laptop_name, package.sittings, package.added, package.updated,
                         package.deleted, package.left, package.conflicts).sentence()
