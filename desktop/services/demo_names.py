"""Tables and pure drawing functions for the demo data: names, places, sentences, times."""

from __future__ import annotations

import datetime
import itertools
import random

from desktop.domain.validation import id_check_char

Weighted = tuple[tuple[str, ...], tuple[int, ...]]


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def weighted(text: str) -> Weighted:
    """Parse "黄:80 李:60 ..." into (items, weights)."""
    pairs = [item.split(":") for item in text.split()]
    return tuple(p[0] for p in pairs), tuple(int(p[1]) for p in pairs)


def sections(text: str) -> dict[str, tuple[str, ...]]:
    """Parse "[key] item item ..." blocks. Items are split on whitespace: Chinese sentences
    have none, so short ones can share a line."""
    blocks = (block.partition("]") for block in text.split("[")[1:])
    return {key: words(body) for key, _, body in blocks}


# Surnames as they are spread in eastern Guangxi (Hezhou, Wuzhou): 黄 李 陈 梁 莫 lead.
HAN_SURNAMES = weighted(
    "黄:80 李:60 陈:55 梁:40 莫:30 张:30 刘:28 何:25 罗:25 林:25 周:20 吴:20 邓:18 杨:18 "
    "谢:15 钟:14 廖:14 苏:12 潘:12 王:12 胡:10 冯:10 卢:10 唐:10 曾:10 蒋:8 朱:8 叶:8 "
    "彭:7 郭:7 赖:6 欧:6 邱:6 龙:6 余:6 麦:5 甘:4 孔:4 岑:4 骆:3 练:3 单:1 区:1 查:1"
)
ZHUANG_SURNAMES = weighted("韦:30 覃:25 黄:25 蒙:15 莫:15 陆:10 农:8 黎:8")
YAO_SURNAMES = weighted("盘:30 赵:25 邓:20 李:15 冯:10 黄:10")
GIVEN_MALE = (
    "伟强军华明杰勇平刚辉斌峰涛林东海波文建国志成春荣贵福庆金永德新生宏亮俊凯鹏飞超健兴旺发光"
)
GIVEN_FEMALE = "芳秀英丽娟艳霞敏静玲梅兰红萍燕琴莲凤珍桂云莉婷雪慧丹洁玉春美妹"
# Rare characters that real rosters do contain; used for one or two names only (GB 18030 tests).
RARE_GIVEN = ("䶮", "𠮷祥")

# Zhaoping county's twelve townships (seed article), how many of the 62 stations each hosts,
# and villages to name stations, constituencies and complainants' homes. The villages are
# plausible, not a survey: a demo database must not pass for real records.
ZHAOPING = "昭平县"
ZHAOPING_TOWNSHIPS: tuple[tuple[str, int, tuple[str, ...]], ...] = tuple(
    (name, int(count), tuple(villages)) for name, count, *villages in map(str.split, (
        "昭平镇 7 城北社区 城南社区 城中社区 东宁社区 江口村 下乡村 大脑山村 凤立村 古来村",
        "文竹镇 5 文竹社区 平北村 平安村 四聘村 长乐村 塘冲村 古麦村",
        "黄姚镇 6 黄姚社区 大田村 巩桥村 北莱村 岩口村 东潭村 龙畔村 枧塘村",
        "富罗镇 5 富罗社区 九龙村 新华村 大坪村 桂花村 扶隆村 罗山村",
        "北陀镇 5 北陀社区 古袍村 西坪村 驾桥村 佛丁村 白水村 五星村",
        "马江镇 6 马江社区 福行村 福东村 笔头村 理洞村 大坪村 双狮村 山心村",
        "五将镇 5 五将社区 旺盆村 坪塘村 桐心村 交福村 双龙村 东平村",
        "走马镇 5 走马社区 瑶山村 西林村 大石村 罗冲村 金竹村 黄塘村",
        "樟木林镇 5 樟木林社区 新华村 石口村 合面村 六平村 东坪村 大深村",
        "仙回瑶族乡 4 仙回村 罗旺村 大新村 马安村 高忠村 宝安村",
        "凤凰乡 5 凤凰村 秀山村 大寨村 竹坪村 义和村 江口村 石龙村",
        "木格乡 4 木格村 永兴村 云龙村 交东村 泗安村 观音村",
    ))
)  # fmt: skip
# The prefecture scale: Zhaoping and nine neighbours in Hezhou and Wuzhou (name, code, and the
# GB/T 2260 area code that starts their residents' ID numbers).
PREFECTURE_COUNTIES = tuple(
    tuple(line.split())
    for line in (
        "昭平县 ZP 451121", "钟山县 ZS 451122", "富川瑶族自治县 FC 451123", "八步区 BB 451102",
        "平桂区 PG 451103", "苍梧县 CW 450421", "藤县 TX 450422", "蒙山县 MS 450423",
        "岑溪市 CX 450481", "龙圩区 LW 450406",
    )
)  # fmt: skip
# The neighbours get invented townships and villages from these pools.
GENERIC_TOWNSHIPS = words(
    "城关镇 石桥镇 龙门镇 新圩镇 大宁镇 河东乡 白沙镇 古城镇 回龙镇 清塘镇 莲塘镇 沙田镇 大平乡 "
    "良田镇 六堡镇 狮寨镇 新地镇 东安乡 西湾镇 太平镇 长发镇 金鸡镇 和平镇 民安镇 福山乡 三江乡"
)
GENERIC_VILLAGES = words(
    "新村 石门村 大塘村 水口村 竹山村 高田村 长坪村 白石村 岭头村 东山村 西岭村 上寨村 下寨村 "
    "荷塘村 龙江村 石龙村 清水村 黄泥村 南山村 大岭村 平山村 古塘村 桥头村 罗田村 中心社区"
)

