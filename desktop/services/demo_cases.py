"""The demo's feedback cases: what people raise, each case's history through the workflow as
the program would write it, and the list columns the program projects from that history."""

from __future__ import annotations

import datetime
import functools
import json
import random
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desktop.db import models as m
from desktop.domain.workflow import CaseAction, CaseStatus, EventFact, WorkflowContext, apply
from desktop.services import collation
from desktop.services import demo_names as names
from desktop.services.demo_names import local_day, local_time, pick, sections, weighted, words

if TYPE_CHECKING:  # the fill's state; demo imports this module
    from desktop.services.demo import _County, _Demo, _Station, _Town

_KEYS = functools.cache(collation.search_keys)  # pinyin is slow; names repeat

CHANNELS = weighted("in_person:45 phone:20 visit:15 letter:5 online:15")
# Which body usually answers which category ("town" is the township government; the others
# are demo_names.COUNTY_BUREAUS codes).
REFER_TO = sections(
    "[infrastructure] jtj zjj town town [agriculture] nyj slj town [education] jyj "
    "[health] wjw ybj [social_security] mzj rsj ybj [environment] sthj zjj town "
    "[public_safety] gaj sfj town [housing] zjj zrj [water_power] slj town "
    "[governance] town sjj [other] town"
)
CATEGORY_WEIGHTS = weighted(
    "infrastructure:20 agriculture:14 education:8 health:8 social_security:12 environment:8 "
    "public_safety:6 housing:7 water_power:9 governance:4 other:4"
)
# Feedback content by category ({v} is the village), as a clerk writes it down.
CASE_TEMPLATES = sections("""
[infrastructure] {v}进村道路的路灯不亮已有两个多月，晚上出行很不方便，请求维修。
{v}主干道新装的太阳能路灯有一半坏了，希望尽快更换。
{v}至镇上的村道路面破损严重，雨天坑洼积水，摩托车经常摔倒。
{v}通组道路太窄，会车困难，群众希望拓宽并加装护栏。
{v}小学门口没有减速带和斑马线，学校周边交通安全隐患大。
{v}的过河便桥年久失修，桥面开裂，存在安全隐患。 {v}客运班车停运后群众到镇上办事不便，希望恢复班线。
[agriculture] {v}农田水利灌溉渠道堵塞，下游几十亩稻田无法灌溉。
{v}茶叶收购价格偏低，茶农希望引进加工企业带动销售。 {v}高标准农田建设后部分田块不平整，耕作困难。
{v}野猪经常下山破坏玉米和红薯，村民损失较大。 {v}砂糖桔出现黄龙病，希望农技人员下村指导防治。
{v}耕地地力保护补贴发放名单有误，部分农户没有领到。
[education] {v}教学点只剩一名老师，家长担心孩子的教学质量。
{v}学生到镇中学上学路途远，希望增开校车或安排寄宿。 {v}学校周边有流动摊贩售卖三无食品，请加强管理。
{v}留守儿童较多，希望学校和村里开展课后托管。
[health] {v}卫生室长期没有医生坐诊，老人看病要走很远。
{v}村民反映异地就医医保报销手续繁琐、报销比例低。 {v}慢性病患者门诊特殊病种申请不知道怎么办理。
{v}希望镇卫生院定期派医生下村开展老年人体检。
[social_security] {v}一户家庭因病致贫，申请低保多次未获批准，请求帮助。
{v}部分老人高龄津贴没有按时发放。 {v}村民咨询城乡居民养老保险补缴政策。
{v}残疾人两项补贴申请审核时间太长。 {v}返乡务工人员希望提供技能培训和就业信息。
[environment] {v}垃圾清运不及时，垃圾池满了溢出，气味很大。 {v}采石场粉尘和噪声影响周边村民生活。
{v}附近河道有养殖场直排污水，河道污染严重。 {v}河边有人倾倒建筑垃圾，影响河道行洪。
{v}桂江边餐饮船舶污水直排问题，群众希望持续整治。
[public_safety] {v}两户村民因宅基地边界发生土地纠纷，多次调解未果。
{v}山林权属争议影响林木采伐，请求协调解决。 {v}夜间有人飙车扰民，希望加强巡逻。
{v}村民反映有人以高额回报为诱饵推销理财，疑似诈骗。 {v}在外务工人员被拖欠工资，请求帮助讨薪。
[housing] {v}危房改造补助申请后一直没有下文。 {v}易地搬迁安置小区房屋漏水，物业不处理。
{v}村民建房审批手续复杂、时间长，希望简化。 {v}老旧房屋墙体开裂，担心雨季倒塌。
[water_power] {v}自来水经常停水，旱季饮水困难，请求解决。 {v}饮水工程水源被污染，水质浑浊。
{v}用电高峰期电压不稳，电器无法正常使用。 {v}手机信号差，群众希望增建通信基站。
{v}水窖和水管老化漏水，需要维修。
[governance] {v}群众反映到镇上办理证件要跑多次，希望推行一次办结。
{v}村务公开不及时，群众对惠民资金使用情况有疑问。 {v}便民服务中心窗口服务态度差。
[other] {v}村民希望建设文化活动室和篮球场，丰富业余生活。 {v}希望在村里设置快递代收点。
{v}古民居保护和旅游开发如何兼顾，群众提出意见建议。 [tail] 希望有关部门尽快解决。 请代表帮忙反映。
群众意见较大。 多次反映未果。
""")
# What each step of a case's chain says: registered by channel, then by kind ({d} fills in the
# department or the satisfaction); an answer on the spot and an escalation keep theirs as text.
NOTES = sections("""
[in_person] 群众到站反映，登记。 接待日群众来访，代表听取后登记。 [phone] 群众来电反映，登记。
[letter] 收到群众来信，登记。 [visit] 代表走访收集意见后登记。 [online] 群众网上留言反映，登记。
[answered_on_spot] 代表当场解释相关政策，群众表示理解。 现场答复办理流程，群众满意。
[referred] 交{d}办理，请按期答复。 转{d}研究处理。 [replied] 收到{d}书面答复。
{d}答复已收到，登记。 [follow_up_replied] {d}续报办理结果。 收到{d}跟踪办理情况报告。
[closed] 办结归档。 当事人无异议，办结。
[escalated] 逾期未答复，提请县人大常委会代表工委督办。 交办单位逾期未复，报县人大常委会督办。
[escalated_again] 多次交办后当事人仍不满意，报县人大常委会代表工委跟踪督办。
""")
# A department's reply by outcome (A solved, B being solved, C planned, D not feasible), and
# the later report that takes a B or C off the follow-up list (A done, D dropped after all).
REPLIES = sections("""
[A] 经调查核实，反映的问题已处理完毕，并已向当事人说明办理结果。
已会同所在乡镇现场处理，问题已解决。 已按有关规定办理完毕，后续将加强日常监管。
已责成相关股室限期整改，现已整改到位。
[B] 已安排专人跟进，正在组织实施，预计两个月内办结。 相关手续正在审批，审批完成后即组织实施。
已列入今年工作计划，目前正在办理中，办结后及时告知当事人。
[C] 已纳入明年项目计划，资金落实后实施。 该问题需统筹规划，已列入三年行动计划分步解决。
已向上级部门申报项目，待批复后组织实施。
[D] 经核查，当事人不符合政策规定的条件，已向其解释说明。
受资金和规划限制，目前暂不具备实施条件，已向群众做好解释。
该事项已进入司法程序，不属本单位职权范围，已告知当事人依法维权。
[later_A] 前期答复事项已办理完成，经回访群众表示认可。 相关项目已实施完毕，经回访群众认可。
[later_D] 经再次研究，因规划调整该事项暂无法实施，已向群众说明情况。
因上级资金未能下达，项目暂缓实施，已向群众解释。
""")
OUTCOMES = weighted("A:55 B:20 C:15 D:10")
LATER_OUTCOMES = weighted("A:85 D:15")
SATISFACTION = weighted("satisfied:75 basically_satisfied:18 unsatisfied:7")
SATISFACTION_D = weighted("satisfied:30 basically_satisfied:40 unsatisfied:30")  # after a D
SATISFACTION_LABELS = dict(zip(SATISFACTION[0], ("满意", "基本满意", "不满意"), strict=True))
METHODS = weighted("in_person:30 phone:50 letter:8 wechat:12")
BACK_NOTES = dict(zip(METHODS[0], (f"{how}，当事人表示{{d}}。" for how in words(
    "代表上门反馈办理结果 已电话反馈当事人 已书面反馈当事人 已通过微信反馈当事人"
)), strict=True))  # fmt: skip
# Why a case was not accepted, and where the person was sent.
NOT_ACCEPTED = tuple(tuple(x.split("|")) for x in words(
    "已进入诉讼程序的纠纷|县人民法院 属于劳动争议仲裁事项|县劳动人事争议仲裁委员会 "
    "属于信访事项|县信访局 属于村民自治事项|村民委员会"
))  # fmt: skip

