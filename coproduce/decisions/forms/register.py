"""The decision register's form: a decision, its reasons and the contributions that shaped it."""

from typing import Any, cast

from django import forms

from coproduce.contributions.models import Contribution
from coproduce.decisions.choices import DecisionMethod
from coproduce.decisions.models import Decision, Proposal
from coproduce.involvement.fields import GovUKDateField
from coproduce.involvement.models import Activity
from coproduce.projects.models import Project


class ContributionChoiceField(forms.ModelMultipleChoiceField[Contribution]):
    def label_from_instance(self, obj: Contribution) -> str:
        return f"{obj.get_kind_display()}: {obj.summary[:120]}"


class DecisionForm(forms.ModelForm[Decision]):
    review_on = GovUKDateField(
        label="When should the group look at it again? (optional)",
        required=False,
        help_text="For example, 27 3 2027",
    )
    contributions = ContributionChoiceField(
        queryset=Contribution.objects.none(),
        required=False,
        label="Contributions that shaped it (optional)",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose contributions from the list"},
    )

    class Meta:
        model = Decision
        fields = [
            "question",
            "options_considered",
            "method",
            "proposal",
            "meeting",
            "lived_experience_count",
            "rationale",
            "cannot_change",
            "review_on",
            "contributions",
        ]
        labels = {
            "question": "What was decided?",
            "options_considered": "Which options were considered?",
            "method": "How was it decided?",
            "proposal": "From which proposal? (optional)",
            "meeting": "Or at which meeting? (optional)",
            "lived_experience_count": "How many people with lived experience took part? (for a meeting)",
            "rationale": "Why was it decided this way?",
            "cannot_change": "What could not be changed, and why? (optional)",
        }
        help_texts = {
            "question": "For example: Which bus stops do we change first?",
            "options_considered": "One option on each line. Needed before you publish.",
            "lived_experience_count": "For a proposal we count the people who responded.",
            "rationale": "The reasons, in plain words. Needed before you publish.",
        }
        error_messages = {
            "question": {"required": "Enter what was decided"},
            "method": {"required": "Choose how it was decided"},
            "lived_experience_count": {"invalid": "Enter a whole number, like 5"},
        }
        widgets = {
            "method": forms.RadioSelect,
            "options_considered": forms.Textarea(attrs={"rows": 4}),
            "rationale": forms.Textarea(attrs={"rows": 5}),
            "cannot_change": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.project = project
        self.fields["method"].choices = DecisionMethod.choices  # type: ignore[attr-defined]
        contributions = cast(ContributionChoiceField, self.fields["contributions"])
        contributions.queryset = Contribution.objects.filter(project=project).order_by("-recorded_at", "-id")
        proposal = cast(forms.ModelChoiceField, self.fields["proposal"])
        proposal.queryset = Proposal.objects.filter(group__project=project)
        proposal.empty_label = "Not from a proposal"
        meeting = cast(forms.ModelChoiceField, self.fields["meeting"])
        meeting.queryset = Activity.objects.filter(project=project).order_by("-starts_at")
        meeting.empty_label = "Not from a meeting"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.instance.pk and self.instance.is_published:
            if not (data.get("options_considered") or "").strip():
                self.add_error("options_considered", "A published decision must keep the options considered")
            if not (data.get("rationale") or "").strip():
                self.add_error("rationale", "A published decision must keep its reasons")
        return data