# County bureaus a case may be referred to (code:name).
COUNTY_BUREAUS = tuple(
    tuple(item.split(":"))
    for item in words(
        "zjj:住建局 jtj:交通运输局 slj:水利局 jyj:教育局 wjw:卫健委 rsj:人社局 nyj:农业农村局 "
        "zrj:自然资源局 sthj:生态环境局 gaj:公安局 mzj:民政局 ybj:医保局 sjj:市场监管局 sfj:司法局"
    )
)

# Deputies' occupations: weight and workplace; {v} village, {t} township, {c} county.
OCCUPATIONS = weighted(
    "村委会主任:18 村党组织书记:10 种植户:14 养殖户:5 教师:8 医生:4 乡镇干部:10 企业职工:8 "
    "个体工商户:10 合作社负责人:6 县直机关干部:5"
)
WORKPLACES = dict(zip(OCCUPATIONS[0], words(
    "{v}委会 {v}党总支 {v} {v} {t}中心小学 {t}卫生院 {t}人民政府 {c}{brand}有限公司 {t}{shop} "
    "{v}{crop}专业合作社 {c}{bureau}"
), strict=True))  # fmt: skip
CROPS = words("茶叶 砂糖桔 沃柑 油茶 百香果 黄精 三华李 肉桂")
BRANDS = words("瑶香茶业 桂江水电 黄姚文旅 将军峰茶业 富罗建材 江口物流 凤凰林业")
SHOPS = words("农资店 百货商店 米粉店 五金店 建材店 茶叶店 农家乐 家电维修部")
PHONE_PREFIXES = words(
    "130 131 132 133 134 135 136 137 138 139 150 151 152 155 156 157 158 159 166 173 177 178 180 "
    "181 182 183 185 186 187 188 189 191 198 199"
)

# Duty-day and visit summaries ({n} people, {a} {b} topics) and their topics.
SUMMARIES = sections("""
[reception] 代表进站接待群众{n}人次，主要反映{a}、{b}等问题，已登记并按程序处理。
当日接待群众{n}人次，代表现场解答政策咨询，收集{a}方面意见建议。
代表轮值进站，接待来访群众{n}人次，听取群众关于{a}和{b}的诉求。
[themed] 围绕“{a}”开展主题活动，代表与群众{n}人面对面交流。
开展“{a}”专题接待活动，邀请相关部门参加，群众{n}人参与。
[inspection] 代表到村实地察看{a}情况，召开座谈会，听取群众{n}人意见。
[legal_service] “三官”进站开展法律服务日活动，为群众{n}人次提供法律咨询，调解{a}纠纷。
法官、检察官、警官联系站点开展普法宣讲，群众{n}人参加。
[to_deputies] 走访代表，了解代表履职情况，听取对常委会工作和{a}方面的意见建议。
遍访代表活动，与代表座谈交流，收集代表关于{a}、{b}的意见。
[to_constituents] 代表走访群众，宣传惠民政策，了解{a}方面的困难和诉求。
代表入户走访，收集群众对{a}、{b}的意见建议。 [topics] 道路维修 路灯安装 饮水安全 低保救助 医保报销
农田水利 垃圾清运 土地纠纷 教育资源 就业培训 危房改造 河道治理 产业发展 养老服务
[visited] 脱贫户:户 留守老人:人 困难家庭:户 种养大户:户 返乡创业青年:人 残疾人家庭:户
""")
DUTY_KINDS = weighted("reception:75 themed:12 inspection:5 legal_service:8")
ATTENDANCE = weighted("present:93 excused:5 unexcused:2")

