"""Background work for decisions, run by `manage.py db_worker`: telling people about concerns and reviews."""

from django.conf import settings
from django.urls import reverse
from django_tasks import task

from coproduce.communications.messaging import content_from_templates, reached, send_message
from coproduce.decisions.choices import ConcernStatus
from coproduce.decisions.models import Concern, Decision
from coproduce.people.models import Person
from coproduce.projects.models import ProjectRole


@task()
def tell_person_concern_answered(*, concern_id: int) -> int:
    """Email the person who raised a named concern the coordinator's response. Returns emails sent.

    Anonymous concerns have nobody to tell: their sender reads the answer with their reference.
    """
    concern = Concern.objects.select_related("raised_by", "project").get(pk=concern_id)
    person = concern.raised_by
    if concern.is_anonymous or person is None or concern.status != ConcernStatus.ANSWERED:
        return 0
    content = content_from_templates(
        "decisions/email/concern_answered",
        {"person": person, "concern": concern, "url": settings.SITE_URL + reverse("decisions:your_concerns")},
        subject=f"Your concern about {concern.about_in_words()} has a response",
    )
    return reached(send_message(person, content, topic="concern-answered"))


@task()
def remind_leads_of_review(*, decision_id: int, review_on: str) -> int:
    """Email the project's leads that a published decision is due for review. Returns emails sent.

    Sends nothing if the review date has changed since the reminder was planned (a new one was).
    """
    decision = Decision.objects.select_related("project").get(pk=decision_id)
    if not decision.is_published or decision.review_on is None or decision.review_on.isoformat() != review_on:
        return 0
    leads = list(
        Person.objects.filter(
            memberships__project=decision.project,
            memberships__role__in=[ProjectRole.CO_LEAD, ProjectRole.STAFF_LEAD],
        )
        .distinct()
        .order_by("full_name", "id")
    )
    content = content_from_templates(
        "decisions/email/review_due",
        {
            "decision": decision,
            "url": settings.SITE_URL + reverse("decisions:decision", kwargs={"pk": decision.pk}),
        },
        subject=f"Time to look again at a decision: {decision.question}",
    )
    return sum(reached(send_message(lead, content, topic="decision-review")) for lead in leads)
