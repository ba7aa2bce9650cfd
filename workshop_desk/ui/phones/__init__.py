"""The room's phones at the console: the participant server's life, its switch and settings, the approval queue."""
