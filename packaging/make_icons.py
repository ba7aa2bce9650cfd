"""Renders the app's SVG icon into what installers want: PNG sizes, a Windows .ico and a macOS .icns.

    python packaging/make_icons.py [OUT-DIR]      (default: build/icons; needs PySide6 and Pillow)
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "workshop-desk.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)


def render_pngs(out: Path) -> dict[int, Path]:
    """One PNG per size, drawn by Qt's SVG renderer on a transparent background."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"cannot read the icon {SOURCE}")
    pngs = {}
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        pngs[size] = out / f"workshop-desk-{size}.png"
        if not image.save(str(pngs[size])):
            raise SystemExit(f"cannot write {pngs[size]}")
    return pngs


def main() -> None:
    from PIL import Image

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    pngs = render_pngs(out)
    largest = Image.open(pngs[1024])
    largest.save(out / "workshop-desk.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    largest.save(out / "workshop-desk.icns")
    print(f"icons written to {out}")


if __name__ == "__main__":
    main()
