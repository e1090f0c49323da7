"""Template filters for money (a template builtin: every template can use them)."""
