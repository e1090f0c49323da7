"""Forms for finding, planning and running activities."""

from typing import Any

from django import forms
from django.core.validators import MinValueValidator

from coproduce.involvement.choices import (
    ActivityFormat,
    ActivityKind,
    ActivityStage,
    ArrangementStatus,
    AttendanceRole,
    OutreachChannel,
    RegistrationStatus,
)
from coproduce.involvement.fields import GovUKDateField, GovUKDateTimeField, HoneypotField, PictureField
from coproduce.involvement.models import Activity
from coproduce.involvement.queries import NeedLine
from coproduce.model import LADDER
from coproduce.people.fields import PeopleChoiceField, PersonChoiceField
from coproduce.people.models import Person
from coproduce.projects.models import Lifecycle, Project

# How far ahead people can look on "Get involved", in days.
WHEN_CHOICES = [
    ("", "Any time"),
    ("7", "In the next 7 days"),
    ("30", "In the next 30 days"),
    ("90", "In the next 3 months"),
]


class OpportunityFilterForm(forms.Form):
    stage = forms.ChoiceField(
        label="Project stage",
        required=False,
        choices=[("", "Any stage"), *ActivityStage.choices],
        error_messages={"invalid_choice": "Choose a stage from the list"},
    )
    activity_format = forms.ChoiceField(
        label="How it happens",
        required=False,
        choices=[("", "Any way"), *ActivityFormat.choices],
        error_messages={"invalid_choice": "Choose how it happens from the list"},
    )
    when = forms.ChoiceField(
        label="When",
        required=False,
        choices=WHEN_CHOICES,
        error_messages={"invalid_choice": "Choose when from the list"},
    )

    def filters(self) -> dict[str, Any]:
        """The valid filters, as arguments for ``queries.open_opportunities``; invalid ones are ignored."""
        self.is_valid()
        data = self.cleaned_data
        when = data.get("when")
        return {
            "stage": data.get("stage", ""),
            "activity_format": data.get("activity_format", ""),
            "within_days": int(when) if when else None,
        }


