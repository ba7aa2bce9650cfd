"""Printed documents written from domain objects: badge sheets, attendance sheets and reports."""
