"""Writes with effects for project groups, proposals, the decision register, concerns and agendas."""