class ActivityForm(forms.ModelForm[Activity]):
    project = forms.ModelChoiceField(
        queryset=Project.objects.exclude(stage=Lifecycle.CLOSED),
        label="Project",
        empty_label="Choose a project",
        error_messages={"required": "Choose the project", "invalid_choice": "Choose a project from the list"},
    )
    starts_at = GovUKDateTimeField(
        label="When does it start?",
        help_text="For example, 27 3 2027 and 10:30am. For a survey, when it opens.",
        error_messages={"required": "Enter the date and time it starts"},
    )
    ends_at = GovUKDateTimeField(
        label="When does it end?",
        help_text="For example, 27 3 2027 and 1pm. For a survey, when it closes.",
        error_messages={"required": "Enter the date and time it ends"},
    )
    easy_read_image = PictureField(
        label="Easy Read picture (optional)",
        required=False,
        help_text="A picture that shows what the activity is about. PNG, JPEG, GIF or WebP, smaller than 5 MB.",
    )
    remove_easy_read_image = forms.BooleanField(label="Remove the Easy Read picture", required=False)
    papers_issued_on = GovUKDateField(
        label="When will papers go out? (optional)",
        required=False,
        help_text="For example, 13 3 2027. People who need Easy Read or large print need papers early.",
    )
    adjustments_deadline = GovUKDateField(
        label="Last day to ask for support (optional)",
        required=False,
        help_text="For example, 20 3 2027. We will tell you if needs are still open after this day.",
    )
    channels = forms.MultipleChoiceField(
        label="How will you tell people about it?",
        required=False,
        choices=OutreachChannel.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose at least 2. Include at least one that reaches people who are not online.",
        error_messages={"invalid_choice": "Choose ways to tell people from the list"},
    )

    field_order = [
        "project",
        "title",
        "kind",
        "stage",
        "description",
        "easy_read_summary",
        "easy_read_image",
        "remove_easy_read_image",
        "easy_read_image_alt",
        "format",
        "starts_at",
        "ends_at",
        "venue",
        "venue_access",
        "capacity",
        "planned_rung",
        "papers_issued_on",
        "adjustments_deadline",
        "channels",
        "targeted_groups",
    ]

    class Meta:
        model = Activity
        fields = [
            "project",
            "title",
            "kind",
            "stage",
            "description",
            "easy_read_summary",
            "easy_read_image",
            "easy_read_image_alt",
            "format",
            "starts_at",
            "ends_at",
            "venue",
            "venue_access",
            "capacity",
            "planned_rung",
            "papers_issued_on",
            "adjustments_deadline",
            "targeted_groups",
        ]
        labels = {
            "title": "Name of the activity",
            "kind": "What kind of activity is it?",
            "stage": "Which project stage is it part of?",
            "description": "What is it about?",
            "easy_read_summary": "Easy Read summary (optional)",
            "easy_read_image_alt": "Describe the picture",
            "format": "How will it happen?",
            "venue": "Where is it? (optional)",
            "venue_access": "Access at the venue (optional)",
            "capacity": "How many places are there? (optional)",
            "planned_rung": "How much power will people share? (the planned ladder rung)",
            "targeted_groups": "Which groups who are often left out will you try to reach? (optional)",
        }
        help_texts = {
            "description": "Use plain words. Say what will happen and what people's ideas will change.",
            "easy_read_summary": "Short sentences and everyday words, one idea in each sentence.",
            "easy_read_image_alt": "Say what the picture shows, for people who cannot see it. Needed if you add one.",
            "venue": "The name and address, for activities in person or hybrid",
            "venue_access": "For example: step-free entrance, hearing loop, accessible toilet, parking, quiet room",
            "capacity": "Leave empty if there is no limit. When it is full, people join a waiting list.",
            "targeted_groups": "For example: young carers, people whose first language is not English",
        }
        error_messages = {
            "title": {"required": "Enter the name of the activity"},
            "kind": {"required": "Choose what kind of activity it is"},
            "stage": {"required": "Choose the project stage"},
            "description": {"required": "Say what the activity is about"},
            "format": {"required": "Choose how it will happen"},
            "capacity": {
                "invalid": "Enter the number of places as a number, like 12",
                "min_value": "The number of places must be 1 or more",
            },
            "planned_rung": {"required": "Choose how much power people will share"},
        }
        widgets = {
            "kind": forms.RadioSelect,
            "stage": forms.RadioSelect,
            "format": forms.RadioSelect,
            "planned_rung": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 5}),
            "easy_read_summary": forms.Textarea(attrs={"rows": 5}),
            "venue_access": forms.Textarea(attrs={"rows": 4}),
            "targeted_groups": forms.Textarea(attrs={"rows": 3}),
            "capacity": forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        editing = self.instance.pk is not None
        # Radios need no empty choice; the ladder rungs say what each means.
        for name, choices in (
            ("kind", ActivityKind.choices),
            ("stage", ActivityStage.choices),
            ("format", ActivityFormat.choices),
            ("planned_rung", [(rung.rung.value, f"{rung.rung.label}: {rung.plain}") for rung in LADDER]),
        ):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)  # noqa: S101 - choice fields from the model
            field.choices = choices
        # The model allows 0 and up; an activity needs at least one place.
        capacity = self.fields["capacity"]
        capacity.validators = [
            *(validator for validator in capacity.validators if not isinstance(validator, MinValueValidator)),
            MinValueValidator(1),
        ]
        if editing:
            del self.fields["project"]
            self.initial["channels"] = list(self.instance.outreach.values_list("channel", flat=True))
            if not self.instance.easy_read_image:
                del self.fields["remove_easy_read_image"]
        else:
            del self.fields["remove_easy_read_image"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        # Checked here as well as by the service, so the message sits by the field (and the
        # database constraint never has to explain it).
        starts_at, ends_at = data.get("starts_at"), data.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", "The end must be after the start")
        picture = data.get("easy_read_image")
        removing = data.get("remove_easy_read_image", False)
        if picture and not removing and not data.get("easy_read_image_alt", "").strip():
            self.add_error("easy_read_image_alt", "Describe the picture for people who cannot see it")
        return data

    def save(self, commit: bool = True) -> Activity:
        activity = super().save(commit=False)
        if self.cleaned_data.get("remove_easy_read_image"):
            activity.easy_read_image = None
            activity.easy_read_image_alt = ""
        if commit:
            activity.save()
        return activity


class PublishForm(forms.Form):
    is_open = forms.TypedChoiceField(
        choices=[("yes", "Open"), ("no", "Closed")],
        coerce=lambda value: value == "yes",
        widget=forms.HiddenInput,
        error_messages={"required": "Choose whether to open or close registration"},
    )


class InterestForm(forms.Form):
    full_name = forms.CharField(
        label="Your name",
        max_length=200,
        error_messages={"required": "Enter your name", "max_length": "Your name must be 200 characters or fewer"},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label="Email address (optional)",
        required=False,
        max_length=254,
        error_messages={"invalid": "Enter an email address like name@example.org"},
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    phone = forms.CharField(
        label="Phone number (optional)",
        required=False,
        max_length=40,
        error_messages={"max_length": "The phone number must be 40 characters or fewer"},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel", "class": "govuk-input--width-20"}),
    )
    website = HoneypotField()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "email" in data and "phone" in data and not data["email"] and not data["phone"].strip():
            self.add_error("email", "Enter an email address or a phone number, so we can contact you")
        return data

    @property
    def is_from_a_robot(self) -> bool:
        """People never see the honeypot box; only robots fill it in."""
        return bool(self.cleaned_data.get("website"))


class ArrangementsForm(forms.Form):
    """How each of one person's needs is being met: a status and, if it cannot be met, why."""

    def __init__(self, *args: Any, needs: list[NeedLine], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.needs = needs
        for line in needs:
            self.fields[f"status_{line.need}"] = forms.ChoiceField(
                label=line.label,
                required=False,
                choices=ArrangementStatus.choices,
                widget=forms.RadioSelect,
                initial=line.status or None,
                help_text=line.detail,
                error_messages={"invalid_choice": "Choose met, being arranged or cannot be met"},
            )
            self.fields[f"reason_{line.need}"] = forms.CharField(
                label=f"If {line.label.lower()} cannot be met, say why",
                required=False,
                initial=line.reason,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text="We will email this to the person, so use plain words.",
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for line in self.needs:
            if (
                data.get(f"status_{line.need}") == ArrangementStatus.CANNOT_BE_MET
                and not data.get(f"reason_{line.need}", "").strip()
            ):
                self.add_error(f"reason_{line.need}", "Say why this cannot be met. We will tell the person.")
        return data

    def decisions(self) -> dict[str, tuple[str, str]]:
        return {
            line.need: (
                self.cleaned_data.get(f"status_{line.need}", ""),
                self.cleaned_data.get(f"reason_{line.need}", ""),
            )
            for line in self.needs
        }


class AddPersonForm(forms.Form):
    person = PersonChoiceField(
        queryset=Person.objects.current(),
        label="Who is coming?",
        empty_label="Choose a person",
        help_text=(
            "Add someone who asked by phone, by letter or in person. "
            "If the activity is full, they join the waiting list."
        ),
        error_messages={"required": "Choose who is coming", "invalid_choice": "Choose a person from the list"},
    )


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
