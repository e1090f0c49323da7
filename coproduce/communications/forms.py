"""The display preferences form."""

from django import forms

from coproduce.communications.preferences import CHOICES, Preferences


class DisplayPreferencesForm(forms.Form):
    choices = forms.MultipleChoiceField(
        label="How would you like pages to look?",
        help_text="Select all that apply. Leave them all unticked for the standard look.",
        required=False,
        choices=list(CHOICES.items()),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose from the list"},
    )

    def preferences(self) -> Preferences:
        return Preferences.from_keys(self.cleaned_data["choices"])