# kind (a CaseAction value), the state after it, at, actor, note, payload
Step = tuple[str, str, datetime.datetime, str, str, dict[str, Any]]
# The date each step's payload carries: the day it was entered.
DATED = {"referred": "referred_on", "replied": "replied_on", "follow_up_replied": "replied_on",
         "answered_back": "answered_on"}  # fmt: skip


def case_history(
    rng: random.Random, received: datetime.date, as_of: datetime.date, category: str,
    channel: str, clerk: str, department: Callable[[str], tuple[object, str]],
    ctx: WorkflowContext,
) -> tuple[list[Step], CaseStatus]:  # fmt: skip
    """A case's life so far along the workflow, cut off at as_of: older cases have had time to
    close, recent ones are still registered or referred. Each step goes through the workflow
    as the program's would (a refused one raises). ``department`` maps a REFER_TO code to the
    (id, name) of the body it stands for; ``ctx`` sets the reply deadlines."""
    steps: list[Step] = []
    status: CaseStatus | None = None

    def step(kind: str, days: int, actor: str = clerk, fill: str = "", said: str = "",
             **payload: Any) -> bool:  # fmt: skip
        nonlocal status
        t = local_time(received, rng.randint(8 * 60 + 30, 17 * 60 + 30))
        if steps:
            t = steps[-1][2] + datetime.timedelta(minutes=rng.randint(5, 90))
            later = local_day(steps[-1][2]) + datetime.timedelta(days=days)
            t = max(t, local_time(later, rng.randint(8 * 60 + 30, 17 * 60 + 30))) if days else t
            if local_day(t) > as_of:
                return False
        if kind in DATED:
            payload[DATED[kind]] = local_day(t).isoformat()
        if kind == "referred":  # the deadline the program sets
            due = ctx.reply_deadline(local_day(t))
            payload.update(deadline=due.day.isoformat(), deadline_exact=due.exact)
        status = apply(status, EventFact("", None, CaseAction(kind), payload, ""), ctx)
        said = said or rng.choice(NOTES[channel if kind == "registered" else kind]).format(d=fill)
        steps.append((kind, status.state.value, t, actor, said, payload))
        return True

    def escalate(days: int, why: str) -> None:
        text = rng.choice(NOTES[why])
        step("escalated", days, said=text, note=text)

    step("registered", 0)
    path = rng.random()
    if path < 0.055:  # a few are not accepted, or never taken further (the clerk forgot)
        reason, where = rng.choice(NOT_ACCEPTED)
        said = f"{reason}，不属于联络站受理范围，已告知当事人向{where}反映。"
        if path > 0.015 and step("not_accepted", rng.randint(0, 3), said=said, reason=reason,
                                 where_to_go=where) and path > 0.03:  # fmt: skip
            step("closed", rng.randint(0, 10))
        return steps, _done(status)
    if path < 0.23:
        text = rng.choice(NOTES["answered_on_spot"])
        if step("answered_on_spot", 0, said=text, text=text) and rng.random() < 0.9:
            step("closed", rng.randint(0, 12))
        return steps, _done(status)
    dept = ""
    for again in range(3):  # not satisfied: referred again, at most twice
        dept_id, dept = department(rng.choice(REFER_TO[category]))
        co_id = department(rng.choice(REFER_TO[category]))[0]  # now and then a co-handler
        co = [str(co_id)] if co_id != dept_id and rng.random() < 0.1 else []
        if not step("referred", rng.randint(1, 5) if again else rng.randint(0, 6), fill=dept,
                    department_id=str(dept_id), co_department_ids=co):  # fmt: skip
            break
        referred = _done(status)
        assert referred.deadline is not None and referred.referred_on is not None
        window, late = (referred.deadline - referred.referred_on).days, rng.random()
        if late < 0.08:  # the department never replies: overdue once the deadline passes
            if rng.random() < 0.4:  # and the county office is asked to press it
                escalate(window + rng.randint(2, 30), "escalated")
            break
        # Most reply within weeks; a quarter near the deadline, some of them days late.
        wait = window - rng.randint(-10, 14) if late < 0.33 else round(rng.triangular(3, 45, 14))
        outcome = pick(rng, OUTCOMES)
        if not step("replied", wait, dept, dept, text=rng.choice(REPLIES[outcome]),
                    outcome=outcome):  # fmt: skip
            break
        sat = pick(rng, SATISFACTION_D if outcome == "D" else SATISFACTION)
        method = pick(rng, METHODS)
        said = BACK_NOTES[method].format(d=SATISFACTION_LABELS[sat])
        if not step("answered_back", rng.randint(1, 10), said=said, method=method,
                    satisfaction=sat):  # fmt: skip
            break
        if sat != "unsatisfied":  # only a content person's case may close
            if rng.random() < 0.95:
                step("closed", rng.randint(0, 15))
            break
        if again == 2 or rng.random() < 0.3:  # left unsatisfied: sometimes pressed further up
            if rng.random() < 0.5:
                escalate(rng.randint(3, 20), "escalated_again")
            break
    final = _done(status)
    if final.follow_up and final.state.value in ("answered_back", "closed") and rng.random() < 0.5:
        outcome = pick(rng, LATER_OUTCOMES)  # months later the B or C is done, or dropped
        step("follow_up_replied", round(rng.triangular(30, 240, 90)), dept, dept,
             text=rng.choice(REPLIES["later_" + outcome]), outcome=outcome)  # fmt: skip
    return steps, _done(status)


