"""Alembic environment: runs on the connection the program hands over (never its own URL)."""

from __future__ import annotations

from alembic import context

from desktop.db import models  # noqa: F401  (registers the tables)
from desktop.db.base import Base
from desktop.db.migrate import include_name

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite's limited ALTER TABLE
    compare_type=True,
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
