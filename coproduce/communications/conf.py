"""Thresholds for the plain-language checks. Each can be set in settings (and so from the environment)."""

from django.conf import settings


def reading_ease_target() -> float:
    """Warn when a text's Flesch reading ease is below this (60 is "plain English")."""
    return float(getattr(settings, "COPRODUCE_READING_EASE_TARGET", 60))


def long_sentence_words() -> int:
    """A sentence with more words than this is long: the panel lists it and suggests splitting it."""
    return int(getattr(settings, "COPRODUCE_LONG_SENTENCE_WORDS", 25))
