"""Equality monitoring answers: kept as given, valid by the Census rules, and derived Census categories."""

from datetime import UTC, datetime

import pytest
from django.db import IntegrityError, transaction
from django.db.models import RestrictedError

from coproduce.accounts.models import User
from coproduce.equality.choices import (
    ETHNIC_GROUP_HIGH_LEVEL,
    PREFER_NOT_TO_SAY,
    QUESTIONS,
    ActivitiesReduced,
    AgeBand,
    Disability,
    EthnicGroup,
    EthnicGroupHighLevel,
    LongTermCondition,
    Religion,
    SexualOrientation,
    YesNo,
    ethnic_group_detail,
)
from coproduce.equality.models import AnswersAreKeptAsGiven, EqualityResponse
from coproduce.equality.tests.factories import EqualityResponseFactory
from coproduce.people.models import Consent

EARLIER = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
LATER = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


def test_equality_response_keeps_skipped_questions_blank(dev: User) -> None:
    response = EqualityResponseFactory.create(person=dev.person, sex="female")

    response.refresh_from_db()
    assert response.sex == "female"
    assert response.ethnic_group == ""
    assert response.religion == ""
    assert response.answered_at is not None


def test_equality_response_refuses_to_be_changed_once_saved(dev: User) -> None:
    response = EqualityResponseFactory.create(person=dev.person, sex="female")
    response.sex = "male"

    with pytest.raises(AnswersAreKeptAsGiven):
        response.save()
    with pytest.raises(AnswersAreKeptAsGiven):
        EqualityResponse.objects.filter(pk=response.pk).update(sex="male")

    response.refresh_from_db()
    assert response.sex == "female"


@pytest.mark.parametrize(
    "answers",
    [
        {"age_band": AgeBand.AGED_10_TO_15, "gender_identity": YesNo.YES},
        {"age_band": AgeBand.AGED_5_TO_9, "sexual_orientation": PREFER_NOT_TO_SAY},
        {"age_band": "", "gender_identity": YesNo.YES, "gender_identity_write_in": "Non-binary"},
        {"sexual_orientation": SexualOrientation.BISEXUAL, "sexual_orientation_write_in": "Pansexual"},
        {"long_term_condition": LongTermCondition.NO, "activities_reduced": ActivitiesReduced.A_LOT},
        {"long_term_condition": "", "activities_reduced": ActivitiesReduced.NOT_AT_ALL},
        {"ethnic_group": "martian"},
        {"religion": "Not answered"},
    ],
)
def test_equality_response_database_refuses_answers_the_census_rules_forbid(dev: User, answers: dict) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        EqualityResponseFactory.create(person=dev.person, **answers)


def test_equality_response_database_accepts_answers_the_census_rules_allow(dev: User) -> None:
    EqualityResponseFactory.create(
        person=dev.person,
        age_band=AgeBand.AGED_16_TO_19,
        gender_identity=YesNo.NO,
        gender_identity_write_in="Non-binary",
        sexual_orientation=SexualOrientation.OTHER,
        sexual_orientation_write_in="Asexual",
        long_term_condition=LongTermCondition.YES,
        activities_reduced=ActivitiesReduced.A_LITTLE,
    )
    EqualityResponseFactory.create(person=dev.person, age_band=AgeBand.AGED_10_TO_15, sex="male")

    assert EqualityResponse.objects.filter(person=dev.person).count() == 2


def test_latest_per_person_keeps_only_each_persons_newest_response(dev: User, grace: User) -> None:
    EqualityResponseFactory.create(person=dev.person, religion=Religion.HINDU, answered_at=EARLIER)
    dev_latest = EqualityResponseFactory.create(person=dev.person, religion=Religion.SIKH, answered_at=LATER)
    grace_only = EqualityResponseFactory.create(person=grace.person, religion=Religion.CHRISTIAN, answered_at=EARLIER)

    latest = set(EqualityResponse.objects.latest_per_person())

    assert latest == {dev_latest, grace_only}


def test_latest_per_person_breaks_a_tie_in_time_by_the_later_row(dev: User) -> None:
    EqualityResponseFactory.create(person=dev.person, religion=Religion.HINDU, answered_at=LATER)
    second = EqualityResponseFactory.create(person=dev.person, religion=Religion.SIKH, answered_at=LATER)

    assert list(EqualityResponse.objects.latest_per_person()) == [second]


def test_consent_cannot_be_deleted_while_answers_rest_on_it(dev: User) -> None:
    response = EqualityResponseFactory.create(person=dev.person)

    with pytest.raises(RestrictedError):
        response.consent.delete()

    assert EqualityResponse.objects.filter(pk=response.pk).exists()


def test_deleting_a_person_deletes_their_answers_and_consent(dev: User) -> None:
    person = dev.person
    EqualityResponseFactory.create(person=person, sex="male")

    person.delete()

    assert EqualityResponse.objects.count() == 0
    assert Consent.objects.count() == 0


