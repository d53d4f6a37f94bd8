"""The Windows version resource of the two executables (what Explorer shows under 详细信息).

Used by build_installer.spec on Windows only: PyInstaller's versioninfo module needs pefile,
which PyInstaller installs on Windows alone. `.ci/frozen_build` checks it on Linux too.
"""

from __future__ import annotations

from typing import Any

COMPANY = "县人大常委会代表工作委员会"
PRODUCT = "联络站工作台 Liaison Desk"
COPYRIGHT = "GPL-3.0-or-later"


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """'0.1.0' -> (0, 1, 0, 0): Windows wants four numbers."""
    numbers = [int(part) for part in version.split(".")[:4]]
    return (*numbers, *[0] * (4 - len(numbers)))  # type: ignore[return-value]


def version_info(version: str, file_name: str, description: str) -> Any:
    from PyInstaller.utils.win32 import versioninfo as vi

    numbers = version_tuple(version)
    strings = [
        vi.StringStruct("CompanyName", COMPANY),
        vi.StringStruct("FileDescription", description),
        vi.StringStruct("FileVersion", version),
        vi.StringStruct("InternalName", file_name),
        vi.StringStruct("LegalCopyright", COPYRIGHT),
        vi.StringStruct("OriginalFilename", f"{file_name}.exe"),
        vi.StringStruct("ProductName", PRODUCT),
        vi.StringStruct("ProductVersion", version),
    ]
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            vi.StringFileInfo([vi.StringTable("080404B0", strings)]),  # zh-CN, Unicode
            vi.VarFileInfo([vi.VarStruct("Translation", [0x0804, 1200])]),
        ],
    )
