"""Workshop Desk: run live participatory workshops offline, from a laptop and a projector."""

__version__ = "0.1.0"