# Deputy activities: titles and topics. Plans other than the sessions are (kind code, scope,
# per year, fewest and most deputies, title, location, topic list). Scope "county": the
# county deputies (not at the station scale); "town": each township's deputies; "station":
# each station's; "point": the legislative liaison point's township. In titles {c} is the
# county, {t} the township, {T} its stored name, {s} the station, {i} the batch number,
# {p} a village somewhere in the county, {x} a topic.
ACTIVITY_TOPICS = sections("""
[inspection] 农村饮水安全工程 桂江流域生态保护 乡村振兴衔接资金使用 义务教育薄弱学校改造
黄姚古镇旅游发展 茶产业发展 农村公路建设 城乡医疗卫生服务 农村人居环境整治 食品安全
重大民生实事项目推进 代表建议办理专项资金项目 [law] 食品安全法 水污染防治法 道路交通安全法
义务教育法 安全生产法 农产品质量安全法 [draft] 广西壮族自治区乡村振兴促进条例
广西壮族自治区河长制条例 广西壮族自治区物业管理条例 广西壮族自治区养老服务条例
贺州市黄姚古镇保护条例 广西壮族自治区志愿服务条例 中华人民共和国农村集体经济组织法
中华人民共和国传染病防治法 [suggestion] 加快农村公路提级改造 完善农村供水保障 支持茶产业品牌建设
加强乡村教师队伍建设 提升乡镇卫生院服务能力 推进农村垃圾分类处理 加大桂江生态保护力度
扶持特色种养产业 改善偏远村组通信信号 加强农村养老服务 规范农村建房审批 发展黄姚旅游产业
""")
# Training is not among them: its batches and attendance are the programmes' (demo_programmes),
# and a deputy's training must not be typed twice (it would earn its points twice).
ACTIVITY_PLANS = tuple(
    (code, scope, int(n), int(low), int(high), title, where, ACTIVITY_TOPICS.get(topics, ('',)))
    for code, scope, n, low, high, title, where, topics in map(str.split, (
        "standing_committee county 6 3 8 列席{c}人大常委会第{i}次会议 {c}人大常委会会议室 none",
        "inspection county 8 10 20 视察{x}情况 {p} inspection",
        "law_enforcement_check county 3 8 15 《{x}》执法检查 {p} law",
        "court_hearing county 2 5 15 旁听行政诉讼案件庭审 {c}人民法院 none",
        "legislative_consultation point 9 5 12 《{x}（草案）》立法意见征集 {s} draft",
        "inspection town 2 8 15 {t}人大代表视察{x} {p} inspection",
        "constituent_contact station 2 5 15 {s}代表联系选民活动 {s} none",
    ))
)  # fmt: skip


# --- drawing from the tables (pure functions of the caller's random.Random) ----------------

_CUMULATIVE: dict[Weighted, list[int]] = {}


def pick(rng: random.Random, table: Weighted) -> str:
    """A weighted choice; the cumulative weights are computed once per table."""
    if table not in _CUMULATIVE:
        _CUMULATIVE[table] = list(itertools.accumulate(table[1]))
    return rng.choices(table[0], cum_weights=_CUMULATIVE[table])[0]


def ethnicity(rng: random.Random, yao_area: bool) -> str:
    # Yao live mostly in the Yao townships (仙回瑶族乡) and Fuchuan; Zhuang are spread thinly.
    r = rng.random()
    if yao_area:
        return "瑶族" if r < 0.6 else "汉族" if r < 0.93 else "壮族"
    return "汉族" if r < 0.82 else "壮族" if r < 0.95 else "瑶族"


def townships(rng: random.Random, county_index: int) -> tuple[tuple[str, int, tuple], ...]:
    """Zhaoping's townships; the neighbours get invented ones laid out like Zhaoping's."""
    if county_index == 0:
        return ZHAOPING_TOWNSHIPS
    pool = GENERIC_TOWNSHIPS
    return tuple(
        (pool[(county_index * 5 + k) % len(pool)], count, tuple(rng.sample(GENERIC_VILLAGES, 8)))
        for k, (_, count, _) in enumerate(ZHAOPING_TOWNSHIPS)
    )


