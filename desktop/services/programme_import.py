"""Importing a programme workbook (projects, fund projects, drafts and their comments, training,
legal-service events): read and check every row, plan, then write all of it in one transaction.

Rows are matched to what is recorded by what names them on paper: a project or fund project
by year and title, a draft by its title, a comment by its draft, article and words, a training
batch by day and topic, a legal event by day, station, kind and topic; so importing the same
workbook twice changes nothing. Columns a workbook lacks keep their stored values; in a drafts
workbook, a blank draft cell keeps the draft's value too (the rows are comments, the draft's
cells are often filled in once). The plan is importing.py's, so the window's preview and the
command line's report show it unchanged.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.domain.enums import SiteRole
from desktop.domain.errors import DraftInvalid
from desktop.domain.programme_checks import check_values
from desktop.domain.programme_fields import FieldType, KindSpec
from desktop.domain.programme_specs import SPECS
from desktop.domain.programmes import FUNDED_STAGES, FundStage, VoteKind, check_fund
from desktop.domain.tables import Cancelled, CancelledFn, ProgressFn
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.services import programme_columns as pc
from desktop.services.common import NOT_OWNER, ServiceError
from desktop.services.importing import (
    DUPLICATE_ROW,
    NEW,
    REJECTED,
    UNCHANGED,
    UPDATED,
    ImportPlan,
    PlannedRow,
    RowProblem,
)
from desktop.services.programme_import_rows import RowWords, blank
from desktop.services.programme_votes import decided_stage
from desktop.services.programmes import COUNTY_ONLY, ProgrammeRow, ProgrammeService, Saving

UNKNOWN_DRAFT = QT_TRANSLATE_NOOP(
    "Service",
    "There is no draft called {name}: the county office records the drafts sent for comment, "
    "and they reach the stations in its bundles.",
)
SEVERAL = QT_TRANSLATE_NOOP(
    "Service",
    "Several records fit this row and differ from it: change them in the program instead.",
)
# A record kind's natural key: what names one record on paper.
KEYS = {
    "projects": ("year", "title"),
    "fund-projects": ("year", "title"),
    "drafts": ("title",),
    "draft-comments": ("draft_id", "article", "content"),
    "training": ("day", "topic"),
    "legal-events": ("day", "station_id", "kind", "topic"),
    "project-votes": ("project_id", "kind"),
}
ORDER = {NEW: 2, UPDATED: 1, UNCHANGED: 0}


def _key(kind: str, values: dict[str, Any]) -> tuple:
    return tuple(
        v.strip() if isinstance(v, str) else v for v in (values.get(k) for k in KEYS[kind])
    )


def same(spec: KindSpec, clean: dict[str, Any], stored: Any) -> bool:
    for f in spec.editable:
        a, b = clean.get(f.key), stored.get(f.key)
        if f.type is FieldType.REFS:
            a, b = frozenset(a or ()), frozenset(b or ())
        if a != b:
            return False
    return True


@dataclass(slots=True)
class Decision:
    """What one row does to one record: the action, the write, the values as checked."""

    kind: str
    key: tuple
    action: str
    record_id: uuid.UUID
    clean: dict[str, Any]
    saving: Saving | None = None


@dataclass(slots=True)
class RowWrites:
    """A planned row's writes, in order (a draft before its comment, a project before its
    votes)."""

    decisions: list[Decision] = field(default_factory=list)

    @property
    def action(self) -> str:
        return max((d.action for d in self.decisions), key=ORDER.__getitem__, default=UNCHANGED)


class _Records:
    """One kind's stored records by natural key, and the ones this workbook already named."""

    def __init__(self, kind: str, stored: list[ProgrammeRow], today: dt.date) -> None:
        self.spec, self.today = SPECS[kind], today
        self.stored: dict[tuple, list[ProgrammeRow]] = defaultdict(list)
        for row in stored:
            self.stored[_key(kind, dict(row.values))].append(row)
        self.seen: dict[tuple, tuple[int, Decision]] = {}

    def decide(self, row: PlannedRow, given: dict[str, Any], problem: Callable,
               adjust: Callable[[dict], None] | None = None) -> Decision | None:  # fmt: skip
        """The record the row names, checked; None (and the reasons on ``row``) if refused."""
        kind, spec = self.spec.kind, self.spec
        key = _key(kind, given)
        if key in self.seen:  # named by an earlier row of this workbook
            number, earlier = self.seen[key]
            clean = self._check(row, {**earlier.clean, **given}, problem, adjust)
            if clean is not None and not same(spec, clean, earlier.clean):
                row.problems.append(problem("", ServiceError(DUPLICATE_ROW, row=str(number))))
            elif clean is not None:
                return Decision(kind, key, UNCHANGED, earlier.record_id, clean)
            return None
        options = self.stored.get(key, [])
        target = options[0] if options else None
        if target is not None:
            given = {**{f.key: target.values.get(f.key) for f in spec.editable}, **given}
        clean = self._check(row, given, problem, adjust)
        if clean is None:
            return None
        if len(options) > 1:  # namesakes: only an identical one may be chosen
            target = next((o for o in options if same(spec, clean, o.values)), None)
            if target is None:
                row.problems.append(problem("", ServiceError(SEVERAL)))
                return None
        if target is None:
            new_id = uuid.uuid4()
            return Decision(kind, key, NEW, new_id, clean, Saving(kind, clean, new_id=new_id))
        if same(spec, clean, target.values):
            return Decision(kind, key, UNCHANGED, target.id, clean)
        if not target.mine:
            row.problems.append(problem("", ServiceError(NOT_OWNER)))
            return None
        saving = Saving(kind, clean, target.id, target.version)
        return Decision(kind, key, UPDATED, target.id, clean, saving)

    def remember(self, row: PlannedRow, decision: Decision) -> None:
        self.seen.setdefault(decision.key, (row.row_number, decision))

    def _check(self, row: PlannedRow, values: dict, problem: Callable,
               adjust: Callable[[dict], None] | None) -> dict | None:  # fmt: skip
        try:
            clean = check_values(self.spec, values, self.today)
        except DraftInvalid as exc:
            row.problems += [problem(name, error) for name, error in exc.errors.items()]
            return None
        if adjust is not None:
            adjust(clean)
        return clean


