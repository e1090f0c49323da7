"""Writes with effects about activities, one module per area."""
