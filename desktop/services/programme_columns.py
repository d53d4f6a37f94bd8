"""The programmes' workbook columns and Chinese words: one column spec per importable kind, shared
by the template, the import and the ledger workbook.

A programme's columns come from its spec (``Field.header`` is the Chinese word of the county's
own workbooks). Choices are written and read as Chinese words kept here, not through the menus'
translation: the command line loads none, and paper is Chinese whatever the menus speak. A
projects workbook also carries the selection vote's and the year-end satisfaction vote's
tallies; a drafts workbook holds one row per comment, the draft's columns repeated.
"""

from __future__ import annotations

from desktop.domain import programme_fields as pf
from desktop.domain.enums import LabelledEnum
from desktop.domain.programme_fields import Field, FieldType
from desktop.domain.programme_specs import SPECS
from desktop.domain.programmes import (
    FundStage,
    LegalEventKind,
    LegalOutcome,
    ProjectStage,
    Satisfaction,
    TrainingLevel,
    VoteKind,
)
from desktop.domain.tables import CellKind, Column
from desktop.services.sheet_columns import LIST_SEPARATOR, NO, YES

TEMPLATE_VERSION = 1

# Member value -> the words a county's workbooks use for it; the first is what paper prints.
WORDS: dict[type[LabelledEnum], dict[str, tuple[str, ...]]] = {
    ProjectStage: {
        "proposed": ("候选", "候选项目", "入库"),
        "shortlisted": ("入围", "入围项目"),
        "chosen": ("票决通过", "当选", "已票决", "票决当选"),
        "not_chosen": ("未当选", "未通过", "落选"),
        "done": ("已完成", "完成", "已验收"),
    },
    FundStage: {
        "applied": ("申请", "已申请", "申报"),
        "verified": ("核实", "已核实", "审核通过"),
        "implementing": ("实施", "实施中", "正在实施"),
        "accepted": ("验收", "已验收", "验收通过"),
        "rejected": ("不予安排", "未安排", "不予支持"),
    },
    TrainingLevel: {
        "province": ("省级", "省"),
        "city": ("市级", "市"),
        "county": ("县级", "县"),
        "township": ("乡镇级", "乡镇", "镇级"),
    },
    LegalEventKind: {
        "talk": ("法治讲座", "讲座", "普法讲座"),
        "consultation": ("法律咨询", "咨询"),
        "mediation": ("矛盾调解", "调解", "纠纷调解"),
    },
    LegalOutcome: {
        "held": ("已开展", "开展"),
        "settled": ("调解成功", "成功"),
        "not_settled": ("调解未成功", "未成功", "调解不成功"),
        "referred": ("已转办", "转办"),
    },
    Satisfaction: {
        "satisfied": ("满意",),
        "basically_satisfied": ("基本满意",),
        "unsatisfied": ("不满意",),
    },
    VoteKind: {"selection": ("票决",), "satisfaction": ("满意度测评", "测评")},
}


def paper_word(cls: type[LabelledEnum], value: str) -> str:
    """The Chinese word printed for a stored value ("" for none)."""
    if not value:
        return ""
    words = WORDS.get(cls, {}).get(value)
    return words[0] if words else cls(value).label


def word_map(cls: type[LabelledEnum]) -> dict[str, str]:
    """Every accepted spelling (Chinese words, English label, stored value) -> stored value."""
    out: dict[str, str] = {}
    for member in cls:
        for word in (*WORDS.get(cls, {}).get(member.value, ()), member.label, member.value):
            out.setdefault(word.strip().casefold(), member.value)
    return out


def choices_text(cls: type[LabelledEnum]) -> str:
    return "、".join(paper_word(cls, m.value) for m in cls)


def _note(f: Field) -> str:
    if f.note:
        return f.note
    if f.type is FieldType.CHOICE and f.choices is not None:
        return choices_text(f.choices)
    if f.type is FieldType.BOOL:
        return f"{YES} / {NO}"
    if f.type is FieldType.MONEY:
        return "以元为单位，最多两位小数"
    return ""


def field_column(f: Field, key: str = "", header: str = "", required: bool | None = None) -> Column:
    """A spec field as a workbook column (a case by its number, names joined by 、)."""
    kind = f.cell_kind
    if f.type in (FieldType.REF, FieldType.REFS, FieldType.CHOICE, FieldType.BOOL):
        kind = CellKind.TEXT
    note = _note(f)
    if f.target == pf.STATION and f.type is FieldType.REF:  # a station's own, when blank
        required, note = False, note or "联络站导入时空白为本站"
    return Column(
        key or f.key,
        header or f.header,
        kind,
        f.width,
        f.synonyms,
        required=f.required if required is None else required,
        note=note,
    )


