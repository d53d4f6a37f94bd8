"""Reference data shipped with the program, with fixed UUIDs so that every site names it alike."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

# Never change: every shipped record's id is uuid5(this namespace, "<kind>:<code>").
SHIPPED_NAMESPACE = uuid.UUID("6f1c2a52-8d1e-5b7a-9a51-3c0d6e4b2f10")


def shipped_id(kind: str, code: str) -> uuid.UUID:
    return uuid.uuid5(SHIPPED_NAMESPACE, f"{kind}:{code}")


@dataclass(frozen=True, slots=True)
class ShippedItem:
    code: str
    name: str  # data, not interface text: the county's own Chinese names, editable later
    unit: str = ""


FEEDBACK_CATEGORIES: tuple[ShippedItem, ...] = (
    ShippedItem("infrastructure", "道路交通与基础设施"),
    ShippedItem("agriculture", "农业农村与产业发展"),
    ShippedItem("education", "教育"),
    ShippedItem("health", "医疗卫生"),
    ShippedItem("social_security", "社会保障与就业"),
    ShippedItem("environment", "生态环境"),
    ShippedItem("public_safety", "社会治安与矛盾纠纷"),
    ShippedItem("housing", "住房与城乡建设"),
    ShippedItem("water_power", "饮水用电与通信"),
    ShippedItem("governance", "政务服务与作风"),
    ShippedItem("other", "其他"),
)

ACTIVITY_KINDS: tuple[ShippedItem, ...] = (
    ShippedItem("congress_session", "出席人民代表大会会议", "half_day"),
    ShippedItem("standing_committee", "列席常委会会议", "time"),
    ShippedItem("deliberation", "审议发言", "time"),
    ShippedItem("inspection", "视察调研", "time"),
    ShippedItem("law_enforcement_check", "执法检查", "time"),
    ShippedItem("suggestion", "提出议案建议", "item"),
    ShippedItem("training", "参加培训", "time"),
    ShippedItem("court_hearing", "旁听庭审", "time"),
    ShippedItem("legislative_consultation", "立法意见征集", "time"),
    ShippedItem("constituent_contact", "联系选民", "time"),
)

CATEGORY = "feedback_category"
ACTIVITY_KIND = "activity_kind"