def person_name(rng: random.Random, ethnic: str, female: bool) -> str:
    table = {"壮族": ZHUANG_SURNAMES, "瑶族": YAO_SURNAMES}.get(ethnic, HAN_SURNAMES)
    pool = GIVEN_FEMALE if female else GIVEN_MALE
    given = rng.choice(pool) if rng.random() < 0.35 else rng.choice(pool) + rng.choice(pool)
    return pick(rng, table) + given


def mobile(rng: random.Random, used: set[str] | None = None) -> str:
    """A fake mainland mobile number; with ``used``, one not drawn before (and remembered)."""
    phone = rng.choice(PHONE_PREFIXES) + f"{rng.randrange(10**8):08d}"
    if used is not None:
        while phone in used:
            phone = rng.choice(PHONE_PREFIXES) + f"{rng.randrange(10**8):08d}"
        used.add(phone)
    return phone


def id_number(rng: random.Random, area: str, female: bool, as_of: datetime.date) -> str:
    """An 18-character number that passes GB 11643 (born 18 to 80 years before as_of)."""
    birth = as_of - datetime.timedelta(days=rng.randint(18 * 366, 80 * 365))
    serial = rng.randrange(500) * 2 + (0 if female else 1)  # the 17th digit: odd for men
    first17 = f"{area}{birth:%Y%m%d}{serial:03d}"
    return first17 + id_check_char(first17)


def deputy_profile(rng: random.Random, county: str, town: str, village: str, yao: bool) -> dict:
    """Name, gender, ethnicity, occupation and workplace of one deputy (the Deputy columns)."""
    ethnic, female = ethnicity(rng, yao), rng.random() < 0.32  # about a third are women
    occupation, crop = pick(rng, OCCUPATIONS), rng.choice(CROPS)
    workplace = WORKPLACES[occupation].format(
        v=village, t=town, c=county, crop=crop, brand=rng.choice(BRANDS),
        shop=rng.choice(SHOPS), bureau=rng.choice(COUNTY_BUREAUS)[1],
    )  # fmt: skip
    if occupation == "村委会主任" and village.endswith("社区"):
        occupation, workplace = "社区居委会主任", f"{village}居委会"
    elif occupation in ("种植户", "合作社负责人"):
        occupation = crop + occupation
    name, gender = person_name(rng, ethnic, female), "female" if female else "male"
    return {"name": name, "gender": gender, "ethnicity": ethnic, "occupation": occupation,
            "workplace": workplace}  # fmt: skip


def constituent(
    rng: random.Random, area: str, yao: bool, as_of: datetime.date, anonymous: bool
) -> dict:
    """The person columns of a case: most leave a phone, few an ID number."""
    if anonymous:  # nothing of an anonymous person is kept, as check_case makes sure
        return {"person_name": "", "phone": "", "id_number": ""}
    female = rng.random() < 0.45
    phone = ""
    if rng.random() < 0.88:  # Hezhou and Wuzhou landlines share the 0774 area code
        phone = mobile(rng) if rng.random() < 0.88 else f"0774-66{rng.randrange(10**5):05d}"
    return {
        "person_name": person_name(rng, ethnicity(rng, yao), female),
        "phone": phone,
        "id_number": id_number(rng, area, female, as_of) if rng.random() < 0.06 else "",
    }


_BEIJING = datetime.timedelta(hours=8)  # office hours are Beijing time; timestamps are UTC


def local_time(day: datetime.date, minute: int) -> datetime.datetime:
    """The UTC time ``minute`` minutes after midnight of ``day`` in Beijing."""
    midnight = datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC)
    return midnight + datetime.timedelta(minutes=minute) - _BEIJING


def local_day(at: datetime.datetime) -> datetime.date:
    return (at + _BEIJING).date()


def chinese_number(n: int) -> str:
    """1..99 as written in titles (第三次, 第十二次); other numbers in digits."""
    if not 0 < n < 100:
        return str(n)
    digits, (tens, ones) = "零一二三四五六七八九", divmod(n, 10)
    head = "" if tens == 0 else "十" if tens == 1 else digits[tens] + "十"
    return head + (digits[ones] if ones or not head else "")
