"""Forms for finding, planning and running activities, one module per area."""
