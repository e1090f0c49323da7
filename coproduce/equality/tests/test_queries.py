"""Totals of equality monitoring answers (one per person, consent active, not anonymised), and a person's own."""

from datetime import UTC, datetime

import pytest
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.equality.choices import (
    ActivitiesReduced,
    EthnicGroup,
    LongTermCondition,
    Religion,
    Sex,
)
from coproduce.equality.queries import (
    active_equality_consents,
    answer_counts,
    current_equality_consent,
    latest_equality_response,
)
from coproduce.equality.services import withdraw_equality_consent
from coproduce.equality.tests.factories import EqualityConsentFactory, EqualityResponseFactory
from coproduce.people.models import Notice, Person, Purpose

EARLIER = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
LATER = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)

# The most queries answer_counts may make, however many people have answered.
ANSWER_COUNTS_MAX_QUERIES = 1


def test_answer_counts_lists_every_answer_with_zero_and_blank_for_not_answered(db) -> None:
    EqualityResponseFactory.create(sex=Sex.FEMALE)
    EqualityResponseFactory.create(sex=Sex.FEMALE)
    EqualityResponseFactory.create(sex="")

    counts = answer_counts("sex")

    assert counts == {"female": 2, "male": 0, "prefer_not_to_say": 0, "": 1}


def test_answer_counts_counts_only_each_persons_latest_answers(dev: User, grace: User) -> None:
    EqualityResponseFactory.create(person=dev.person, religion=Religion.HINDU, answered_at=EARLIER)
    EqualityResponseFactory.create(person=dev.person, religion=Religion.SIKH, answered_at=LATER)
    EqualityResponseFactory.create(person=grace.person, religion=Religion.SIKH, answered_at=EARLIER)

    counts = answer_counts("religion")

    assert counts["sikh"] == 2
    assert counts["hindu"] == 0
    assert sum(counts.values()) == 2


def test_answer_counts_excludes_people_who_withdrew_their_consent(dev: User, grace: User) -> None:
    EqualityResponseFactory.create(person=dev.person, religion=Religion.SIKH, long_term_condition="yes")
    EqualityResponseFactory.create(person=grace.person, religion=Religion.SIKH, long_term_condition="yes")

    withdraw_equality_consent(dev.person, by=dev)

    assert answer_counts("religion")["sikh"] == 1
    assert sum(answer_counts("religion").values()) == 1
    assert sum(answer_counts("ethnic_group_high_level").values()) == 1
    assert sum(answer_counts("disability").values()) == 1


def test_answer_counts_excludes_answers_whose_consent_was_withdrawn_even_with_a_newer_consent(dev: User) -> None:
    EqualityResponseFactory.create(person=dev.person, religion=Religion.SIKH)
    withdraw_equality_consent(dev.person, by=dev)
    EqualityConsentFactory.create(person=dev.person)

    counts = answer_counts("religion")

    assert sum(counts.values()) == 0


def test_answer_counts_excludes_anonymised_people(dev: User, grace: User) -> None:
    EqualityResponseFactory.create(person=dev.person, sex=Sex.MALE)
    EqualityResponseFactory.create(person=grace.person, sex=Sex.FEMALE)
    Person.objects.filter(pk=dev.person.pk).update(anonymised_at=timezone.now())

    counts = answer_counts("sex")

    assert counts == {"female": 1, "male": 0, "prefer_not_to_say": 0, "": 0}


def test_answer_counts_groups_detailed_ethnic_groups_into_high_level_groups(db) -> None:
    EqualityResponseFactory.create(ethnic_group=EthnicGroup.WHITE_IRISH)
    EqualityResponseFactory.create(ethnic_group=EthnicGroup.WHITE_ROMA)
    EqualityResponseFactory.create(ethnic_group=EthnicGroup.ASIAN_CHINESE)
    EqualityResponseFactory.create(ethnic_group=EthnicGroup.PREFER_NOT_TO_SAY)
    EqualityResponseFactory.create(ethnic_group="")

    counts = answer_counts("ethnic_group_high_level")

    assert counts == {"asian": 1, "black": 0, "mixed": 0, "white": 2, "other": 0, "prefer_not_to_say": 1, "": 1}


def test_answer_counts_gives_the_census_disability_categories(db) -> None:
    EqualityResponseFactory.create(
        long_term_condition=LongTermCondition.YES, activities_reduced=ActivitiesReduced.A_LOT
    )
    EqualityResponseFactory.create(
        long_term_condition=LongTermCondition.YES, activities_reduced=ActivitiesReduced.A_LOT
    )
    EqualityResponseFactory.create(
        long_term_condition=LongTermCondition.YES, activities_reduced=ActivitiesReduced.NOT_AT_ALL
    )
    EqualityResponseFactory.create(long_term_condition=LongTermCondition.NO)
    EqualityResponseFactory.create(long_term_condition=LongTermCondition.YES)

    counts = answer_counts("disability")

    assert counts == {
        "limited_a_lot": 2,
        "limited_a_little": 0,
        "condition_not_limited": 1,
        "no_condition": 1,
        "prefer_not_to_say": 0,
        "": 1,
    }


@pytest.mark.parametrize("question", ["gender_identity_write_in", "person", "consent", "height", ""])
def test_answer_counts_refuses_anything_but_a_question(db, question: str) -> None:
    with pytest.raises(ValueError, match="There is no equality monitoring question called"):
        answer_counts(question)


@pytest.mark.parametrize("question", ["ethnic_group", "ethnic_group_high_level", "disability"])
def test_answer_counts_makes_one_query_however_many_people_answered(
    db, question: str, django_assert_max_num_queries
) -> None:
    for group in list(EthnicGroup)[:10]:
        EqualityResponseFactory.create(ethnic_group=group, long_term_condition="yes", activities_reduced="a_little")

    with django_assert_max_num_queries(ANSWER_COUNTS_MAX_QUERIES):
        counts = answer_counts(question)

    assert sum(counts.values()) == 10


def test_current_equality_consent_is_the_active_one_under_the_current_notice(dev: User) -> None:
    EqualityConsentFactory.create(person=dev.person, withdrawn_at=EARLIER)
    active = EqualityConsentFactory.create(person=dev.person)
    EqualityConsentFactory.create()  # someone else's

    assert current_equality_consent(dev.person) == active


def test_current_equality_consent_is_none_after_a_new_notice_version(dev: User) -> None:
    old = EqualityConsentFactory.create(person=dev.person)
    Notice.objects.create(purpose=Purpose.EQUALITY_MONITORING, version=2, title="Equality monitoring", text="New.")

    assert current_equality_consent(dev.person) is None
    assert active_equality_consents(dev.person) == [old]


def test_latest_equality_response_is_the_persons_newest_or_none(dev: User, grace: User) -> None:
    EqualityResponseFactory.create(person=dev.person, answered_at=EARLIER)
    newest = EqualityResponseFactory.create(person=dev.person, answered_at=LATER)

    assert latest_equality_response(dev.person) == newest
    assert latest_equality_response(grace.person) is None
