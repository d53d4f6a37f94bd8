"""The Qt interface: main window, tabs, dialogs, table models (the only package with widgets)."""
