"""One column spec per record kind, shared by Excel export, import, templates and ledgers.

Headers are the Chinese words of the county's own forms (paper and workbooks are read by
inspectors and clerks, whatever language the program's menus are in). ``synonyms`` are the other
headers stations' old workbooks use; import matches columns by header, never by position.
Columns whose key starts with ``out_`` are written on export and ignored on import: they are the
program's own results (counts, the handling of a case), not something a clerk types in.
"""

from __future__ import annotations

from desktop.domain.kinds import RECORD_KINDS
from desktop.domain.tables import CellKind, Column

KINDS = RECORD_KINDS
TEMPLATE_VERSION = 1
LIST_SEPARATOR = "、"  # between names in one cell: 张三、李四
YES, NO = "是", "否"
COUNTY_LEVEL, TOWNSHIP_LEVEL = "县级", "乡镇级"

T, LT, ID, D, N = (
    CellKind.TEXT,
    CellKind.LONG_TEXT,
    CellKind.IDENTIFIER,
    CellKind.DATE,
    CellKind.INTEGER,
)

_STATION = Column("station", "联络站", T, 12, ("站点", "联络站名称"), note="空白时为本站")
_NAMES = "多名代表用“、”分隔，须与代表名册中的姓名一致"
# The record's own id, last in every export: re-importing an export finds each row's record
# even when two records look alike on paper (two receptions on one day). Templates leave it out.
RECORD_ID = Column(
    "record_id", "系统编号", ID, 30, ("记录编号",), note="程序内部编号，请勿修改；新增的行留空"
)

DEPUTIES = (
    Column("name", "姓名", T, 6, ("代表姓名",), required=True),
    Column("gender", "性别", T, 4, note="男 / 女"),
    Column("ethnicity", "民族", T, 5),
    Column(
        "level",
        "代表层级",
        T,
        8,
        ("层级", "代表级别"),
        note=f"{COUNTY_LEVEL}、{TOWNSHIP_LEVEL}，两级代表填“{COUNTY_LEVEL}{LIST_SEPARATOR}"
        f"{TOWNSHIP_LEVEL}”",
    ),
    Column("constituency", "选区", T, 10, ("所在选区",)),
    Column("phone", "联系电话", ID, 12, ("电话", "手机", "手机号码", "联系方式")),
    Column("workplace", "工作单位", T, 14, ("单位", "工作单位及职务")),
    Column("occupation", "职业", T, 8, ("职务",)),
    Column("term", "届别", T, 6, ("届次",)),
    Column("household_sign", "代表户挂牌", T, 6, ("挂牌",), note=f"{YES} / {NO}"),
    Column("status", "状态", T, 6, ("履职状态",), note="在任、任期届满、辞职或罢免、去世"),
    Column("stations", "所属联络站", T, 14, ("联络站", "进站"), note="多个站用“、”分隔"),
    RECORD_ID,
)

DUTY_DAYS = (
    Column("day", "接待日期", D, 8, ("日期", "进站日期"), required=True),
    _STATION,
    Column("kind", "接待形式", T, 8, ("类型", "活动形式"), note="空白时为“日常接待”"),
    Column("deputies", "进站代表", T, 14, ("接待代表", "值班代表"), note=_NAMES),
    Column("people_received", "接待群众人数", N, 6, ("接待人数", "群众人数")),
    Column("out_opinions", "形成意见建议数", N, 6),
    Column("summary", "接待情况", LT, 30, ("主要内容", "情况记录", "备注")),
    RECORD_ID,
)

VISITS = (
    Column("day", "走访日期", D, 8, ("日期",), required=True),
    _STATION,
    Column("kind", "走访类型", T, 10, ("类型",), note="空白时为“代表走访群众”"),
    Column("visitors", "走访代表", T, 12, ("参加代表",), note=_NAMES),
    Column("other_visitors", "其他参加人员", T, 10, ("其他人员",)),
    Column("visited_deputies", "被走访代表", T, 10, note=_NAMES),
    Column("visited_people", "走访对象", T, 14, ("走访群众",)),
    Column("people_count", "走访人数", N, 6, ("人数",)),
    Column("out_opinions", "收集意见建议数", N, 6),
    Column("summary", "走访情况", LT, 28, ("主要内容", "情况记录", "备注")),
    RECORD_ID,
)

