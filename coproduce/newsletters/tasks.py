"""Background work for newsletters, run by `manage.py db_worker`: handing each person's copy over."""

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from coproduce.communications.messaging import Content, send_message
from coproduce.newsletters import queries
from coproduce.newsletters.content import copy_for
from coproduce.newsletters.models import Newsletter, Recipient

TOPIC = "newsletter"


@task()
def send_newsletter_copies(*, newsletter_id: int) -> int:
    """Send each recipient of a sent newsletter their copy, once. Returns how many were sent this run.

    A person already handed over is skipped, so running this again (a retry) sends nobody twice.
    Someone who has withdrawn their "Keeping in touch" consent, or whose record was anonymised, since
    the newsletter was sent is skipped too.
    """
    newsletter = Newsletter.objects.select_related("sent_by").get(pk=newsletter_id)
    if not newsletter.is_sent:
        return 0
    waiting = list(
        Recipient.objects.filter(newsletter=newsletter, handed_over_at__isnull=True).values_list("pk", flat=True)
    )
    reachable = set(
        queries.keeps_in_touch()
        .filter(pk__in=Recipient.objects.filter(pk__in=waiting).values("person_id"))
        .values_list("pk", flat=True)
    )
    sent = 0
    for recipient_id in waiting:
        with transaction.atomic():
            recipient = Recipient.objects.select_for_update(of=("self",)).select_related("person").get(pk=recipient_id)
            if recipient.handed_over_at is not None:
                continue
            if recipient.person_id in reachable:
                copy = copy_for(newsletter, recipient.person)
                content = Content(subject=copy.subject, text=copy.text, easy_read_text=copy.easy_read_text)
                send_message(recipient.person, content, topic=TOPIC, sent_by=newsletter.sent_by)
                sent += 1
            recipient.handed_over_at = timezone.now()
            recipient.save(update_fields=["handed_over_at"])
    return sent
