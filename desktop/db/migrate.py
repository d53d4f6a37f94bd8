"""Bringing a database to the program's schema: Alembic, with a backup first and no downgrade."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from desktop.db.engine import Database
from desktop.db.postgres import is_search_name
from desktop.db.revision import HEAD
from desktop.db.sqlite import is_fts_name
from desktop.domain.errors import SchemaTooNew

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

__all__ = ["HEAD", "SchemaTooNew", "migrate"]

MIGRATIONS = Path(__file__).with_name("migrations")
# Opening an up-to-date database compares against HEAD and never imports Alembic (about 90 ms
# at start).


@dataclass(frozen=True)
class Migration:
    upgraded: bool
    backup: Path | None = None  # the copy taken before an existing database was changed


def alembic_config(script_location: Path = MIGRATIONS) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    """The revision stamped in the database (None for a new, empty one)."""
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def include_name(name: str | None, type_: str, _parent: object) -> bool:
    """For autogenerate and schema comparison: the full-text index (FTS5 on SQLite, the search
    table on PostgreSQL) is made by hand in a migration; the models do not declare it."""
    return not (type_ == "table" and (is_fts_name(name) or is_search_name(name)))


def known(revision: str, script: ScriptDirectory | None = None) -> bool:
    """Whether ``revision`` is one of this program's migrations (else a newer program wrote
    the database)."""
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    script = script or ScriptDirectory.from_config(alembic_config())
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


def migrate(
    db: Database,
    *,
    backup_dir: Path | None = None,
    config: Config | None = None,
    now: dt.datetime | None = None,
) -> Migration:
    """Upgrade to head in one transaction, after a backup of an existing database file (into
    ``backup_dir``, by default the backups folder beside it; ``now`` names it)."""
    current = current_revision(db)
    if config is None and current == HEAD:
        return Migration(upgraded=False)
    from alembic import command
    from alembic.script import ScriptDirectory

    config = config or alembic_config()
    script = ScriptDirectory.from_config(config)
    if current is not None and not known(current, script):
        raise SchemaTooNew(current)
    if current == script.get_current_head():
        return Migration(upgraded=False)
    backup = None
    # A server database is not copied here: the server's own backups (pg_dump, base backups)
    # protect it, and the upgrade below is one transaction there as well.
    if current is not None and db.path is not None:
        from desktop.db import backups  # an automatic backup: checked, named, rotated

        folder = backup_dir if backup_dir is not None else backups.folder_for(db.path)
        when = now or dt.datetime.now()
        backup = backups.take(db.path, folder, "migration", when)
        backups.rotate(folder, db.path.stem, when.date())
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return Migration(upgraded=True, backup=backup)
