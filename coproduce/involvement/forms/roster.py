"""The roster: how a person's needs are met, and adding someone who asked by phone, letter or in person."""

from typing import Any

from django import forms

from coproduce.involvement.choices import ArrangementStatus
from coproduce.involvement.queries import NeedLine
from coproduce.people.fields import PersonChoiceField
from coproduce.people.models import Person


class ArrangementsForm(forms.Form):
    """How each of one person's needs is being met: a status and, if it cannot be met, why."""

    def __init__(self, *args: Any, needs: list[NeedLine], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.needs = needs
        for line in needs:
            self.fields[f"status_{line.need}"] = forms.ChoiceField(
                label=line.label,
                required=False,
                choices=ArrangementStatus.choices,
                widget=forms.RadioSelect,
                initial=line.status or None,
                help_text=line.detail,
                error_messages={"invalid_choice": "Choose met, being arranged or cannot be met"},
            )
            self.fields[f"reason_{line.need}"] = forms.CharField(
                label=f"If {line.label.lower()} cannot be met, say why",
                required=False,
                initial=line.reason,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text="We will email this to the person, so use plain words.",
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for line in self.needs:
            if (
                data.get(f"status_{line.need}") == ArrangementStatus.CANNOT_BE_MET
                and not data.get(f"reason_{line.need}", "").strip()
            ):
                self.add_error(f"reason_{line.need}", "Say why this cannot be met. We will tell the person.")
        return data

    def decisions(self) -> dict[str, tuple[str, str]]:
        return {
            line.need: (
                self.cleaned_data.get(f"status_{line.need}", ""),
                self.cleaned_data.get(f"reason_{line.need}", ""),
            )
            for line in self.needs
        }


class AddPersonForm(forms.Form):
    person = PersonChoiceField(
        queryset=Person.objects.current(),
        label="Who is coming?",
        empty_label="Choose a person",
        help_text=(
            "Add someone who asked by phone, by letter or in person. "
            "If the activity is full, they join the waiting list."
        ),
        error_messages={"required": "Choose who is coming", "invalid_choice": "Choose a person from the list"},
    )
