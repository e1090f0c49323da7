"""Form fields for choosing people, shared by every app's forms, and "Who gave these answers?".

A review's self-assessment and a survey are both answered online by the person themselves, or given by
phone and recorded for them; the phone forms add one question, asked the same way in both.
"""

from typing import Any

from django import forms
from django.db.models import QuerySet

from coproduce.people.models import Person


class PersonChoiceField(forms.ModelChoiceField[Person]):
    """A drop-down of people, each shown by their full name (as staff know them)."""

    def label_from_instance(self, obj: Person) -> str:
        return obj.full_name


class PeopleChoiceField(forms.ModelMultipleChoiceField[Person]):
    """Checkboxes of people, each shown by their full name."""

    def label_from_instance(self, obj: Person) -> str:
        return obj.full_name


class GivenByPhoneMixin(forms.BaseForm):
    """Put "Who gave these answers?" (``person``, one of ``people``) before the answers' own fields.

    Mix it in before the answers form: ``class PhoneAnswerForm(GivenByPhoneMixin, SurveyForm)``.
    """

    def __init__(self, *args: Any, people: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        person = PersonChoiceField(
            label="Who gave these answers?",
            queryset=people,
            empty_label="Choose a person",
            error_messages={
                "required": "Choose who gave these answers",
                "invalid_choice": "Choose who gave these answers",
            },
        )
        self.fields = {"person": person, **self.fields}
