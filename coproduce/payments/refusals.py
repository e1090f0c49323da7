"""The refusal every payments service raises."""

from coproduce.refusals import Refused


class PaymentRefused(Refused):
    """A payment action that cannot be done, with a message to show the person."""
