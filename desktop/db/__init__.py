"""Storage: the SQLAlchemy engine, tables and migrations (the only package that knows SQL)."""
