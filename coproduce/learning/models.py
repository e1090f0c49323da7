"""The co-production charter, champions, partner commitments, training and induction."""
