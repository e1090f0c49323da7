"""Decisions pages, one module per area: the register, groups, proposals, responses, concerns, agendas."""
