"""Forms for recording contributions, answering them and thanking people."""

from typing import Any

from django import forms
from django.db.models import QuerySet

from coproduce.contributions.models import ContributionKind, Outcome, ThanksMethod
from coproduce.involvement.models import Activity, Attendance
from coproduce.people.fields import PersonChoiceField
from coproduce.people.models import CreditPreference, Person
from coproduce.projects.models import Project

USUAL_CREDIT = ""
# The credit choices in the person's own words ("My full name") suit them recording for themselves;
# a coordinator recording for someone else chooses for them.
THEIR_CREDIT: dict[str, str] = {
    CreditPreference.FULL_NAME: "Their full name",
    CreditPreference.INITIALS: "Their initials",
    CreditPreference.ANONYMOUS: "Do not name them",
}


class AttendancesChoiceField(forms.ModelMultipleChoiceField[Attendance]):
    def label_from_instance(self, obj: Attendance) -> str:
        return obj.person.full_name


class ActivityChoiceField(forms.ModelChoiceField[Activity]):
    def label_from_instance(self, obj: Activity) -> str:
        return f"{obj.title} ({obj.project.title})"


def credit_field(*, usual: str, label: str, for_someone_else: bool = False) -> forms.ChoiceField:
    choices = [(value, THEIR_CREDIT[value] if for_someone_else else text) for value, text in CreditPreference.choices]
    return forms.ChoiceField(
        label=label,
        choices=[(USUAL_CREDIT, usual), *choices],
        initial=USUAL_CREDIT,
        required=False,
        widget=forms.RadioSelect,
        help_text="This is how they are named in anything others read, such as reports.",
        error_messages={"invalid_choice": "Choose how to name them from the list"},
    )


def kind_field(label: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=ContributionKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what kind of contribution it is", "invalid_choice": "Choose from the list"},
    )


class ActivityContributionForm(forms.Form):
    """A coordinator records one person's contribution at an activity, from the notes."""

    person = PersonChoiceField(
        queryset=Person.objects.none(),
        label="Who said it?",
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": "Choose who made the contribution",
            "invalid_choice": "Choose a person from the list",
        },
    )
    kind = kind_field("What kind of contribution is it?")
    summary = forms.CharField(
        label="What did they contribute?",
        help_text="In their words if you can. Keep out health details they did not want shared.",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={"required": "Say what they contributed", "max_length": "Keep it to 5000 characters or fewer"},
    )
    credit = credit_field(
        usual="As they usually choose", label="How should we name them for this?", for_someone_else=True
    )

    def __init__(self, *args: Any, activity: Activity, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        person = self.fields["person"]
        assert isinstance(person, forms.ModelChoiceField)  # noqa: S101 - declared above
        person.queryset = Person.objects.filter(attendances__activity=activity).order_by("full_name", "id")


class OwnContributionForm(forms.Form):
    """A person records their own contribution to a project they belong to or an activity they attended."""

    project = forms.ModelChoiceField(
        queryset=Project.objects.none(),
        label="Which project is it for?",
        empty_label="Choose a project",
        error_messages={"required": "Choose the project", "invalid_choice": "Choose a project from the list"},
    )
    activity = ActivityChoiceField(
        queryset=Activity.objects.none(),
        label="Was it at an activity? (optional)",
        required=False,
        empty_label="Not at an activity",
        error_messages={"invalid_choice": "Choose an activity from the list"},
    )
    kind = kind_field("What kind of contribution is it?")
    summary = forms.CharField(
        label="What is your contribution?",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        error_messages={"required": "Say what you contributed", "max_length": "Keep it to 5000 characters or fewer"},
    )
    credit = credit_field(usual="As I usually choose", label="How should we name you for this?")

    def __init__(
        self, *args: Any, projects: QuerySet[Project], activities: QuerySet[Activity], usual: str, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        project = self.fields["project"]
        activity = self.fields["activity"]
        assert isinstance(project, forms.ModelChoiceField)  # noqa: S101 - declared above
        assert isinstance(activity, forms.ModelChoiceField)  # noqa: S101 - declared above
        project.queryset = projects
        activity.queryset = activities
        credit = self.fields["credit"]
        credit.help_text = f"This is how we name you in anything others read, such as reports. Usually: {usual}."

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        project, activity = data.get("project"), data.get("activity")
        if project is not None and activity is not None and activity.project_id != project.pk:
            self.add_error("activity", "Choose an activity of the project you chose, or Not at an activity")
        return data


class ResponseForm(forms.Form):
    outcome = forms.ChoiceField(
        label="What happened to it?",
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what happened to it", "invalid_choice": "Choose from the list"},
    )
    explanation = forms.CharField(
        label="What did you do, or why not?",
        help_text="We send this to the person. If it was not adopted, you must say why.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={"max_length": "Keep it to 5000 characters or fewer"},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("outcome") == Outcome.NOT_ADOPTED and not data.get("explanation", "").strip():
            self.add_error("explanation", "Say why it was not adopted. We will tell the person.")
        return data


class ThanksForm(forms.Form):
    attendances = AttendancesChoiceField(
        queryset=Attendance.objects.none(),
        label="Who are you thanking?",
        help_text="Everyone not thanked yet is ticked. Untick anyone you did not thank this way.",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose who you are thanking", "invalid_choice": "Choose people from the list"},
    )
    method = forms.ChoiceField(
        label="How did you thank them?",
        choices=ThanksMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how you thanked them", "invalid_choice": "Choose from the list"},
    )

    def __init__(self, *args: Any, activity: Activity, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        attendances = self.fields["attendances"]
        assert isinstance(attendances, forms.ModelMultipleChoiceField)  # noqa: S101 - declared above
        attendances.queryset = activity.attendances.select_related("person").order_by("person__full_name", "id")
        attendances.error_messages["invalid_pk_value"] = "Choose people from the list"
        attendances.initial = list(activity.attendances.filter(thanks__isnull=True).values_list("pk", flat=True))
