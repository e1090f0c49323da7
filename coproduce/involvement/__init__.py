"""Activities people take part in: "Get involved", registrations, access arrangements and attendance."""
