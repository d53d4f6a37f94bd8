"""Words the generated feedback cases are made of: places, names, topics, channels, states."""

from __future__ import annotations

TOWNSHIPS = ("黄姚镇", "公会镇", "沙田镇", "鹅塘镇", "望高镇", "贺街镇", "步头镇", "大平瑶族乡")
TOWNSHIPS += ("莲塘镇", "桂岭镇", "信都镇", "开山镇")
VILLAGES = tuple(a + b + "村" for a in "大小新东西南北上下石" for b in "田塘坪岭湾")
SURNAMES = "黄李陈梁莫张刘何罗林周吴邓杨谢钟廖苏潘王韦覃盘赵"
GIVEN = ("志强", "秀英", "建军", "丽华", "国平", "美玲", "德明", "桂芳", "永红", "文斌", "春梅")
TOPICS = (
    "村道路灯损坏，夜间出行不便，请求尽快维修",
    "灌溉水渠淤塞，影响春耕用水，希望组织清淤",
    "村小学校舍老旧，雨天漏水，请求安排维修资金",
    "卫生室缺少常用药品，老人看病要跑到镇上",
    "低保评定过程不够公开，群众有意见",
    "养殖场气味扰民，希望有关部门督促整改",
    "自来水水压不稳，高处农户经常停水",
    "危房改造补助迟迟没有到位，请求协调",
)
CHANNELS = ("in_person", "phone", "letter", "visit", "online")
CHANNEL_WEIGHTS = (60, 20, 5, 10, 5)
RECENT_STATES = (("registered", 25), ("referred", 35), ("replied", 15), ("answered_on_spot", 25))
OLD_STATES = (
    ("closed", 62),
    ("answered_on_spot", 14),
    ("answered_back", 8),
    ("referred", 8),
    ("not_accepted", 4),
    ("replied", 2),
    ("registered", 2),
)

# Search words for the benchmark, each in a known share of the cases and nowhere else (checked by
# benchmarks.search against the index): a rare one, one just above 1%, and one in most cases.
RARE_WORD, RARE_CASES = "塌方", 12  # in exactly this many cases, spread over the years
RARE_TOPIC = "后山塌方，堵住了进村道路，请求尽快清理"
COMMON_WORD, COMMON_SHARE = "护栏", 0.012
COMMON_TOPIC = "河边护栏缺失，学生上学路过有危险"
MOST_WORD, MOST_SHARE = "解决", 0.7
MOST_CLOSING = "盼早日解决。"  # ends this share of the cases
