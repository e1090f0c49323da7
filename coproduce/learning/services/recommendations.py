"""Co-produced recommendations to partner organisations, and their answers."""

from datetime import date, timedelta

from django.db import transaction

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.http import require
from coproduce.learning import conf
from coproduce.learning.models import Recommendation
from coproduce.learning.permissions import can_answer_recommendation, can_manage_learning
from coproduce.learning.queries import response_days_for
from coproduce.learning.refusals import LearningRefused
from coproduce.people.models import Organisation
from coproduce.projects.models import Project


@transaction.atomic
def record_recommendation(
    *, project: Project, organisation: Organisation, text: str, sent_on: date, by: User
) -> Recommendation:
    """Record a co-produced recommendation sent to a partner organisation.

    The answer is due after the organisation's committed number of days (8 weeks if it made no such
    commitment). Effects: creates the Recommendation, records an audit event.
    """
    require(can_manage_learning(by))
    days = response_days_for(organisation) or conf.default_recommendation_response_days()
    recommendation = Recommendation.objects.create(
        project=project,
        organisation=organisation,
        text=text.strip(),
        sent_on=sent_on,
        response_due=sent_on + timedelta(days=days),
        recorded_by=by,
    )
    record_event(
        actor=by,
        action="learning.recommendation_sent",
        target=recommendation,
        payload={"organisation": organisation.pk, "due": recommendation.response_due.isoformat()},
    )
    return recommendation


@transaction.atomic
def record_response(recommendation: Recommendation, *, responded_on: date, response: str, by: User) -> Recommendation:
    """Record the organisation's answer, given by a coordinator or by one of its representatives.
    Effects: updates the Recommendation, records an audit event. Raises PermissionDenied unless ``by``
    may answer it, LearningRefused if it was answered already or the date is before it was sent."""
    require(can_answer_recommendation(by, recommendation))
    locked = Recommendation.objects.select_for_update(of=("self",)).get(pk=recommendation.pk)
    if locked.responded_on is not None:
        raise LearningRefused("The answer to this recommendation is already recorded.", field="responded_on")
    if responded_on < locked.sent_on:
        raise LearningRefused("The answer cannot come before the recommendation was sent.", field="responded_on")
    locked.responded_on = responded_on
    locked.response = response.strip()
    locked.save(update_fields=["responded_on", "response"])
    record_event(
        actor=by,
        action="learning.recommendation_answered",
        target=locked,
        payload={"on_time": responded_on <= locked.response_due},
    )
    return locked
