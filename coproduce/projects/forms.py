from typing import Any

from django import forms

from coproduce.model import LADDER, STAGE_ORDER, Stage
from coproduce.people.fields import PersonChoiceField
from coproduce.people.models import Person, PersonKind
from coproduce.projects.models import PLANNED_RUNGS, Lifecycle, OpportunityAssessment, Project, ProjectRole
from coproduce.projects.queries import LIVED_EXPERIENCE_KINDS, is_co_lead_required
from coproduce.projects.services import DECLINE_REASON_NEEDED, champion_problem, lead_training_problem


class ProjectForm(forms.ModelForm[Project]):
    start_at = forms.TypedChoiceField(
        label="Where does the project start?",
        choices=[
            (Lifecycle.IDEA.value, "As an idea: we are still deciding whether to take it on"),
            (Lifecycle.DESIGN.value, "At the design stage: we are ready to plan it with people"),
        ],
        coerce=Lifecycle,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select where the project starts",
            "invalid_choice": "Select where the project starts",
        },
    )
    co_lead = PersonChoiceField(
        queryset=Person.objects.filter(kind__in=LIVED_EXPERIENCE_KINDS),
        required=False,
        label="Co-lead with lived experience",
        help_text="A member or carer who leads the project alongside staff.",
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

    field_order = ["title", "summary", "start_at", "co_lead", "staff_lead", "champion"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in ("co_lead", "staff_lead"):
            problem = lead_training_problem(data[name]) if data.get(name) is not None else None
            if problem:
                self.add_error(name, problem)
                self.lead_needs_training = True
        problem = champion_problem(data["champion"]) if data.get("champion") is not None else None
        if problem:
            self.add_error("champion", problem)
        return data

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Set by clean() when a named lead has not completed the course, so the page can link to it.
        self.lead_needs_training = False
        if is_co_lead_required():
            self.fields["start_at"].help_text = "A project at the design stage needs a co-lead with lived experience."
            self.fields["co_lead"].help_text = (
                "A member or carer who leads the project alongside staff. "
                "Needed to start at the design stage. For an idea, you can add one later."
            )


class AdvanceStageForm(forms.Form):
    # The stage the person saw on the page. If someone else moved the project meanwhile, the
    # service refuses the change instead of skipping a stage.
    to_stage = forms.ChoiceField(choices=Lifecycle.choices, widget=forms.HiddenInput)

    reason = forms.CharField(
        label="Why is the project moving on without them?",
        help_text="Everyone in the project group can read this on the project page.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean_to_stage(self) -> Lifecycle:
        return Lifecycle(self.cleaned_data["to_stage"])

    def __init__(self, *args: Any, needs_reason: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_stage"].error_messages["invalid_choice"] = "Choose a stage from the list"
        # The reason is asked only when the model's involvement rule is not met (readiness.needs_reason).
        if not needs_reason:
            del self.fields["reason"]


class ProposalForm(forms.ModelForm[Project]):
    class Meta:
        model = Project
        fields = ["title", "summary"]
        labels = {"title": "Give your idea a short name", "summary": "What should change, and for whom?"}
        help_texts = {
            "title": "For example, “Easy Read letters from the GP”",
            "summary": "Use your own words. Say what is not working now, who it affects and what would be better.",
        }
        error_messages = {
            "title": {"required": "Give your idea a short name"},
            "summary": {"required": "Say what should change, and for whom"},
        }
        widgets = {"summary": forms.Textarea(attrs={"rows": 6})}


class IntakeDecisionForm(forms.Form):
    ACCEPT = "accept"
    DECLINE = "decline"

    decision = forms.ChoiceField(
        label="What have you decided?",
        choices=[
            (ACCEPT, "Take it on as a project, starting at the idea stage"),
            (DECLINE, "Do not take it forward"),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether to take the idea on",
            "invalid_choice": "Select whether to take the idea on",
        },
    )
    reason = forms.CharField(
        label="If you are not taking it forward, say why",
        help_text="The person who suggested the idea will see this. Use plain words.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == self.DECLINE and not data.get("reason", "").strip():
            self.add_error("reason", DECLINE_REASON_NEEDED)
        return data


def _rung_choices() -> list[tuple[str, str]]:
    plain = {info.rung: info.plain for info in LADDER}
    return [(rung.value, f"{rung.label}: {plain[rung]}") for rung in PLANNED_RUNGS]


class AssessmentForm(forms.ModelForm[OpportunityAssessment]):
    # Shown as one group of checkboxes; saved as one yes-or-no column per stage (see the model).
    coproducible_stages = forms.TypedMultipleChoiceField(
        label="Which stages can people with lived experience shape?",
        help_text="Select all that apply.",
        choices=[(stage.value, stage.label) for stage in STAGE_ORDER],
        coerce=Stage,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Select at least one stage that people can shape",
            "invalid_choice": "Select stages from the list",
        },
    )

    class Meta:
        model = OpportunityAssessment
        fields = [
            "who_is_affected",
            "what_is_fixed",
            "planned_rung_design",
            "planned_rung_development",
            "planned_rung_implementation",
            "planned_rung_evaluation",
            "people_to_involve",
        ]
        labels = {
            "who_is_affected": "Who does this project affect?",
            "what_is_fixed": "What is fixed and cannot change, and why?",
            "people_to_involve": "Who should we involve?",
        }
        help_texts = {
            "who_is_affected": "For example, people who use the service, their carers and families.",
            "what_is_fixed": "Being honest about this helps people decide how to take part. "
            "If nothing is fixed, write “Nothing is fixed”.",
            "people_to_involve": "Name groups, not people. Include groups who are often left out.",
        }
        error_messages = {
            "who_is_affected": {"required": "Say who the project affects"},
            "what_is_fixed": {"required": "Say what cannot change and why, or write “Nothing is fixed”"},
            "people_to_involve": {"required": "Say who we should involve"},
        }
        widgets = {
            "who_is_affected": forms.Textarea(attrs={"rows": 4}),
            "what_is_fixed": forms.Textarea(attrs={"rows": 4}),
            "people_to_involve": forms.Textarea(attrs={"rows": 4}),
        }

    field_order = [
        "who_is_affected",
        "coproducible_stages",
        "what_is_fixed",
        "planned_rung_design",
        "planned_rung_development",
        "planned_rung_implementation",
        "planned_rung_evaluation",
        "people_to_involve",
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.initial["coproducible_stages"] = [stage.value for stage in self.instance.coproducible_stages]
        for stage in STAGE_ORDER:
            field = self.fields[f"planned_rung_{stage.value}"]
            assert isinstance(field, forms.ChoiceField)  # noqa: S101 - narrows the type for mypy
            field.label = f"How much say will people have at the {stage.label.lower()} stage?"
            field.help_text = "This is the level you plan on the ladder of co-production."
            field.choices = _rung_choices()
            field.widget = forms.RadioSelect(choices=field.choices)
            field.error_messages["required"] = (
                f"Select how much say people will have at the {stage.label.lower()} stage"
            )
            field.error_messages["invalid_choice"] = field.error_messages["required"]

    def save(self, commit: bool = True) -> OpportunityAssessment:
        chosen = set(self.cleaned_data["coproducible_stages"])
        for stage in STAGE_ORDER:
            setattr(self.instance, f"can_coproduce_{stage.value}", stage in chosen)
        return super().save(commit=commit)


class ApproveDesignForm(forms.Form):
    """Nothing to fill in: the button confirms. Refusals are shown as form errors."""


class AddToGroupForm(forms.Form):
    person = PersonChoiceField(
        queryset=Person.objects.current(),
        label="Person",
        empty_label="Choose a person",
        error_messages={"required": "Choose a person", "invalid_choice": "Choose a person from the list"},
    )
    role = forms.TypedChoiceField(
        label="Their role in the project",
        choices=ProjectRole.choices,
        coerce=ProjectRole,
        widget=forms.RadioSelect,
        help_text="A co-lead must be a member or a carer, with lived experience.",
        error_messages={"required": "Select their role", "invalid_choice": "Select their role"},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        person, role = data.get("person"), data.get("role")
        if person is not None and role == ProjectRole.CO_LEAD and person.kind not in LIVED_EXPERIENCE_KINDS:
            self.add_error("person", "Choose a member or a carer as co-lead, or give this person another role")
        elif person is not None and role in (ProjectRole.CO_LEAD, ProjectRole.STAFF_LEAD):
            problem = lead_training_problem(person)
            if problem:
                self.add_error("person", problem)
        elif person is not None and role == ProjectRole.CHAMPION:
            problem = champion_problem(person)
            if problem:
                self.add_error("person", problem)
        return data
