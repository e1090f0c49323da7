"""Forms for concerns: raising one, and a coordinator's answer."""

from typing import Any, cast

from django import forms

from coproduce.projects.models import Project


class ConcernForm(forms.Form):
    project = forms.ModelChoiceField(
        queryset=Project.objects.none(),
        label="Which project is it about?",
        empty_label="Choose a project",
        error_messages={"required": "Choose the project", "invalid_choice": "Choose a project from the list"},
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
            ("anonymous", "No. Send it anonymously: nobody can see who sent it, and we cannot reply to you"),
        ],
        coerce=lambda value: value == "anonymous",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to give your name"},
    )

    def __init__(self, *args: Any, projects: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["project"])
        field.queryset = projects


class ConcernAnswerForm(forms.Form):
    response = forms.CharField(
        label="Your response",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What you found and what will happen now. A named person is sent this.",
        error_messages={"required": "Write your response"},
    )
