from collections.abc import Sequence
from datetime import date, datetime, timedelta

import pytest
from django.db import IntegrityError
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.decisions.models import GroupMember, ProjectGroup
from coproduce.involvement.models import Activity, Attendance
from coproduce.projects.models import Project
from coproduce.surveys.choices import Answer, Item
from coproduce.surveys.models import SurveyAnswer, SurveyCompletion, SurveyRound
from coproduce.surveys.queries import (
    activities_due_a_round,
    agreement_share,
    groups_due_a_round,
    summary,
)
from coproduce.surveys.services import (
    SurveyRefused,
    answer_round,
    open_round_for_activity,
    open_round_for_group,
    record_phone_answer,
)
from coproduce.surveys.tests.conftest import all_answers

pytestmark = pytest.mark.django_db


def test_a_round_opens_only_once_for_an_ended_activity_with_attendance(past_workshop: Activity, amina: User) -> None:
    assert list(activities_due_a_round()) == [past_workshop]
    survey_round = open_round_for_activity(past_workshop, by=amina)
    assert survey_round.project == past_workshop.project
    assert survey_round.is_open()
    assert list(activities_due_a_round()) == []
    assert AuditEvent.objects.filter(action="surveys.round_opened").count() == 1
    with pytest.raises(SurveyRefused, match="already has a survey"):
        open_round_for_activity(past_workshop, by=amina)


def test_no_round_before_the_activity_ends_or_without_attendance(past_workshop: Activity, amina: User) -> None:
    Attendance.objects.filter(activity=past_workshop).delete()
    with pytest.raises(SurveyRefused, match="Record who attended"):
        open_round_for_activity(past_workshop, by=amina)
    with pytest.raises(SurveyRefused, match="after the activity has ended"):
        open_round_for_activity(past_workshop, by=amina, now=past_workshop.starts_at)
    assert not SurveyRound.objects.exists()


def test_groups_are_due_a_survey_every_few_months(bus_stops: Project, amina: User, dev: User, settings) -> None:
    group = ProjectGroup.objects.create(project=bus_stops, name="Steering group", created_by=amina)
    assert list(groups_due_a_round(4)) == []  # no members yet
    GroupMember.objects.create(group=group, person=dev.person)
    assert list(groups_due_a_round(4)) == [group]
    survey_round = open_round_for_group(group, by=amina)
    with pytest.raises(SurveyRefused, match="not due"):
        open_round_for_group(group, by=amina)
    settings.COPRODUCE_GROUP_SURVEY_MONTHS = 3
    later = survey_round.opens_at + timedelta(days=93)
    assert list(groups_due_a_round(3, now=later)) == [group]
    open_round_for_group(group, by=amina, now=later)
    assert group.survey_rounds.count() == 2


def test_groups_are_due_by_calendar_months_from_a_month_end(bus_stops: Project, amina: User, dev: User) -> None:
    group = ProjectGroup.objects.create(project=bus_stops, name="Steering group", created_by=amina)
    GroupMember.objects.create(group=group, person=dev.person)
    may_31 = timezone.make_aware(datetime(2026, 5, 31, 12))
    opened = timezone.make_aware(datetime(2026, 3, 1, 12))
    survey_round = SurveyRound.objects.create(
        project=bus_stops, group=group, opens_at=opened, closes_at=opened + timedelta(days=14), opened_by=amina
    )
    assert list(groups_due_a_round(3, now=may_31)) == []  # 3 months before 31 May is 28 February
    SurveyRound.objects.filter(pk=survey_round.pk).update(opens_at=timezone.make_aware(datetime(2026, 2, 28, 12)))
    assert list(groups_due_a_round(3, now=may_31)) == [group]
    assert list(groups_due_a_round(6, now=may_31)) == []  # 6 months before is 30 November
    SurveyRound.objects.filter(pk=survey_round.pk).update(opens_at=timezone.make_aware(datetime(2025, 11, 30, 12)))
    assert list(groups_due_a_round(6, now=may_31)) == [group]


