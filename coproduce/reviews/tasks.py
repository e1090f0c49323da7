"""The daily review sweep, and telling the leads a review is due, run by the background worker.

``sweep_reviews`` with ``repeat=True`` plans its own next run for the next morning before it finishes,
so one queued run keeps a daily sweep going (``SWEEP``, a :class:`coproduce.sweeps.DailySweep`).
``manage.py schedule_reviews`` queues that first run (and does nothing if one is already waiting), so
it is safe to call at every start-up.

Each review the sweep creates queues ``tell_leads_review_due`` when it is committed.
"""

from datetime import time

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from coproduce.communications.messaging import content_from_templates
from coproduce.communications.queries import coordinators
from coproduce.communications.staff import Recipient, recipients_for, send_to
from coproduce.people.models import Person
from coproduce.reviews.models import Review
from coproduce.reviews.permissions import LEAD_ROLES
from coproduce.sweeps import DailySweep

SWEEP = DailySweep(task_name="sweep_reviews", at=time(6, 0))


@task()
def sweep_reviews(*, repeat: bool = False) -> int:
    """Create the reviews that are due (quarterly, end of stage, annual); how many were created."""
    # Imported here: services.py imports this module to queue tell_leads_review_due.
    from coproduce.reviews.services import schedule_reviews

    created = schedule_reviews().total
    if repeat:
        SWEEP.schedule(sweep_reviews)
    return created


def review_leads(review: Review) -> list[Recipient]:
    """Who holds the review: the project's co-leads and staff leads; for the annual review, the coordinators."""
    if review.project_id is None:
        return recipients_for(coordinators())
    return list(
        Person.objects.filter(memberships__project_id=review.project_id, memberships__role__in=LEAD_ROLES)
        .distinct()
        .order_by("pk")
    )


@task()
def tell_leads_review_due(*, review_id: int) -> int:
    """Tell the review's leads, once, that it is due and by when. Returns how many it reached.

    Does nothing if the review has gone or closed, or if they were told already (the review is claimed
    first, so two workers never both send).
    """
    review = Review.objects.select_related("project").filter(pk=review_id).first()
    if review is None or not review.is_open:
        return 0
    claimed = Review.objects.filter(pk=review.pk, leads_told_at__isnull=True).update(leads_told_at=timezone.now())
    if not claimed:
        return 0
    url = settings.SITE_URL + reverse("reviews:review", kwargs={"pk": review.pk})
    subject = f"Review due by {review.due_on:%-d %B %Y}: {review.title}"
    if review.project is None:
        easy_read_subject = "It is time for the annual review"
    else:
        easy_read_subject = f"It is time for a review of {review.project.title}"
    sent = 0
    for recipient in review_leads(review):
        # A sign-in without a Person record has no name to greet.
        person = recipient if isinstance(recipient, Person) else None
        content = content_from_templates(
            "reviews/email/review_due",
            {"person": person, "review": review, "project": review.project, "url": url},
            subject=subject,
            easy_read_subject=easy_read_subject,
        )
        sent += send_to(recipient, content, topic="review_due")
    return sent
