"""Writes with effects for learning, one module per area: charter, reminders, recommendations, training, inductions."""
