"""Numbers about people that leave the system: disclosure control, indicators, reports."""
