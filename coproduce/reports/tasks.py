"""Personal digests, sent by the worker: each contributor hears what happened to what they said."""

from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django_tasks import task

from coproduce.accounts.models import User
from coproduce.communications.messaging import content_from_templates, send_message
from coproduce.people.models import Person
from coproduce.reports.models import Digest
from coproduce.reports.periods import Period
from coproduce.reports.queries import contributors_in, digest_lines

TOPIC = "digest"


@task()
def send_digests(start: str, end: str, requested_by_id: int | None = None) -> int:
    """Send the digest for the period to everyone who contributed in it and has not had it yet.

    Returns how many were sent. Running it again sends nobody a second one.
    """
    period = Period(date.fromisoformat(start), date.fromisoformat(end))
    requested_by = User.objects.filter(pk=requested_by_id).first() if requested_by_id else None
    already = set(
        Digest.objects.filter(period_start=period.start, period_end=period.end).values_list("person_id", flat=True)
    )
    sent = 0
    for person in contributors_in(period).exclude(pk__in=already):
        if send_digest(person, period, requested_by=requested_by):
            sent += 1
    return sent


def send_digest(person: Person, period: Period, *, requested_by: User | None = None) -> bool:
    """One person's digest, recorded so that it is never sent twice. False if there was nothing to send."""
    lines = digest_lines(person, period)
    if not lines:
        return False
    try:
        with transaction.atomic():
            Digest.objects.create(
                person=person,
                period_start=period.start,
                period_end=period.end,
                contributions=len(lines),
                requested_by=requested_by,
            )
            context = {
                "person": person,
                "period": period,
                "lines": lines,
                "contributions_url": settings.SITE_URL + reverse("contributions:yours"),
            }
            content = content_from_templates(
                "reports/email/digest",
                context,
                subject=f"What happened to your ideas: {period.label}",
                easy_read_subject="What we did with your ideas",
            )
            send_message(person, content, topic=TOPIC, sent_by=requested_by)
    except IntegrityError:
        return False  # sent already, by another run
    return True
