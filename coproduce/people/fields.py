"""Form fields for choosing people, shared by every app's forms."""

from django import forms

from coproduce.people.models import Person


class PersonChoiceField(forms.ModelChoiceField[Person]):
    """A drop-down of people, each shown by their full name (as staff know them)."""

    def label_from_instance(self, obj: Person) -> str:
        return obj.full_name


class PeopleChoiceField(forms.ModelMultipleChoiceField[Person]):
    """Checkboxes of people, each shown by their full name."""

    def label_from_instance(self, obj: Person) -> str:
        return obj.full_name
