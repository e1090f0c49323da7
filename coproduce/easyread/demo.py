"""The Easy Read part of the demo data (called by `seed_demo`; running it again changes nothing)."""

from coproduce.accounts.models import User
from coproduce.easyread.choices import Pictogram
from coproduce.easyread.models import EasyReadDocument, EasyReadRow
from coproduce.easyread.services import add_row, create_document, publish_document
from coproduce.people.models import Person

TITLE = "What is co-production?"
ROWS = (
    (Pictogram.GROUP_MEETING, "A group meeting", "Co-production means we work together as equals."),
    (Pictogram.PERSON, "A person", "You are an expert in your own life."),
    (Pictogram.SPEECH, "A speech bubble", "We listen to what you say. We tell you what we did."),
    (Pictogram.MONEY, "Money", "We pay you for your time. We pay your travel too."),
)


def seed(people: dict[str, Person], coordinator: User) -> None:
    """One published Easy Read document with 4 rows that use pictograms."""
    if EasyReadDocument.objects.filter(title=TITLE).exists():
        return
    document = create_document(EasyReadDocument(title=TITLE), by=coordinator)
    for pictogram, alt_text, text in ROWS:
        add_row(EasyReadRow(document=document, text=text, pictogram=pictogram, alt_text=alt_text), by=coordinator)
    publish_document(document, by=coordinator)
