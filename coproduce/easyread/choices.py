"""The choices of the Easy Read app: document status and the pictograms drawn for Coproduce."""

from pathlib import Path

from django.db import models

PICTOGRAM_FOLDER = Path(__file__).resolve().parent / "static" / "easyread" / "pictograms"


class DocumentStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class Pictogram(models.TextChoices):
    """Each value is the pictogram's file name in static/easyread/pictograms/; the label names what it shows."""

    PERSON = "person.svg", "A person"
    GROUP_MEETING = "group-meeting.svg", "A group meeting"
    CALENDAR = "calendar.svg", "A calendar"
    MONEY = "money.svg", "Money"
    QUESTION = "question.svg", "A question"
    YES = "yes.svg", "Yes (a tick)"
    NO = "no.svg", "No (a cross)"
    SPEECH = "speech.svg", "Talking (a speech bubble)"
    PHONE = "phone.svg", "A phone"
    BUS = "bus.svg", "A bus"
    HOME = "home.svg", "A home"
    INFORMATION = "information.svg", "Information"
    HEART = "heart.svg", "A heart"
    BOOK = "book.svg", "An open book"
    MAGNIFIER = "magnifier.svg", "A magnifying glass"
    PEN = "pen.svg", "A pen writing a signature"
    FLAG = "flag.svg", "A flag at the start"
    SCALES = "scales.svg", "Balanced scales"


def pictogram_path(name: str) -> Path:
    """The file of a pictogram on disk (for PDFs, which read files rather than URLs)."""
    return PICTOGRAM_FOLDER / Pictogram(name).value
