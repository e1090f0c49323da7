"""The dashboard's indicators: quarters, how each is counted, and their definitions and targets."""
