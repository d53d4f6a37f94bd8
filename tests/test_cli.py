"""The command line: sub-commands, exit statuses, and one-line Chinese refusals."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.db.migrate import head_revision


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LIAISON_DESK_LANG": "zh_CN"}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_argparse_speaks_chinese_too(tmp_path: Path) -> None:
    """argparse's own words: the help's headings and its refusals, a bad number, a bad date."""
    shown = run("report", "--help")
    assert shown.returncode == 0 and shown.stdout.startswith("用法：")
    latin = {"usage", "options", "positional", "show", "help message", "argument", "expected"}
    assert not any(word in shown.stdout for word in latin), shown.stdout
    db = str(tmp_path / "x.sqlite")
    refusals = {
        ("report", "--db"): "参数 --db：需要给出一个值",
        ("report", "--db", db, "--out", "a.pdf", "--year", "二〇二五"): "不是整数：二〇二五",
        ("report", "--db", db, "--out", "a.pdf", "--year", "2025", "--as-of", "6/30"): "日期",
        ("report", "--db", db, "--year", "2025"): "缺少必需的参数：--out",
        ("report", "--db", db, "--year", "2025", "--out", "a", "--format", "doc"): "无效的选择",
    }
    for args, words in refusals.items():
        refused = run(*args)
        assert refused.returncode == 2 and words in refused.stderr, (args, refused.stderr)
        assert not any(word in refused.stderr for word in latin), refused.stderr
    assert not (tmp_path / "x.sqlite").exists()


def test_init_then_check(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    made = run(
        "init",
        "--db",
        str(db),
        "--role",
        "station",
        "--code",
        "S01",
        "--name",
        "黄姚镇大田村代表联络站",
        "--township",
        "黄姚镇",
    )
    assert made.returncode == 0, made.stderr
    checked = run("check", "--db", str(db))
    assert checked.returncode == 0, checked.stderr
    assert head_revision() in checked.stdout and has_chinese(checked.stdout)


def test_init_refuses_an_existing_database_and_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    assert (
        main(
            [
                "init",
                "--db",
                str(db),
                "--role",
                "county",
                "--code",
                "ZP",
                "--name",
                "县人大常委会代表工委",
            ]
        )
        == 0
    )
    before = db.read_bytes()
    again = run("init", "--db", str(db), "--role", "county", "--code", "X", "--name", "Y")
    assert again.returncode == 2
    assert has_chinese(again.stderr) and len(again.stderr.strip().splitlines()) == 1
    assert db.read_bytes() == before


def test_station_init_needs_a_township(tmp_path: Path) -> None:
    result = run(
        "init",
        "--db",
        str(tmp_path / "s.sqlite"),
        "--role",
        "station",
        "--code",
        "S1",
        "--name",
        "某站",
    )
    assert result.returncode == 2 and has_chinese(result.stderr)
    assert not (tmp_path / "s.sqlite").exists()


@pytest.mark.parametrize("command", ["check", "gui"])
def test_a_missing_database_is_never_created(tmp_path: Path, command: str) -> None:
    db = tmp_path / "absent.sqlite"
    args = ["check", "--db", str(db)] if command == "check" else ["--db", str(db)]
    result = run(*args)
    assert result.returncode == 2
    assert has_chinese(result.stderr) and len(result.stderr.strip().splitlines()) == 1
    assert not db.exists()


def test_bad_arguments_exit_2_in_chinese(tmp_path: Path) -> None:
    result = run(
        "init", "--db", str(tmp_path / "x.sqlite"), "--role", "mayor", "--code", "1", "--name", "x"
    )
    assert result.returncode == 2 and has_chinese(result.stderr)
    assert not (tmp_path / "x.sqlite").exists()


def test_check_finds_a_damaged_file(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    assert main(["init", "--db", str(db), "--role", "county", "--code", "ZP", "--name", "县"]) == 0
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    page = 4096
    for n in range(1, len(data) // page):  # every b-tree page header after the first page
        for i in range(n * page + 1, n * page + 8):
            data[i] ^= 0x5A
    db.write_bytes(bytes(data))
    result = run("check", "--db", str(db))
    assert result.returncode == 1, result.stdout + result.stderr
    assert has_chinese(result.stdout) and "通过" not in result.stdout


def test_check_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 100)
    result = run("check", "--db", str(junk))
    assert result.returncode == 2 and has_chinese(result.stderr)


def test_demo_fills_a_station_database(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    result = run(
        "demo", "--db", str(db), "--scale", "station", "--seed", "7", "--as-of", "2026-06-30"
    )
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM feedback_cases").fetchone()[0] > 10
        assert conn.execute("SELECT max(received_date) FROM feedback_cases").fetchone()[0] <= (
            "2026-06-30"
        )
        cases = conn.execute("SELECT count(*) FROM feedback_cases").fetchone()[0]
    # What it holds is said in Chinese, with the counts the file really has.
    summary = result.stdout.splitlines()[-1]
    assert f"意见建议 {cases:,} 件" in summary and not re.search("[A-Za-z]", summary)
    refused = run("demo", "--db", str(db), "--scale", "station")
    assert refused.returncode == 2 and has_chinese(refused.stderr)


def test_the_readme_run_command_opens_the_window_on_a_demo_database(tmp_path: Path) -> None:
    """``liaison-desk --demo``: window painted, then the demo county's rows loaded."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "LIAISON_DESK_STARTUP_PROBE": "1",
        "XDG_DATA_HOME": str(tmp_path),
        "TMPDIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--demo"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = [line.split()[0] for line in result.stdout.splitlines() if line.strip()]
    assert [m for m in lines if m in ("painted", "rows")] == ["painted", "rows"]
    demo = list(tmp_path.glob("liaison-desk-demo-*/demo.sqlite"))
    assert len(demo) == 1
    with sqlite3.connect(demo[0]) as conn:
        assert conn.execute("SELECT count(*) FROM stations").fetchone()[0] == 62


