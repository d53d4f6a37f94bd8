"""The demo county's reporting history: every station enrolled, its monthly bundles received (most
on time, some late or missing, a few stations gone silent) and its monthly ledgers printed, so
that the 报送完整性 page and the annual report have something true to the demo to show."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import Any

from sqlalchemy import select

from desktop.db import models as m
from desktop.db.bookkeeping import BundleReceived
from desktop.db.ledger_prints import LedgerPrint
from desktop.domain.figures import month_end
from desktop.services.demo_names import local_time

# Share of stations by habit: sends every month on time / sometimes late or not at all / has
# gone silent for the last months.
HABITS = (("diligent", 70), ("patchy", 22), ("silent", 8))
LEDGER_KINDS = ("duty-days", "feedback")


def _months(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    out, (y, mo) = [], (first.year, first.month)
    while (y, mo) <= (last.year, last.month):
        out.append((y, mo))
        y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
    return out


def add_reporting(g: Any) -> None:
    """Queue the rows on the demo's ``g`` (desktop/services/demo.py ``_Demo``): one enrolled
    site per station, with public keys of its own (its private keys are nowhere: the demo's
    stations never send real bundles)."""
    # Only the demo's county makes keys here: real ones come in enrollment files.
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    rng = random.Random(f"demo reporting {g.rng.random()}")  # the demo's seed decides it all
    stations = g.s.execute(
        select(m.Station.id, m.Station.code, m.Station.name, m.Station.township_id).order_by(
            m.Station.code
        )
    ).all()
    towns = dict(g.s.execute(select(m.Township.id, m.Township.name)).all())
    habits = [h for h, weight in HABITS for _ in range(weight)]
    for station_id, code, name, township_id in stations:
        site_id = g.new_id()
        sign = Ed25519PrivateKey.from_private_bytes(rng.randbytes(32)).public_key()
        box = X25519PrivateKey.from_private_bytes(rng.randbytes(32)).public_key()
        enrolled = g.start + dt.timedelta(days=rng.randint(0, 45))
        g.rows["site_enrolments"].append(
            {
                "site_id": site_id, "role": "station", "code": code, "name": name,
                "township_name": towns.get(township_id, ""), "station_id": station_id,
                "township_id": township_id, "sign_public": sign.public_bytes_raw(),
                "box_public": box.public_bytes_raw(),
                "key_generation": 1, "revoked": False, "enrolled_at": local_time(enrolled, 600),
            }
        )  # fmt: skip
        # The station's site row, as its first bundle would have brought it.
        g.add(m.Site, local_time(enrolled, 600), id=site_id, role="station", code=code,
              name=name, township_id=township_id, station_id=station_id,
              created_site_id=site_id, owner_site_id=site_id)  # fmt: skip
        _history(g, rng, rng.choice(habits), site_id, station_id, enrolled)


def _history(
    g: Any,
    rng: random.Random,
    habit: str,
    site_id: uuid.UUID,
    station_id: uuid.UUID,
    enrolled: dt.date,
) -> None:
    epoch, seq, previous = g.new_id(), 0, ""
    months = _months(enrolled, g.as_of)
    quiet_from = len(months) - rng.randint(2, 4) if habit == "silent" else len(months)
    for i, (y, mo) in enumerate(months):
        end = month_end(y, mo)
        written = end - dt.timedelta(days=rng.randint(0, 3))
        roll = rng.random()
        if i >= quiet_from or (habit == "patchy" and roll < 0.15):
            continue
        delay = rng.randint(12, 40) if habit == "patchy" and roll < 0.4 else rng.randint(1, 9)
        imported = written + dt.timedelta(days=delay)
        if written < enrolled or imported > g.as_of:
            continue
        seq += 1
        digest = f"{rng.getrandbits(256):064x}"
        g.rows[BundleReceived.__tablename__].append(
            {
                "bundle_id": g.new_id(), "sender_id": site_id, "epoch": epoch, "seq": seq,
                "previous": previous, "file_sha256": digest, "counts": "{}",
                "reference_version": 0, "written_at": f"{written.isoformat()}T17:30:00+08:00",
                "imported_at": local_time(imported, 9 * 60 + rng.randint(0, 480)),
            }
        )  # fmt: skip
        previous = digest
        if habit != "silent" or i < quiet_from:
            _ledgers(g, rng, habit, site_id, station_id, y, mo, end)


def _ledgers(
    g: Any,
    rng: random.Random,
    habit: str,
    site_id: uuid.UUID,
    station_id: uuid.UUID,
    y: int,
    mo: int,
    end: dt.date,
) -> None:
    """The month's ledgers printed at the station in the first days of the next month."""
    if habit == "patchy" and rng.random() < 0.3:
        return
    printed = end + dt.timedelta(days=rng.randint(1, 6))
    if printed > g.as_of:
        return
    for kind in LEDGER_KINDS:
        g.add(LedgerPrint, local_time(printed, 10 * 60), station_id=station_id, kind=kind,
              year=y, month=mo, printed_on=printed, output="print", rows=rng.randint(3, 40),
              created_site_id=site_id, owner_site_id=site_id)  # fmt: skip
