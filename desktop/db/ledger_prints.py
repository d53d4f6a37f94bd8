"""The log of ledgers printed (台账打印记录): a travelling table, in a module of its own because
models.py is at its size limit; models.py imports it, so every reader of the tables has it."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.db.base import Base, Tracked


class LedgerPrint(Tracked, Base):
    """A ledger printed, or saved as PDF or workbook: the county's station star rating asks,
    per station and month, whether the monthly ledgers were printed. A station's own travel to
    the county in its bundles."""

    __tablename__ = "ledger_prints"
    __table_args__ = (Index("ix_ledger_prints_year_station", "year", "station_id"),)
    station_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("stations.id"))  # None: all
    kind: Mapped[str] = mapped_column(String(20))  # a LEDGER_KINDS word: "duty-days"...
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer, default=0)  # 1-12; 0: the whole year
    printed_on: Mapped[dt.date] = mapped_column(Date)  # the local day
    output: Mapped[str] = mapped_column(String(8))  # "print" | "pdf" | "xlsx"
    rows: Mapped[int] = mapped_column(Integer, default=0)
