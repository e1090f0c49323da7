"""Project groups, proposals, the decision register and concerns."""
