"""Forms for reports: the period picker, narratives, the "You said, we did" introduction, digests."""

from typing import Any

from django import forms

from coproduce.reports.periods import Period, parse, recent_quarters


def period_choices() -> list[tuple[str, str]]:
    return [(period.key, period.label) for period in recent_quarters()]


class PeriodForm(forms.Form):
    """The period picker (sent by GET): the last eight quarters."""

    period = forms.ChoiceField(label="Period", choices=period_choices)

    def chosen(self, default: Period) -> Period:
        if self.is_bound and self.is_valid():
            return parse(self.cleaned_data["period"]) or default
        return default


class NarrativeForm(forms.Form):
    aim = forms.CharField(
        label="Aim of involvement",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Leave blank to use the project summary.",
    )
    influence = forms.CharField(
        label="How far did involvement change the work?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Say what changed because of what people said, and what did not.",
    )
    reflections = forms.CharField(
        label="Reflections: what went well and what did not",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Enter your reflections on what went well and what did not"},
    )

    def __init__(self, *args: Any, organisation: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organisation:
            self.fields["aim"].help_text = "What the organisation wanted involvement to achieve in this period."


NARRATIVE_READABLE = {"aim": "Aim", "influence": "Influence", "reflections": "Reflections"}


class PageForm(forms.Form):
    intro = forms.CharField(
        label="Introduction",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Say what you asked people about and why. Keep it short.",
        error_messages={"required": "Enter an introduction for the page"},
    )


PAGE_READABLE = {"intro": "Introduction"}


class DigestForm(forms.Form):
    period = forms.ChoiceField(
        label="Which period?",
        choices=period_choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the period to send digests for"},
    )

    def period_chosen(self) -> Period:
        period = parse(self.cleaned_data["period"])
        if period is None:  # the choices are all valid periods
            raise ValueError("Not a period.")
        return period
