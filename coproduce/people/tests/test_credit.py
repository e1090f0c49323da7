import pytest
from django.utils import timezone

from coproduce.people.credit import NOT_NAMED, initials, public_name
from coproduce.people.models import CreditPreference, Person


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        (CreditPreference.FULL_NAME, "Grace O'Neill"),
        (CreditPreference.INITIALS, "G. O."),
        (CreditPreference.ANONYMOUS, NOT_NAMED),
        ("", NOT_NAMED),  # not chosen yet: not named
    ],
)
def test_public_name_follows_the_credit_choice(choice, expected):
    grace = Person(full_name="Grace O'Neill", kind="carer", credit_preference=choice)

    assert public_name(grace) == expected


def test_a_choice_for_one_contribution_overrides_the_usual_one():
    dev = Person(full_name="Dev Patel", kind="member", credit_preference=CreditPreference.FULL_NAME)

    assert public_name(dev, CreditPreference.ANONYMOUS) == NOT_NAMED
    assert public_name(dev, CreditPreference.INITIALS) == "D. P."


def test_anonymised_people_are_never_named():
    gone = Person(
        full_name="Removed", kind="member", credit_preference=CreditPreference.FULL_NAME, anonymised_at=timezone.now()
    )

    assert public_name(gone) == NOT_NAMED


def test_initials_of_hyphenated_names():
    assert initials("Amina Rahman-Khan") == "A. R. K."