FEEDBACK = (
    Column("case_number", "编号", ID, 11, ("案件编号", "登记编号"), note="空白时自动编号"),
    Column("received_date", "受理日期", D, 8, ("日期", "登记日期", "反映日期"), required=True),
    _STATION,
    Column("channel", "反映渠道", T, 7, ("渠道", "来源"), note="空白时为“来站反映”"),
    Column("anonymous", "匿名", T, 4, note=f"{YES} / {NO}"),
    Column("person_name", "反映人", T, 6, ("姓名", "群众姓名", "反映人姓名")),
    Column("phone", "联系电话", ID, 11, ("电话", "手机", "联系方式")),
    Column("id_number", "身份证号", ID, 16, ("身份证号码", "公民身份号码")),
    Column("village", "所在村（社区）", T, 9, ("村（社区）", "所在村", "村居", "地址")),
    Column("category", "问题类别", T, 7, ("类别", "分类")),
    Column("content", "反映内容", LT, 36, ("意见建议内容", "主要内容", "意见建议"), required=True),
    Column("deputies", "接待代表", T, 10, ("代表",), note=_NAMES),
    Column("out_state", "办理状态", T, 6),
    Column("out_department", "承办单位", T, 12),
    Column("out_referred_on", "交办日期", D, 8),
    Column("out_deadline", "办理时限", D, 8),
    Column("out_replied_on", "答复日期", D, 8),
    Column("out_outcome", "办理结果", T, 8),
    Column("out_reply_text", "答复内容", LT, 24),
    Column("out_answered_on", "反馈日期", D, 8),
    Column("out_satisfaction", "满意度", T, 6),
    RECORD_ID,
)

ACTIVITIES = (
    Column("day", "活动日期", D, 8, ("日期",), required=True),
    Column("kind", "活动类型", T, 10, ("类型", "履职类型"), required=True),
    Column("title", "活动名称", T, 16, ("名称", "活动主题", "主题")),
    Column("location", "地点", T, 10, ("活动地点",)),
    _STATION,
    Column(
        "participants",
        "参加代表",
        T,
        18,
        ("代表", "参加人员"),
        note=_NAMES + "；请假写作“李四（请假）”，无故缺席写作“王五（无故缺席）”",
    ),
    Column("summary", "活动情况", LT, 28, ("主要内容", "情况记录", "备注")),
    RECORD_ID,
)

COLUMNS: dict[str, tuple[Column, ...]] = {
    "deputies": DEPUTIES,
    "duty-days": DUTY_DAYS,
    "visits": VISITS,
    "feedback": FEEDBACK,
    "activities": ACTIVITIES,
}

TITLES = {
    "deputies": "代表名册",
    "duty-days": "进站接待登记",
    "visits": "走访登记",
    "feedback": "意见建议登记",
    "activities": "代表履职活动登记",
}


def importable(kind: str) -> tuple[Column, ...]:
    """The columns a clerk fills in (a template has only these)."""
    return tuple(c for c in COLUMNS[kind] if not c.key.startswith("out_"))


def template_lines(kind: str) -> list[str]:
    """The instructions sheet of a template."""
    return [
        f"本模板用于向联络站工作台导入“{TITLES[kind]}”。",
        "第一行为列名，请勿修改列名；列的顺序可以调整，多余的列会被忽略。",
        "带 * 的列为必填；日期写作 2025-03-05 或 2025年3月5日；电话、身份证号请按文本填写。",
        "同一工作簿重复导入不会产生重复记录：已有记录按内容比对，相同的保持不变。",
        "请勿在单元格中使用公式或合并单元格。",
    ]
