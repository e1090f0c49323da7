"""The newsletters part of the demo data (called by `seed_demo`; running it again changes nothing).

Dev, Grace and Priya have said we may keep in touch with them (without that nobody could get a
newsletter). There is a sent newsletter to all members and carers, with an Easy Read version, and a
draft one to them without, so its preview shows that Easy Read readers would get the standard text.
"""

from coproduce.accounts.models import User
from coproduce.newsletters.choices import Audience
from coproduce.newsletters.models import Newsletter
from coproduce.newsletters.services import save_draft, send_newsletter
from coproduce.people.models import Consent, ConsentMethod, Notice, Person, Purpose

KEEPING_IN_TOUCH = ("dev", "grace", "priya")

SENT_TITLE = "Autumn news from the network"
SENT_BODY = """Hello {first_name},

Thank you for everything you did this summer. Here is our news.

We walked round the bus stops near the hospital with the council. Eight of you came. We wrote down
every stop that is hard to use.

Our next workshop is about Easy Read letters from GP surgeries. Come and help us write them. We pay
you for your time and your travel.

Best wishes from the co-production team."""
SENT_EASY_READ = """Hello {first_name}.
Thank you for your help this summer.
We looked at bus stops near the hospital.
8 people came.
Our next workshop is about letters from the doctor.
We want to make them Easy Read.
Please come and help.
We pay you for your time.
We pay for your travel."""

DRAFT_TITLE = "Winter news: what you told us"
DRAFT_BODY = """Hello {first_name},

You told us the bus stops near the hospital were the hardest to use. The council has agreed to change
three of them first.

We will write to you again when the work starts."""


def seed(people: dict[str, Person], coordinator: User) -> None:
    notice = Notice.objects.current(Purpose.CONTACT)
    for key in KEEPING_IN_TOUCH:
        person = people[key]
        if not Consent.objects.filter(person=person).active().for_purpose(Purpose.CONTACT).exists():
            Consent.objects.create(person=person, notice=notice, method=ConsentMethod.ONLINE)
    if not Newsletter.objects.filter(title=SENT_TITLE).exists():
        sent = save_draft(
            None,
            title=SENT_TITLE,
            body=SENT_BODY,
            easy_read_body=SENT_EASY_READ,
            audience=Audience.MEMBERS,
            group=None,
            project=None,
            by=coordinator,
        )
        send_newsletter(sent, by=coordinator)
    if not Newsletter.objects.filter(title=DRAFT_TITLE).exists():
        save_draft(
            None,
            title=DRAFT_TITLE,
            body=DRAFT_BODY,
            easy_read_body="",
            audience=Audience.MEMBERS,
            group=None,
            project=None,
            by=coordinator,
        )
