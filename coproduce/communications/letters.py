"""The coordinator's post batch: one accessible letter a page, each at its reader's print size."""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone

from coproduce.communications.messaging import print_points
from coproduce.communications.models import Message
from coproduce.pdf import LARGE_PRINT_POINTS, STANDARD_POINTS, render_pdf

TEMPLATE = "communications/pdf/letters.html"


@dataclass(frozen=True)
class Letter:
    message_id: int
    name: str
    address_lines: list[str]
    date: str
    subject: str
    paragraphs: list[str]
    points: int
    easy_read: bool


def letters_for(messages: Iterable[Message]) -> list[Letter]:
    letters = []
    for message in messages:
        person = message.person
        letters.append(
            Letter(
                message_id=message.pk,
                # The letter goes to the person themselves, so it uses their own name in full.
                name=person.full_name,
                address_lines=[line.strip() for line in person.postal_address.splitlines() if line.strip()],
                date=f"{timezone.localdate(message.created_at):%-d %B %Y}",
                subject=message.subject,
                paragraphs=[part.strip() for part in re.split(r"\n\s*\n", message.body) if part.strip()],
                points=print_points(person, message.format),
                easy_read=message.format == "easy_read",
            )
        )
    return letters


def _context(letters: list[Letter]) -> dict[str, object]:
    return {"letters": letters, "sizes": (STANDARD_POINTS, *LARGE_PRINT_POINTS)}


def letters_html(messages: Iterable[Message]) -> str:
    """The HTML the batch PDF is made from (tests read sizes from it)."""
    return render_to_string(TEMPLATE, {"points": STANDARD_POINTS, **_context(letters_for(messages))})


def post_batch_pdf(messages: Iterable[Message]) -> bytes:
    """A tagged PDF with one letter a page, large print at each person's size."""
    return render_pdf(TEMPLATE, _context(letters_for(messages)))
