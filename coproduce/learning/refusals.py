"""The refusal every learning service raises."""

from coproduce.refusals import Refused


class LearningRefused(Refused):
    """A change the charter or training rules do not allow, explained for the person."""
