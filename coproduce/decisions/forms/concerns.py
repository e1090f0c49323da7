"""Forms for concerns: raising one, a coordinator's answer, and a reference to read the answer with."""

from typing import Any, cast

from django import forms

from coproduce.decisions.choices import ConcernAbout
from coproduce.projects.models import Project


class ConcernForm(forms.Form):
    # Every follow-up field shows, with or without JavaScript; clean() asks only for the one that the
    # choice of what it is about needs. A person is named in words: nobody is shown a list of staff.
    about = forms.ChoiceField(
        label="What is your concern about?",
        choices=ConcernAbout.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what your concern is about"},
    )
    project = forms.ModelChoiceField(
        queryset=Project.objects.none(),
        label="Which project? (if it is about a project)",
        required=False,
        empty_label="Choose a project",
        error_messages={"invalid_choice": "Choose a project from the list"},
    )
    about_person = forms.CharField(
        label="Who is it about? (if it is about a person)",
        required=False,
        max_length=200,
        help_text=(
            "Their name or their job, for example: the receptionist. Coordinators and admins read every "
            "concern: if it is about one of them, you may want to send it anonymously."
        ),
        error_messages={"max_length": "Write who it is about in 200 characters or fewer"},
    )
    text = forms.CharField(
        label="What is your concern?",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Say what is happening and, if you can, what would make it better.",
        error_messages={"required": "Say what your concern is"},
    )
    anonymous = forms.TypedChoiceField(
        label="Do you want to give your name?",
        choices=[
            ("named", "Yes. Only coordinators will see my name, and they will tell me what happens"),
            (
                "anonymous",
                "No. Send it anonymously: nobody can see who sent it. You get a reference to read our answer with",
            ),
        ],
        coerce=lambda value: value == "anonymous",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to give your name"},
    )

    # A random token for this copy of the form (see ``raise_concern``): the same form sent twice sends once.
    form_token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args: Any, projects: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["project"])
        field.queryset = projects

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("about") == ConcernAbout.PROJECT and not data.get("project") and "project" not in self.errors:
            self.add_error("project", "Choose the project your concern is about")
        if data.get("about") == ConcernAbout.PERSON and not data.get("about_person", "").strip():
            self.add_error("about_person", "Say who your concern is about")
        return data


class ConcernAnswerForm(forms.Form):
    response = forms.CharField(
        label="Your response",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=(
            "What you found and what will happen now. A named person is sent this; "
            "an anonymous sender can read it with their reference."
        ),
        error_messages={"required": "Write your response"},
    )


NOT_FOUND = (
    "We cannot find a concern with that reference. Check it against the one you were given: "
    "it has 12 letters and numbers, like K7QM-4RTX-9HCP"
)


class ConcernReferenceForm(forms.Form):
    reference = forms.CharField(
        label="Reference",
        max_length=40,
        help_text="The reference you were given when you sent your concern, for example K7QM-4RTX-9HCP.",
        widget=forms.TextInput(
            attrs={
                "class": "govuk-input--width-20",
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
            }
        ),
        error_messages={"required": "Enter your reference", "max_length": NOT_FOUND},
    )
