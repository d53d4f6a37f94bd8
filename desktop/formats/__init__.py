"""Workbook (openpyxl) and PDF (reportlab) readers and writers: no sessions, no Qt."""
