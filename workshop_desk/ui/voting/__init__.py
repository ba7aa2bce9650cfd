"""Votes, priorities and the action plan at the console: pages, entry forms, commands and the projector feed."""
