"""What a bundle import does, table by table: the plan shown before and the result after."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class TableFigures:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    rejected: int = 0
    waiting: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class RejectedRow:
    table: str
    record_id: str
    reason: str  # one of the messages above (BundlePlan context)


@dataclass
class MergeResult:
    tables: dict[str, TableFigures] = field(default_factory=dict)
    rejected: list[RejectedRow] = field(default_factory=list)
    taken_from_waiting: int = 0

    def figures(self, name: str) -> TableFigures:
        return self.tables.setdefault(name, TableFigures())

    def total(self, what: str) -> int:
        return sum(getattr(f, what) for f in self.tables.values())

    def changes(self) -> int:
        return self.total("new") + self.total("updated")
