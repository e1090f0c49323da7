"""Messages to people who sign in (coordinators, staff leads), sent on the one messaging path.

Alerts for staff are addressed to sign-ins (users), but contact preferences and access needs belong to
the user's ``Person`` record, so each alert goes to that Person through ``send_message``.
"""

from django.core.mail import send_mail

from coproduce.accounts.models import User
from coproduce.communications.messaging import Content, reached, send_message
from coproduce.people.models import Person

Recipient = Person | User


def recipient_for(user: User) -> Recipient:
    """The user's Person record if they have one; otherwise the user themself."""
    person = Person.objects.filter(user_id=user.pk).first()
    return person if person is not None else user


def recipients_for(users: list[User]) -> list[Recipient]:
    """``recipient_for`` for many users, in one query."""
    people = {person.user_id: person for person in Person.objects.filter(user_id__in=[user.pk for user in users])}
    return [people.get(user.pk, user) for user in users]


def send_to(recipient: Recipient, content: Content, *, topic: str) -> int:
    """Send ``content`` to a Person through ``send_message``; 1 if it reached them, else 0.

    A sign-in need not have a Person record: ``createsuperuser`` and ``seed_bench`` make users without
    one, and deleting a Person keeps their user. Such a user has no preferences or needs to honour and
    only their sign-in address to reach them at, so they get a plain email to that address instead. This
    is the one deliberate exception to "every outbound message goes through send_message".
    """
    if isinstance(recipient, Person):
        return reached(send_message(recipient, content, topic=topic))
    if not recipient.email:
        return 0
    return send_mail(subject=content.subject, message=content.text, from_email=None, recipient_list=[recipient.email])


def unique_recipients(recipients: list[Recipient]) -> list[Recipient]:
    """Each Person or user once, in the order given."""
    seen: set[tuple[str, int]] = set()
    unique: list[Recipient] = []
    for recipient in recipients:
        key = ("person" if isinstance(recipient, Person) else "user", recipient.pk)
        if key not in seen:
            seen.add(key)
            unique.append(recipient)
    return unique