def test_an_online_answer_keeps_no_person_and_cannot_be_given_twice(survey_round: SurveyRound, dev: User) -> None:
    answer_round(survey_round, person=dev.person, answers=all_answers(Answer.AGREE), comment="  Good tea. ")
    answer = SurveyAnswer.objects.get()
    assert answer.answered_on == timezone.localdate()
    assert not answer.by_phone
    assert answer.recorded_by is None
    assert answer.comment == "Good tea."
    field_names = {field.name for field in SurveyAnswer._meta.get_fields()}
    assert "person" not in field_names
    assert not any(field.get_internal_type() == "DateTimeField" for field in SurveyAnswer._meta.concrete_fields)
    assert not any(field.get_internal_type() == "DateTimeField" for field in SurveyCompletion._meta.concrete_fields)
    assert SurveyCompletion.objects.filter(round=survey_round, person=dev.person).exists()
    # No audit event links the person with the answer.
    assert not AuditEvent.objects.exclude(action="surveys.round_opened").exists()
    with pytest.raises(SurveyRefused, match="already answered"):
        answer_round(survey_round, person=dev.person, answers=all_answers(Answer.AGREE))
    assert SurveyAnswer.objects.count() == 1


def test_only_people_who_attended_answer_while_open(survey_round: SurveyRound, tom: User, grace: User) -> None:
    with pytest.raises(SurveyRefused, match="Only people who took part"):
        answer_round(survey_round, person=tom.person, answers=all_answers(Answer.AGREE))
    with pytest.raises(SurveyRefused, match="closed"):
        answer_round(survey_round, person=grace.person, answers=all_answers(Answer.AGREE), now=survey_round.closes_at)
    with pytest.raises(SurveyRefused, match="Answer every question"):
        answer_round(survey_round, person=grace.person, answers={Item.LISTENED: Answer.AGREE})
    assert not SurveyAnswer.objects.exists()
    assert not SurveyCompletion.objects.exists()


def test_a_coordinator_records_answers_by_phone(survey_round: SurveyRound, amina: User, grace: User) -> None:
    record_phone_answer(survey_round, person=grace.person, answers=all_answers(Answer.DISAGREE), by=amina)
    answer = SurveyAnswer.objects.get()
    assert answer.by_phone
    assert answer.recorded_by == amina
    assert SurveyCompletion.objects.filter(person=grace.person).exists()
    event = AuditEvent.objects.get(action="surveys.phone_answer_recorded")
    assert event.payload == {}


def test_the_database_refuses_a_second_completion_and_bad_answers(survey_round: SurveyRound, dev: User) -> None:
    SurveyCompletion.objects.create(round=survey_round, person=dev.person)
    with pytest.raises(IntegrityError):
        SurveyCompletion.objects.create(round=survey_round, person=dev.person)


def test_the_database_refuses_an_answer_outside_the_scale(survey_round: SurveyRound) -> None:
    with pytest.raises(IntegrityError):
        SurveyAnswer.objects.create(
            round=survey_round, **{**all_answers(Answer.AGREE), "listened": "maybe"}, answered_on=timezone.localdate()
        )


def _answers(survey_round: SurveyRound, values: Sequence[str], on: date | None = None) -> None:
    for value in values:
        SurveyAnswer.objects.create(round=survey_round, **all_answers(value), answered_on=on or timezone.localdate())


def test_agreement_share_counts_agreeing_over_answered(survey_round: SurveyRound) -> None:
    today = timezone.localdate()
    _answers(survey_round, [Answer.STRONGLY_AGREE, Answer.AGREE, Answer.DISAGREE, Answer.PREFER_NOT])
    _answers(survey_round, [Answer.AGREE], on=today - timedelta(days=40))
    assert agreement_share(Item.LISTENED, today - timedelta(days=7), today) == (2, 3)
    assert agreement_share(Item.SUPPORT, today - timedelta(days=60), today) == (3, 4)
    with pytest.raises(ValueError, match="Unknown survey item"):
        agreement_share("nonsense", today, today)


def test_summary_hides_small_counts_and_unsafe_percentages(survey_round: SurveyRound) -> None:
    _answers(survey_round, [Answer.AGREE] * 3)
    listened = summary(survey_round)[0]
    assert listened.item == Item.LISTENED
    assert [str(cell) for cell in listened.cells] == ["[c]"] * 6
    assert listened.agreeing == "[c]"

    _answers(survey_round, [Answer.AGREE] * 7 + [Answer.STRONGLY_AGREE] * 5 + [Answer.DISAGREE] * 5)
    listened = summary(survey_round)[0]
    assert [str(cell) for cell in listened.cells] == ["5", "10", "0", "5", "0", "0"]
    assert str(listened.total) == "20"
    assert listened.agreeing == "75%"


def test_summary_hides_the_share_when_it_would_reveal_a_hidden_count(survey_round: SurveyRound) -> None:
    _answers(survey_round, [Answer.AGREE] * 10 + [Answer.STRONGLY_AGREE] * 2 + [Answer.DISAGREE] * 10)
    listened = summary(survey_round)[0]
    assert str(listened.cells[0]) == "[c]"
    assert listened.agreeing == "[c]"
