from typing import Any

from django import forms

from coproduce.model import Stage
from coproduce.people.models import Person, PersonKind
from coproduce.projects.models import Project


class PersonChoiceField(forms.ModelChoiceField[Person]):
    def label_from_instance(self, obj: Person) -> str:
        return obj.full_name


class ProjectForm(forms.ModelForm[Project]):
    co_lead = PersonChoiceField(
        queryset=Person.objects.filter(kind__in=[PersonKind.MEMBER, PersonKind.CARER]),
        required=False,
        label="Co-lead with lived experience (optional)",
        help_text="A member or carer who leads the project alongside staff. You can add one later.",
        empty_label="Choose later",
    )
    staff_lead = PersonChoiceField(
        queryset=Person.objects.filter(kind=PersonKind.STAFF),
        required=False,
        label="Staff lead (optional)",
        empty_label="Choose later",
    )
    champion = PersonChoiceField(
        queryset=Person.objects.all(),
        required=False,
        label="Co-production champion (optional)",
        help_text="Someone who makes sure the project keeps to the co-production model",
        empty_label="Choose later",
    )

    class Meta:
        model = Project
        fields = ["title", "summary"]
        labels = {"title": "Project name", "summary": "What is the project about?"}
        help_texts = {"summary": "Use plain words. Say who it is for and what it should change."}
        error_messages = {
            "title": {"required": "Enter the project name"},
            "summary": {"required": "Say what the project is about"},
        }
        widgets = {"summary": forms.Textarea(attrs={"rows": 5})}


class AdvanceStageForm(forms.Form):
    # The stage the person saw on the page. If someone else moved the project meanwhile, the
    # service refuses the change instead of skipping a stage.
    to_stage = forms.ChoiceField(choices=Stage.choices, widget=forms.HiddenInput)

    def clean_to_stage(self) -> Stage:
        return Stage(self.cleaned_data["to_stage"])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_stage"].error_messages["invalid_choice"] = "Choose a stage from the list"
