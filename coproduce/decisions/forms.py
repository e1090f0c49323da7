"""Forms for groups, proposals, responses, decisions, concerns and agenda items."""

from typing import Any, cast

from django import forms

from coproduce.contributions.models import Contribution
from coproduce.decisions.choices import (
    METHODS_WITH_OPTIONS,
    STANCES_FOR,
    AgendaStatus,
    Channel,
    DecisionMethod,
    GroupKind,
    GroupRole,
    Method,
)
from coproduce.decisions.models import Decision, ProjectGroup, Proposal, ProposalOption
from coproduce.involvement.fields import GovUKDateField, GovUKDateTimeField
from coproduce.involvement.models import Activity
from coproduce.people.fields import PersonChoiceField
from coproduce.people.models import Person
from coproduce.projects.models import Project


class GroupForm(forms.Form):
    name = forms.CharField(
        label="Name of the group",
        max_length=200,
        help_text="For example, Bus stops steering group",
        error_messages={"required": "Enter the name of the group"},
    )
    kind = forms.ChoiceField(
        label="What kind of group is it?",
        choices=GroupKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what kind of group it is"},
    )
    min_member_share = forms.IntegerField(
        label="Least share of seats for people with lived experience, in % (optional)",
        required=False,
        min_value=0,
        max_value=100,
        help_text="Members and carers. Leave empty to use the organisation's usual share. 0 means no minimum.",
        error_messages={
            "invalid": "Enter the share as a whole number, like 50",
            "min_value": "The share must be between 0 and 100",
            "max_value": "The share must be between 0 and 100",
        },
    )
    members_can_propose = forms.BooleanField(
        label="Any member of the group can put a proposal to it", required=False, initial=True
    )


