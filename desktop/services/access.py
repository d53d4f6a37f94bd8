"""Sign-in, roles and permissions (desktop/domain/roles.py), over the local users table.

Passwords are kept only as scrypt hashes (hashlib, OpenSSL's scrypt: no extra package and no
cryptography import at start). Sign-in is off until an administrator or station head turns it
on; then the window asks for a user before it shows any record.
"""

from __future__ import annotations

import base64
import getpass
import hashlib
import hmac
import math
import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from desktop.db.engine import Database
from desktop.db.models import AppSetting
from desktop.db.security import User
from desktop.domain.errors import ServiceError
from desktop.domain.roles import (
    AuditAction,
    Permission,
    Role,
    may,
    roles_for,
    senior_role,
)
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.services.audit import AuditLog, phrase

SIGN_IN_KEY = "sign_in_required"
_SCRYPT = (14, 8, 1)  # log2(n), r, p: 16 MiB, about 40 ms: slow to guess, quick to sign in
MIN_PASSWORD = 8
# Guessing at the PC: after this many wrong tries in a row, each next try waits this long.
TRIES_BEFORE_WAIT = 5
WAIT_SECONDS = 30

WRONG_PASSWORD = QT_TRANSLATE_NOOP(
    "Service", "The user name or the password is not right. Check them and try again."
)
SHORT_PASSWORD = QT_TRANSLATE_NOOP(
    "Service", "A password needs at least 8 characters. Choose a longer one."
)
LOGIN_TAKEN = QT_TRANSLATE_NOOP(
    "Service", "There is already a user “{login}”. Choose another name."
)
BAD_LOGIN = QT_TRANSLATE_NOOP(
    "Service", "A user name is 1 to 40 letters or digits, without spaces."
)
WAIT_BEFORE_TRYING = QT_TRANSLATE_NOOP(
    "Service",
    "Five wrong tries in a row: wait {seconds} seconds before the next try. If the password is "
    "forgotten, the station head or an administrator can set a new one.",
)
WRONG_CURRENT = QT_TRANSLATE_NOOP(
    "Service", "The present password is not right, so the password was not changed."
)
NOT_SIGNED_IN = QT_TRANSLATE_NOOP(
    "Service", "Nobody is signed in: there is no password of yours to change."
)
NO_SUCH_USER = QT_TRANSLATE_NOOP("Service", "There is no user “{login}”.")
WRONG_ROLE = QT_TRANSLATE_NOOP("Service", "This role does not exist at this kind of site.")
NO_MANAGER = QT_TRANSLATE_NOOP(
    "Service",
    "Sign-in needs at least one active user who may manage users (a station head or an "
    "administrator); otherwise nobody could turn it off again. Add one first.",
)
LAST_MANAGER = QT_TRANSLATE_NOOP(
    "Service",
    "This is the last active user who may manage users while sign-in is on. Add another one "
    "first, or turn sign-in off.",
)
NOT_PERMITTED = {
    Permission.REVEAL: QT_TRANSLATE_NOOP(
        "Service",
        "Your role may not show full phone and ID numbers. Ask the station head or an "
        "administrator.",
    ),
    Permission.PRINT_UNMASKED: QT_TRANSLATE_NOOP(
        "Service",
        "Your role may not print phone and ID numbers in full. Print them masked, or ask the "
        "station head or an administrator.",
    ),
    Permission.EXPORT_PERSONAL: QT_TRANSLATE_NOOP(
        "Service",
        "Your role may not export personal data to a file. Ask the station head or an "
        "administrator.",
    ),
    Permission.RESTORE: QT_TRANSLATE_NOOP(
        "Service", "Only the station head or an administrator may restore from a backup."
    ),
    Permission.MANAGE: QT_TRANSLATE_NOOP(
        "Service",
        "Only the station head or an administrator may manage users, sign-in and the audit log.",
    ),
    Permission.KEEP_DEPARTMENTS: QT_TRANSLATE_NOOP(
        "Service",
        "Only the station head, a county officer or an administrator may change or remove a "
        "department. A clerk may add one.",
    ),
}


