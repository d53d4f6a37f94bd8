"""Liaison Desk (联络站工作台): records and ledgers for deputy liaison stations."""

__version__ = "0.1.0"
APP_NAME = "LiaisonDesk"