@pytest.mark.parametrize(
    ("group", "high_level"),
    [
        (EthnicGroup.ASIAN_BANGLADESHI, EthnicGroupHighLevel.ASIAN),
        (EthnicGroup.BLACK_OTHER, EthnicGroupHighLevel.BLACK),
        (EthnicGroup.MIXED_WHITE_AND_BLACK_CARIBBEAN, EthnicGroupHighLevel.MIXED),
        (EthnicGroup.WHITE_ROMA, EthnicGroupHighLevel.WHITE),
        (EthnicGroup.OTHER_ARAB, EthnicGroupHighLevel.OTHER),
        (EthnicGroup.PREFER_NOT_TO_SAY, EthnicGroupHighLevel.PREFER_NOT_TO_SAY),
        ("", ""),
    ],
)
def test_ethnic_group_high_level_is_derived_from_the_detailed_answer(group: str, high_level: str) -> None:
    assert EqualityResponse(ethnic_group=group).ethnic_group_high_level == high_level


@pytest.mark.parametrize(
    ("condition", "reduced", "category"),
    [
        (LongTermCondition.YES, ActivitiesReduced.A_LOT, Disability.LIMITED_A_LOT),
        (LongTermCondition.YES, ActivitiesReduced.A_LITTLE, Disability.LIMITED_A_LITTLE),
        (LongTermCondition.YES, ActivitiesReduced.NOT_AT_ALL, Disability.CONDITION_NOT_LIMITED),
        (LongTermCondition.NO, "", Disability.NO_CONDITION),
        (LongTermCondition.PREFER_NOT_TO_SAY, "", Disability.PREFER_NOT_TO_SAY),
        (LongTermCondition.YES, ActivitiesReduced.PREFER_NOT_TO_SAY, Disability.PREFER_NOT_TO_SAY),
        (LongTermCondition.YES, "", ""),
        ("", "", ""),
    ],
)
def test_disability_follows_the_census_classification(condition: str, reduced: str, category: str) -> None:
    response = EqualityResponse(long_term_condition=condition, activities_reduced=reduced)

    assert response.disability == category


def test_answers_lists_each_question_with_the_answer_given_or_not_answered() -> None:
    response = EqualityResponse(
        age_band=AgeBand.AGED_25_TO_34,
        gender_identity=YesNo.NO,
        gender_identity_write_in="Non-binary",
        ethnic_group=EthnicGroup.WHITE_IRISH,
        religion=PREFER_NOT_TO_SAY,
    )

    assert response.answers() == [
        ("Age", "Aged 25 to 34 years"),
        ("Sex", "Not answered"),
        ("Gender identity the same as sex registered at birth", "No (you wrote: Non-binary)"),
        ("Sexual orientation", "Not answered"),
        ("Ethnic group", "White: Irish"),
        ("Religion", "Prefer not to say"),
        ("Long-term condition or illness (12 months or more)", "Not answered"),
        ("Condition or illness reduces day-to-day activities", "Not answered"),
        ("Disabled person", "Not answered"),
        ("Unpaid care", "Not answered"),
    ]


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda question: question.field)
def test_every_question_offers_prefer_not_to_say_as_its_last_answer(question) -> None:
    assert question.choices.choices[-1] == (PREFER_NOT_TO_SAY, "Prefer not to say")


def test_religion_lists_no_religion_first() -> None:
    assert Religion.choices[0] == ("no_religion", "No religion")


def test_ethnic_group_has_the_nineteen_census_groups_under_five_high_level_groups() -> None:
    detailed = [group for group in EthnicGroup if group != EthnicGroup.PREFER_NOT_TO_SAY]

    by_high_level = {high: [g for g in detailed if ETHNIC_GROUP_HIGH_LEVEL[g] == high] for high in EthnicGroupHighLevel}

    assert len(detailed) == 19
    assert {high: len(groups) for high, groups in by_high_level.items()} == {
        EthnicGroupHighLevel.ASIAN: 5,
        EthnicGroupHighLevel.BLACK: 3,
        EthnicGroupHighLevel.MIXED: 4,
        EthnicGroupHighLevel.WHITE: 5,
        EthnicGroupHighLevel.OTHER: 2,
        EthnicGroupHighLevel.PREFER_NOT_TO_SAY: 0,
    }
    assert all(str(group.label).startswith(f"{ETHNIC_GROUP_HIGH_LEVEL[group].label}: ") for group in detailed)


def test_ethnic_group_detail_is_the_label_after_its_high_level_group() -> None:
    assert ethnic_group_detail(EthnicGroup.WHITE_BRITISH) == "English, Welsh, Scottish, Northern Irish or British"
    assert ethnic_group_detail(EthnicGroup.PREFER_NOT_TO_SAY) == "Prefer not to say"
