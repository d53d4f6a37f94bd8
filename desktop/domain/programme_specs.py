"""The specs of draft-law consultations (see programme_fields.py for what a spec says), and
SPECS: every programme kind by its command-line word."""

from __future__ import annotations

from desktop.domain.programme_fields import (
    CONTACT,
    DRAFT,
    STATION_FIELD,
    SUMMARY_FIELD,
    Field,
    FieldType,
    KindSpec,
)
from desktop.domain.programme_people_specs import LEGAL_EVENTS, OFFICERS, STORIES, TRAINING
from desktop.domain.programme_project_specs import (
    FUND_PROJECTS,
    PROJECT_MILESTONES,
    PROJECT_VOTES,
    PROJECTS,
    SUPERVISIONS,
)
from desktop.domain.programmes import (
    ContactKind,
)
from desktop.domain.tr import QT_TRANSLATE_NOOP

F, T = Field, FieldType

DRAFTS = KindSpec(
    "drafts",
    "law_drafts",
    QT_TRANSLATE_NOOP("Programme", "Draft laws"),
    "法律法规草案征求意见台账",
    (
        F(
            "title",
            QT_TRANSLATE_NOOP("Programme", "Draft"),
            "草案名称",
            T.TEXT,
            True,
            width=16,
            synonyms=("法规草案", "草案"),
        ),
        F(
            "issuing_body",
            QT_TRANSLATE_NOOP("Programme", "Issued by"),
            "征求意见单位",
            width=10,
            synonyms=("发文单位",),
        ),
        F(
            "received_on",
            QT_TRANSLATE_NOOP("Programme", "Received on"),
            "收到日期",
            T.DATE,
            True,
            width=7,
            synonyms=("下发日期",),
        ),
        F(
            "deadline",
            QT_TRANSLATE_NOOP("Programme", "Comments due"),
            "反馈截止日期",
            T.DATE,
            width=7,
            synonyms=("截止日期",),
        ),
        F(
            "out_comments",
            QT_TRANSLATE_NOOP("Programme", "Comments"),
            "收集意见（条）",
            T.FIGURE,
            width=5,
        ),
        F(
            "out_reported",
            QT_TRANSLATE_NOOP("Programme", "Reported"),
            "上报意见（条）",
            T.FIGURE,
            width=5,
        ),
        F(
            "out_adopted",
            QT_TRANSLATE_NOOP("Programme", "Adopted"),
            "采纳意见（条）",
            T.FIGURE,
            width=5,
        ),
        SUMMARY_FIELD,
    ),
    year_key="received_on",
    county_only=True,
    sort=("received_on", "title"),
)

DRAFT_COMMENTS = KindSpec(
    "draft-comments",
    "draft_comments",
    QT_TRANSLATE_NOOP("Programme", "Comments on drafts"),
    "立法意见建议",
    (
        F(
            "draft_id",
            QT_TRANSLATE_NOOP("Programme", "Draft"),
            "草案名称",
            T.REF,
            True,
            target=DRAFT,
            width=14,
        ),
        F(
            "received_on",
            QT_TRANSLATE_NOOP("Programme", "Gathered on"),
            "收集日期",
            T.DATE,
            True,
            width=7,
        ),
        STATION_FIELD,
        F(
            "contact_id",
            QT_TRANSLATE_NOOP("Programme", "Contact"),
            "联系点（联络员）",
            T.REF,
            target=CONTACT,
            width=8,
        ),
        F(
            "article",
            QT_TRANSLATE_NOOP("Programme", "Article"),
            "条款",
            width=6,
            max_length=100,
            synonyms=("涉及条款",),
        ),
        F(
            "content",
            QT_TRANSLATE_NOOP("Programme", "Comment"),
            "意见内容",
            T.LONG_TEXT,
            True,
            width=24,
            max_length=5000,
        ),
        F(
            "commenter",
            QT_TRANSLATE_NOOP("Programme", "Given by"),
            "提出人",
            width=6,
            max_length=100,
        ),
        F(
            "reported",
            QT_TRANSLATE_NOOP("Programme", "Reported upward"),
            "是否上报",
            T.BOOL,
            width=4,
        ),
        F("adopted", QT_TRANSLATE_NOOP("Programme", "Adopted"), "是否采纳", T.BOOL, width=4),
    ),
    year_key="received_on",
    parent="draft_id",
    past_dates=("received_on",),
    sort=("received_on",),
)

CONTACTS = KindSpec(
    "legislative-contacts",
    "legislative_contacts",
    QT_TRANSLATE_NOOP("Programme", "Legislative contacts"),
    "基层立法联系点及联络员名册",
    (
        F(
            "kind",
            QT_TRANSLATE_NOOP("Programme", "Role"),
            "类别",
            T.CHOICE,
            True,
            choices=ContactKind,
            width=7,
        ),
        F(
            "name",
            QT_TRANSLATE_NOOP("Programme", "Name"),
            "名称（姓名）",
            T.TEXT,
            True,
            width=10,
            max_length=100,
        ),
        STATION_FIELD,
        F("phone", QT_TRANSLATE_NOOP("Programme", "Phone"), "联系电话", T.PHONE, width=9),
        F(
            "note",
            QT_TRANSLATE_NOOP("Programme", "Notes"),
            "备注",
            T.LONG_TEXT,
            width=14,
            listed=False,
        ),
    ),
    county_only=True,
    sort=("kind", "name"),
)

SPECS: dict[str, KindSpec] = {
    s.kind: s
    for s in (
        PROJECTS,
        PROJECT_VOTES,
        PROJECT_MILESTONES,
        FUND_PROJECTS,
        SUPERVISIONS,
        DRAFTS,
        DRAFT_COMMENTS,
        CONTACTS,
        TRAINING,
        OFFICERS,
        LEGAL_EVENTS,
        STORIES,
    )
}