def test_heavy_modules_load_when_their_work_is_first_asked_for(tmp_path: Path) -> None:
    """None before the window is painted (nor the Qt namespace, 11 ms of enums); with the
    database open only SQLAlchemy and the log's handlers: reportlab, openpyxl, cryptography,
    QtCharts and the rest wait for the first print, workbook, bundle or overview."""
    db = tmp_path / "demo.sqlite"
    made = run("demo", "--db", str(db), "--scale", "station", "--as-of", "2026-06-30")
    assert made.returncode == 0, made.stderr
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LIAISON_DESK_STARTUP_PROBE": "1"}
    env.update(XDG_DATA_HOME=str(tmp_path), LIAISON_DESK_LOG_DIR=str(tmp_path / "log"))
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    loaded = {
        stage: set(filter(None, modules.split(",")))
        for stage, _, modules in (
            line.partition(" ") for line in result.stdout.splitlines() if "loaded-" in line
        )
    }
    assert loaded["loaded-at-paint"] == set()  # not even the Qt namespace's enums
    assert loaded["loaded-when-open"] - {"Qt namespace"} == {"sqlalchemy", "logging.handlers"}


def test_cases_lists_as_a_table_and_as_json(tmp_path: Path) -> None:
    import datetime as dt
    import json

    from desktop.domain.enums import SiteRole
    from desktop.domain.records import CaseDraft, SiteDraft
    from desktop.services import open_services

    db = tmp_path / "s.sqlite"
    services = open_services(db)
    site = services.site.initialise(SiteDraft(SiteRole.STATION, "S01", "大田村站", "黄姚镇"))
    today = dt.date.today()
    services.feedback.register(
        CaseDraft(
            site.station_id, today, person_name="赵大山", phone="13912345678", content="路灯不亮"
        )
    )
    services.feedback.register(
        CaseDraft(site.station_id, today, anonymous=True, content="河道垃圾")
    )
    services.close()
    table = run("cases", "--db", str(db))
    assert table.returncode == 0, table.stderr
    assert "已登记" in table.stdout and "路灯不亮" in table.stdout
    as_json = run("cases", "--db", str(db), "--json", "--state", "registered")
    records = json.loads(as_json.stdout)
    assert {r["content"] for r in records} == {"路灯不亮", "河道垃圾"}
    named = next(r for r in records if r["person"])
    assert named["phone"] == "139****5678" and named["state"] == "registered"
    assert json.loads(run("cases", "--db", str(db), "--json", "--overdue").stdout) == []
    assert run("cases", "--db", str(db), "--state", "nonsense").returncode == 2


def test_points_ranking_and_a_deputys_register(tmp_path: Path) -> None:
    import json

    db = tmp_path / "demo.sqlite"
    assert (
        run("demo", "--db", str(db), "--scale", "station", "--as-of", "2026-06-30").returncode == 0
    )
    ranking = json.loads(run("points", "--db", str(db), "--year", "2026", "--json").stdout)
    assert ranking and ranking[0]["rank"] == 1
    assert float(ranking[0]["total"]) >= float(ranking[-1]["total"])
    first = ranking[0]["name"]
    one = json.loads(
        run("points", "--db", str(db), "--year", "2026", "--deputy", first, "--json").stdout
    )
    assert one["total"] == ranking[0]["total"]
    assert sum(float(line["subtotal"]) for line in one["lines"]) == float(one["total"])
    assert any(line["records"] for line in one["lines"])  # each point has its records
    table = run("points", "--db", str(db), "--year", "2026")
    assert table.returncode == 0 and first in table.stdout
    missing = run("points", "--db", str(db), "--year", "2026", "--deputy", "不存在的人")
    assert missing.returncode == 2 and "没有名为" in missing.stderr


def test_exemplary_candidates_per_township(tmp_path: Path) -> None:
    import json

    db = tmp_path / "demo.sqlite"
    assert (
        run("demo", "--db", str(db), "--scale", "station", "--as-of", "2026-06-30").returncode == 0
    )
    stars = json.loads(
        run(
            "points",
            "--db",
            str(db),
            "--year",
            "2026",
            "--stars",
            "--top",
            "2",
            "--min-kinds",
            "2",
            "--json",
        ).stdout
    )
    assert stars and all(s["items"] >= 2 for s in stars)
    assert len({s["township"] for s in stars}) == 1 and len(stars) >= 2


def test_a_blank_name_is_refused_in_chinese_and_nothing_is_created(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    result = run("init", "--db", str(db), "--role", "county", "--code", "ZP", "--name", "  ")
    assert result.returncode == 2 and "必填" in result.stderr
    assert "Traceback" not in result.stderr and not db.exists()


@pytest.mark.parametrize("command", ["cases", "points"])
def test_listing_commands_refuse_a_file_that_is_not_a_database(
    tmp_path: Path, command: str
) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 50)
    extra = ["--year", "2026"] if command == "points" else []
    result = run(command, "--db", str(junk), *extra)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert has_chinese(result.stderr) and junk.read_bytes().startswith(b"not a database")


def test_the_pseudo_locale_stretches_the_english_text() -> None:
    """``--lang pseudo``: English 40% longer and bracketed, for a developer checking layouts."""
    result = run("--lang", "pseudo", "--help")
    assert result.returncode == 0, result.stderr
    stretched = [line for line in result.stdout.splitlines() if "［" in line]
    assert stretched and any("Liaison" in line for line in stretched)
    assert not any("联络站" in line for line in result.stdout.splitlines())
