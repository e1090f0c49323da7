"""Short experience surveys after activities and for standing groups, answered online, anonymously or by phone."""
