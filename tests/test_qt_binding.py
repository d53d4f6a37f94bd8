"""The Qt binding keeps Python's reference counts: PySide6 6.12.0 did not (every call of a
method returning nothing dropped a reference to None, and Python aborted after some thousands
of calls: minutes of use). pyproject.toml excludes that release; this test catches the next."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QComboBox, QLabel, QTableWidget, QTableWidgetItem


def test_void_calls_keep_none_alive(qapp) -> None:
    label, combo, table = QLabel(), QComboBox(), QTableWidget(10, 2)
    before = sys.getrefcount(None)
    for i in range(1000):
        label.setText("代表")
        label.setEnabled(True)
        combo.addItem("联络站", i)
        table.setItem(i % 10, 1, QTableWidgetItem("意见"))
        qapp.processEvents()
    # A leaking binding loses 5,000 here; a sound one a handful at most (interning, caches).
    assert sys.getrefcount(None) >= before - 100
