"""The people app's forms, one module per area: directory, imports, profile."""
