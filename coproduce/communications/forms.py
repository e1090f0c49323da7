"""The display preferences form and the forms for requests in other formats."""

import re
from typing import Any, cast

from django import forms

from coproduce.communications.choices import Format, MessageFormat, MessageRoute, MessageStatus, RequestStatus
from coproduce.communications.pages import local_page_path
from coproduce.communications.preferences import CHOICES, Preferences
from coproduce.involvement.fields import HoneypotField

PHONE = re.compile(r"\+?[0-9][0-9 ()-]{5,38}")


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


class FormatRequestForm(forms.Form):
    """Ask for a page in another format. Signed-out people also say who they are and how to reach them."""

    page = forms.CharField(widget=forms.HiddenInput, max_length=500)
    format = forms.ChoiceField(
        label="Which format do you need?",
        choices=Format.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a format", "invalid_choice": "Choose a format from the list"},
    )
    language = forms.CharField(
        label="If you chose another language, which language?",
        required=False,
        max_length=100,
        error_messages={"max_length": "The language must be 100 characters or fewer"},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20"}),
    )

    def __init__(self, *args: Any, signed_in: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.signed_in = signed_in
        if not signed_in:
            self.fields["full_name"] = forms.CharField(
                label="Your name",
                max_length=200,
                error_messages={
                    "required": "Enter your name",
                    "max_length": "Your name must be 200 characters or fewer",
                },
                widget=forms.TextInput(attrs={"autocomplete": "name"}),
            )
            self.fields["email"] = forms.EmailField(
                label="Email address (optional)",
                required=False,
                max_length=254,
                error_messages={"invalid": "Enter an email address like name@example.org"},
                widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
            )
            self.fields["phone"] = forms.CharField(
                label="Phone number (optional)",
                help_text="Give an email address or a phone number, or both.",
                required=False,
                max_length=40,
                error_messages={"max_length": "The phone number must be 40 characters or fewer"},
                widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel", "class": "govuk-input--width-20"}),
            )
            self.fields["website"] = HoneypotField()

    def clean_page(self) -> str:
        path = local_page_path(self.cleaned_data["page"])
        if path is None:
            raise forms.ValidationError("We cannot find that page. Go back to it and use the link again")
        return path

    def clean_phone(self) -> str:
        phone = str(self.cleaned_data.get("phone", "")).strip()
        if phone and not PHONE.fullmatch(phone):
            raise forms.ValidationError("Enter a phone number, like 01632 960 001 or +44 7700 900 982")
        return phone

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("format") == Format.OTHER_LANGUAGE and not data.get("language", "").strip():
            self.add_error("language", "Enter the language you need")
        if not self.signed_in and "email" in data and "phone" in data and not data["email"] and not data["phone"]:
            self.add_error("email", "Enter an email address or a phone number, so we can contact you")
        return data

    @property
    def is_from_a_robot(self) -> bool:
        """People never see the honeypot box; only robots fill it in."""
        return bool(self.cleaned_data.get("website"))


class FormatRequestStatusForm(forms.Form):
    status = forms.ChoiceField(
        label="What is happening with this request?",
        choices=RequestStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what is happening", "invalid_choice": "Choose from the list"},
    )
    reason = forms.CharField(
        label="If we cannot do it, why not?",
        help_text="The person will see this reason.",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "The reason must be 2000 characters or fewer"},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("status") == RequestStatus.CANNOT_DO and not data.get("reason", "").strip():
            self.add_error("reason", "Say why we cannot make this format")
        return data


# --- Messages and how we contact people ---------------------------------------------------------

FORMAT_CHOICES = [
    ("", "Use my access needs to choose (Easy Read or large print if I need them)"),
    (MessageFormat.STANDARD, "Standard"),
    (MessageFormat.PLAIN_TEXT, "Plain text email, with no formatting (good with a screen reader)"),
    (MessageFormat.LARGE_PRINT, "Large print"),
    (MessageFormat.EASY_READ, "Easy Read"),
]
REFUSAL_CHOICES = [
    ("no_email", "Email"),
    ("no_text", "Text message"),
    ("no_post", "Post"),
    ("no_phone", "Phone call"),
    ("no_supporter", "Through someone who supports me"),
]


class ContactPreferencesForm(forms.Form):
    message_format = forms.ChoiceField(
        label="Which format do you want messages in?",
        choices=FORMAT_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose a format from the list"},
    )
    refused = forms.MultipleChoiceField(
        label="Are there ways we must never contact you?",
        help_text="Select all that apply. We will never use a way you select, even if another way fails.",
        choices=REFUSAL_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose from the list"},
    )

    @classmethod
    def initial_from(cls, preferences: Any) -> dict[str, Any]:
        return {
            "message_format": preferences.message_format,
            "refused": [name for name, _ in REFUSAL_CHOICES if getattr(preferences, name)],
        }

    def values(self) -> dict[str, Any]:
        refused = set(self.cleaned_data["refused"])
        return {"message_format": self.cleaned_data["message_format"]} | {
            name: name in refused for name, _ in REFUSAL_CHOICES
        }


class MessageFilterForm(forms.Form):
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "All messages"), ("attention", "Needing action"), *MessageStatus.choices],
    )
    route = forms.ChoiceField(label="Sent by", required=False, choices=[("", "Any way"), *MessageRoute.choices])


class LettersPostedForm(forms.Form):
    """Confirms that exactly the letters in the batch the coordinator downloaded were printed and posted."""

    message = forms.TypedMultipleChoiceField(coerce=int, choices=[], widget=forms.MultipleHiddenInput)

    def __init__(self, *args: Any, message_ids: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.TypedMultipleChoiceField, self.fields["message"])
        field.choices = [(pk, pk) for pk in message_ids]
        field.error_messages = {
            "required": "There are no letters to mark as posted",
            "invalid_choice": "Some of these letters were already marked as posted. Download the batch again.",
        }
