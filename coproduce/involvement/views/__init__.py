"""Pages for "Get involved" and for running activities, one module per area."""
