"""Referral and reply slips: embedded font, the text on paper, flagged characters, page breaks."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.formats.fonts import font_path, marker, missing_glyphs, printable
from desktop.formats.slips import (
    REFERRAL_TITLE,
    REPLY_TITLE,
    ReferralSlipData,
    RenderedPdf,
    ReplySlipData,
    format_date,
    render_referral_slip,
    render_reply_slip,
)

# poppler-utils (pdftotext, pdffonts) reads the PDFs as a person's viewer would; .ci/run and
# README install it. Without it these tests fail: they never skip.

RARE = "𠮷"  # U+20BB7, CJK Extension B: not in WenQuanYi Micro Hei
UNIT = "城关镇人大代表联络站"
CONTENT = "村东头的路灯坏了三个月，晚上出行很不方便。希望尽快修复，并在村口增设一处路灯。"
REPLY = "经实地查看，三盏路灯因线路老化损坏，已于4月15日更换线路和灯具，现已恢复照明。"
FULL_PHONE = "13812348000"


def referral(**changes: object) -> ReferralSlipData:
    data = ReferralSlipData(
        unit_name=UNIT,
        case_number="CG-2025-0042",
        received_on=dt.date(2025, 3, 5),
        channel_label="代表接待日",
        person_label="张**",
        phone_masked="138****8000",
        village="东风村",
        category="城乡建设",
        content=CONTENT,
        deputies=["李建国", "王秀英"],
        department="城关镇规划建设办公室",
        co_departments=["城关镇财政所"],
        referred_on=dt.date(2025, 3, 7),
        deadline=dt.date(2025, 6, 6),
        deadline_exact=True,
        note="",
    )
    return dataclasses.replace(data, **changes)


def reply(**changes: object) -> ReplySlipData:
    data = ReplySlipData(
        unit_name=UNIT,
        case_number="CG-2025-0042",
        person_label="张**",
        received_on=dt.date(2025, 3, 5),
        content=CONTENT,
        department="城关镇规划建设办公室",
        replied_on=dt.date(2025, 4, 18),
        reply_text=REPLY,
        outcome_label="A类（已解决）",
        issued_on=dt.date(2025, 4, 20),
    )
    return dataclasses.replace(data, **changes)


def _pdf_file(rendered: RenderedPdf, tmp_path: Path, name: str = "slip.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(rendered.pdf)
    return path


def _text(rendered: RenderedPdf, tmp_path: Path) -> str:
    """The slip's text as pdftotext reads it, without whitespace (it splits lines and cells)."""
    path = _pdf_file(rendered, tmp_path)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return re.sub(r"\s+", "", out.stdout)


