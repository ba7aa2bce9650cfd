"""The participant server: the phone page and its API, served by the laptop to the room's phones (no Qt here)."""
