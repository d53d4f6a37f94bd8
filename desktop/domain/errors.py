"""Refusals a person can act on, raised by services and shown by the interface in Chinese."""

from __future__ import annotations


class ServiceError(Exception):
    """``message`` is an English source string (translation context "Service")."""

    def __init__(self, message: str, **args: str) -> None:
        super().__init__(message.format(**args) if args else message)
        self.message = message
        self.args_map = args
