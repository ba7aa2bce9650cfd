"""Reusable widgets that know nothing of the app's documents."""
