"""Text messages through a pluggable provider.

``get_backend()`` returns the backend named by ``settings.COPRODUCE_SMS_BACKEND`` (a dotted path to a
``SmsBackend`` subclass). The default, ``FolderSmsBackend``, writes one file per message into
``COPRODUCE_SMS_FOLDER`` so that development and tests never send a real text. A provider backend
subclasses ``SmsBackend`` and raises on failure (the messaging path then retries).
"""

import uuid
from pathlib import Path

from django.utils import timezone
from django.utils.module_loading import import_string

from coproduce.communications import conf


class SmsBackend:
    """Send one text message. Raise any exception when it could not be sent."""

    def send(self, number: str, text: str) -> None:
        raise NotImplementedError


class FolderSmsBackend(SmsBackend):
    """Development backend: each message becomes a text file in the folder."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else conf.sms_folder()

    def send(self, number: str, text: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        name = f"{timezone.now():%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:8]}.txt"
        (self.folder / name).write_text(f"To: {number}\n\n{text}\n", encoding="utf-8")


def get_backend() -> SmsBackend:
    backend_class = import_string(conf.sms_backend())
    backend = backend_class()
    if not isinstance(backend, SmsBackend):
        raise TypeError(f"{conf.sms_backend()} is not an SmsBackend.")
    return backend


# Texts "sent" by MemorySmsBackend, like django.core.mail.outbox: (number, text) pairs.
outbox: list[tuple[str, str]] = []


class MemorySmsBackend(SmsBackend):
    """Test backend: keeps each text in ``sms.outbox``."""

    def send(self, number: str, text: str) -> None:
        outbox.append((number, text))
