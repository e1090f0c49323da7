"""The alternative-format part of the demo data (for `seed_demo`; running it again changes nothing).

Grace has asked for the accessibility statement in braille (open), and Dev for the help page in Easy
Read (in hand, with Amina).

Messages: Grace gets plain-text email (she uses a screen reader). Mary Kowalski, a member with no email
who asked for post in large print (18pt), has a letter waiting in the coordinator's post batch. A
reminder to Tom failed after its retries (the mail server was down), so it shows on the Messages page.
"""

from coproduce.accounts.models import User
from coproduce.communications.choices import Format, MessageFormat, MessageRoute, MessageStatus, RequestStatus
from coproduce.communications.messaging import Content, send_message
from coproduce.communications.models import ContactPreferences, FormatRequest, Message
from coproduce.communications.services import request_format, save_contact_preferences, update_format_request
from coproduce.people.models import AccessNeed, AccessProfile, Need, Person, PersonKind
from coproduce.people.models.person import ContactRoute

LETTER = Content(
    subject="Your invitation: bus stop design workshop",
    text=(
        "Dear Mary,\n\nWe would like you to come to our bus stop design workshop at the Riverside Centre.\n\n"
        "It is on the first Tuesday of next month, from 10am to 12 noon. "
        "There is step-free access and a quiet room.\n\n"
        "Please ring Amina on 01632 960000 to book your place, or if you have any questions."
    ),
)


def seed(people: dict[str, Person], coordinator: User) -> None:
    """``people`` maps each persona's key (amina, dev, grace, tom, priya, sam, morgan) to their record."""
    grace, dev = people["grace"], people["dev"]
    if not FormatRequest.objects.filter(person=grace, page_path="/accessibility/").exists():
        request_format(page_path="/accessibility/", format=Format.BRAILLE, person=grace, by=grace.user)
    if not FormatRequest.objects.filter(person=dev, page_path="/help/").exists():
        request = request_format(page_path="/help/", format=Format.EASY_READ, person=dev, by=dev.user)
        update_format_request(request, status=RequestStatus.IN_HAND, by=coordinator)

    seed_messages(people, coordinator)


def seed_messages(people: dict[str, Person], coordinator: User) -> None:
    grace, tom = people["grace"], people["tom"]
    if not ContactPreferences.objects.filter(person=grace).exists():
        save_contact_preferences(grace, actor=grace.user or coordinator, message_format=MessageFormat.PLAIN_TEXT)
    mary, _ = Person.objects.get_or_create(
        full_name="Mary Kowalski",
        defaults={
            "kind": PersonKind.MEMBER,
            "contact_route": ContactRoute.POST,
            "postal_address": "4 Canal Row\nRiverside\nRV3 4EF",
            "recorded_by": coordinator,
        },
    )
    if not AccessProfile.objects.filter(person=mary).exists():
        profile = AccessProfile.objects.create(person=mary, large_print_size=18)
        AccessNeed.objects.create(profile=profile, need=Need.LARGE_PRINT)
    if not Message.objects.filter(person=mary, subject=LETTER.subject).exists():
        send_message(mary, LETTER, topic="invitation", sent_by=coordinator)
    subject = "Reminder: bus stop design workshop"
    if not Message.objects.filter(person=tom, subject=subject, status=MessageStatus.FAILED).exists():
        Message.objects.create(
            person=tom,
            topic="reminder",
            route=MessageRoute.EMAIL,
            format=MessageFormat.STANDARD,
            subject=subject,
            body="Hello Tom.\n\nThis is a reminder about the bus stop design workshop.",
            sent_to=tom.email,
            status=MessageStatus.FAILED,
            attempts=4,
            last_error="SMTPConnectError: the mail server did not answer (demo data).",
        )