def _done(status: CaseStatus | None) -> CaseStatus:
    assert status is not None  # registered first
    return status


def case_content(rng: random.Random, category: str, village: str) -> str:
    tail = rng.choice(CASE_TEMPLATES["tail"]) if rng.random() < 0.6 else ""
    return rng.choice(CASE_TEMPLATES[category]).format(v=village) + tail


def projection(status: CaseStatus, steps: list[Step]) -> dict[str, Any]:
    """The FeedbackCase columns that CaseworkService._project derives from these steps."""
    reply, answered_on = "", None
    for kind, *_, payload in steps:  # the reply since the last referral, the last answer back
        if kind in ("replied", "follow_up_replied"):
            reply = payload["text"]
        elif kind == "answered_back":
            answered_on = datetime.date.fromisoformat(payload["answered_on"])
        elif kind == "referred":
            reply = ""
    s = status
    return {
        "state": s.state.value,
        "department_id": uuid.UUID(s.department_id) if s.department_id else None,
        "co_department_ids": json.dumps(list(s.co_department_ids)),
        "referred_on": s.referred_on,
        "deadline": s.deadline,
        "deadline_exact": s.deadline_exact,
        "replied_on": s.replied_on,
        "outcome": s.outcome.value if s.outcome else "",
        "reply_text": reply if s.replied_on else "",
        "answered_on": answered_on if s.satisfaction else None,
        "satisfaction": s.satisfaction.value if s.satisfaction else "",
        "follow_up": s.follow_up,
        "escalated": s.escalated,
        "merged_into_id": None,
        "conflict": False,
    }


