"""Excel import: read and check every row first, show the plan, then write it all or nothing.

A plan sorts the workbook's rows into new, updated, unchanged and rejected (with row, column and
reason). Rows are matched to existing records by what identifies them on paper (a deputy's name;
a duty day's station, date and form; a case's number, or its date, person and content), so
importing the same workbook twice changes nothing. Columns a workbook lacks keep their stored
values; a masked phone (138****8000, as default exports print it) keeps the stored number.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.db.engine import DISK_FULL as STORE_FULL
from desktop.domain import checks
from desktop.domain.checks import DraftInvalid
from desktop.domain.errors import DatabaseRefused
from desktop.domain.kinds import PROGRAMME_KINDS
from desktop.domain.programme_specs import SPECS
from desktop.domain.roles import AuditAction
from desktop.domain.tables import (
    Cancelled,
    CancelledFn,
    ProgressFn,
    never_cancelled,
    no_progress,
)
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.services.audit import joined, phrase
from desktop.services.common import NOT_OWNER, ServiceError, not_owned
from desktop.services.import_match import Matcher
from desktop.services.import_rows import (
    CONVERTERS,
    FIELD_COLUMNS,
    MASKED,
    CellError,
    Label,
    build_lookups,
    masked,
)
from desktop.services.import_write import MODELS, write_plan
from desktop.services.register_sheets import english
from desktop.services.row_drafts import COLUMN_FIELDS, natural_key, same
from desktop.services.sheet_columns import KINDS, TITLES, importable

DUPLICATE_ROW = QT_TRANSLATE_NOOP(
    "Service", "Row {row} of this workbook is the same record with different values."
)
DISK_FULL = QT_TRANSLATE_NOOP(
    "Service",
    "The disk is full: nothing was imported. Free some space on the disk and import again.",
)
AMBIGUOUS = QT_TRANSLATE_NOOP(
    "Service",
    "Several records fit this row and differ from it: import a workbook exported by the "
    "program (its 系统编号 column tells them apart), or change the record in the program.",
)
CHECKS = {
    "deputies": checks.check_deputy,
    "duty-days": checks.check_duty_day,
    "visits": checks.check_visit,
    "feedback": checks.check_case,
    "activities": checks.check_activity,
}
NEW, UPDATED, UNCHANGED, REJECTED = "new", "updated", "unchanged", "rejected"


@dataclass(frozen=True, slots=True)
class RowProblem:
    """Why a row is rejected: the column's header as the workbook has it, and the refusal."""

    header: str
    cell_ref: str
    error: Exception  # carries message/context/args_map for translation


@dataclass(slots=True)
class PlannedRow:
    row_number: int
    action: str
    draft: Any = None
    target_id: uuid.UUID | None = None
    version: int | None = None
    case_number: str = ""
    problems: list[RowProblem] = field(default_factory=list)


@dataclass(slots=True)
class ImportPlan:
    kind: str
    path: Path
    sheet_name: str
    rows: list[PlannedRow]
    warnings: list[Any]
    ignored_headers: tuple[str, ...]

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def writes(self) -> int:
        return self.count(NEW) + self.count(UPDATED)


class _Judge:
    """One plan's verdicts, row by row: what each row is, and why a row is refused."""

    def __init__(
        self,
        kind: str,
        headers: dict[str, str],
        refs: dict[str, str],
        matcher: Matcher,
        today: dt.date,
    ) -> None:
        self.kind, self.headers, self._refs = kind, headers, refs
        self._matcher, self._today = matcher, today
        self._seen: dict[uuid.UUID | tuple, PlannedRow] = {}

    def problem(self, column: str, error: Exception) -> RowProblem:
        """A reason, under the column's header as the workbook writes it."""
        return RowProblem(self.headers.get(column, self._refs.get(column, column)), "", error)

    def decide(self, row: PlannedRow, draft: Any, values: dict[str, Any], present: set) -> None:
        """The row's action: new, updated, unchanged, or rejected with its reasons."""
        kind, matcher = self.kind, self._matcher
        fields = {f for c in present for f in COLUMN_FIELDS[kind].get(c, ())}
        options = []  # (stored record, stored draft, the row's draft over it)
        for record in matcher.candidates(values, draft):
            stored = matcher.stored(record)
            merged = dataclasses.replace(stored, **{f: getattr(draft, f) for f in fields})
            options.append((record, stored, merged))
        if len(options) > 1:  # two records fit: only an identical one may be chosen
            options = [o for o in options if same(o[1], self.checked(o[2]) or o[2])][:1]
            if not options:
                row.problems.append(self.problem("", ServiceError(AMBIGUOUS)))
                return
        target, stored, draft = options[0] if options else (None, None, draft)
        checked = self.checked(draft, row)
        if checked is None:
            return
        row.draft = checked
        row.case_number = str(values.get("case_number") or "").strip()
        identity = target.id if target is not None else natural_key(kind, checked, present)
        earlier = self._seen.get(identity)
        if earlier is not None:  # the same record twice in one workbook
            if same(earlier.draft, checked):
                row.action = UNCHANGED
            else:
                error = CellError("", DUPLICATE_ROW, row=str(earlier.row_number))
                row.problems.append(RowProblem("", "", error))
            return
        self._seen[identity] = row
        if target is None:
            row.action = NEW
            return
        matcher.used.add(target.id)
        row.target_id, row.version = target.id, target.version
        row.action = UNCHANGED if same(stored, checked) else UPDATED

    def checked(self, draft: Any, row: PlannedRow | None = None) -> Any:
        """The draft as the domain checks leave it; None (and the reasons on ``row``) if not."""
        try:
            return CHECKS[self.kind](draft, self._today)
        except DraftInvalid as exc:
            if row is not None:
                for name, error in exc.errors.items():
                    row.problems.append(self.problem(FIELD_COLUMNS.get(name, name), error))
            return None


