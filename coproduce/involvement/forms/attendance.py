"""Recording who came to an activity."""

from typing import Any

from django import forms

from coproduce.involvement.choices import AttendanceRole, RegistrationStatus
from coproduce.involvement.models import Activity
from coproduce.people.fields import PeopleChoiceField, PersonChoiceField
from coproduce.people.models import Person


class AttendanceForm(forms.Form):
    people = PeopleChoiceField(
        queryset=Person.objects.none(),
        label="Who came?",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "Choose people from the list",
            "invalid_pk_value": "Choose people from the list",
        },
    )
    someone_else = PersonChoiceField(
        queryset=Person.objects.current(),
        label="Someone else who came (optional)",
        required=False,
        empty_label="Nobody else",
        help_text="Someone who did not register, for example a person on the paper sign-in sheet",
        error_messages={"invalid_choice": "Choose a person from the list"},
    )
    role = forms.ChoiceField(
        label="What did they do?",
        choices=AttendanceRole.choices,
        initial=AttendanceRole.PARTICIPANT,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what they did", "invalid_choice": "Choose what they did from the list"},
    )
    minutes = forms.IntegerField(
        label="How long were they there, in minutes?",
        min_value=1,
        max_value=24 * 60,
        error_messages={
            "required": "Enter how long they were there, in minutes",
            "invalid": "Enter the time as a number of minutes, like 90",
            "min_value": "The time must be 1 minute or more",
            "max_value": "The time must be 1440 minutes (24 hours) or less",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}),
    )
    from_paper = forms.BooleanField(label="I am copying this from a paper sign-in sheet", required=False)

    def __init__(self, *args: Any, activity: Activity, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("minutes", min(max(activity.duration_minutes, 1), 24 * 60))
        super().__init__(*args, **kwargs)
        registered = list(
            Person.objects.filter(
                registrations__activity=activity, registrations__status=RegistrationStatus.REGISTERED
            ).order_by("full_name", "id")
        )
        if registered:
            people = self.fields["people"]
            assert isinstance(people, forms.ModelMultipleChoiceField)  # noqa: S101 - declared above
            people.queryset = Person.objects.filter(pk__in=[person.pk for person in registered]).order_by(
                "full_name", "id"
            )
        else:
            # Nobody registered: the coordinator chooses from everyone.
            del self.fields["people"]
            self.fields["someone_else"].label = "Who came?"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "someone_else" in data and not data.get("people") and data["someone_else"] is None:
            self.add_error("people" if "people" in self.fields else "someone_else", "Choose who came")
        return data

    def chosen_people(self) -> list[Person]:
        people = list(self.cleaned_data.get("people", []))
        other = self.cleaned_data.get("someone_else")
        if other is not None and other not in people:
            people.append(other)
        return people
