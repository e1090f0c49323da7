"""Payments pages, one module per area: offers, claims, approval, statements and exports, rate cards."""
