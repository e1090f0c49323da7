"""The filters on "Get involved"."""

from typing import Any

from django import forms

from coproduce.involvement.choices import ActivityFormat, ActivityStage

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

    def is_narrowing(self) -> bool:
        """Whether any valid filter is chosen, so that the list shows fewer than every open activity."""
        return any(self.filters().values())

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
