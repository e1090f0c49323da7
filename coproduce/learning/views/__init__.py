"""Learning pages, one module per area: charter, champions, training, inductions, recommendations."""
