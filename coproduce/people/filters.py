"""Finding people: the filters shared by the people list and its export."""

from collections.abc import Mapping
from typing import Any

from django import forms

from coproduce.accounts.models import User
from coproduce.people.models import Need, Organisation, Person, PersonKind, PersonQuerySet
from coproduce.people.permissions import can_view_access_needs


class PersonFilterForm(forms.Form):
    q = forms.CharField(
        label="Name or email", required=False, max_length=200, widget=forms.TextInput(attrs={"type": "search"})
    )
    kind = forms.ChoiceField(
        label="How they are involved",
        required=False,
        error_messages={"invalid_choice": "Choose how they are involved from the list"},
    )
    organisation = forms.ModelChoiceField(
        label="Organisation",
        required=False,
        queryset=Organisation.objects.all(),
        empty_label="Any organisation",
        error_messages={"invalid_choice": "Choose an organisation from the list"},
    )
    need = forms.ChoiceField(
        label="Access need", required=False, error_messages={"invalid_choice": "Choose an access need from the list"}
    )

    def __init__(self, *args: Any, user: User, by_access_need: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "Everyone"), *PersonKind.choices]  # type: ignore[attr-defined]
        # Only people who may see access needs can look for people by them.
        if by_access_need and can_view_access_needs(user, None):
            self.fields["need"].choices = [("", "Any or none"), *Need.choices]  # type: ignore[attr-defined]
        else:
            del self.fields["need"]


def find_people(
    user: User, params: Mapping[str, Any], *, by_access_need: bool = True
) -> tuple[PersonFilterForm, PersonQuerySet]:
    """The people ``user`` may see, filtered by ``params``; invalid filters are shown on the form and ignored."""
    form = PersonFilterForm(params, user=user, by_access_need=by_access_need)
    people = Person.objects.visible_to(user).current()
    form.is_valid()
    data = form.cleaned_data  # holds only the filters that are valid
    people = people.search(data.get("q", ""))
    if data.get("kind"):
        people = people.filter(kind=data["kind"])
    if data.get("organisation"):
        people = people.filter(organisation=data["organisation"])
    if data.get("need"):
        people = people.filter(access_profile__needs__need=data["need"])
    return form, people
