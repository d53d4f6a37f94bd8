"""A station's records with the values that break spreadsheets: IDs ending in X, phones with
leading zeros, 18-digit numbers, text starting with = + - @, rare names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.domain.enums import Attendance, Channel, DutyKind, Gender, SiteRole, VisitKind
from desktop.domain.records import (
    ActivityDraft,
    CaseDraft,
    DeputyDraft,
    DutyDayDraft,
    ParticipantDraft,
    SiteDraft,
    VisitDraft,
)
from desktop.services import open_services

STATION = SiteDraft(SiteRole.STATION, "S01", "黄姚镇大田村代表联络站", "黄姚镇")
NAMES = ["张晓明", "王芳", "李建国", "丁一", "覃海燕"]
TRICKY = ['=HYPERLINK("http://x","点我")', "+1 路灯不亮", "-1 分", "@SUM(1)", "=1+1"]
FULL_PHONE = "13800138000"
ID_WITH_X = "45033219850101103X"


def open_station(path: Path, today: dt.date):
    services = open_services(path, today=lambda: today)
    if services.site.current() is None:
        services.site.initialise(STATION)
    return services


def fill(services, today: dt.date) -> dict[str, int]:
    """Records of every kind; returns how many of each were made."""
    station = services.site.current().station_id
    deputies = []
    for i, name in enumerate(NAMES):
        deputies.append(
            services.deputies.create(
                DeputyDraft(
                    name,
                    gender=Gender.FEMALE if i % 2 else Gender.MALE,
                    is_county_level=i == 0,
                    is_township_level=True,
                    phone=FULL_PHONE if i == 0 else f"0774-888{i:04d}",
                    workplace=TRICKY[i],
                    station_ids=(station,),
                )
            )
        )
    ids = [d.id for d in deputies]
    day = today - dt.timedelta(days=30)
    for i in range(3):
        services.duty_days.create(
            DutyDayDraft(
                station,
                day + dt.timedelta(days=7 * i),
                DutyKind.RECEPTION if i else DutyKind.THEMED,
                (ids[i], ids[i + 1]),
                people_received=5 + i,
                summary=TRICKY[i] + "\n第二行",
            )
        )
    services.visits.create(
        VisitDraft(
            station,
            day,
            VisitKind.DEPUTY_TO_CONSTITUENTS,
            (ids[0],),
            other_visitors="镇人大主席",
            visited_people="五保户 3 户",
            people_count=3,
            summary=TRICKY[3],
        )
    )
    category = services.reference.categories()[0].id
    for i in range(4):
        services.feedback.register(
            CaseDraft(
                station,
                day + dt.timedelta(days=i),
                Channel.PHONE if i % 2 else Channel.IN_PERSON,
                anonymous=i == 3,
                person_name=f"赵{'大小老二'[i]}山" if i != 3 else "",
                phone=FULL_PHONE if i == 0 else ("0571-88001234" if i == 1 else ""),
                id_number=ID_WITH_X if i == 0 else ("110101199003070011" if i == 1 else ""),
                village="大田村",
                category_id=category if i < 2 else None,
                content=TRICKY[i] + "，村道路灯坏了三盏。",
                deputy_ids=(ids[i],),
            )
        )
    kind = next(k for k in services.reference.activity_kinds() if k.code == "inspection")
    services.activities.create(
        ActivityDraft(
            kind.id,
            day,
            station,
            title="视察农村饮水工程",
            location="大田村",
            summary=TRICKY[4],
            participants=(
                ParticipantDraft(ids[0]),
                ParticipantDraft(ids[1], Attendance.EXCUSED),
                ParticipantDraft(ids[2], Attendance.UNEXCUSED, 2),
            ),
        )
    )
    return {"deputies": 5, "duty-days": 3, "visits": 1, "feedback": 4, "activities": 1}
