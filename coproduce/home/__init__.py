"""The home page's contents for each kind of person: a member's own things, the staff's work lists
with counts, a partner's organisation. Each module reads through the apps' queries and permissions."""
