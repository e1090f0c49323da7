"""People pages, one module per area: the directory, the person's own details, data rights, imports."""
