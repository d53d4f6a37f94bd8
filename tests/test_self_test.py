"""``liaison-desk --self-test``: every step passes on a sound copy, and a missing part is named."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from desktop import cli_selftest, paths

ROOT = Path(__file__).resolve().parent.parent
STEPS = 8


def test_the_command_passes_every_step_from_source(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), LIAISON_DESK_LOG_DIR=str(tmp_path / "log"))
    (tmp_path / "tmp").mkdir()
    env["TMPDIR"] = str(tmp_path / "tmp")
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--self-test", "--lang", "en"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=110,
    )
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    lines = done.stdout.splitlines()
    assert sum(line.startswith("ok   ") for line in lines) == STEPS, done.stdout
    assert "round-trip a signed and encrypted bundle" in done.stdout
    assert lines[-1] == "all steps passed"
    # Nothing left behind: the databases lived in a temporary folder, now gone.
    assert list((tmp_path / "tmp").iterdir()) == []
    assert not list(tmp_path.rglob("*.sqlite"))


def test_a_missing_translation_fails_its_step_and_the_run(qapp, tmp_path: Path, monkeypatch):
    """What a build that forgot the .qm files gives: the step named, the others still run."""
    from desktop.ui.i18n import install_translators

    monkeypatch.setattr(paths, "translations_dir", lambda: tmp_path / "empty")
    monkeypatch.setattr("desktop.ui.i18n.translations_dir", lambda: tmp_path / "empty")
    out = io.StringIO()
    try:
        code = cli_selftest.run(out)
    finally:
        monkeypatch.undo()
        install_translators(qapp, "zh_CN")
    text = out.getvalue()
    assert code == 1
    failed = [line for line in text.splitlines() if line.startswith("FAIL")]
    assert len(failed) == 1 and "liaison_desk_zh_CN.qm" in failed[0], text
    assert sum(line.startswith("ok   ") for line in text.splitlines()) == STEPS - 1
