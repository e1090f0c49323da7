"""The charter: its first version and courses, signing (for oneself or an organisation), renewing,
withdrawing, publishing a new version, and coverage by group."""

from datetime import date, datetime, timedelta
from unittest import mock

import pytest
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.learning.models import CharterVersion, Course, OrganisationCommitment, Signature, TrainingRecord
from coproduce.learning.queries import champions, coverage_by_group, has_signed_current_charter
from coproduce.learning.refusals import LearningRefused
from coproduce.learning.services.charter import (
    Commitment,
    publish_charter,
    sign_charter,
    sign_for_organisation,
    withdraw_signature,
)
from coproduce.model import STEPS, VALUES
from coproduce.people.models import CreditPreference, Organisation

NOW = timezone.make_aware(datetime(2026, 11, 26, 10, 0))


def test_charter_version_one_is_made_from_the_five_values_and_six_steps() -> None:
    version = CharterVersion.objects.get(number=1)

    for value in VALUES:
        assert value.seed_text in version.text
        assert value.plain in version.easy_read_text
    for step in STEPS:
        assert step.seed_text in version.text
        assert step.plain in version.easy_read_text


def test_four_courses_are_in_the_catalogue() -> None:
    assert set(Course.objects.values_list("title", flat=True)) == {
        "What co-production is",
        "Chairing inclusive meetings",
        "Checking Easy Read",
        "Understanding budgets",
    }


def test_sign_charter_records_the_version_date_and_who_signed(tom: User) -> None:
    signature = sign_charter(by=tom, now=NOW)

    assert (signature.person, signature.version.number, signature.signed_at, signature.signed_by) == (
        tom.person,
        1,
        NOW,
        tom,
    )
    assert has_signed_current_charter(tom.person)
    assert AuditEvent.objects.filter(action="learning.charter_signed").count() == 1


def test_signing_the_same_version_twice_is_refused(tom: User) -> None:
    sign_charter(by=tom, now=NOW)

    with pytest.raises(LearningRefused) as refusal:
        sign_charter(by=tom, now=NOW + timedelta(days=3))

    assert refusal.value.message.startswith("You have already signed this version of the charter.")
    assert Signature.objects.get().signed_at == NOW


def test_signing_again_once_due_renews_the_signature(tom: User) -> None:
    sign_charter(by=tom, now=NOW)

    renewed = sign_charter(by=tom, now=NOW + timedelta(days=366))

    assert Signature.objects.count() == 1
    assert renewed.signed_at == NOW + timedelta(days=366)


def test_sign_for_organisation_with_a_commitment(priya: User) -> None:
    riverside = Organisation.objects.get(name="Riverside Council")

    signature = sign_for_organisation(
        riverside, commitments=[Commitment("We will respond within 8 weeks.", 56)], by=priya, now=NOW
    )

    assert (signature.on_behalf_of, signature.person) == (riverside, priya.person)
    commitment = OrganisationCommitment.objects.get()
    assert (commitment.organisation, commitment.text, commitment.response_days) == (
        riverside,
        "We will respond within 8 weeks.",
        56,
    )


def test_signing_for_an_organisation_one_does_not_represent_is_refused_and_writes_nothing(priya: User) -> None:
    other = Organisation.objects.create(name="Riverside NHS Trust")

    with pytest.raises(LearningRefused) as refusal:
        sign_for_organisation(other, commitments=[Commitment("We will answer.", 10)], by=priya)

    assert refusal.value.message == (
        "Only an authorised representative of Riverside NHS Trust can sign for it. "
        "You can sign the charter for yourself."
    )
    assert not Signature.objects.exists()
    assert not OrganisationCommitment.objects.exists()


def test_a_withdrawn_signature_leaves_the_champions_list_at_once(tom: User, dev: User, priya: User) -> None:
    tom.person.credit_preference = CreditPreference.FULL_NAME
    tom.person.save()
    signature = sign_charter(by=tom)
    sign_charter(by=dev)  # Dev has not chosen how to be named: counted, not named
    sign_for_organisation(Organisation.objects.get(name="Riverside Council"), commitments=[], by=priya)
    assert champions().named == ["Tom Hughes"]
    assert champions().not_named == 1
    assert champions().organisations == ["Riverside Council"]

    withdraw_signature(signature, by=tom)

    assert champions().named == []


def test_someone_else_cannot_withdraw_a_signature(tom: User, dev: User) -> None:
    from django.core.exceptions import PermissionDenied

    signature = sign_charter(by=tom)

    with pytest.raises(PermissionDenied):
        withdraw_signature(signature, by=dev)


def test_publish_charter_makes_the_next_version_current(morgan: User, tom: User) -> None:
    sign_charter(by=tom)

    version = publish_charter(text="New words.", easy_read_text="New easy words.", by=morgan)

    assert version.number == 2
    assert not has_signed_current_charter(tom.person)


def test_only_admins_publish_the_charter(amina: User) -> None:
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        publish_charter(text="New words.", easy_read_text="New easy words.", by=amina)


def test_coverage_counts_each_group_in_the_database(everyone: dict[str, User], django_assert_max_num_queries) -> None:
    sign_charter(by=everyone["dev"])
    sign_charter(by=everyone["tom"])
    TrainingRecord.objects.create(
        person=everyone["tom"].person,
        course=Course.objects.get(title="What co-production is"),
        completed_on=date(2026, 11, 1),
        recorded_by=everyone["amina"],
    )

    with django_assert_max_num_queries(2):
        rows = {row.group: (row.people, row.signed, row.trained) for row in coverage_by_group()}

    assert rows == {
        "Members and carers": (2, 1, 0),
        "Allies": (1, 1, 1),
        "Partner representatives": (1, 0, 0),
        "Staff": (3, 0, 0),
    }


def test_frozen_clock_patch_works_for_sign_charter(tom: User) -> None:
    with mock.patch("django.utils.timezone.now", return_value=NOW):
        signature = sign_charter(by=tom)

    assert signature.signed_at == NOW
