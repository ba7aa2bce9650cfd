"""The console's icons: the bundled Lucide SVGs, drawn in the palette's text colour."""

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from workshop_desk.paths import package_dir

ICONS = package_dir() / "assets" / "icons"
SIZES = (16, 24, 32, 48)  # toolbar and button sizes, at 1× and 2× scale


@cache
def icon(name: str) -> QIcon:
    """The icon `name` (a file of resources/icons/lucide without .svg); Qt greys it when its action is disabled."""
    colour = QGuiApplication.palette().color(QPalette.ColorRole.ButtonText).name()
    svg = (ICONS / f"{name}.svg").read_text(encoding="utf-8").replace("currentColor", colour)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    result = QIcon()
    for size in SIZES:
        result.addPixmap(_drawn(renderer, size))
    return result


def _drawn(renderer: QSvgRenderer, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap
