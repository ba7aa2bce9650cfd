"""Plain types and rules of the workshop domain: no database, no Qt."""
