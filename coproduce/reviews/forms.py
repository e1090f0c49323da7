"""The self-assessment (online, or recorded by a coordinator), closing a review, and the annual standards."""

from typing import Any

from django import forms

from coproduce.model import LADDER
from coproduce.people.fields import GivenByPhoneMixin
from coproduce.reviews.choices import CUBE, SCALE, SCALE_MIDDLE, STANDARD_STATEMENTS, Rating, Standard
from coproduce.reviews.services import Answers

RUNG_LABEL = "How much power do members share in this work? (the ladder of co-production)"


def _scale_choices(low: str, high: str) -> list[tuple[int, str]]:
    words = {SCALE[0]: low, SCALE[len(SCALE) // 2]: SCALE_MIDDLE, SCALE[-1]: high}
    return [(point, f"{point}: {words[point]}" if point in words else str(point)) for point in SCALE]


class SelfAssessmentForm(forms.Form):
    """The ladder rung, then the four Cube questions, each a set of radios."""

    rung = forms.ChoiceField(
        label=RUNG_LABEL,
        choices=[(rung.rung.value, f"{rung.rung.label}: {rung.plain}") for rung in LADDER],
        widget=forms.RadioSelect,
        help_text="Choose the step that is closest to how it is now, not how it should be.",
        error_messages={"required": "Choose a step on the ladder", "invalid_choice": "Choose a step on the ladder"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for question in CUBE:
            self.fields[question.field] = forms.TypedChoiceField(
                label=question.question,
                choices=_scale_choices(question.low, question.high),
                coerce=int,
                widget=forms.RadioSelect,
                help_text="1 is the lowest and 5 the highest.",
                error_messages={
                    "required": f"Choose an answer for “{question.question}”",
                    "invalid_choice": "Choose a number from 1 to 5",
                },
            )

    def answers(self) -> Answers:
        data = self.cleaned_data
        return Answers(
            rung=data["rung"], voice=data["voice"], ways=data["ways"], concerns=data["concerns"], change=data["change"]
        )


class RecordSelfAssessmentForm(GivenByPhoneMixin, SelfAssessmentForm):
    """A coordinator records a self-assessment someone gave by phone: who, then their answers."""


class CloseReviewForm(forms.Form):
    learned = forms.CharField(
        label="What we learned",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Write it so everyone who took part can read it.",
        error_messages={"required": "Write what we learned", "max_length": "Write 5,000 characters or fewer"},
    )
    actions_agreed = forms.CharField(
        label="Actions agreed",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Who will do what, and by when.",
        error_messages={"required": "Write the actions agreed", "max_length": "Write 5,000 characters or fewer"},
    )


CLOSE_READABLE = {"learned": "What we learned", "actions_agreed": "Actions agreed"}


class StandardsForm(forms.Form):
    """A rating and the evidence for each of the six UK Standards for Public Involvement."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for standard, name in Standard.choices:
            self.fields[f"rating_{standard}"] = forms.ChoiceField(
                label=f"{name}: how well do we do this?",
                help_text=STANDARD_STATEMENTS[standard],
                choices=Rating.choices,
                widget=forms.RadioSelect,
                error_messages={"required": f"Choose a rating for {name}", "invalid_choice": "Choose a rating"},
            )
            self.fields[f"evidence_{standard}"] = forms.CharField(
                label=f"{name}: evidence",
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 4}),
                help_text="What shows this? For example, what people told us, or what changed.",
                error_messages={
                    "required": f"Write the evidence for {name}",
                    "max_length": "Write 5,000 characters or fewer",
                },
            )

    def ratings(self) -> dict[str, tuple[str, str]]:
        data = self.cleaned_data
        return {standard: (data[f"rating_{standard}"], data[f"evidence_{standard}"]) for standard in Standard.values}


STANDARDS_READABLE = {f"evidence_{standard}": f"{name}: evidence" for standard, name in Standard.choices}