class GroupMemberForm(forms.Form):
    person = PersonChoiceField(
        queryset=Person.objects.none(),
        label="Who joins the group?",
        empty_label="Choose a person",
        error_messages={"required": "Choose who joins the group", "invalid_choice": "Choose a person from the list"},
    )
    role = forms.ChoiceField(
        label="Their role in the group",
        choices=GroupRole.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose their role in the group"},
    )

    def __init__(self, *args: Any, group: ProjectGroup, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(PersonChoiceField, self.fields["person"])
        field.queryset = Person.objects.filter(anonymised_at__isnull=True).exclude(group_seats__group=group)


class GroundRulesForm(forms.Form):
    ground_rules = forms.CharField(
        label="Our ground rules",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="How we treat each other and how we decide. For example: one person speaks at a time.",
        error_messages={"required": "Write the ground rules the group agreed"},
    )


class ProposalForm(forms.Form):
    title = forms.CharField(
        label="What is the proposal?", max_length=200, error_messages={"required": "Enter the proposal"}
    )
    text = forms.CharField(
        label="Explain it in plain words",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Say what will happen if the group agrees, and what cannot change.",
        error_messages={"required": "Explain the proposal"},
    )
    easy_read_text = forms.CharField(
        label="Easy Read version (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Short sentences and everyday words, one idea in each sentence.",
    )
    method = forms.ChoiceField(
        label="How will the group decide?",
        choices=Method.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how the group will decide"},
    )
    options = forms.CharField(
        label="Options (for a vote, ranked choice or score)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One option on each line. Leave empty for consent or a sense check.",
    )
    closes_at = GovUKDateTimeField(
        label="When does it close?",
        help_text="For example, 27 3 2027 and 5pm. A lead can make it later.",
        error_messages={"required": "Enter the date and time it closes"},
    )
    quorum = forms.IntegerField(
        label="Least number of responses for the result to count (optional)",
        required=False,
        min_value=1,
        error_messages={"invalid": "Enter a whole number, like 4", "min_value": "The number must be 1 or more"},
    )

    def option_labels(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data.get("options", "").splitlines() if line.strip()]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("method") in METHODS_WITH_OPTIONS and len(self.option_labels()) < 2:
            self.add_error("options", "Give at least 2 options, one on each line")
        return data


RANK_EMPTY = [("", "Not ranked")]


class ResponseForm(forms.Form):
    """A response, shaped by the proposal's method. With ``person_choices`` it is a coordinator's form
    for a response given by phone, on paper or at a meeting."""

    def __init__(self, *args: Any, proposal: Proposal, person_choices: Any | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.proposal = proposal
        self.method = Method(proposal.method)
        self.options: list[ProposalOption] = list(proposal.options.all())
        if person_choices is not None:
            self.fields["person"] = PersonChoiceField(
                queryset=person_choices,
                label="Whose response is it?",
                empty_label="Choose a person",
                error_messages={
                    "required": "Choose whose response it is",
                    "invalid_choice": "Choose a person from the list",
                },
            )
            self.fields["channel"] = forms.ChoiceField(
                label="How did they give it?",
                choices=[c for c in Channel.choices if c[0] != Channel.ONLINE],
                widget=forms.RadioSelect,
                error_messages={"required": "Choose how they gave their response"},
            )
        if self.method in STANCES_FOR:
            self.fields["stance"] = forms.ChoiceField(
                label="Your answer" if person_choices is None else "Their answer",
                choices=[(s.value, s.label) for s in STANCES_FOR[self.method]],
                widget=forms.RadioSelect,
                error_messages={"required": "Choose an answer"},
            )
        elif self.method == Method.VOTE:
            self.fields["option"] = forms.ChoiceField(
                label="Choose one option",
                choices=[(str(o.pk), o.label) for o in self.options],
                widget=forms.RadioSelect,
                error_messages={"required": "Choose an option"},
            )
        elif self.method == Method.RANKED:
            numbers = [(str(n), f"Choice {n}") for n in range(1, len(self.options) + 1)]
            for option in self.options:
                self.fields[f"rank_{option.pk}"] = forms.ChoiceField(
                    label=option.label, choices=RANK_EMPTY + numbers, required=False
                )
        elif self.method == Method.SCORE:
            for option in self.options:
                self.fields[f"score_{option.pk}"] = forms.TypedChoiceField(
                    label=f"{option.label}: score from 0 to 5",
                    choices=[("", "Choose a score"), *((str(n), str(n)) for n in range(6))],
                    coerce=int,
                    error_messages={"required": "Give this option a score from 0 to 5"},
                )
        self.fields["reason"] = forms.CharField(
            label="Why? (needed if you block)" if self.method == Method.CONSENT else "Anything to add? (optional)",
            required=False,
            widget=forms.Textarea(attrs={"rows": 4}),
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.method == Method.CONSENT and data.get("stance") == "block" and not data.get("reason", "").strip():
            self.add_error("reason", "Say why you block the proposal, so the group can talk about it")
        if self.method == Method.RANKED:
            ranks = [data.get(f"rank_{option.pk}") for option in self.options]
            given = [rank for rank in ranks if rank]
            if not given:
                self.add_error(None, "Rank at least one option")
            elif len(set(given)) != len(given):
                self.add_error(None, "Give each option a different number")
        return data

    def answer(self) -> dict[str, Any]:
        """The response as arguments for ``services.respond``."""
        data = self.cleaned_data
        by_id = {str(option.pk): option for option in self.options}
        ranked = sorted(
            ((int(data[f"rank_{o.pk}"]), o) for o in self.options if data.get(f"rank_{o.pk}")), key=lambda p: p[0]
        )
        return {
            "stance": data.get("stance", ""),
            "option": by_id.get(data.get("option", "")),
            "ranking": [option for _, option in ranked],
            "scores": {o: data[f"score_{o.pk}"] for o in self.options if f"score_{o.pk}" in data},
            "reason": data.get("reason", ""),
        }


class ExtendForm(forms.Form):
    closes_at = GovUKDateTimeField(
        label="New closing date and time",
        help_text="For example, 27 3 2027 and 5pm",
        error_messages={"required": "Enter the new closing date and time"},
    )


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


class AgendaItemForm(forms.Form):
    title = forms.CharField(
        label="What should the group talk about?", max_length=200, error_messages={"required": "Enter the topic"}
    )
    details = forms.CharField(label="More detail (optional)", required=False, widget=forms.Textarea(attrs={"rows": 4}))


class AgendaStatusForm(forms.Form):
    status = forms.ChoiceField(
        label="What happens to it?",
        choices=[c for c in AgendaStatus.choices if c[0] != AgendaStatus.PROPOSED],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what happens to it"},
    )
    meeting = forms.ModelChoiceField(
        queryset=Activity.objects.none(),
        label="Which meeting? (if accepted)",
        required=False,
        empty_label="Choose a meeting",
        error_messages={"invalid_choice": "Choose a meeting from the list"},
    )
    reason = forms.CharField(label="Why not? (if not taken)", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["meeting"])
        field.queryset = Activity.objects.filter(project=project).order_by("starts_at")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("status") == AgendaStatus.ACCEPTED and not data.get("meeting"):
            self.add_error("meeting", "Choose the meeting it will be discussed at")
        if data.get("status") == AgendaStatus.NOT_TAKEN and not data.get("reason", "").strip():
            self.add_error("reason", "Say why it will not be discussed")
        return data
