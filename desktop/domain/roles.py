"""Who may do what with people's personal data (PIPL Art. 51: access control).

Four roles: the clerk and the station head at a station (or a township centre), the officer
and the administrator at the county office. Sign-in is a site's choice: without it the one
person at the PC acts in the site's senior role (station head, or administrator at the
county), as before sign-in existed, and the audit log names the PC's account instead.
"""

from __future__ import annotations

from enum import StrEnum

from desktop.domain.tr import QT_TRANSLATE_NOOP


class Role(StrEnum):
    CLERK = "clerk"
    STATION_HEAD = "station_head"
    OFFICER = "officer"
    ADMIN = "admin"


ROLE_LABELS = {
    Role.CLERK: QT_TRANSLATE_NOOP("Roles", "Clerk"),
    Role.STATION_HEAD: QT_TRANSLATE_NOOP("Roles", "Station head"),
    Role.OFFICER: QT_TRANSLATE_NOOP("Roles", "County officer"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Roles", "Administrator"),
}

STATION_ROLES = (Role.CLERK, Role.STATION_HEAD)  # a station's or a township centre's PC
COUNTY_ROLES = (Role.OFFICER, Role.ADMIN)


class Permission(StrEnum):
    REVEAL = "reveal"  # show a person's full phone and ID number on screen
    PRINT_UNMASKED = "print_unmasked"  # put them in full on paper, a PDF or a workbook
    EXPORT_PERSONAL = "export_personal"  # export a list of people (names, phones) to a file
    RESTORE = "restore"  # replace the database with a backup
    MANAGE = "manage"  # users, sign-in, retention, the audit log
    # change or remove a department (any role adds one: a referral cannot wait)
    KEEP_DEPARTMENTS = "keep_departments"


PERMISSIONS: dict[Role, frozenset[Permission]] = {
    # A clerk records and prints masked ledgers; calling a person back goes through the head.
    Role.CLERK: frozenset(),
    Role.STATION_HEAD: frozenset(Permission),
    Role.OFFICER: frozenset(
        {Permission.REVEAL, Permission.PRINT_UNMASKED, Permission.KEEP_DEPARTMENTS}
    ),
    Role.ADMIN: frozenset(Permission),
}

PERMISSION_LABELS = {
    Permission.REVEAL: QT_TRANSLATE_NOOP("Roles", "show full phone and ID numbers"),
    Permission.PRINT_UNMASKED: QT_TRANSLATE_NOOP("Roles", "print phone and ID numbers in full"),
    Permission.EXPORT_PERSONAL: QT_TRANSLATE_NOOP("Roles", "export personal data to a file"),
    Permission.RESTORE: QT_TRANSLATE_NOOP("Roles", "restore the database from a backup"),
    Permission.MANAGE: QT_TRANSLATE_NOOP("Roles", "manage users, sign-in and the audit log"),
    Permission.KEEP_DEPARTMENTS: QT_TRANSLATE_NOOP("Roles", "change or remove departments"),
}


def senior_role(county: bool) -> Role:
    """The role of the person at a PC without sign-in."""
    return Role.ADMIN if county else Role.STATION_HEAD


def roles_for(county: bool) -> tuple[Role, ...]:
    return COUNTY_ROLES if county else STATION_ROLES


def may(role: Role, permission: Permission) -> bool:
    return permission in PERMISSIONS[role]


class AuditAction(StrEnum):
    """What the audit log records (reliability row 28)."""

    REVEAL = "reveal"
    PRINT = "print"  # a ledger or list to paper or PDF
    EXPORT = "export"  # a workbook, a bundle, a report, a backup to a USB stick
    IMPORT = "import"  # a workbook or a bundle
    RESTORE = "restore"
    DELETE = "delete"
    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGN_OUT = "sign_out"
    PURGE = "purge"  # personal details of old closed cases removed (retention)
    SETTINGS = "settings"  # users, roles, sign-in, retention changed


AUDIT_LABELS = {
    AuditAction.REVEAL: QT_TRANSLATE_NOOP("Audit", "Revealed personal data"),
    AuditAction.PRINT: QT_TRANSLATE_NOOP("Audit", "Printed"),
    AuditAction.EXPORT: QT_TRANSLATE_NOOP("Audit", "Exported"),
    AuditAction.IMPORT: QT_TRANSLATE_NOOP("Audit", "Imported"),
    AuditAction.RESTORE: QT_TRANSLATE_NOOP("Audit", "Restored from a backup"),
    AuditAction.DELETE: QT_TRANSLATE_NOOP("Audit", "Deleted"),
    AuditAction.SIGN_IN: QT_TRANSLATE_NOOP("Audit", "Signed in"),
    AuditAction.SIGN_IN_FAILED: QT_TRANSLATE_NOOP("Audit", "Sign-in refused"),
    AuditAction.SIGN_OUT: QT_TRANSLATE_NOOP("Audit", "Signed out"),
    AuditAction.PURGE: QT_TRANSLATE_NOOP("Audit", "Personal details purged"),
    AuditAction.SETTINGS: QT_TRANSLATE_NOOP("Audit", "Settings changed"),
}
