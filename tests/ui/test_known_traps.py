"""Regression guards for traps measured on this stack (see ARCHITECTURE.md)."""

from PySide6.QtCore import QObject


def test_twenty_thousand_void_setter_calls_do_not_crash(qtbot: object) -> None:
    # PySide6 6.12.0 on CPython 3.11 corrupts None's refcount: the process dies after ~5,000 calls.
    holder = QObject()
    for index in range(20_000):
        holder.setObjectName(f"n{index % 7}")
    assert holder.objectName() == f"n{19_999 % 7}"
