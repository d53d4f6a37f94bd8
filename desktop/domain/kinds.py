"""The record kinds a workbook imports and exports, and the ledgers printed (command-line words).

Plain tuples in a module of their own: the command line's parser needs them before the window
paints, and the table types in tables.py cost a few milliseconds to create.
"""

RECORD_KINDS = ("deputies", "duty-days", "visits", "feedback", "activities")
LEDGER_KINDS = ("duty-days", "visits", "feedback", "activities", "points", "sign-in")
MONTHLY_LEDGER_KINDS = LEDGER_KINDS[:4]  # a month or the year; points and sign-in: never a month
PEOPLE_ORDERS = ("strokes", "pinyin", "rank")  # 按姓氏笔画 (default), by pinyin, by points rank
