"""Telling us you are interested: the form for people without an account."""

from typing import Any

from django import forms

from coproduce.involvement.fields import HoneypotField


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
