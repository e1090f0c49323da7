"""Planning an activity, and opening or closing it for registration."""

from typing import Any

from django import forms
from django.core.validators import MinValueValidator

from coproduce.involvement.choices import ActivityFormat, ActivityKind, ActivityStage, OutreachChannel
from coproduce.involvement.fields import GovUKDateField, GovUKDateTimeField, PictureField
from coproduce.involvement.models import Activity
from coproduce.model import LADDER
from coproduce.projects.models import Lifecycle, Project


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
