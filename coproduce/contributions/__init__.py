"""What people contributed, the answer each got, and how they were thanked."""
