"""Background work for contributions, run by `manage.py db_worker`: telling people what became of their ideas."""

from django.conf import settings
from django.urls import reverse
from django_tasks import task

from coproduce.communications.messaging import content_from_templates, reached, send_message
from coproduce.contributions.models import CHANGED_THINGS, ContributionResponse, Outcome

SUBJECTS = {
    Outcome.ADOPTED: ("Your idea was adopted", "Good news. We used your idea"),
    Outcome.PARTLY_ADOPTED: ("Your idea was partly adopted", "Good news. We used some of your idea"),
    Outcome.NOT_ADOPTED: ("What happened to your idea", "What happened to your idea"),
    Outcome.UNDER_CONSIDERATION: ("We are still thinking about your idea", "We are still thinking about your idea"),
}


@task()
def tell_person_about_response(*, response_id: int) -> int:
    """Email the person what became of their contribution, in Easy Read if they need it.

    Does nothing if the response is no longer the current one (a newer answer has its own email) or
    the person's record was anonymised. Returns how many messages went (through the messaging path).
    """
    response = (
        ContributionResponse.objects.select_related("contribution__person", "contribution__project")
        .filter(pk=response_id)
        .first()
    )
    if response is None:
        return 0
    contribution = response.contribution
    latest = contribution.responses.order_by("-responded_at", "-id").values_list("pk", flat=True).first()
    person = contribution.person
    if latest != response.pk or person.anonymised_at is not None:
        return 0
    outcome = Outcome(response.outcome)
    page = "contributions:changed_things" if outcome in CHANGED_THINGS else "contributions:yours"
    subject, easy_read_subject = SUBJECTS[outcome]
    content = content_from_templates(
        "contributions/email/response",
        {
            "person": person,
            "contribution": contribution,
            "response": response,
            "outcome": outcome,
            "url": settings.SITE_URL + reverse(page),
        },
        subject=subject,
        easy_read_subject=easy_read_subject,
    )
    return reached(send_message(person, content, topic="contribution-response"))
