"""Forms for groups, proposals, responses, decisions, concerns and agenda items, one module for each."""
