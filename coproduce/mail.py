"""Email delivery for development: every message is printed and also kept as a file."""

from collections.abc import Sequence

from django.core.mail.backends.console import EmailBackend as ConsoleBackend
from django.core.mail.backends.filebased import EmailBackend as FileBackend
from django.core.mail.message import EmailMessage


class DevelopmentEmailBackend(FileBackend):
    """Write each message to EMAIL_FILE_PATH and to standard output.

    The console copy lets someone running the demo follow an emailed sign-in link straight away;
    the file copy keeps a record of what was sent that outlives the terminal.
    """

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        sent = super().send_messages(email_messages)
        ConsoleBackend(fail_silently=self.fail_silently).send_messages(email_messages)
        return sent
