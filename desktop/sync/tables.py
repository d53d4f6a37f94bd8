"""Which tables travel in bundles, in the order a receiver applies them, and what each is
called on screen and in the command line's plan."""

from desktop.domain.tr import QT_TRANSLATE_NOOP

# In the order a receiver applies them: a record after those it points to.
TRAVELLING: tuple[str, ...] = (
    "townships", "stations", "sites", "departments", "feedback_categories", "activity_kinds",
    "deputies", "deputy_stations", "calendar_days", "calendar_years", "session_periods",
    "point_rule_sets", "point_period_events", "duty_days", "duty_day_deputies", "visits",
    "visit_people", "feedback_cases", "case_deputies", "case_events", "case_attachments",
    "activities", "activity_participants", "point_disputes", "ledger_prints",
    # The programmes (desktop/db/programmes.py).
    "livelihood_projects", "project_votes", "project_milestones", "project_supervisors",
    "fund_projects", "supervisions", "supervision_deputies", "law_drafts",
    "legislative_contacts", "draft_comments", "training_batches", "training_attendance",
    "legal_officers", "legal_officer_stations", "legal_events", "deputy_stories",
)  # fmt: skip

# What each table is called on screen and in the command line's plan (context "BundlePlan").
TABLE_LABELS: dict[str, str] = {
    "townships": QT_TRANSLATE_NOOP("BundlePlan", "townships"),
    "stations": QT_TRANSLATE_NOOP("BundlePlan", "stations"),
    "sites": QT_TRANSLATE_NOOP("BundlePlan", "sites"),
    "departments": QT_TRANSLATE_NOOP("BundlePlan", "departments"),
    "feedback_categories": QT_TRANSLATE_NOOP("BundlePlan", "feedback categories"),
    "activity_kinds": QT_TRANSLATE_NOOP("BundlePlan", "activity kinds"),
    "deputies": QT_TRANSLATE_NOOP("BundlePlan", "deputies"),
    "deputy_stations": QT_TRANSLATE_NOOP("BundlePlan", "deputies' stations"),
    "calendar_days": QT_TRANSLATE_NOOP("BundlePlan", "holidays and workdays"),
    "calendar_years": QT_TRANSLATE_NOOP("BundlePlan", "calendar years"),
    "session_periods": QT_TRANSLATE_NOOP("BundlePlan", "congress sessions"),
    "point_rule_sets": QT_TRANSLATE_NOOP("BundlePlan", "points rules"),
    "point_period_events": QT_TRANSLATE_NOOP("BundlePlan", "points years confirmed"),
    "duty_days": QT_TRANSLATE_NOOP("BundlePlan", "duty days"),
    "duty_day_deputies": QT_TRANSLATE_NOOP("BundlePlan", "deputies on duty"),
    "visits": QT_TRANSLATE_NOOP("BundlePlan", "visits"),
    "visit_people": QT_TRANSLATE_NOOP("BundlePlan", "deputies on visits"),
    "feedback_cases": QT_TRANSLATE_NOOP("BundlePlan", "feedback cases"),
    "case_deputies": QT_TRANSLATE_NOOP("BundlePlan", "deputies of cases"),
    "case_events": QT_TRANSLATE_NOOP("BundlePlan", "case steps"),
    "case_attachments": QT_TRANSLATE_NOOP("BundlePlan", "case attachments"),
    "activities": QT_TRANSLATE_NOOP("BundlePlan", "activities"),
    "activity_participants": QT_TRANSLATE_NOOP("BundlePlan", "activity participants"),
    "point_disputes": QT_TRANSLATE_NOOP("BundlePlan", "points disputes"),
    "ledger_prints": QT_TRANSLATE_NOOP("BundlePlan", "ledgers printed"),
    "livelihood_projects": QT_TRANSLATE_NOOP("BundlePlan", "livelihood projects"),
    "project_votes": QT_TRANSLATE_NOOP("BundlePlan", "project votes"),
    "project_milestones": QT_TRANSLATE_NOOP("BundlePlan", "project milestones"),
    "project_supervisors": QT_TRANSLATE_NOOP("BundlePlan", "projects' supervising deputies"),
    "fund_projects": QT_TRANSLATE_NOOP("BundlePlan", "special-fund projects"),
    "supervisions": QT_TRANSLATE_NOOP("BundlePlan", "supervision visits"),
    "supervision_deputies": QT_TRANSLATE_NOOP("BundlePlan", "deputies on supervision visits"),
    "law_drafts": QT_TRANSLATE_NOOP("BundlePlan", "draft laws"),
    "legislative_contacts": QT_TRANSLATE_NOOP("BundlePlan", "legislative contacts"),
    "draft_comments": QT_TRANSLATE_NOOP("BundlePlan", "comments on drafts"),
    "training_batches": QT_TRANSLATE_NOOP("BundlePlan", "training batches"),
    "training_attendance": QT_TRANSLATE_NOOP("BundlePlan", "training attendance"),
    "legal_officers": QT_TRANSLATE_NOOP("BundlePlan", "legal-service officers"),
    "legal_officer_stations": QT_TRANSLATE_NOOP("BundlePlan", "legal officers' stations"),
    "legal_events": QT_TRANSLATE_NOOP("BundlePlan", "legal-service events"),
    "deputy_stories": QT_TRANSLATE_NOOP("BundlePlan", "deputies' stories"),
}
assert set(TABLE_LABELS) == set(TRAVELLING)
