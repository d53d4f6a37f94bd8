"""The main window's tabs: one register each."""