class _Recording:
    """The database as an import's writer sees it: the same, but its write transaction records
    the import in the audit log last, so that the row commits or rolls back with the records."""

    def __init__(self, db: Any, record: Callable[[Session], None]) -> None:
        self._db, self._record = db, record
        self.recorded = False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._db, name)

    @contextlib.contextmanager
    def write(self, **options: Any) -> Iterator[Session]:
        with self._db.write(**options) as s:
            yield s
            self._record(s)
            self.recorded = True


class _Over:
    """The services with another database in front (``_Recording``)."""

    def __init__(self, services: Any, db: Any) -> None:
        self._s, self.db = services, db

    def __getattr__(self, name: str) -> Any:
        return getattr(self._s, name)


class ImportService:
    def __init__(self, services: Any, today: Callable[[], dt.date] = dt.date.today) -> None:
        self._s = services
        self._today = today

    def plan(
        self,
        kind: str,
        path: Path,
        label: Label = english,
        *,
        progress: ProgressFn = no_progress,
        is_cancelled: CancelledFn = never_cancelled,
    ) -> ImportPlan:
        from desktop.formats.xlsx_read import read_table  # openpyxl/calamine load on demand

        if kind in PROGRAMME_KINDS:
            from desktop.services.programme_import import ProgrammeImport

            return ProgrammeImport(self._s, self._today()).plan(kind, path, progress, is_cancelled)
        assert kind in KINDS, kind
        columns = importable(kind)
        table = read_table(
            path, columns, expect_template=kind, progress=progress, is_cancelled=is_cancelled
        )
        judge = _Judge(
            kind,
            dict(table.headers_found),
            {c.key: c.header for c in columns},
            Matcher(self._s, kind, table.rows, set(table.headers_found)),
            self._today(),
        )
        lookups = build_lookups(self._s, label)
        masked_cells = 0
        planned: list[PlannedRow] = []
        for n, read in enumerate(table.rows, 1):
            if n % 500 == 0:
                if is_cancelled():
                    raise Cancelled
                progress(n, len(table.rows), "")
            row = PlannedRow(read.row_number, REJECTED)
            planned.append(row)
            row.problems = [RowProblem(p.header, p.cell_ref, p) for p in read.problems]
            lookups.problems = []
            draft = CONVERTERS[kind](read.values, lookups)
            present = set(judge.headers)
            for key in ("phone", "id_number"):
                if key in present and masked(str(read.values.get(key) or "")):
                    present.discard(key)  # keep what is stored; a new record gets nothing
                    draft = dataclasses.replace(draft, **{key: ""})
                    masked_cells += 1
            row.problems += [judge.problem(e.column, e) for e in lookups.problems]
            if not row.problems:
                judge.decide(row, draft, read.values, present)
        if is_cancelled():
            raise Cancelled
        warnings = list(table.warnings)
        if masked_cells:  # one note, however many cells: they all mean the same
            warnings.append(ServiceError(MASKED, count=str(masked_cells)))
        self._refuse_others(kind, planned)
        return ImportPlan(kind, path, table.sheet_name, planned, warnings, table.ignored_headers)

    def _refuse_others(self, kind: str, planned: list[PlannedRow]) -> None:
        """A change to a record another site owns (the county's roster, say) is refused here,
        row by row, rather than failing the whole write at the end."""
        updates = {r.target_id: r for r in planned if r.action == UPDATED}
        if not updates:
            return
        foreign = not_owned(self._s.db, MODELS[kind], list(updates))
        for record_id in foreign:
            row = updates[record_id]
            row.action = REJECTED
            row.problems.append(RowProblem("", "", ServiceError(NOT_OWNER)))

    def apply(
        self,
        plan: ImportPlan,
        *,
        actor: str = "",
        progress: ProgressFn = no_progress,
        is_cancelled: CancelledFn = never_cancelled,
    ) -> dict[str, int]:
        """Write the plan's new and updated rows in one transaction. The window writes only a
        plan without rejected rows; the command line's --skip-rejected leaves them out. The
        import is in the audit log, in the same transaction (in its own if nothing changed)."""
        counts = {a: plan.count(a) for a in (NEW, UPDATED, UNCHANGED, REJECTED)}
        what = SPECS[plan.kind].title if plan.kind in PROGRAMME_KINDS else TITLES[plan.kind]
        detail = joined(what, *(phrase(f"{{{a}}} {a}", **{a: n}) for a, n in counts.items()))
        target = phrase("workbook {file}", file=Path(plan.path).name)
        db = _Recording(
            self._s.db,
            lambda s: self._s.audit.record(AuditAction.IMPORT, target, detail, session=s),
        )
        try:
            if plan.kind in PROGRAMME_KINDS:  # a handful of records: one save_many
                from desktop.services.programme_import import ProgrammeImport

                ProgrammeImport(self._s, self._today()).apply(plan, db)
            else:
                write_plan(
                    _Over(self._s, db), plan, actor=actor, progress=progress,
                    is_cancelled=is_cancelled,
                )  # fmt: skip
        except DatabaseRefused as exc:  # rolled back; the database is as it was
            if exc.message == STORE_FULL:  # said as an import: "nothing was imported"
                raise ServiceError(DISK_FULL) from exc
            raise
        if not db.recorded:  # nothing new nor changed: the import is still on record
            self._s.audit.record(AuditAction.IMPORT, target, detail)
        return counts
