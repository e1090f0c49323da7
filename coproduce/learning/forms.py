from typing import Any

from django import forms
from django.db.models import QuerySet

from coproduce.involvement.choices import ActivityFormat
from coproduce.involvement.fields import GovUKDateField, GovUKDateTimeField
from coproduce.learning.models import CONFIDENCE_QUESTION, Confidence
from coproduce.people.fields import PeopleChoiceField, PersonChoiceField
from coproduce.people.models import Organisation, Person, PersonKind
from coproduce.projects.models import Lifecycle, Project

AGREE_NEEDED = "Tick the box to say you agree to the charter"


class SignCharterForm(forms.Form):
    agree = forms.BooleanField(
        label="I agree to the co-production charter and will champion co-production",
        error_messages={"required": AGREE_NEEDED},
    )


class OrganisationSignatureForm(forms.Form):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        label="Organisation you are signing for",
        empty_label="Choose an organisation",
        error_messages={
            "required": "Choose the organisation you are signing for",
            "invalid_choice": "Choose an organisation from the list",
        },
    )
    agree = forms.BooleanField(
        label="The organisation agrees to the co-production charter and will champion co-production",
        error_messages={"required": AGREE_NEEDED},
    )
    commitment = forms.CharField(
        label="Your organisation’s own commitment (optional)",
        help_text="For example, “We will respond to co-produced recommendations within 8 weeks”.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    response_days = forms.IntegerField(
        label="How many days will you take to respond to recommendations? (optional)",
        help_text="For example, 56 for 8 weeks. We use this to track answers.",
        required=False,
        min_value=1,
        max_value=365,
        error_messages={
            "invalid": "Enter the number of days as a number, like 56",
            "min_value": "Enter a number of days from 1 to 365",
            "max_value": "Enter a number of days from 1 to 365",
        },
    )

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        """``organisations``: only those the person represents, so nobody is offered one they cannot sign for."""
        super().__init__(*args, **kwargs)
        organisation = self.fields["organisation"]
        assert isinstance(organisation, forms.ModelChoiceField)  # noqa: S101 - declared above
        organisation.queryset = organisations

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("response_days") and not data.get("commitment", "").strip():
            self.add_error("commitment", "Write the commitment that goes with the number of days")
        return data


class PublishCharterForm(forms.Form):
    text = forms.CharField(
        label="The charter",
        widget=forms.Textarea(attrs={"rows": 16}),
        error_messages={"required": "Enter the words of the charter"},
    )
    easy_read_text = forms.CharField(
        label="The Easy Read charter",
        help_text="Short sentences and common words. One idea on each line.",
        widget=forms.Textarea(attrs={"rows": 12}),
        error_messages={"required": "Enter the Easy Read version of the charter"},
    )


class RecommendationForm(forms.Form):
    project = forms.ModelChoiceField(
        queryset=Project.objects.taken_on().exclude(stage=Lifecycle.IDEA),
        label="Project the recommendation comes from",
        empty_label="Choose a project",
        error_messages={"required": "Choose the project", "invalid_choice": "Choose a project from the list"},
    )
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.all(),
        label="Organisation it was sent to",
        empty_label="Choose an organisation",
        error_messages={
            "required": "Choose the organisation",
            "invalid_choice": "Choose an organisation from the list",
        },
    )
    text = forms.CharField(
        label="What we recommended",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say what was recommended"},
    )
    sent_on = GovUKDateField(
        label="When was it sent?",
        help_text="For example, 27 3 2027",
        error_messages={"required": "Enter the date it was sent"},
    )


class ResponseForm(forms.Form):
    responded_on = GovUKDateField(
        label="When did they answer?",
        help_text="For example, 27 3 2027",
        error_messages={"required": "Enter the date they answered"},
    )
    response = forms.CharField(
        label="What did they say?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say what they answered"},
    )


class PartnerAnswerForm(forms.Form):
    """A partner representative answers a recommendation made to their organisation, today."""

    response = forms.CharField(
        label="What is your organisation’s answer?",
        help_text="Say what you will do, or why you will not. The project group reads it.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Write your organisation’s answer"},
    )


class SessionForm(forms.Form):
    starts_at = GovUKDateTimeField(
        label="When does it start?",
        help_text="For example, 27 3 2027 and 10:30am.",
        error_messages={"required": "Enter the date and time it starts"},
    )
    ends_at = GovUKDateTimeField(
        label="When does it end?",
        help_text="For example, 27 3 2027 and 1pm.",
        error_messages={"required": "Enter the date and time it ends"},
    )
    format = forms.ChoiceField(
        label="How will it happen?",
        choices=[(value, label) for value, label in ActivityFormat.choices if value != ActivityFormat.WRITTEN],
        widget=forms.RadioSelect,
        error_messages={"required": "Select how it will happen", "invalid_choice": "Select how it will happen"},
    )
    venue = forms.CharField(label="Where is it? (optional)", required=False, max_length=300)
    capacity = forms.IntegerField(
        label="How many places are there? (optional)",
        required=False,
        min_value=1,
        error_messages={"invalid": "Enter the number of places as a number", "min_value": "Enter 1 or more places"},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts_at, ends_at = data.get("starts_at"), data.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", "The end must be after the start")
        return data


class CompletionForm(forms.Form):
    people = PeopleChoiceField(
        queryset=Person.objects.none(),
        label="Who completed the course?",
        help_text="Only people recorded as attending are listed. Select all that apply.",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select who completed the course", "invalid_choice": "Select people from the list"},
    )
    completed_on = GovUKDateField(
        label="When did they complete it?",
        help_text="For example, 27 3 2027",
        error_messages={"required": "Enter the date they completed it"},
    )

    def __init__(self, *args: Any, attendees: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["people"]
        assert isinstance(field, PeopleChoiceField)  # noqa: S101 - narrows the type for mypy
        field.queryset = attendees


class ConfidenceForm(forms.Form):
    before = forms.TypedChoiceField(
        label=f"Before the course: {CONFIDENCE_QUESTION}",
        choices=Confidence.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how confident you were before", "invalid_choice": "Select an answer"},
    )
    after = forms.TypedChoiceField(
        label=f"Now: {CONFIDENCE_QUESTION}",
        choices=Confidence.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how confident you are now", "invalid_choice": "Select an answer"},
    )


class InductionForm(forms.Form):
    person = PersonChoiceField(
        queryset=Person.objects.current().filter(
            kind__in=[PersonKind.MEMBER, PersonKind.CARER], induction__isnull=True
        ),
        label="Member",
        empty_label="Choose a member",
        error_messages={"required": "Choose the member", "invalid_choice": "Choose a member from the list"},
    )
    inducted_on = GovUKDateField(
        label="When was their induction?",
        help_text="For example, 27 3 2027",
        error_messages={"required": "Enter the date of their induction"},
    )
    notes = forms.CharField(
        label="Skills and support conversation (optional)",
        help_text="What they are good at and what support they want. Only coordinators see this.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