# The selection vote (票决) and the year-end satisfaction vote (测评) of a project: column key
# -> (the vote's field, header). Bracketed remarks do not count when headers are matched, so
# the satisfaction vote's headers differ by their words.
SELECTION = {
    "vote_day": ("day", "票决日期"),
    "vote_present": ("present", "出席代表"),
    "vote_issued": ("issued", "发出票数"),
    "vote_valid": ("valid", "有效票"),
    "vote_invalid": ("invalid", "无效票"),
    "vote_first": ("first", "赞成"),
    "vote_second": ("second", "反对"),
    "vote_abstain": ("abstain", "弃权"),
}
RATING = {
    "rating_day": ("day", "测评日期"),
    "rating_present": ("present", "测评出席代表"),
    "rating_issued": ("issued", "测评发出票数"),
    "rating_valid": ("valid", "测评有效票"),
    "rating_invalid": ("invalid", "测评无效票"),
    "rating_first": ("first", "满意"),
    "rating_second": ("second", "基本满意"),
    "rating_third": ("third", "不满意"),
    "rating_abstain": ("abstain", "测评弃权"),
}
VOTES = {"vote": (VoteKind.SELECTION, SELECTION), "rating": (VoteKind.SATISFACTION, RATING)}


def _vote_columns(keys: dict[str, tuple[str, str]], what: str) -> tuple[Column, ...]:
    votes = SPECS["project-votes"]
    out = []
    for key, (field, header) in keys.items():
        f = votes.field(field)
        note = "" if field != "day" else f"有{what}结果时必填"
        out.append(Column(key, header, f.cell_kind, 6 if field != "day" else 8, note=note))
    return tuple(out)


# The comment's columns of a drafts workbook: column key -> the comment spec's field.
COMMENT = {
    "c_received_on": "received_on",
    "c_station": "station_id",
    "c_contact": "contact_id",
    "c_article": "article",
    "c_content": "content",
    "c_commenter": "commenter",
    "c_reported": "reported",
    "c_adopted": "adopted",
}


def _comment_columns() -> tuple[Column, ...]:
    spec = SPECS["draft-comments"]
    out = []
    for key, name in COMMENT.items():
        column = field_column(spec.field(name), key, required=False)
        if name == "received_on":
            column = Column(key, "收集日期", column.kind, 8, ("意见收集日期",),
                            note="空白时为草案收到日期")  # fmt: skip
        if name == "content":
            column = Column(key, column.header, column.kind, 30, ("意见建议",),
                            note="空白的行只登记草案")  # fmt: skip
        out.append(column)
    return tuple(out)


def columns(kind: str) -> tuple[Column, ...]:
    """The columns a clerk fills in for a programme kind (its template has exactly these)."""
    spec = SPECS[kind]
    fields = list(spec.editable)
    if kind == "drafts":  # one row per comment: the draft's own columns may be left blank
        draft = tuple(field_column(f, required=f.key == "title") for f in fields)
        return draft + _comment_columns()
    own = tuple(field_column(f) for f in fields)
    if kind == "projects":
        return own + _vote_columns(SELECTION, "票决") + _vote_columns(RATING, "满意度测评")
    return own


TITLES = {  # the template's sheet
    "projects": "民生实事项目",
    "fund-projects": "专项资金项目",
    "drafts": "法律法规草案意见",
    "training": "代表培训",
    "legal-events": "三官进站活动",
}


def template_lines(kind: str) -> list[str]:
    lines = [
        f"本模板用于向联络站工作台导入“{TITLES[kind]}”（{SPECS[kind].title}）。",
        "第一行为列名，请勿修改列名；列的顺序可以调整，多余的列会被忽略。",
        "带 * 的列为必填；日期写作 2025-03-05 或 2025年3月5日；金额以元为单位。",
        f"多名代表的姓名用“{LIST_SEPARATOR}”分隔；是否类的列填“{YES}”或“{NO}”。",
        "同一工作簿重复导入不会产生重复记录：已有记录按名称（日期、主题）比对，相同的保持不变。",
        "请勿在单元格中使用公式或合并单元格。",
    ]
    if kind == "projects":
        lines.append(
            "票决、测评的票数须相符：发出票数等于有效票加无效票，各项票数之和等于有效票，"
            "发出票数不超过出席代表人数；票决时“赞成”过出席代表半数即为票决通过。"
        )
    if kind == "drafts":
        lines.append(
            "每行一条意见；同一草案的多条意见重复填写草案名称即可。联络站导入时，草案须已由"
            "县人大常委会下发；只填草案、不填意见内容的行只登记草案（仅县级可用）。"
        )
    if SPECS[kind].county_only and kind != "drafts":
        lines.append("此类记录由县人大常委会统一登记，联络站不能导入。")
    return lines
