"""The record kinds a workbook imports and exports, and the ledgers printed (command-line words).

Plain tuples in a module of their own: the command line's parser needs them before the window
paints, and the table types in tables.py cost a few milliseconds to create.
"""

RECORD_KINDS = ("deputies", "duty-days", "visits", "feedback", "activities")  # the registers
# The programmes' kinds a county brings in from its own workbooks and prints as ledgers
# (programme_specs.SPECS holds every programme kind; these five have paper and workbooks).
PROGRAMME_KINDS = ("projects", "fund-projects", "drafts", "training", "legal-events")
IMPORT_KINDS = RECORD_KINDS + PROGRAMME_KINDS  # `template` and `import-xlsx`
LEDGER_KINDS = (
    "duty-days",
    "visits",
    "feedback",
    "activities",
    "points",
    "sign-in",
    *PROGRAMME_KINDS,
)
# The monthly registers a station must print (the county rates them, ledger_log.py): a month or
# the year; points and sign-in: never a month.
MONTHLY_LEDGER_KINDS = LEDGER_KINDS[:4]
# Every ledger that may be printed for one month (the programmes kept by the day).
BY_MONTH_KINDS = (*MONTHLY_LEDGER_KINDS, "training", "legal-events")
PEOPLE_ORDERS = ("strokes", "pinyin", "rank")  # 按姓氏笔画 (default), by pinyin, by points rank
