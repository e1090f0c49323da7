from typing import Any

from django import forms

from coproduce.accounts.models import Role, User, normalise_email
from coproduce.people.models import Organisation, Person

NO_SIGN_IN = ""
# Coordinators can give everyday roles; only admins can give staff roles.
ROLES_COORDINATORS_MAY_GIVE = (Role.MEMBER, Role.ALLY, Role.PARTNER)


class PersonForm(forms.ModelForm[Person]):
    sign_in_role = forms.ChoiceField(
        label="Can this person sign in?",
        required=False,
        help_text="People without a sign-in can still take part by phone, by post or in person.",
    )

    class Meta:
        model = Person
        fields = ["full_name", "preferred_name", "kind", "email", "phone", "organisation"]
        labels = {
            "full_name": "Full name",
            "preferred_name": "Preferred name (optional)",
            "kind": "How are they involved?",
            "email": "Email address (optional)",
            "phone": "Phone number (optional)",
            "organisation": "Organisation (optional)",
        }
        help_texts = {
            "preferred_name": "What they like to be called, if different",
            "organisation": "For partner representatives and staff",
        }
        error_messages = {
            "full_name": {"required": "Enter the person's full name"},
            "kind": {"required": "Select how the person is involved"},
            "email": {"invalid": "Enter an email address in the correct format, like name@example.com"},
        }
        widgets = {
            "kind": forms.RadioSelect,
            "email": forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
            "phone": forms.TextInput(attrs={"autocomplete": "off", "type": "tel"}),
        }

    def __init__(self, *args: Any, by: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        roles = Role if by.role == Role.ADMIN else ROLES_COORDINATORS_MAY_GIVE
        sign_in_role = self.fields["sign_in_role"]
        assert isinstance(sign_in_role, forms.ChoiceField)  # noqa: S101 - narrows the type for mypy
        sign_in_role.choices = [(NO_SIGN_IN, "No, not now")] + [
            (role.value, f"Yes, as {role.label.lower()}") for role in roles
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("sign_in_role") or self.has_error("email"):
            return data
        email = data.get("email", "")
        if not email:
            self.add_error("email", "Enter an email address so that this person can sign in")
        elif User.objects.filter(email=normalise_email(email)).exists():
            self.add_error("email", "Someone already signs in with this email address")
        return data


class OrganisationForm(forms.ModelForm[Organisation]):
    class Meta:
        model = Organisation
        fields = ["name", "kind"]
        labels = {"name": "Organisation name", "kind": "What kind of organisation is it?"}
        error_messages = {
            "name": {
                "required": "Enter the organisation's name",
                "unique": "This organisation is already recorded",
            },
        }
        widgets = {"kind": forms.RadioSelect}
