"""The dashboard's points bands by plain SQL: every deputy's year under the example rules in one
query over every feed the rules count (activities, duty days, visits, cases taken, training
attendance), each item capped, settled disputes added after the cap, then counted per band.

The points register benchmark's query (benchmarks/points.py) counts activities only, since its
database holds nothing else; the demo the dashboard is measured on holds every feed."""

from __future__ import annotations

import sqlite3
from collections import Counter
from decimal import Decimal

from benchmarks.points import _literal

# Non-activity feeds are matched by these names, never by an activity kind's code.
SOURCE_KIND = "source:{0}"

FACTS = """
facts(deputy_id, kind, attendance, quantity, day) AS (
  SELECT ap.deputy_id, k.code, ap.attendance, ap.quantity, a.day
  FROM activity_participants AS ap
    JOIN activities AS a ON a.id = ap.activity_id
    JOIN activity_kinds AS k ON k.id = a.kind_id
  WHERE ap.deleted = 0 AND a.deleted = 0 AND a.day BETWEEN :first AND :last
  UNION ALL
  SELECT x.deputy_id, 'source:duty_day', 'present', 1, d.day
  FROM duty_day_deputies AS x JOIN duty_days AS d ON d.id = x.duty_day_id
  WHERE x.deleted = 0 AND d.deleted = 0 AND d.day BETWEEN :first AND :last
  UNION ALL
  SELECT p.deputy_id, 'source:visit', 'present', 1, v.day
  FROM visit_people AS p JOIN visits AS v ON v.id = p.visit_id
  WHERE p.role = 'visitor' AND p.deleted = 0 AND v.deleted = 0
    AND v.day BETWEEN :first AND :last
  UNION ALL
  SELECT cd.deputy_id, 'source:case_taken', 'present', 1, c.received_date
  FROM case_deputies AS cd JOIN feedback_cases AS c ON c.id = cd.case_id
  WHERE cd.deleted = 0 AND c.deleted = 0 AND c.received_date BETWEEN :first AND :last
  UNION ALL
  SELECT t.deputy_id, 'training', t.attendance, 1, b.day
  FROM training_attendance AS t JOIN training_batches AS b ON b.id = t.batch_id
  WHERE t.deleted = 0 AND b.deleted = 0 AND b.day BETWEEN :first AND :last
)"""


def totals_sql(year: int) -> str:
    """Each deputy's total for ``year`` (deputies without points: 0)."""
    from desktop.domain.points import CreditSource, Scope, example_rule_set

    county, township = (example_rule_set(year, s) for s in (Scope.COUNTY, Scope.TOWNSHIP))
    assert county.items == township.items, "the example rules now differ by scope: update this"
    rules = [
        (
            i.code,
            i.activity_kind
            if i.source == CreditSource.ACTIVITY
            else SOURCE_KIND.format(CreditSource(i.source).value),
            i.attendance,
            i.points,
            i.per_unit,
            i.cap,
            i.period.value,
        )
        for i in county.items
    ]
    values = ",\n  ".join("(" + ", ".join(_literal(v) for v in r) + ")" for r in rules)
    return f"""
WITH rules(code, kind, attendance, points, per_unit, cap, period) AS (VALUES
  {values}
),{FACTS},
lines AS (
  SELECT f.deputy_id AS deputy_id, r.cap AS cap,
         SUM(r.points * CASE WHEN r.per_unit THEN f.quantity ELSE 1 END) AS raw
  FROM facts AS f JOIN rules AS r ON r.kind = f.kind AND r.attendance = f.attendance
  WHERE r.period = 'any' OR (r.period = 'session') = EXISTS (
      SELECT 1 FROM session_periods AS sp
      WHERE sp.deleted = 0 AND f.day BETWEEN sp.first_day AND sp.last_day)
  GROUP BY f.deputy_id, r.code
),
settled AS (
  SELECT deputy_id, SUM(CAST(delta AS NUMERIC)) AS delta FROM point_disputes
  WHERE deleted = 0 AND status = 'accepted' AND year = {int(year)}
  GROUP BY deputy_id
)
SELECT d.id,
       COALESCE((SELECT SUM(CASE WHEN l.cap IS NULL THEN l.raw
                                 WHEN l.raw < 0 THEN MAX(-l.cap, l.raw)
                                 ELSE MIN(l.cap, l.raw) END)
                 FROM lines AS l WHERE l.deputy_id = d.id), 0)
       + COALESCE((SELECT delta FROM settled WHERE settled.deputy_id = d.id), 0)
FROM deputies AS d
WHERE d.deleted = 0 AND d.roster_status != 'mapped'
"""


def bands(conn: sqlite3.Connection, year: int) -> dict[int, int]:
    """Deputies per band of POINT_BANDS (by its lower bound), from the query's totals."""
    from desktop.domain.figures import POINT_BANDS, point_band

    params = {"first": f"{year}-01-01", "last": f"{year}-12-31"}
    counts = Counter(
        point_band(Decimal(str(t))) for _d, t in conn.execute(totals_sql(year), params)
    )
    return {band: counts[band] for band in POINT_BANDS}
