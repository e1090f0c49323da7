"""Writes with effects for payments, one module per area: rate cards, offers, claims."""
