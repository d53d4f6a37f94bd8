"""The one refusal every bundle step raises (translation context "Bundle")."""

from __future__ import annotations

from desktop.domain.errors import Refusal


class BundleRefused(Refusal):
    """A bundle cannot be written, read or trusted. ``message`` is for the clerk; ``reason`` is
    a short English note for the log and the tests (which check failed), never shown."""

    context = "Bundle"

    def __init__(self, message: str, *, reason: str = "", **args: str) -> None:
        super().__init__(message, **args)
        self.reason = reason
