"""Refresh i18n/*.ts from the sources (pyside6-lupdate) and compile them to .qm (lrelease)."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "i18n"
LANGUAGES = ("zh_CN",)
# Base classes translate with a fixed context through these helpers; lupdate treats them as tr().
ALIASES = "tr+=tr_base"


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop").rglob("*.py"))


def ts_file(language: str) -> Path:
    return I18N / f"liaison_desk_{language}.ts"


def qm_file(language: str) -> Path:
    return I18N / f"liaison_desk_{language}.qm"


def update(language: str) -> None:
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            *sources(),
            "-tr-function-alias",
            ALIASES,
            "-no-obsolete",
            "-locations",
            "none",
            "-ts",
            str(ts_file(language)),
        ],
        cwd=ROOT,
        check=True,
    )


def release(language: str, target: Path | None = None) -> Path:
    target = target or qm_file(language)
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(ts_file(language)), "-qm", str(target)],
        cwd=ROOT,
        check=True,
    )
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--release-only", action="store_true", help="only compile .ts to .qm")
    args = parser.parse_args()
    for language in LANGUAGES:
        if not args.release_only:
            update(language)
        release(language)


if __name__ == "__main__":
    main()
