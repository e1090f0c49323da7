"""Thresholds for the plain-language checks. Each can be set in settings (and so from the environment)."""

from pathlib import Path

from django.conf import settings


def reading_ease_target() -> float:
    """Warn when a text's Flesch reading ease is below this (60 is "plain English")."""
    return float(settings.COPRODUCE_READING_EASE_TARGET)


def long_sentence_words() -> int:
    """A sentence with more words than this is long: the panel lists it and suggests splitting it."""
    return int(settings.COPRODUCE_LONG_SENTENCE_WORDS)


def format_request_days() -> int:
    """A request for another format is due this many days after it arrives."""
    return int(settings.COPRODUCE_FORMAT_REQUEST_DAYS)


def format_requests_per_ip_per_hour() -> int:
    """How many format requests one internet address may send in an hour without signing in."""
    return int(settings.COPRODUCE_FORMAT_REQUESTS_PER_IP_PER_HOUR)


def sms_backend() -> str:
    """Dotted path to the text message provider (a coproduce.communications.sms.SmsBackend)."""
    return str(settings.COPRODUCE_SMS_BACKEND)


def sms_folder() -> Path:
    """Where the development text message backend writes one file per message."""
    return Path(settings.COPRODUCE_SMS_FOLDER)


def message_retries() -> int:
    """How many times a failed email or text is tried again before it is shown as failed."""
    return int(settings.COPRODUCE_MESSAGE_RETRIES)


def message_retry_seconds() -> int:
    """Wait before the first retry; each later retry waits twice as long as the one before."""
    return int(settings.COPRODUCE_MESSAGE_RETRY_SECONDS)
