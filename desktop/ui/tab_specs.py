"""The main window's tabs: where each is built from, and where a figure's records are listed."""

from __future__ import annotations

from desktop.domain.tr import QT_TRANSLATE_NOOP

# The tabs, built when first shown: the visible one right after the window's first paint, the
# others when chosen (each costs tens of milliseconds of imports and widgets on an old PC).
TAB_SPECS = (
    ("deputies_tab", "desktop.ui.tabs.deputies", "DeputiesTab",
     QT_TRANSLATE_NOOP("MainWindow", "Deputies")),
    ("duty_tab", "desktop.ui.tabs.duty", "DutyTab",
     QT_TRANSLATE_NOOP("MainWindow", "Duty days and visits")),
    ("feedback_tab", "desktop.ui.tabs.feedback", "FeedbackTab",
     QT_TRANSLATE_NOOP("MainWindow", "Feedback")),
    ("activities_tab", "desktop.ui.tabs.activities", "ActivitiesTab",
     QT_TRANSLATE_NOOP("MainWindow", "Deputy activity")),
    ("programmes_tab", "desktop.ui.tabs.programmes", "ProgrammesTab",
     QT_TRANSLATE_NOOP("MainWindow", "Projects and programmes")),
    ("points_tab", "desktop.ui.tabs.points", "PointsTab",
     QT_TRANSLATE_NOOP("MainWindow", "Points register")),
    ("bundles_tab", "desktop.ui.tabs.bundles", "BundlesTab",
     QT_TRANSLATE_NOOP("MainWindow", "Bundles")),
    ("dashboard_tab", "desktop.ui.tabs.dashboard", "DashboardTab",
     QT_TRANSLATE_NOOP("MainWindow", "Overview")),
)  # fmt: skip
# Where a dashboard figure's records are listed (Drill.register): a tab, and a page inside it.
REGISTER_TABS = {
    "duty_days": ("duty_tab", "duty_days"),
    "visits": ("duty_tab", "visits"),
    "feedback": ("feedback_tab", ""),
    "activities": ("activities_tab", ""),
    "points": ("points_tab", ""),
}
