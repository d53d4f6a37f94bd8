"""Tests for desktop.services.collation (stroke and pinyin collation of Chinese names)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.services.collation import (
    pinyin_initials,
    pinyin_sort_key,
    search_keys,
    stroke_count,
    stroke_sort_key,
)

COMMON = (
    "丁王李黄覃张赵刘陈杨吴周徐孙马朱胡郭何高林罗郑梁"
    "谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕"
)
GIVEN = "一二三小明华伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛超霞平刚桂兰国建文红玉"


def test_initials_of_ordinary_name() -> None:
    assert pinyin_initials("张晓明") == "zxm"


@pytest.mark.parametrize(
    ("name", "initials"),
    [("单雄", "sx"), ("曾华", "zh"), ("覃明", "qm"), ("解放", "xf"), ("仇明", "qm"),
     ("区伟", "ow"), ("查理", "zl"), ("朴正", "pz"), ("盖伟", "gw"), ("缪斌", "mb"),
     ("万俟卨", "mqx"), ("尉迟恭", "ycg"), ("长孙无忌", "zswj")],
)  # fmt: skip
def test_surname_readings(name: str, initials: str) -> None:
    assert pinyin_initials(name) == initials


def test_surname_reading_only_applies_to_the_start() -> None:
    assert pinyin_initials("王单") == "wd"
    assert pinyin_initials("单位", personal_name=False) == "dw"


def test_non_chinese_passes_through_lower_cased_without_spaces() -> None:
    assert pinyin_initials("Anna Lee") == "annalee"
    assert pinyin_initials("李A 3") == "la3"
    assert pinyin_initials("阿沛·阿旺晋美") == "apawjm"


def test_search_keys() -> None:
    keys = search_keys("张晓明")
    assert keys == "zxm zhangxiaoming"
    assert "zxm" in keys and "zhangxiao" in keys
    assert search_keys("单雄") == "sx shanxiong"
    assert search_keys("") == ""


def test_stroke_counts() -> None:
    assert [stroke_count(ch) for ch in "丁王李黄覃"] == [2, 4, 7, 11, 12]
    assert stroke_count("A") is None
    assert stroke_count("1") is None


def test_extension_b_character_has_stroke_count() -> None:
    assert stroke_count("\U00020bb7") == 6  # 𠮷


def test_official_surname_stroke_order() -> None:
    names = ["覃明", "黄伟", "李强", "王芳", "丁一"]
    random.Random(0).shuffle(names)
    assert sorted(names, key=stroke_sort_key) == ["丁一", "王芳", "李强", "黄伟", "覃明"]


def test_following_characters_and_equal_surnames_stay_together() -> None:
    names = ["张三", "李明", "李", "王小", "王二", "张"]
    assert sorted(names, key=stroke_sort_key) == ["王二", "王小", "李", "李明", "张", "张三"]


def test_latin_names_sort_after_chinese_ones() -> None:
    names = ["Smith", "齉齉", "anna", "丁一", "1号"]
    ordered = sorted(names, key=stroke_sort_key)
    assert ordered[:2] == ["丁一", "齉齉"]
    assert set(ordered[2:]) == {"Smith", "anna", "1号"}


def test_pinyin_sort_key_uses_surname_readings() -> None:
    names = ["孙丽", "单雄", "邓丽", "陈明"]  # 单 as a surname is shan, not dan
    assert sorted(names, key=pinyin_sort_key) == ["陈明", "邓丽", "单雄", "孙丽"]


cjk_names = st.lists(
    st.builds(
        lambda surname, given: surname + given,
        st.sampled_from(COMMON + "单覃万\U00020bb7"),
        st.text(alphabet=GIVEN + "AbZ", min_size=0, max_size=2),
    ),
    min_size=1,
    max_size=30,
)


@settings(max_examples=200, deadline=None)
@given(names=cjk_names, seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_stroke_sort_is_deterministic_and_total(names: list[str], seed: int) -> None:
    shuffled = names.copy()
    random.Random(seed).shuffle(shuffled)
    assert sorted(shuffled, key=stroke_sort_key) == sorted(names, key=stroke_sort_key)
    for a in set(names):
        for b in set(names):
            ka, kb = stroke_sort_key(a), stroke_sort_key(b)
            assert (ka == kb) == (a == b)
            assert (ka < kb) + (ka > kb) + (ka == kb) == 1


@given(
    st.lists(
        st.text(alphabet="丁王李张黄覃邓𠮷二小芳明建国海燕志强Anb", min_size=1, max_size=4),
        max_size=30,
    )
)
def test_stored_stroke_text_sorts_like_the_key(names: list[str]) -> None:
    from desktop.services.collation import stroke_sort_text

    assert sorted(names, key=stroke_sort_text) == sorted(names, key=stroke_sort_key)
