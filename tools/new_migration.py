"""Autogenerate the next Alembic revision from desktop/db/models.py (review it before commit)."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from alembic import command

from desktop.db.engine import Database
from desktop.db.migrate import alembic_config, migrate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("message", help="what the revision changes, e.g. 'case deadlines'")
    parser.add_argument("--rev-id", required=True, help="the next number, e.g. 0002")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Database(Path(folder) / "head.sqlite")
        migrate(db)  # the schema as the current scripts leave it
        config = alembic_config()
        with db.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.revision(config, message=args.message, autogenerate=True, rev_id=args.rev_id)
        db.dispose()


if __name__ == "__main__":
    main()
