"""Forms for proposals: putting one to a group and giving it longer."""

from typing import Any

from django import forms

from coproduce.decisions.choices import METHODS_WITH_OPTIONS, Method
from coproduce.involvement.fields import GovUKDateTimeField


class ProposalForm(forms.Form):
    title = forms.CharField(
        label="What is the proposal?", max_length=200, error_messages={"required": "Enter the proposal"}
    )
    text = forms.CharField(
        label="Explain it in plain words",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Say what will happen if the group agrees, and what cannot change.",
        error_messages={"required": "Explain the proposal"},
    )
    easy_read_text = forms.CharField(
        label="Easy Read version (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Short sentences and everyday words, one idea in each sentence.",
    )
    method = forms.ChoiceField(
        label="How will the group decide?",
        choices=Method.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how the group will decide"},
    )
    options = forms.CharField(
        label="Options (for a vote, ranked choice or score)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One option on each line. Leave empty for consent or a sense check.",
    )
    closes_at = GovUKDateTimeField(
        label="When does it close?",
        help_text="For example, 27 3 2027 and 5pm. A lead can make it later.",
        error_messages={"required": "Enter the date and time it closes"},
    )
    quorum = forms.IntegerField(
        label="Least number of responses for the result to count (optional)",
        required=False,
        min_value=1,
        error_messages={"invalid": "Enter a whole number, like 4", "min_value": "The number must be 1 or more"},
    )

    def option_labels(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data.get("options", "").splitlines() if line.strip()]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("method") in METHODS_WITH_OPTIONS and len(self.option_labels()) < 2:
            self.add_error("options", "Give at least 2 options, one on each line")
        return data


class ExtendForm(forms.Form):
    closes_at = GovUKDateTimeField(
        label="New closing date and time",
        help_text="For example, 27 3 2027 and 5pm",
        error_messages={"required": "Enter the new closing date and time"},
    )
