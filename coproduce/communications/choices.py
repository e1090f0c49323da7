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


class MessageRoute(models.TextChoices):
    """How a message reached (or will reach) a person. Same values as people's ContactRoute."""

    EMAIL = "email", "Email"
    TEXT = "text", "Text message"
    POST = "post", "Post"
    PHONE = "phone", "Phone call"
    SUPPORTER = "supporter", "Through their supporter"
    NONE = "none", "No route"


class MessageFormat(models.TextChoices):
    STANDARD = "standard", "Standard"
    PLAIN_TEXT = "plain_text", "Plain text email (no formatting)"
    LARGE_PRINT = "large_print", "Large print"
    EASY_READ = "easy_read", "Easy Read"


class MessageStatus(models.TextChoices):
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    RETRYING = "retrying", "Retrying"
    FAILED = "failed", "Failed"
    NOT_SENT = "not_sent", "Not sent"
    WAITING_FOR_POST = "waiting_for_post", "Waiting for post"
    POSTED = "posted", "Printed and posted"
    TO_CALL = "to_call", "To call"
    CALLED = "called", "Called"


# Statuses a coordinator must act on, shown first on the Messages page.
NEEDS_ATTENTION = (MessageStatus.FAILED, MessageStatus.RETRYING, MessageStatus.NOT_SENT, MessageStatus.TO_CALL)
# Statuses where the message has left us (or a person has done the work).
DONE_STATUSES = (MessageStatus.SENT, MessageStatus.POSTED, MessageStatus.CALLED)
