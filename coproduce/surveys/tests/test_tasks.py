"""The "not listened to" alert, sent through the real background worker."""

import pytest
from django.core import mail

from coproduce.accounts.models import User
from coproduce.involvement.models import Activity, Attendance
from coproduce.people.tests.factories import PersonFactory
from coproduce.surveys.choices import Answer
from coproduce.surveys.models import SurveyRound
from coproduce.surveys.services import answer_round, record_phone_answer
from coproduce.surveys.tasks import should_alert
from coproduce.surveys.tests.conftest import all_answers
from coproduce.tests.worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def test_should_alert_needs_enough_answers_and_low_agreement(settings) -> None:
    assert not should_alert(0, 4)
    assert should_alert(3, 5)  # 60%
    assert not should_alert(4, 5)  # 80%
    assert not should_alert(7, 10)  # exactly 70% is not below
    settings.COPRODUCE_LISTENED_TO_ALERT_SHARE = 0.9
    settings.COPRODUCE_SURVEY_ALERT_MINIMUM = 2
    assert should_alert(1, 2)


def test_leads_get_one_alert_per_round(
    past_workshop: Activity, survey_round: SurveyRound, amina: User, dev: User, grace: User
) -> None:
    others = PersonFactory.create_batch(4)
    for person in others:
        Attendance.objects.create(activity=past_workshop, person=person, minutes=60, recorded_by=amina)
    answer_round(survey_round, person=dev.person, answers=all_answers(Answer.DISAGREE))
    answer_round(survey_round, person=grace.person, answers=all_answers(Answer.AGREE))
    for person in others[:2]:
        record_phone_answer(survey_round, person=person, answers=all_answers(Answer.STRONGLY_DISAGREE), by=amina)
    run_worker()
    assert mail.outbox == []  # only 4 answers so far

    record_phone_answer(survey_round, person=others[2], answers=all_answers(Answer.AGREE), by=amina)
    run_worker()
    assert sorted(message.to[0] for message in mail.outbox) == ["amina@example.org", "dev@example.org"]
    assert mail.outbox[0].subject == "Fewer than 70% felt listened to: Bus stop walkabout"
    assert f"/surveys/{survey_round.pk}/results/" in mail.outbox[0].body
    survey_round.refresh_from_db()
    assert survey_round.alert_sent_at is not None

    record_phone_answer(survey_round, person=others[3], answers=all_answers(Answer.DISAGREE), by=amina)
    run_worker()
    assert len(mail.outbox) == 2
