"""Forms for agenda items: proposing one, and what happens to it."""

from typing import Any, cast

from django import forms

from coproduce.decisions.choices import AgendaStatus
from coproduce.involvement.models import Activity
from coproduce.projects.models import Project


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
