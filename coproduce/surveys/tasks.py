"""Background work for surveys, run by `manage.py db_worker`: the "not listened to" alert."""

from decimal import Decimal

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from coproduce.communications.messaging import content_from_templates, reached, send_message
from coproduce.people.models import Person
from coproduce.surveys import conf
from coproduce.surveys.choices import Item
from coproduce.surveys.models import SurveyRound
from coproduce.surveys.permissions import LEAD_ROLES
from coproduce.surveys.queries import round_agreement


def should_alert(agreeing: int, answered: int) -> bool:
    """Agreement below the alert share, with enough answers for it to mean something."""
    if answered < conf.survey_alert_minimum():
        return False
    return Decimal(agreeing) / Decimal(answered) < conf.listened_to_alert_share()


@task()
def alert_if_not_listened_to(*, round_id: int) -> int:
    """Email the project's leads, once per round, when too few people felt listened to.

    Returns how many messages went (through the messaging path, in each lead's format). The message
    gives no counts (they could be small), only the
    threshold and a link to the summary, which applies disclosure control.
    """
    agreeing, answered = round_agreement(SurveyRound.objects.get(pk=round_id), Item.LISTENED)
    if not should_alert(agreeing, answered):
        return 0
    # Claim the alert first: of two workers, only one gets to send it.
    if not SurveyRound.objects.filter(pk=round_id, alert_sent_at__isnull=True).update(alert_sent_at=timezone.now()):
        return 0
    survey_round = SurveyRound.objects.select_related("project", "activity", "group").get(pk=round_id)
    leads = (
        Person.objects.filter(memberships__project_id=survey_round.project_id, memberships__role__in=LEAD_ROLES)
        .distinct()
        .order_by("full_name", "id")
    )
    share = int(conf.listened_to_alert_share() * 100)
    url = settings.SITE_URL + reverse("surveys:summary", kwargs={"pk": survey_round.pk})
    sent = 0
    for lead in leads:
        content = content_from_templates(
            "surveys/email/listened_alert",
            {"person": lead, "survey_round": survey_round, "share": share, "url": url},
            subject=f"Fewer than {share}% felt listened to: {survey_round.subject_title}",
        )
        sent += reached(send_message(lead, content, topic="survey-alert"))
    return sent
