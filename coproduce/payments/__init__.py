"""Rate cards, payment offers, claims and what was paid."""
