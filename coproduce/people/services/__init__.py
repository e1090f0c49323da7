"""Writes with effects about people, one module per area."""
