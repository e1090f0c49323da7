"""The form for adding a person: its messages, and which sign-in roles each person may give."""

import pytest

from coproduce.accounts.models import User
from coproduce.people.forms.directory import PersonForm


def form_data(**fields: str) -> dict[str, str]:
    data = {
        "full_name": "Ruth Evans",
        "preferred_name": "",
        "kind": "carer",
        "email": "",
        "phone": "",
        "organisation": "",
        "sign_in_role": "",
    }
    data.update(fields)
    return data


def role_values(form: PersonForm) -> list[str]:
    return [str(value) for value, _label in form.fields["sign_in_role"].choices]  # type: ignore[attr-defined]


def test_person_form_with_name_and_kind_only_is_valid(amina: User) -> None:
    form = PersonForm(data=form_data(), by=amina)

    valid = form.is_valid()

    assert valid is True, form.errors
    assert form.cleaned_data["sign_in_role"] == ""


def test_person_form_without_full_name_asks_for_it(amina: User) -> None:
    form = PersonForm(data=form_data(full_name=""), by=amina)

    valid = form.is_valid()

    assert valid is False
    assert form.errors == {"full_name": ["Enter the person's full name"]}


def test_person_form_without_kind_asks_how_they_are_involved(amina: User) -> None:
    form = PersonForm(data=form_data(kind=""), by=amina)

    valid = form.is_valid()

    assert valid is False
    assert form.errors == {"kind": ["Select how the person is involved"]}


def test_person_form_with_sign_in_role_but_no_email_asks_for_an_email(amina: User) -> None:
    form = PersonForm(data=form_data(sign_in_role="member"), by=amina)

    valid = form.is_valid()

    assert valid is False
    assert form.errors == {"email": ["Enter an email address so that this person can sign in"]}


def test_person_form_with_sign_in_role_and_an_email_already_signing_in_is_refused(amina: User, dev: User) -> None:
    form = PersonForm(data=form_data(email="DEV@Example.org", sign_in_role="member"), by=amina)

    valid = form.is_valid()

    assert valid is False
    assert form.errors == {"email": ["Someone already signs in with this email address"]}


def test_person_form_without_sign_in_may_share_an_email_with_someone_who_signs_in(amina: User, dev: User) -> None:
    # A carer may be contacted at the same address as the member they support.
    form = PersonForm(data=form_data(email="dev@example.org"), by=amina)

    valid = form.is_valid()

    assert valid is True, form.errors


def test_person_form_with_badly_formed_email_explains_the_format(amina: User) -> None:
    form = PersonForm(data=form_data(email="ruth.example.org"), by=amina)

    valid = form.is_valid()

    assert valid is False
    assert form.errors == {"email": ["Enter an email address in the correct format, like name@example.com"]}


def test_person_form_with_sign_in_role_and_badly_formed_email_gives_only_the_format_message(amina: User) -> None:
    form = PersonForm(data=form_data(email="ruth.example.org", sign_in_role="member"), by=amina)

    valid = form.is_valid()

    assert valid is False
    assert form.errors == {"email": ["Enter an email address in the correct format, like name@example.com"]}


def test_person_form_offers_a_coordinator_only_everyday_roles(amina: User) -> None:
    form = PersonForm(by=amina)

    choices = form.fields["sign_in_role"].choices  # type: ignore[attr-defined]

    assert choices == [
        ("", "No, not now"),
        ("member", "Yes, as member"),
        ("ally", "Yes, as ally"),
        ("partner", "Yes, as partner representative"),
    ]


def test_person_form_offers_an_admin_every_role(morgan: User) -> None:
    form = PersonForm(by=morgan)

    values = role_values(form)

    assert values == ["", "member", "ally", "partner", "coordinator", "data_lead", "admin"]


@pytest.mark.parametrize("role", ["coordinator", "data_lead", "admin"])
def test_person_form_refuses_a_staff_role_posted_by_a_coordinator(amina: User, role: str) -> None:
    form = PersonForm(data=form_data(email="ruth@example.org", sign_in_role=role), by=amina)

    valid = form.is_valid()

    assert valid is False
    assert form.errors == {"sign_in_role": [f"Select a valid choice. {role} is not one of the available choices."]}


@pytest.mark.parametrize("role", ["coordinator", "data_lead", "admin"])
def test_person_form_accepts_a_staff_role_posted_by_an_admin(morgan: User, role: str) -> None:
    form = PersonForm(data=form_data(email="ruth@example.org", sign_in_role=role), by=morgan)

    valid = form.is_valid()

    assert valid is True, form.errors
    assert form.cleaned_data["sign_in_role"] == role