def number_cases(rows: list[dict[str, Any]], site_code: str) -> None:
    """Case numbers as FeedbackService gives them (site code, year received, running number),
    in the order the cases were registered."""
    taken: dict[int, int] = {}
    for row in sorted(rows, key=lambda row: (row["created_at"], row["id"])):
        year = row["received_date"].year
        taken[year] = taken.get(year, 0) + 1
        row["case_number"] = f"{site_code}-{year}-{taken[year]:04d}"


def add_cases(g: _Demo, counties: list[_County], categories: dict) -> None:
    """About 900 a county-year, numbered in the order they were registered."""
    for county in counties:
        for town in county.towns:
            for st in town.stations:
                for _ in range(round(g.rng.uniform(11, 19) * g.years)):
                    _add_case(g, county, town, st, categories)
    number_cases(g.rows[m.FeedbackCase.__tablename__], g.site.code)


def _add_case(g: _Demo, county: _County, town: _Town, st: _Station, categories: dict) -> None:
    rng = g.rng
    channel, duty_day_id, visit_id = pick(rng, CHANNELS), None, None
    day, takers = rng.choice(g.days if channel == "online" else g.workdays), st.deputies
    if channel == "in_person" and st.duty and rng.random() < 0.75:
        duty_day_id, day, takers = rng.choice(st.duty)
    elif channel == "visit" and st.visits:
        visit_id, day, takers = rng.choice(st.visits)
    elif channel == "visit":
        channel = "phone"
    anonymous = channel != "visit" and rng.random() < 0.15
    person = names.constituent(rng, county.area, town.yao, g.as_of, anonymous)
    village = st.village if rng.random() < 0.6 else rng.choice(town.villages)
    category = pick(rng, CATEGORY_WEIGHTS)
    steps, status = case_history(
        rng, day, g.as_of, category, channel, st.clerk,
        lambda code: town.gov if code == "town" else county.bureaus[code], g.ctx,
    )  # fmt: skip
    case_id, event_ids = g.new_id(), [g.new_id() for _ in steps]
    keys = _KEYS(person["person_name"]) if person["person_name"] else ""
    # One version per committed step, as the workflow's writes leave it; the list columns are
    # what CaseworkService._project makes of the same history (the case number comes later).
    g.add(m.FeedbackCase, steps[0][2], id=case_id, updated_at=steps[-1][2], version=len(steps),
          station_id=st.id, received_date=day, channel=channel, anonymous=anonymous,
          person_keys=keys, person_initials=keys.split(" ", 1)[0], village=village,
          category_id=categories[category], content=case_content(rng, category, village),
          duty_day_id=duty_day_id, visit_id=visit_id, last_event_id=event_ids[-1],
          **projection(status, steps), **person)  # fmt: skip
    live = [d for d in takers if d.serving] or takers
    for d in g.some(live, 1, rng.choice((1, 2))):
        g.link(m.CaseDeputy, steps[0][2], ("case_id", case_id), ("deputy_id", d.id))
    for i, (kind, state, at, actor, note, payload) in enumerate(steps):
        g.rows["case_events"].append({
            "id": event_ids[i], "case_id": case_id, "previous_id": event_ids[i - 1] if i else None,
            "kind": kind, "state_after": state, "actor": actor, "site_id": g.site.id, "at": at,
            "note": note, "payload": json.dumps(payload, ensure_ascii=False), "change_seq": g.seq,
        })  # fmt: skip
