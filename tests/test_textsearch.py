"""Search terms for Chinese text: bigrams, single characters, and mixed runs split apart."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.textsearch import index_terms, match_expression


def test_two_character_words_become_terms() -> None:
    terms = index_terms("村口路灯不亮", "大田村").split()
    assert {"路灯", "大田", "灯"} <= set(terms)
    assert "亮大" not in terms  # no pair across two fields


def test_digits_and_latin_do_not_hide_the_characters_next_to_them() -> None:
    terms = index_terms("第3处路灯WiFi信号差").split()
    assert {"处路", "路灯", "3", "wifi", "信号"} <= set(terms)


def test_match_expressions() -> None:
    assert match_expression("路灯") == '"路灯"'
    assert match_expression("路灯不亮") == '"路灯 灯不 不亮"'
    assert match_expression("灯") == '"灯"'
    assert match_expression("！？") is None


@given(st.text(alphabet="路灯不亮水渠村口大田0123ab ，。", min_size=1, max_size=30))
def test_any_two_adjacent_characters_of_a_text_are_found(text: str) -> None:
    terms = set(index_terms(text).split())
    for i in range(len(text) - 1):
        pair = text[i : i + 2]
        if all("\u4e00" <= ch <= "\u9fff" for ch in pair):
            assert pair in terms