class ProgrammeImport:
    def __init__(self, services: Any, today: dt.date) -> None:
        self._s, self._today = services, today
        site = services.site.current()
        self._county = site is not None and site.role == SiteRole.COUNTY

    def plan(self, kind: str, path: Path, progress: ProgressFn, is_cancelled: CancelledFn):
        from desktop.formats.xlsx_read import read_table  # openpyxl/calamine load on demand

        spec = SPECS[kind]
        if spec.county_only and kind != "drafts" and not self._county:
            raise ServiceError(COUNTY_ONLY, what=spec.label)
        columns = pc.columns(kind)
        table = read_table(
            path, columns, expect_template=kind, progress=progress, is_cancelled=is_cancelled
        )
        headers = {c.key: c.header for c in columns} | dict(table.headers_found)
        self.words = RowWords(self._s)
        records = {k: self._records(k) for k in self._kinds(kind)}
        self._fund_adjust: dict[int, int] = defaultdict(int)
        planned: list[PlannedRow] = []
        for n, read in enumerate(table.rows, 1):
            if n % 200 == 0:
                if is_cancelled():
                    raise Cancelled
                progress(n, len(table.rows), "")
            row = PlannedRow(read.row_number, REJECTED)
            planned.append(row)
            row.problems = [RowProblem(p.header, p.cell_ref, p) for p in read.problems]
            if row.problems:  # the reader's own: a cell of the wrong type, a blank required one
                continue

            def problem(key: str, error: Exception, prefix: str = "") -> RowProblem:
                column = _COLUMN_OF.get(prefix, {}).get(key, prefix + key) if key else ""
                return RowProblem(headers.get(column, ""), "", error)

            self.words.problems = []
            writes = self._row(kind, read.values, row, records, problem)
            row.problems = [*row.problems,
                            *(problem(e.column, e) for e in self.words.problems)]  # fmt: skip
            if row.problems or writes is None:
                row.action = REJECTED
                continue
            row.draft, row.action = writes, writes.action
            for d in writes.decisions:
                records[d.kind].remember(row, d)
            first = writes.decisions[0]
            if first.action != NEW:
                row.target_id = first.record_id
        if is_cancelled():
            raise Cancelled
        return ImportPlan(kind, path, table.sheet_name, planned, list(table.warnings),
                          table.ignored_headers)  # fmt: skip

    def apply(self, plan: ImportPlan, db: Any = None) -> None:
        """Write the plan in one transaction, through ``db`` if given (an import's, which
        records it in the audit log within that transaction)."""
        items = [
            d.saving
            for r in plan.rows
            if r.action in (NEW, UPDATED)
            for d in r.draft.decisions
            if d.saving is not None
        ]
        if not items:
            return
        service = self._s.programmes
        if db is not None:
            service = ProgrammeService(db, lambda: self._today)
        try:
            service.save_many(items)
        except DraftInvalid as exc:  # checked when planned: the database changed since
            first = next(iter(exc.errors.values()))
            refusal = ServiceError(first.message, **first.args_map)
            refusal.context = first.context
            raise refusal from exc

    # --- internals --------------------------------------------------------------------------

    @staticmethod
    def _kinds(kind: str) -> tuple[str, ...]:
        return {"projects": ("projects", "project-votes"),
                "drafts": ("drafts", "draft-comments")}.get(kind, (kind,))  # fmt: skip

    def _records(self, kind: str) -> _Records:
        return _Records(kind, self._s.programmes.rows(kind), self._today)

    def _given(self, kind: str, values: dict[str, Any], keep_blank: bool = True) -> dict:
        """The row's values of a kind's own fields, for the columns the workbook has."""
        out: dict[str, Any] = {}
        for f in SPECS[kind].editable:
            if f.key not in values or (not keep_blank and blank(values[f.key])):
                if f.key == "station_id" and self.words.home is not None:
                    out[f.key] = self.words.home  # the station's own, whatever the workbook
                continue
            out[f.key] = self.words.value(f.key, f, values[f.key])
        return out

    def _row(self, kind: str, values: dict, row: PlannedRow, records: dict, problem: Callable):
        if kind == "projects":
            return self._project(values, row, records, problem)
        if kind == "drafts":
            return self._draft(values, row, records, problem)
        given = self._given(kind, values)
        if self.words.problems:
            return None
        decision = records[kind].decide(row, given, problem)
        if decision is None:
            return None
        if kind == "fund-projects" and not self._fund_fits(decision, records[kind], row, problem):
            return None
        return RowWrites([decision])

    def _fund_fits(self, d: Decision, records: _Records, row: PlannedRow, problem) -> bool:
        """The special fund's cap and year total, counting the workbook's earlier rows."""
        clean, year = d.clean, d.clean["year"]
        stored = next((r for rs in records.stored.values() for r in rs if r.id == d.record_id),
                      None)  # fmt: skip
        before = 0
        if stored is not None and FundStage(stored.values["stage"]) in FUNDED_STAGES:
            before = stored.values["approved_fen"] if stored.values["year"] == year else 0
        now = clean["approved_fen"] if FundStage(clean["stage"]) in FUNDED_STAGES else 0
        if now and d.action != UNCHANGED:
            programmes = self._s.programmes
            others = programmes.fund_used(year, leaving_out=d.record_id)
            others += self._fund_adjust[year]
            errors = check_fund(programmes.fund_limits(year), clean["requested_fen"], now, others)
            if errors:
                row.problems += [problem(k, e) for k, e in errors.items()]
                return False
        self._fund_adjust[year] += now - before
        return True

    def _project(self, values: dict, row: PlannedRow, records: dict, problem: Callable):
        given = self._given("projects", values)
        votes: list[dict[str, Any]] = []
        for prefix, (vote_kind, keys) in pc.VOTES.items():
            cells = {name: values.get(key) for key, (name, _h) in keys.items()}
            if all(blank(c) for c in cells.values()):
                continue
            vote = {k: (c if c is not None or k == "day" else 0) for k, c in cells.items()}
            vote.update(kind=vote_kind.value, year=given.get("year"), project_id=uuid.uuid4())
            try:
                votes.append(check_values(SPECS["project-votes"], vote, self._today))
            except DraftInvalid as exc:
                row.problems += [problem(k, e, prefix) for k, e in exc.errors.items()]
        if self.words.problems or row.problems:
            return None
        selection = next((v for v in votes if v["kind"] == VoteKind.SELECTION.value), None)

        def decided(clean: dict) -> None:
            if selection is not None:
                passed = selection["first"] * 2 > selection["present"]
                clean["stage"] = decided_stage(clean["stage"], passed)

        project = records["projects"].decide(row, given, problem, decided)
        if project is None:
            return None
        writes = RowWrites([project])
        for vote in votes:
            vote["project_id"] = project.record_id
            vote["year"] = project.clean["year"]
            prefix = "vote" if vote["kind"] == VoteKind.SELECTION.value else "rating"
            d = records["project-votes"].decide(row, vote, lambda k, e, p=prefix: problem(k, e, p))
            if d is None:
                return None
            writes.decisions.append(d)
        return writes

    def _draft(self, values: dict, row: PlannedRow, records: dict, problem: Callable):
        given = self._given("drafts", values, keep_blank=False)
        comment: dict[str, Any] | None = None
        if not blank(values.get("c_content")):
            spec = SPECS["draft-comments"]
            comment = {}
            for key, name in pc.COMMENT.items():
                f = spec.field(name)
                if key in values:
                    comment[name] = self.words.value(key, f, values[key])
                elif name == "station_id":
                    comment[name] = self.words.home
        if self.words.problems:
            return None
        drafts: _Records = records["drafts"]
        key = _key("drafts", given)
        if not self._county and key not in drafts.stored and key not in drafts.seen:
            error = ServiceError(UNKNOWN_DRAFT, name=str(given.get("title") or ""))
            row.problems.append(problem("title", error))
            return None
        draft = drafts.decide(row, given, problem)
        if draft is None:
            return None
        writes = RowWrites([draft])
        if comment is not None:
            comment["draft_id"] = draft.record_id
            comment["received_on"] = comment.get("received_on") or draft.clean["received_on"]
            d = records["draft-comments"].decide(
                row, comment, lambda k, e: problem(k, e, "comment")
            )
            if d is None:
                return None
            writes.decisions.append(d)
        return writes


# A refusal's field, as the column the workbook shows it under (by the row part it is about).
_COLUMN_OF = {
    "vote": {name: key for key, (name, _h) in pc.SELECTION.items()},
    "rating": {name: key for key, (name, _h) in pc.RATING.items()},
    "comment": {name: key for key, name in pc.COMMENT.items()},
}