def _fonts(rendered: RenderedPdf, tmp_path: Path) -> list[dict[str, str]]:
    path = _pdf_file(rendered, tmp_path)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    assert lines[0].split()[:3] == ["name", "type", "encoding"], out.stdout
    rows = []
    for line in lines[2:]:
        # name type encoding emb sub uni object ID: read the flags from the right, as the
        # type column ("TrueType", "Type 1") may hold a space.
        parts = line.split()
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def _nospace(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize(
    "render", [lambda: render_referral_slip(referral()), lambda: render_reply_slip(reply())]
)
def test_only_the_embedded_wenquanyi_font_is_used(render, tmp_path: Path) -> None:
    fonts = _fonts(render(), tmp_path)
    assert fonts, "no fonts listed"
    assert any("WenQuanYi" in f["name"] for f in fonts)
    for f in fonts:
        assert (f["emb"], f["sub"], f["uni"]) == ("yes", "yes", "yes"), f
        assert "WenQuanYi" in f["name"], f"an unexpected font: {f}"


def test_the_font_ships_with_its_licence() -> None:
    folder = font_path().parent
    assert font_path().is_file() and font_path().name == "wqy-microhei.ttc"
    licence = (folder / "LICENSE-wqy-microhei.txt").read_text(encoding="utf-8")
    assert "Apache-2.0 or GPL-3+ with Font exception" in licence
    assert (folder / "README.md").is_file()


def test_referral_slip_text(tmp_path: Path) -> None:
    text = _text(render_referral_slip(referral(note="请优先办理")), tmp_path)
    for expected in (
        REFERRAL_TITLE,
        UNIT,
        CONTENT,
        "CG-2025-0042",
        "2025年3月5日",
        "2025年3月7日",
        "2025年6月6日",
        "李建国、王秀英",
        "城关镇规划建设办公室",
        "城关镇财政所",
        "请优先办理",
        "第1页共1页",
    ):
        assert expected in text, expected
    assert "节假日未录入" not in text


def test_a_deadline_counted_without_holidays_says_so(tmp_path: Path) -> None:
    text = _text(render_referral_slip(referral(deadline_exact=False)), tmp_path)
    assert _nospace("（节假日未录入，按双休日计算）") in text


def test_the_phone_stays_masked(tmp_path: Path) -> None:
    text = _text(render_referral_slip(referral()), tmp_path)
    assert "138****8000" in text
    assert FULL_PHONE not in text
    assert "8000" not in text.replace("138****8000", "")


def test_reply_slip_text(tmp_path: Path) -> None:
    rendered = render_reply_slip(reply())
    text = _text(rendered, tmp_path)
    for expected in (
        REPLY_TITLE,
        UNIT,
        CONTENT,
        REPLY,
        "A类（已解决）",
        "2025年3月5日",
        "2025年4月18日",
        "2025年4月20日",
        "满意",
        "基本满意",
        "不满意",
        "反映人签名",
        "经办人签名",
    ):
        assert expected in text, expected
    assert rendered.pages == 1
    assert rendered.flagged_characters == frozenset()


def test_dates_are_written_the_chinese_way() -> None:
    assert format_date(dt.date(2025, 3, 5)) == "2025年3月5日"
    assert format_date(dt.date(2025, 12, 31)) == "2025年12月31日"


def test_the_font_lacks_the_rare_character_and_has_the_common_ones() -> None:
    assert missing_glyphs(RARE) == {RARE}
    assert missing_glyphs(CONTENT + REPLY + "吉〔〕□（）：、。“√”0123456789ABCxyz*-") == set()
    assert missing_glyphs("第一行\n第二行\t\r") == set()  # layout, not glyphs
    assert marker(RARE) == "〔U+20BB7〕"


def test_printable_replaces_missing_characters_and_drops_invisible_ones() -> None:
    text, flagged = printable(f"吉{RARE}祥\u200d如意\ufe0f\n")
    assert text == "吉〔U+20BB7〕祥如意\n"
    assert flagged == frozenset({RARE})


@pytest.mark.parametrize("slip", ["referral", "reply"])
def test_a_character_the_font_lacks_is_flagged_and_shown_as_a_marker(
    slip: str, tmp_path: Path
) -> None:
    content = f"联系人吉{RARE}先生，住东风村。"
    if slip == "referral":
        rendered = render_referral_slip(referral(content=content, person_label=f"{RARE}**"))
    else:
        rendered = render_reply_slip(reply(content=content))
    assert rendered.flagged_characters == frozenset({RARE})
    text = _text(rendered, tmp_path)
    assert "吉〔U+20BB7〕先生" in text
    assert RARE not in text
    assert "本字体无法显示" in text  # the slip tells the reader what the marker means


@pytest.mark.parametrize("slip", ["referral", "reply"])
def test_long_content_runs_onto_more_pages_with_page_numbers(slip: str, tmp_path: Path) -> None:
    # 3,000 characters: numbered sentences, so that we can see that none went missing.
    sentences = [f"〈{i:03d}〉村东头的路灯坏了三个月晚上出行很不方便。" for i in range(200)]
    content = "".join(sentences)[:3000]
    rendered = (
        render_referral_slip(referral(content=content))
        if slip == "referral"
        else render_reply_slip(reply(content=content))
    )
    assert len(content) == 3000
    assert rendered.pages >= 2
    path = _pdf_file(rendered, tmp_path)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    assert re.search(rf"^Pages:\s+{rendered.pages}$", info.stdout, re.M)
    text = _text(rendered, tmp_path)
    for page in range(1, rendered.pages + 1):
        assert f"第{page}页共{rendered.pages}页" in text
    tags = re.findall(r"〈\d{3}〉", content)
    found = [tag for tag in tags if tag in text]
    # A page break may cut through a tag, so allow one per break.
    assert len(tags) - len(found) <= rendered.pages - 1, set(tags) - set(found)
    assert "路灯坏了三个月" in text


def test_the_same_input_gives_the_same_bytes() -> None:
    assert render_referral_slip(referral()).pdf == render_referral_slip(referral()).pdf
    assert render_reply_slip(reply()).pdf == render_reply_slip(reply()).pdf
    assert render_referral_slip(referral()).pdf != render_referral_slip(referral(note="x")).pdf


def test_slip_data_is_frozen_and_holds_tuples() -> None:
    data = referral()
    assert data.deputies == ("李建国", "王秀英")
    assert isinstance(data.co_departments, tuple)
    hash(data)
    with pytest.raises(dataclasses.FrozenInstanceError):
        data.content = "x"  # type: ignore[misc]


def test_empty_lists_print_as_none(tmp_path: Path) -> None:
    text = _text(render_referral_slip(referral(co_departments=[], deputies=[])), tmp_path)
    assert "协办单位无" in text


def test_markup_in_the_text_is_printed_as_typed(tmp_path: Path) -> None:
    content = "路灯<b>坏了</b> & 没人管 <br/> 第二段"
    text = _text(render_referral_slip(referral(content=content)), tmp_path)
    assert _nospace(content) in text


def test_importing_the_slips_does_not_import_reportlab() -> None:
    """reportlab costs about 100 ms: it is loaded when a slip is rendered, not on import."""
    code = (
        "import sys, desktop.formats.slips, desktop.formats.fonts; "
        "sys.exit(1 if 'reportlab' in sys.modules else 0)"
    )
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
