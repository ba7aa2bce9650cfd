"""What a user would see cut short in a window: text narrower than it needs, widgets clipped or on top of each other."""

from itertools import combinations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QComboBox,
    QGroupBox,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QToolBar,
    QToolButton,
    QWidget,
)

SLACK = 1  # a pixel lost to rounding is not a cut
COMBO_WIDE_ENOUGH = 240  # a combo box this wide may elide a long title (a ballot's, an item's): its list shows it


def problems(window: QWidget) -> list[str]:
    """Every visible widget of `window` (not of the windows over it) whose text or place is cut short."""
    found: list[str] = []
    for widget in _shown(window):
        found += _text_cut(widget)
        found += _clipped(widget)
    for parent in [window, *_shown(window)]:
        found += _overlaps(parent)
    return found


def _shown(window: QWidget) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget) if w.isVisible() and w.window() is window]


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton | QLabel) else ""
    text = text or (widget.title() if isinstance(widget, QGroupBox) else "")
    owner = widget.parentWidget()
    where = f" in {type(owner).__name__}" if owner is not None else ""
    return f"{type(widget).__name__} {text[:60]!r}{where}"


def _text_cut(widget: QWidget) -> list[str]:
    if isinstance(widget, QTabBar):
        return _tabs_cut(widget)
    if isinstance(widget, QLabel):
        return _label_cut(widget)
    if isinstance(widget, QAbstractButton) and widget.text():
        return _narrower(widget, _button_width(widget), widget.sizeHint().height())
    if isinstance(widget, QGroupBox) and widget.title():
        return _narrower(widget, widget.minimumSizeHint().width(), 0)
    if isinstance(widget, QComboBox) and not widget.isEditable() and widget.currentText():
        return _combo_cut(widget)
    if isinstance(widget, QToolBar):
        return _overflowing(widget)
    return []


def _combo_cut(combo: QComboBox) -> list[str]:
    """The choice showing in a combo box is cut when the box is narrower than that text, its arrow and frame
    (unless the box is wide enough to tell the titles it holds apart)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    text = combo.fontMetrics().horizontalAdvance(combo.currentText())
    icon = combo.iconSize().width() + 4 if not combo.itemIcon(combo.currentIndex()).isNull() else 0
    needed = combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, QSize(text + icon, 0),
                                            combo).width()
    if combo.width() + SLACK < min(needed, COMBO_WIDE_ENOUGH):
        return [f"QComboBox showing {combo.currentText()[:60]!r} is {combo.width()} px, needs {needed}"]
    return []


def _overflowing(toolbar: QToolBar) -> list[str]:
    """A toolbar too narrow for its actions hides the last ones behind its » button."""
    extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    if extension is not None and extension.isVisible():
        return [f"QToolBar {toolbar.windowTitle()!r} is {toolbar.width()} px: its last actions hide behind »"]
    return []


def _button_width(button: QAbstractButton) -> int:
    """What the button's text and icon need: its size hint, less the width styles give any push button (80 px)."""
    hint = button.sizeHint().width()
    if not isinstance(button, QPushButton):
        return hint
    style, text = button.style(), button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
    frame = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin) +
                 style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth))
    return min(hint, button.fontMetrics().horizontalAdvance(text) + icon + frame)


def _narrower(widget: QWidget, width: int, height: int) -> list[str]:
    if widget.width() + SLACK < width or widget.height() + SLACK < height:
        return [f"{_name(widget)} is {widget.width()}×{widget.height()} px, needs {width}×{height}"]
    return []


def _label_cut(label: QLabel) -> list[str]:
    if not label.text() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return []
    if label.wordWrap():
        return _narrower(label, 0, label.heightForWidth(label.width()))  # margins and indent counted by Qt
    return _narrower(label, label.sizeHint().width(), 0)


def _tabs_cut(bar: QTabBar) -> list[str]:
    cut = [bar.tabText(i) for i in range(bar.count())
           if bar.isTabVisible(i) and bar.tabRect(i).width() + SLACK < bar.tabSizeHint(i).width()]
    needed = sum(bar.tabSizeHint(i).width() for i in range(bar.count()) if bar.isTabVisible(i))
    if cut or needed > bar.width() + SLACK:
        return [f"tab bar is {bar.width()} px, its tabs need {needed} (cut: {', '.join(cut) or 'none'})"]
    return []


def _clipped(widget: QWidget) -> list[str]:
    """A widget that reaches past its parent's edge shows only in part (scrolled content aside)."""
    parent = widget.parentWidget()
    if parent is None or _scrolls(parent) or isinstance(parent, QMainWindow):
        return []
    inside = parent.rect().adjusted(-SLACK, -SLACK, SLACK, SLACK)
    if inside.contains(widget.geometry()):
        return []
    return [f"{_name(widget)} at {_rect(widget.geometry())} sticks out of its parent ({_rect(parent.rect())})"]


def _scrolls(parent: QWidget) -> bool:
    grand = parent.parentWidget()
    return isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent


def _overlaps(parent: QWidget) -> list[str]:
    if isinstance(parent, QStackedWidget | QMainWindow):
        return []
    children = [c for c in parent.findChildren(QWidget, options=_direct()) if c.isVisible() and not c.isWindow()]
    found = []
    for one, other in combinations(children, 2):
        common = one.geometry().intersected(other.geometry())
        if common.width() > SLACK and common.height() > SLACK:
            found.append(f"{_name(one)} at {_rect(one.geometry())} overlaps {_name(other)} at "
                         f"{_rect(other.geometry())}")
    return found


def _direct() -> object:
    from PySide6.QtCore import Qt

    return Qt.FindChildOption.FindDirectChildrenOnly


def _rect(rect: QRect) -> str:
    return f"({rect.x()},{rect.y()} {rect.width()}×{rect.height()})"
