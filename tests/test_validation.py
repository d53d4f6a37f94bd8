"""Tests for desktop.domain.validation (plain Python, no Qt)."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain import validation as v
from desktop.domain.validation import (
    InvalidValue,
    check_date_order,
    check_not_future,
    id_check_char,
    is_mobile,
    mask_id_number,
    mask_phone,
    normalize_id_number,
    normalize_phone,
    parse_count,
    require_text,
)

TODAY = datetime.date(2024, 6, 1)
ID_CHARS_BODY = "0123456789"
ID_CHARS_LAST = "0123456789X"


def reference_check_char(first17: str) -> str:
    """Independent MOD 11-2: weight 2^(17-i) mod 11; the check value c makes the total ≡ 1."""
    total = sum(int(d) * pow(2, 17 - i, 11) for i, d in enumerate(first17))
    c = (1 - total) % 11
    return "X" if c == 10 else str(c)


def make_id(area: str, birth: datetime.date, seq: int) -> str:
    first17 = f"{area}{birth:%Y%m%d}{seq:03d}"
    return first17 + reference_check_char(first17)


def make_id_ending_in_x() -> str:
    for seq in range(1000):
        idn = make_id("450332", datetime.date(1985, 3, 14), seq)
        if idn.endswith("X"):
            return idn
    raise AssertionError("no sequence number gives X")  # pragma: no cover


def refusal(func, *args, **kwargs) -> InvalidValue:
    with pytest.raises(InvalidValue) as info:
        func(*args, **kwargs)
    return info.value


# --- phones ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("13812348000", "13812348000"),
        ("１３８ １２３４ ８０００", "13812348000"),
        ("+86 138-1234-8000", "13812348000"),
        ("＋８６ １３８－１２３４－８０００", "13812348000"),
        ("0086 13812348000", "13812348000"),
        ("8613812348000", "13812348000"),
        ("(+86) 138.1234.8000", "13812348000"),
        ("138–1234–8000", "13812348000"),  # en dashes
        ("  19912345678\t", "19912345678"),
        ("(0774) 662-1234", "0774-6621234"),
        ("（０７７４）６６２１２３４", "0774-6621234"),
        ("0774 6621234", "0774-6621234"),
        ("0774-66212345", "0774-66212345"),
        ("010-12345678", "010-12345678"),
        ("021 6123 4567", "021-61234567"),
        ("+86 0774 6621234", "0774-6621234"),
        ("86 010 12345678", "010-12345678"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_normalize_phone_accepts(raw: str, expected: str) -> None:
    assert normalize_phone(raw) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("1381234800", v.MSG_PHONE_SHAPE),  # 10 digits
        ("138123480000", v.MSG_PHONE_SHAPE),  # 12 digits
        ("12345678901", v.MSG_PHONE_MOBILE_PREFIX),
        ("11012345678", v.MSG_PHONE_MOBILE_PREFIX),
        ("6621234", v.MSG_PHONE_NEEDS_AREA_CODE),
        ("6621 2345", v.MSG_PHONE_NEEDS_AREA_CODE),
        ("0774-662123", v.MSG_PHONE_SHAPE),
        ("0774-662123456", v.MSG_PHONE_SHAPE),
        ("010-1234567890", v.MSG_PHONE_SHAPE),
        ("0774-6621234-801", v.MSG_PHONE_SHAPE),  # extensions are refused
        ("011-12345678", v.MSG_PHONE_AREA_CODE),
        ("0", v.MSG_PHONE_AREA_CODE),
        ("138 1234 8000 ext 5", v.MSG_PHONE_CHARS),
        ("138-1234-800O", v.MSG_PHONE_CHARS),
        ("138+12348000", v.MSG_PHONE_CHARS),
        ("+", v.MSG_PHONE_CHARS),
        ("+1 202 555 0123", v.MSG_PHONE_FOREIGN),
        ("00852 91234567", v.MSG_PHONE_FOREIGN),
        ("+86 774 6621234", v.MSG_PHONE_SHAPE),  # landline after +86 must keep its 0
        ("+86 6621234", v.MSG_PHONE_NEEDS_AREA_CODE),
        ("86123", v.MSG_PHONE_SHAPE),
        ("١٣٨١٢٣٤٨٠٠٠", v.MSG_PHONE_CHARS),  # Arabic-Indic digits are not ASCII after NFKC
    ],
)
def test_normalize_phone_refuses(raw: str, message: str) -> None:
    assert refusal(normalize_phone, raw).message == message


def test_phone_shape_message_text() -> None:
    assert v.MSG_PHONE_SHAPE == "Enter an 11-digit mobile number or a landline with area code."


def test_is_mobile() -> None:
    assert is_mobile("13812348000")
    assert is_mobile("+86 138 1234 8000")
    assert not is_mobile("0774-6621234")
    assert not is_mobile("12345678901")
    assert not is_mobile("")


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("13812348000", "138****8000"),
        ("0774-6621234", "0774-***1234"),
        ("010-12345678", "010-****5678"),
        ("+86 138 1234 8000", "138****8000"),
        ("", ""),
        ("garbage!", "********"),
    ],
)
def test_mask_phone(phone: str, masked: str) -> None:
    assert mask_phone(phone) == masked


mobiles = st.builds(
    lambda second, rest: f"1{second}{rest:09d}",
    st.sampled_from("3456789"),
    st.integers(0, 10**9 - 1),
)
separators = st.sampled_from(["", " ", "-", ".", "　", "－", "–"])


@given(mobiles, st.lists(separators, min_size=11, max_size=11), st.booleans(), st.booleans())
def test_mobile_survives_any_decoration(
    mobile: str, seps: list[str], fullwidth: bool, prefix: bool
) -> None:
    typed = "".join(d + s for d, s in zip(mobile, seps, strict=True))
    if fullwidth:
        typed = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in typed)
    if prefix:
        typed = "+86 " + typed
    assert normalize_phone(typed) == mobile
    assert normalize_phone(mobile) == mobile  # idempotent
    masked = mask_phone(typed)
    assert masked == mobile[:3] + "****" + mobile[-4:]


# --- identity numbers -----------------------------------------------------------------------


def test_reference_check_char_matches_known_scheme_example() -> None:
    # Worked example from GB 11643-1999 (sample, not a person): 11010519491231002X.
    assert reference_check_char("11010519491231002") == "X"


def test_valid_id_accepted() -> None:
    idn = make_id("450332", datetime.date(1990, 1, 1), 123)
    assert normalize_id_number(idn, TODAY) == idn
    assert normalize_id_number(f" {idn[:6]} {idn[6:14]} {idn[14:]} ", TODAY) == idn


def test_id_ending_in_x_and_lower_case_x() -> None:
    idn = make_id_ending_in_x()
    assert normalize_id_number(idn, TODAY) == idn
    assert normalize_id_number(idn.lower(), TODAY) == idn
    fullwidth = "".join(chr(ord(c) + 0xFEE0) for c in idn.lower())
    assert normalize_id_number(fullwidth, TODAY) == idn


def test_id_empty_is_empty() -> None:
    assert normalize_id_number("", TODAY) == ""
    assert normalize_id_number("  ", TODAY) == ""


def test_id_refusals_have_distinct_messages() -> None:
    good = make_id("450332", datetime.date(1990, 1, 1), 123)
    wrong_check = good[:17] + ("0" if good[17] != "0" else "1")
    cases = {
        "length": good[:17],
        "chars": good[:10] + "A" + good[11:],
        "old": "450332900101123",
        "date": good.replace("19900101", "19900230"),
        "future": make_id("450332", TODAY + datetime.timedelta(days=1), 1),
        "check": wrong_check,
    }
    messages = {
        name: refusal(normalize_id_number, raw, TODAY).message for name, raw in cases.items()
    }
    assert messages == {
        "length": v.MSG_ID_LENGTH,
        "chars": v.MSG_ID_CHARS,
        "old": v.MSG_ID_OLD,
        "date": v.MSG_ID_BIRTH_DATE,
        "future": v.MSG_ID_BIRTH_FUTURE,
        "check": v.MSG_ID_CHECK,
    }
    assert len(set(messages.values())) == len(messages)


def test_id_birth_date_bounds() -> None:
    assert normalize_id_number(make_id("450332", datetime.date(1900, 1, 1), 5), TODAY)
    assert normalize_id_number(make_id("450332", TODAY, 5), TODAY)
    early = make_id("450332", datetime.date(1899, 12, 31), 5)
    assert refusal(normalize_id_number, early, TODAY).message == v.MSG_ID_BIRTH_DATE


@pytest.mark.parametrize("raw", ["4503321990010112X3", "X50332199001011234", "45033219900101123XX"])
def test_id_x_only_last(raw: str) -> None:
    assert refusal(normalize_id_number, raw, TODAY).message == v.MSG_ID_CHARS


def test_id_check_char_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        id_check_char("1234")
    with pytest.raises(ValueError):
        id_check_char("4503321990010112X")


valid_ids = st.builds(
    make_id,
    st.one_of(st.just("450332"), st.integers(110000, 829999).map(str)),
    st.dates(datetime.date(1900, 1, 1), TODAY),
    st.integers(0, 999),
)


@given(valid_ids)
def test_generated_ids_accepted_and_check_char_agrees(idn: str) -> None:
    assert normalize_id_number(idn, TODAY) == idn
    assert id_check_char(idn[:17]) == idn[17]


@given(valid_ids)
def test_every_single_substitution_is_refused(idn: str) -> None:
    for pos in range(18):
        alphabet = ID_CHARS_LAST if pos == 17 else ID_CHARS_BODY
        for ch in alphabet:
            if ch == idn[pos]:
                continue
            typo = idn[:pos] + ch + idn[pos + 1 :]
            with pytest.raises(InvalidValue):
                normalize_id_number(typo, TODAY)


@given(valid_ids)
def test_every_adjacent_transposition_is_refused(idn: str) -> None:
    for pos in range(17):
        if idn[pos] == idn[pos + 1]:
            continue
        typo = idn[:pos] + idn[pos + 1] + idn[pos] + idn[pos + 2 :]
        with pytest.raises(InvalidValue):
            normalize_id_number(typo, TODAY)


def test_mask_id_number() -> None:
    idn = make_id_ending_in_x()
    masked = mask_id_number(idn)
    assert masked == idn[:6] + "********" + idn[-4:]
    assert masked.startswith("450332") and masked.endswith("X")
    assert mask_id_number("") == ""
    assert mask_id_number("12345") == "*****"


# --- text, dates, counts --------------------------------------------------------------------


def test_require_text() -> None:
    assert require_text("  张三 ", max_length=10) == "张三"
    assert require_text("abc", max_length=3) == "abc"
    assert refusal(require_text, " \u3000 ", max_length=10).message == "This field is required."
    err = refusal(require_text, "abcd", max_length=3)
    assert err.message == v.MSG_TOO_LONG
    assert err.args_map == {"max": "3"}
    assert "{max}" in err.message
    assert str(err) == "Enter at most 3 characters."


def test_check_not_future() -> None:
    check_not_future(TODAY, TODAY)
    check_not_future(TODAY - datetime.timedelta(days=1), TODAY)
    err = refusal(check_not_future, TODAY + datetime.timedelta(days=1), TODAY)
    assert err.message == "The date cannot be in the future."


def test_check_date_order() -> None:
    check_date_order(TODAY, TODAY)
    check_date_order(TODAY, TODAY + datetime.timedelta(days=1))
    check_date_order(TODAY, None)
    check_date_order(None, TODAY)
    err = refusal(check_date_order, TODAY, TODAY - datetime.timedelta(days=1))
    assert err.message == v.MSG_DATE_ORDER


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("0", 0), ("42", 42), (" １２ ", 12), ("007", 7), (5, 5), (100, 100), ("-0", 0)],
)
def test_parse_count_accepts(raw: str | int, expected: int) -> None:
    assert parse_count(raw, maximum=100) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", v.MSG_COUNT_NOT_NUMBER),
        ("abc", v.MSG_COUNT_NOT_NUMBER),
        ("3.5", v.MSG_COUNT_NOT_NUMBER),
        ("1_0", v.MSG_COUNT_NOT_NUMBER),
        ("١٢", v.MSG_COUNT_NOT_NUMBER),
        (True, v.MSG_COUNT_NOT_NUMBER),
        ("-3", v.MSG_COUNT_NEGATIVE),
        ("－３", v.MSG_COUNT_NEGATIVE),
        (-1, v.MSG_COUNT_NEGATIVE),
        ("101", v.MSG_COUNT_TOO_LARGE),
        (101, v.MSG_COUNT_TOO_LARGE),
        ("9" * 5000, v.MSG_COUNT_TOO_LARGE),
    ],
)
def test_parse_count_refuses(raw: str | int, message: str) -> None:
    err = refusal(parse_count, raw, maximum=100)
    assert err.message == message
    if message == v.MSG_COUNT_TOO_LARGE:
        assert err.args_map == {"max": "100"}


@given(st.integers(0, 10_000))
def test_parse_count_round_trips(n: int) -> None:
    assert parse_count(str(n), maximum=10_000) == n
    assert parse_count(n, maximum=10_000) == n
