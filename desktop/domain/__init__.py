"""Plain-Python core: enums, drafts, rows, rules and validation (standard library only)."""
