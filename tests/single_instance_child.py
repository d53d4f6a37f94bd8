"""A start of the program reduced to its single-instance part, for tests/test_single_instance.py.

    python single_instance_child.py LOCK_DIR DATABASE [FILE ...]

Prints ``listening <pid>`` once it owns the database (then ``received <json list>`` for each
hand-over, until killed), or ``handed over`` / ``not responding`` and exits 0 / 1, as the
window's start-up does."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop.ui.single_instance import Outcome, claim

TIMEOUT_ENV = "SINGLE_INSTANCE_CHILD_TIMEOUT_MS"


def main(argv: list[str]) -> int:
    app = QCoreApplication(argv)
    lock_dir, database, files = Path(argv[1]), Path(argv[2]), [Path(f) for f in argv[3:]]
    outcome, guard = claim(
        database, files, lock_dir=lock_dir, timeout_ms=int(os.environ.get(TIMEOUT_ENV, "4000"))
    )
    if outcome is Outcome.HANDED_OVER:
        print("handed over", flush=True)
        return 0
    if outcome is Outcome.NOT_RESPONDING:
        print("not responding", flush=True)
        return 1
    guard.files_received.connect(
        lambda paths: print("received", json.dumps([str(p) for p in paths]), flush=True)
    )
    if not guard.listen():
        return 3
    print(f"listening {os.getpid()}", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
