"""Opening survey rounds and recording answers: online (anonymous) or by phone through a coordinator."""

from collections.abc import Mapping
from datetime import datetime, timedelta
from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.decisions.models import ProjectGroup
from coproduce.involvement.models import Activity
from coproduce.people.models import Person
from coproduce.refusals import Refused
from coproduce.surveys import conf
from coproduce.surveys.choices import Answer, Item
from coproduce.surveys.models import SurveyAnswer, SurveyCompletion, SurveyRound
from coproduce.surveys.queries import groups_due_a_round, people_who_may_answer
from coproduce.surveys.tasks import alert_if_not_listened_to


class SurveyRefused(Refused):
    """A survey round cannot open, or an answer cannot be recorded."""


def _window(now: datetime | None) -> tuple[datetime, datetime]:
    opens_at = now or timezone.now()
    return opens_at, opens_at + timedelta(days=conf.survey_open_days())


@transaction.atomic
def open_round_for_activity(activity: Activity, *, by: User, now: datetime | None = None) -> SurveyRound:
    activity = Activity.objects.select_for_update(of=("self",)).get(pk=activity.pk)
    opens_at, closes_at = _window(now)
    if activity.ends_at > opens_at:
        raise SurveyRefused("You can only open a survey after the activity has ended.")
    if not activity.attendances.exists():
        raise SurveyRefused("Record who attended first. Only people who attended can answer.")
    if SurveyRound.objects.filter(activity=activity).exists():
        raise SurveyRefused("This activity already has a survey.")
    survey_round = SurveyRound.objects.create(
        project_id=activity.project_id, activity=activity, opens_at=opens_at, closes_at=closes_at, opened_by=by
    )
    record_event(
        actor=by,
        action="surveys.round_opened",
        target=survey_round,
        payload={"activity": activity.pk, "closes_at": closes_at.isoformat()},
    )
    return survey_round


@transaction.atomic
def open_round_for_group(group: ProjectGroup, *, by: User, now: datetime | None = None) -> SurveyRound:
    group = ProjectGroup.objects.select_for_update(of=("self",)).get(pk=group.pk)
    opens_at, closes_at = _window(now)
    if not groups_due_a_round(conf.group_survey_months(), now=opens_at).filter(pk=group.pk).exists():
        raise SurveyRefused(
            f"This group is not due a survey. Groups are surveyed every {conf.group_survey_months()} months."
        )
    survey_round = SurveyRound.objects.create(
        project_id=group.project_id, group=group, opens_at=opens_at, closes_at=closes_at, opened_by=by
    )
    record_event(
        actor=by,
        action="surveys.round_opened",
        target=survey_round,
        payload={"group": group.pk, "closes_at": closes_at.isoformat()},
    )
    return survey_round


def _check_answers(answers: Mapping[str, str]) -> dict[str, str]:
    if set(answers) != set(Item.values) or not set(answers.values()) <= set(Answer.values):
        raise SurveyRefused("Answer every question.")
    return dict(answers)


def _save(
    survey_round: SurveyRound,
    person: Person,
    answers: Mapping[str, str],
    comment: str,
    *,
    recorded_by: User | None,
    now: datetime | None,
) -> SurveyAnswer:
    moment = now or timezone.now()
    survey_round = SurveyRound.objects.select_for_update(of=("self",)).get(pk=survey_round.pk)
    if not survey_round.is_open(moment):
        raise SurveyRefused("This survey is closed.")
    if not people_who_may_answer(survey_round).filter(pk=person.pk).exists():
        if SurveyCompletion.objects.filter(round=survey_round, person=person).exists():
            raise SurveyRefused("This person has already answered this survey.")
        raise SurveyRefused("Only people who took part can answer this survey.")
    try:
        with transaction.atomic():
            SurveyCompletion.objects.create(round=survey_round, person=person)
    except IntegrityError as twice:
        raise SurveyRefused("This person has already answered this survey.") from twice
    answer = SurveyAnswer.objects.create(
        round=survey_round,
        **_check_answers(answers),
        comment=comment.strip(),
        by_phone=recorded_by is not None,
        recorded_by=recorded_by,
        answered_on=timezone.localdate(moment),
    )
    transaction.on_commit(partial(alert_if_not_listened_to.enqueue, round_id=survey_round.pk))
    return answer


@transaction.atomic
def answer_round(
    survey_round: SurveyRound,
    *,
    person: Person,
    answers: Mapping[str, str],
    comment: str = "",
    now: datetime | None = None,
) -> None:
    """An anonymous answer given online. Records nothing that links the person to their answers,
    and no audit event (an event naming the person, at a time, would undo the anonymity).
    """
    _save(survey_round, person, answers, comment, recorded_by=None, now=now)


@transaction.atomic
def record_phone_answer(
    survey_round: SurveyRound,
    *,
    person: Person,
    answers: Mapping[str, str],
    comment: str = "",
    by: User,
    now: datetime | None = None,
) -> SurveyAnswer:
    """Answers a person gave a coordinator by phone. The coordinator heard them, so this is not
    anonymous to them; the audit event says a phone answer was recorded, not for whom or what.
    """
    answer = _save(survey_round, person, answers, comment, recorded_by=by, now=now)
    record_event(actor=by, action="surveys.phone_answer_recorded", target=survey_round, payload={})
    return answer
