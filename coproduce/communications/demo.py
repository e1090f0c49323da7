"""The alternative-format part of the demo data (for `seed_demo`; running it again changes nothing).

Grace has asked for the accessibility statement in braille (open), and Dev for the help page in Easy
Read (in hand, with Amina).
"""

from coproduce.accounts.models import User
from coproduce.communications.choices import Format, RequestStatus
from coproduce.communications.models import FormatRequest
from coproduce.communications.services import request_format, update_format_request
from coproduce.people.models import Person


def seed(people: dict[str, Person], coordinator: User) -> None:
    """``people`` maps each persona's key (amina, dev, grace, tom, priya, sam, morgan) to their record."""
    grace, dev = people["grace"], people["dev"]
    if not FormatRequest.objects.filter(person=grace, page_path="/accessibility/").exists():
        request_format(page_path="/accessibility/", format=Format.BRAILLE, person=grace, by=grace.user)
    if not FormatRequest.objects.filter(person=dev, page_path="/help/").exists():
        request = request_format(page_path="/help/", format=Format.EASY_READ, person=dev, by=dev.user)
        update_format_request(request, status=RequestStatus.IN_HAND, by=coordinator)
