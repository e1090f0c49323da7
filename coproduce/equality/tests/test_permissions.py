"""Who may use equality monitoring: everyone with a record of their own, for themselves only."""

import pytest

from coproduce.accounts.models import User
from coproduce.accounts.tests.factories import UserFactory
from coproduce.equality.permissions import (
    can_record_equality_answers,
    can_use_equality_monitoring,
    can_view_equality_answers,
    can_withdraw_equality_consent,
)
from coproduce.people.tests.factories import PersonFactory

PERSONAS = ["amina", "dev", "grace", "tom", "priya", "sam", "morgan"]
ABOUT_ONE_PERSON = [can_record_equality_answers, can_view_equality_answers, can_withdraw_equality_consent]


@pytest.mark.parametrize("persona", PERSONAS)
def test_can_use_equality_monitoring_allows_everyone_with_a_record_of_their_own(
    persona: str, everyone: dict[str, User]
) -> None:
    assert can_use_equality_monitoring(everyone[persona])


def test_can_use_equality_monitoring_refuses_a_sign_in_without_a_record(db) -> None:
    assert not can_use_equality_monitoring(UserFactory.create())


def test_can_use_equality_monitoring_refuses_an_inactive_user(dev: User) -> None:
    dev.is_active = False

    assert not can_use_equality_monitoring(dev)


@pytest.mark.parametrize("rule", ABOUT_ONE_PERSON, ids=["record", "view", "withdraw"])
@pytest.mark.parametrize("persona", PERSONAS)
def test_equality_answers_rules_allow_only_the_person_themselves(rule, persona: str, everyone: dict[str, User]) -> None:
    dev = everyone["dev"]

    assert rule(everyone[persona], dev.person) is (persona == "dev")


@pytest.mark.parametrize("rule", ABOUT_ONE_PERSON, ids=["record", "view", "withdraw"])
def test_equality_answers_rules_refuse_everyone_for_someone_without_a_sign_in(rule, everyone: dict[str, User]) -> None:
    rosa = PersonFactory.create(full_name="Rosa Lindqvist")

    assert [persona for persona, user in everyone.items() if rule(user, rosa)] == []
