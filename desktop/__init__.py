"""Liaison Desk (联络站工作台): records and ledgers for deputy liaison stations."""

import datetime as _dt

__version__ = "0.1.0"
APP_NAME = "LiaisonDesk"

# This version was built after this day: a PC whose calendar says earlier has a wrong clock
# (services/clock_check.py). Move it forward with each release.
BUILT_AFTER = _dt.date(2025, 1, 1)
