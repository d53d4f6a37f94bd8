"""Chinese name collation: surname stroke order (按姓氏笔画), pinyin order, pinyin search keys."""

from __future__ import annotations

import functools
import re
import unicodedata

from desktop.paths import resource_path

# Surname readings that differ from pypinyin's ordinary reading (pypinyin 0.55 has no surname
# mode). Compound surnames are matched before single ones. Left out on purpose: 单于 (单 + a
# given name starting with 于 is far more common today) and ambiguous ones such as 乐 (le/yue).
_SURNAMES: dict[str, tuple[str, ...]] = {
    "万俟": ("mo", "qi"), "尉迟": ("yu", "chi"), "长孙": ("zhang", "sun"), "澹台": ("tan", "tai"),
    "单": ("shan",), "曾": ("zeng",), "解": ("xie",), "仇": ("qiu",), "区": ("ou",),
    "查": ("zha",), "朴": ("piao",), "覃": ("qin",), "盖": ("ge",), "缪": ("miao",),
    "翟": ("zhai",), "召": ("shao",), "繁": ("po",), "员": ("yun",), "种": ("chong",),
    "秘": ("bi",), "句": ("gou",), "黑": ("he",), "长": ("chang",), "隗": ("wei",),
    "祭": ("zhai",), "都": ("du",), "薄": ("bo",), "阚": ("kan",), "佴": ("nai",),
    "能": ("nai",), "卜": ("bu",), "郇": ("xun",), "折": ("she",), "重": ("chong",),
}  # fmt: skip
# Whitespace and the middle dots used in transliterated names (阿沛·阿旺晋美) are not letters.
_SEPARATORS = re.compile(r"[\s\u00b7\u2022\u2027\u30fb\uff0e\uff65]+")


@functools.cache
def _han_run() -> re.Pattern[str]:
    from pypinyin.constants import RE_HANS  # pypinyin costs ~200 ms to import: only when used

    return re.compile(f"({RE_HANS.pattern.removeprefix('^').removesuffix('$')})")


@functools.cache
def _stroke_table() -> dict[str, int]:
    """Load resources/unihan/total_strokes.txt (``N<TAB>chars`` lines) into a dict."""
    table: dict[str, int] = {}
    text = resource_path("unihan", "total_strokes.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            count, _, chars = line.partition("\t")
            table.update(dict.fromkeys(chars, int(count)))
    return table


def stroke_count(ch: str) -> int | None:
    """Return the total stroke count of one character (Unihan kTotalStrokes), or None."""
    return _stroke_table().get(ch)


def _clean(text: str) -> str:
    """NFKC-normalise (full-width letters, compatibility ideographs) and drop separators."""
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", text))


def _tokens(text: str, personal_name: bool = True) -> list[tuple[str, str, bool]]:
    """Split text into (character, pinyin syllable, True) per Chinese character and
    (run, lower-cased run, False) per run of other characters.

    With ``personal_name`` the leading characters are read as a surname (see ``_SURNAMES``).
    Characters pypinyin cannot read keep themselves as their reading.
    """
    tokens: list[tuple[str, str, bool]] = []
    for index, run in enumerate(_han_run().split(_clean(text))):
        if index % 2 == 0:  # non-Chinese run (possibly empty)
            tokens.extend([(run, run.lower(), False)] if run else [])
            continue
        head = ""
        if personal_name and index == 1 and not tokens:
            head = next((run[:n] for n in (2, 1) if run[:n] in _SURNAMES), "")
        readings = list(_SURNAMES.get(head, ()))
        rest = _readings(run[len(head) :])
        tokens.extend((ch, reading, True) for ch, reading in zip(run, readings + rest, strict=True))
    return tokens


@functools.lru_cache(maxsize=8192)  # given names repeat far more often than whole names
def _readings(run: str) -> list[str]:
    """One pinyin syllable per character of a run of Chinese characters."""
    from pypinyin import Style, lazy_pinyin

    rest = lazy_pinyin(run, style=Style.NORMAL, errors=list)
    if len(rest) != len(run):  # keep one reading per character
        rest = [lazy_pinyin(ch, style=Style.NORMAL, errors=list)[0] for ch in run]
    return rest


def _initials(tokens: list[tuple[str, str, bool]]) -> str:
    """Join the first letter of each syllable and the other runs unchanged."""
    return "".join(reading[0] if is_han else reading for _, reading, is_han in tokens)


def pinyin_initials(text: str, *, personal_name: bool = True) -> str:
    """Return lower-case pinyin initials, e.g. 张晓明 -> "zxm", 单雄 -> "sx".

    Non-Chinese characters pass through lower-cased; spaces and middle dots are dropped.
    ``personal_name`` applies surname readings to the first character(s) (单 shan, not dan).
    """
    return _initials(_tokens(text, personal_name))


@functools.lru_cache(maxsize=8192)  # an import of thousands of rows repeats names often
def search_keys(name: str) -> str:
    """Return "initials fullpinyin" (e.g. "zxm zhangxiaoming") for LIKE '%...%' matching."""
    tokens = _tokens(name)
    return f"{_initials(tokens)} {''.join(reading for _, reading, _ in tokens)}".strip()


def stroke_sort_text(name: str) -> str:
    """``stroke_sort_key`` as a string that sorts the same way, stored beside the name so the
    database orders a roster without loading pypinyin or sorting in Python."""
    segments = []
    for group, value, reading, ch in stroke_sort_key(name)[0]:
        count = value if isinstance(value, int) else 0
        text = reading if group == 0 else str(value)
        segments.append(f"{group}{count:02d}{text[:8]:<8}{ord(ch):06x}")
    # \x01, not \x00: PostgreSQL's text refuses NUL; either sorts before every key character.
    return "".join(segments) + "\x01" + name


def pinyin_sort_key(name: str) -> tuple[tuple[str, ...], str]:
    """Sort key by toneless pinyin syllables (surname readings applied), then the name."""
    return tuple(reading for _, reading, _ in _tokens(name)), name


def stroke_sort_key(name: str) -> tuple[tuple[tuple[int, int | str, str, str], ...], str]:
    """Sort key for official name lists ordered 按姓氏笔画 (by surname stroke count).

    Compares the stroke count of the surname's first character, then of each following
    character in turn; characters without stroke data (Latin letters, digits) sort after
    every Chinese character at the same position, so Latin names come after Chinese ones.
    The official rule breaks stroke-count ties at each position by the order of the
    characters' strokes (横竖撇点折, first stroke first); Unihan does not carry stroke order,
    so the character's toneless pinyin stands in for it (which also keeps equal surnames
    together), then the character itself, and finally the whole name makes the order total.
    """
    per_char: list[tuple[int, int | str, str, str]] = []
    for source, reading, is_han in _tokens(name):
        for ch in source:
            count = stroke_count(ch)
            if count is None:
                per_char.append((1, ch.casefold(), "", ch))
            else:
                per_char.append((0, count, reading if is_han else ch.casefold(), ch))
    return tuple(per_char), name
