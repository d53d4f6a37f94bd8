"""Bringing a database to the program's schema: Alembic, with a backup first and no downgrade."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError

from desktop.db import sqlite
from desktop.db.engine import Database
from desktop.domain.errors import SchemaTooNew

__all__ = ["SchemaTooNew", "migrate"]

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(script_location: Path = MIGRATIONS) -> Config:
    config = Config()
    config.set_main_option("script_location", str(script_location))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _known(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


def migrate(
    db: Database, *, backup_dir: Path | None = None, config: Config | None = None
) -> Path | None:
    """Upgrade to head in one transaction; returns the backup taken first, if any."""
    config = config or alembic_config()
    script = ScriptDirectory.from_config(config)
    current = current_revision(db)
    if current is not None and not _known(script, current):
        raise SchemaTooNew(current)
    if current == script.get_current_head():
        return None
    backup = None
    if current is not None and backup_dir is not None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = backup_dir / f"{db.path.stem}-before-{script.get_current_head()}-{stamp}.sqlite"
        sqlite.backup_to(db.path, backup)
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return backup
