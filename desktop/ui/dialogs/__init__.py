"""One dialog per record kind, each a RecordDialog with only that record's fields."""