def hash_password(password: str) -> str:
    log2_n, r, p = _SCRYPT
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2**log2_n, r=r, p=p,
                            maxmem=64 * 1024 * 1024, dklen=32)  # fmt: skip
    b64 = base64.b64encode
    return f"scrypt${log2_n}${r}${p}${b64(salt).decode()}${b64(digest).decode()}"


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, log2_n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        again = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt),
                               n=2 ** int(log2_n), r=int(r), p=int(p),
                               maxmem=64 * 1024 * 1024, dklen=32)  # fmt: skip
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(again, base64.b64decode(digest))


@dataclass(frozen=True)
class Account:
    login: str
    name: str
    role: Role
    active: bool = True


def _pc_account() -> str:
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = "?"
    return f"{user}@{socket.gethostname()}"


class Access:
    """Who is at the PC, and what they may do. ``county()`` tells the site's kind."""

    def __init__(
        self,
        db: Database,
        county: Callable[[], bool],
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.db = db
        self._county = county
        self.user: Account | None = None
        self.audit = AuditLog(db, self.who)
        # This PC's time in seconds since 1970, the clock the audit log stamps its rows by.
        self._clock = clock
        # A read-only database keeps no audit row: its wrong tries (login, when) are counted
        # here, for as long as the program runs.
        self._unwritten: list[tuple[str, float]] = []

    # --- who, and what they may do ------------------------------------------------------

    def sign_in_required(self) -> bool:
        with self.db.read() as s:
            setting = s.get(AppSetting, SIGN_IN_KEY)
            return setting is not None and setting.value == "1"

    def role(self) -> Role:
        if self.user is not None:
            return self.user.role
        if self.sign_in_required():
            return Role.CLERK  # nobody signed in: the least
        return senior_role(self._county())

    def who(self) -> tuple[str, str]:
        if self.user is not None:
            return f"{self.user.login} {self.user.name}", self.user.role.value
        return _pc_account(), self.role().value

    def may(self, permission: Permission) -> bool:
        return may(self.role(), permission)

    def require(self, permission: Permission) -> None:
        if not self.may(permission):
            raise ServiceError(NOT_PERMITTED[permission])

    def county(self) -> bool:
        """A county office's database (officer and administrator) or a station's."""
        return self._county()

    def roles(self) -> tuple[Role, ...]:
        """The roles a user of this site may have."""
        return roles_for(self._county())

    def reveal(self, target: str) -> None:
        """Showing ``target``'s full phone and ID number: refused to a role that may not, and
        on record before anything is shown (reliability rows 27-28)."""
        self.require(Permission.REVEAL)
        self.audit.record(AuditAction.REVEAL, target)

    # --- signing in ---------------------------------------------------------------------

    def wait_left(self, login: str | None = None) -> int:
        """Seconds before ``login`` may try to sign in (0: now); None: the login whose try
        failed last (the sign-in dialog, before anyone types). After TRIES_BEFORE_WAIT wrong
        tries in a row (since the login last signed in), each further try waits WAIT_SECONDS
        after the last wrong one. Counted from the audit log, which records every wrong try:
        closing the program, or running the command line again, does not start afresh."""
        tries = self._wrong_tries(login)
        if len(tries) < TRIES_BEFORE_WAIT:
            return 0
        elapsed = self._clock() - tries[0]
        if elapsed < 0:
            # The last wrong try is stamped later than now: the PC's clock went back since
            # (a flat CMOS battery, reliability row 17). Waiting until it caught up could
            # shut the station out for years, so that wait is not kept.
            return 0
        return max(0, min(WAIT_SECONDS, math.ceil(WAIT_SECONDS - elapsed)))

    def _wrong_tries(self, login: str | None) -> list[float]:
        """When ``login``'s wrong tries since it last signed in were, newest first."""
        if not self.db.read_only:
            found = self.audit.wrong_sign_ins(login, TRIES_BEFORE_WAIT)
            return [at.timestamp() for at in found]
        if login is None:
            login = self._unwritten[-1][0] if self._unwritten else ""
        return [at for who, at in reversed(self._unwritten) if who == login.strip()]

    def sign_in(self, login: str, password: str) -> Account:
        login = login.strip()
        wait = self.wait_left(login)
        if wait:  # not even checked: a guess during the wait tells nothing
            raise ServiceError(WAIT_BEFORE_TRYING, seconds=str(wait))
        with self.db.read() as s:
            user = s.scalar(select(User).where(User.login == login))
        if user is None or not user.active or not check_password(password, user.password_hash):
            if self.db.read_only:
                self._unwritten.append((login, self._clock()))
            self.audit.record(AuditAction.SIGN_IN_FAILED, login)
            raise ServiceError(WRONG_PASSWORD)
        self._unwritten = [(who, at) for who, at in self._unwritten if who != login]
        self.user = Account(user.login, user.name, Role(user.role))
        self.audit.record(AuditAction.SIGN_IN, login)
        return self.user

    def sign_out(self) -> None:
        if self.user is not None:
            self.audit.record(AuditAction.SIGN_OUT, self.user.login)
        self.user = None

    # --- users (MANAGE) -----------------------------------------------------------------

    def users(self) -> list[Account]:
        with self.db.read() as s:
            return [
                Account(u.login, u.name, Role(u.role), u.active)
                for u in s.scalars(select(User).order_by(User.login))
            ]

    def add_user(self, login: str, name: str, role: Role, password: str) -> Account:
        self.require(Permission.MANAGE)
        login, name = login.strip(), name.strip() or login.strip()
        if not login or len(login) > 40 or not all(c.isalnum() or c in "._-" for c in login):
            raise ServiceError(BAD_LOGIN)
        if role not in roles_for(self._county()):
            raise ServiceError(WRONG_ROLE)
        if len(password) < MIN_PASSWORD:
            raise ServiceError(SHORT_PASSWORD)
        with self.db.write() as s:
            if s.scalar(select(User.id).where(User.login == login)) is not None:
                raise ServiceError(LOGIN_TAKEN, login=login)
            s.add(User(login=login, name=name[:40], role=role.value,
                       password_hash=hash_password(password)))  # fmt: skip
            added = phrase("user added: {role}", role=role.value)
            self.audit.record(AuditAction.SETTINGS, login, added, session=s)
        return Account(login, name[:40], role)

    def set_password(self, login: str, password: str) -> None:
        """A user's own password, or anyone's by a manager."""
        if self.user is None or self.user.login != login:
            self.require(Permission.MANAGE)
        if len(password) < MIN_PASSWORD:
            raise ServiceError(SHORT_PASSWORD)
        with self.db.write() as s:
            user = s.scalar(select(User).where(User.login == login))
            if user is None:
                raise ServiceError(NO_SUCH_USER, login=login)
            user.password_hash = hash_password(password)
            self.audit.record(AuditAction.SETTINGS, login, "password changed", session=s)

    def change_own_password(self, current: str, new: str) -> None:
        """The signed-in user's own password, after the present one (someone passing an
        unattended PC cannot take the account over)."""
        if self.user is None:
            raise ServiceError(NOT_SIGNED_IN)
        with self.db.read() as s:
            stored = s.scalar(select(User.password_hash).where(User.login == self.user.login))
        if stored is None or not check_password(current, stored):
            raise ServiceError(WRONG_CURRENT)
        self.set_password(self.user.login, new)

    def set_active(self, login: str, active: bool) -> None:
        self.require(Permission.MANAGE)
        with self.db.write() as s:
            user = s.scalar(select(User).where(User.login == login))
            if user is None:
                raise ServiceError(NO_SUCH_USER, login=login)
            user.active = active
            s.flush()
            if not active and self._sign_in_on(s) and not self._managers(s):
                raise ServiceError(LAST_MANAGER)
            what = "user enabled" if active else "user disabled"
            self.audit.record(AuditAction.SETTINGS, login, what, session=s)

    def set_sign_in_required(self, required: bool) -> None:
        self.require(Permission.MANAGE)
        with self.db.write() as s:
            if required and not self._managers(s):
                raise ServiceError(NO_MANAGER)
            s.merge(AppSetting(key=SIGN_IN_KEY, value="1" if required else "0"))
            what = "sign-in required" if required else "sign-in turned off"
            self.audit.record(AuditAction.SETTINGS, "", what, session=s)

    def _sign_in_on(self, s) -> bool:
        setting = s.get(AppSetting, SIGN_IN_KEY)
        return setting is not None and setting.value == "1"

    def _managers(self, s) -> list[str]:
        logins = s.scalars(select(User.login).where(User.active, User.role.in_(
            [r.value for r in Role if may(r, Permission.MANAGE)])))  # fmt: skip
        return list(logins)
