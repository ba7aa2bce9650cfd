"""The console's pages: what fills the main window for each part of the work."""
