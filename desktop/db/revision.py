"""The schema revision this program writes, in a module of its own: the quick first-screen
reader checks it with the standard library before SQLAlchemy or Alembic are loaded."""

# The newest migration script's revision; tests/test_storage.py keeps it equal to the scripts.
HEAD = "0010"
