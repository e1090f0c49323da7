"""Choices for alternative-format requests."""

from django.db import models


class Format(models.TextChoices):
    LARGE_PRINT = "large_print", "Large print"
    EASY_READ = "easy_read", "Easy Read"
    AUDIO = "audio", "Audio"
    BSL = "bsl", "British Sign Language (BSL)"
    BRAILLE = "braille", "Braille"
    OTHER_LANGUAGE = "other_language", "Another language"


class RequestStatus(models.TextChoices):
    OPEN = "open", "Open"
    IN_HAND = "in_hand", "In hand"
    DONE = "done", "Done"
    CANNOT_DO = "cannot_do", "Cannot do"


CLOSED_STATUSES = (RequestStatus.DONE, RequestStatus.CANNOT_DO)
