"""The survey form (standard or Easy Read wording) and the coordinator's phone form."""

from typing import Any

from django import forms

from coproduce.people.fields import GivenByPhoneMixin
from coproduce.surveys.choices import EASY_READ_ANSWERS, EASY_READ_ITEMS, Answer, Item

COMMENT_LABEL = "Is there anything else you want to tell us?"
EASY_READ_COMMENT_LABEL = "Do you want to tell us anything else?"


class SurveyForm(forms.Form):
    """One set of radios (a fieldset) per item, and the optional free text."""

    def __init__(self, *args: Any, easy_read: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.easy_read = easy_read
        for item, wording in Item.choices:
            label = EASY_READ_ITEMS[item] if easy_read else wording
            choices = [(answer, EASY_READ_ANSWERS[answer] if easy_read else text) for answer, text in Answer.choices]
            self.fields[item] = forms.ChoiceField(
                label=label,
                choices=choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": "Choose an answer." if easy_read else f"Choose an answer for “{wording}”",
                    "invalid_choice": "Choose one of the answers.",
                },
            )
        self.fields["comment"] = forms.CharField(
            label=EASY_READ_COMMENT_LABEL if easy_read else COMMENT_LABEL,
            required=False,
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 4}),
            help_text="You do not have to write anything."
            if easy_read
            else "Optional. We never publish what you write here.",
            error_messages={"max_length": "Write 2,000 characters or fewer."},
        )

    def answers(self) -> dict[str, str]:
        return {item: self.cleaned_data[item] for item in Item.values}


class PhoneAnswerForm(GivenByPhoneMixin, SurveyForm):
    """A coordinator records answers someone gave by phone: who, then their answers."""
