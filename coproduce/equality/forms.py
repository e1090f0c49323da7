"""The equality monitoring questions as a form. Every question may be left blank."""

from dataclasses import dataclass
from typing import Any

from django import forms
from django.db import models
from django.forms.boundfield import BoundField, BoundWidget

from coproduce.equality.choices import (
    ETHNIC_GROUP_HIGH_LEVEL,
    PREFER_NOT_TO_SAY,
    QUESTIONS,
    UNDER_16,
    ActivitiesReduced,
    AgeBand,
    EthnicGroup,
    EthnicGroupHighLevel,
    LongTermCondition,
    Religion,
    Sex,
    SexualOrientation,
    UnpaidCare,
    YesNo,
    ethnic_group_detail,
)
from coproduce.equality.models import WRITE_IN_LENGTH, EqualityResponse

ONLY_16_AND_OVER = "Leave this question blank. It is only for people aged 16 or over."


def _question(label: str, choices: type[models.TextChoices], hint: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=choices.choices, required=False, widget=forms.RadioSelect, help_text=hint
    )


def _write_in(label: str) -> forms.CharField:
    return forms.CharField(label=label, required=False, max_length=WRITE_IN_LENGTH)


@dataclass(frozen=True)
class OptionGroup:
    legend: str
    options: list[BoundWidget]


class EthnicGroupField(BoundField):
    """The ethnic group question: its 19 answers grouped under the five high-level groups."""

    @property
    def option_groups(self) -> list[OptionGroup]:
        options: dict[str, list[BoundWidget]] = {}
        for option in self.subwidgets:
            options.setdefault(ETHNIC_GROUP_HIGH_LEVEL[option.data["value"]], []).append(option)
        return [
            OptionGroup(str(group.label), options[group])
            for group in EthnicGroupHighLevel
            if group != EthnicGroupHighLevel.PREFER_NOT_TO_SAY
        ]

    @property
    def prefer_not_to_say(self) -> BoundWidget:
        return next(option for option in self.subwidgets if option.data["value"] == PREFER_NOT_TO_SAY)


class EthnicGroupChoiceField(forms.ChoiceField):
    """A choice of ethnic group, rendered as radios grouped under the high-level groups."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.template_name = "equality/ethnic_group_field.html"

    def get_bound_field(self, form: forms.BaseForm, field_name: str) -> EthnicGroupField:
        return EthnicGroupField(form, self, field_name)


class EqualityForm(forms.ModelForm):
    """The questions, plus "I agree" when the person has not yet agreed to the current notice."""

    age_band = _question("What is your age?", AgeBand)
    sex = _question(
        "What is your sex?", Sex, hint="There is a question about gender identity later, for people aged 16 or over."
    )
    gender_identity = _question(
        "Is the gender you identify with the same as your sex registered at birth?",
        YesNo,
        hint="Only answer if you are aged 16 or over.",
    )
    gender_identity_write_in = _write_in("If you chose ‘No’, you can write in your gender identity (optional)")
    sexual_orientation = _question(
        "Which of the following best describes your sexual orientation?",
        SexualOrientation,
        hint="Only answer if you are aged 16 or over.",
    )
    sexual_orientation_write_in = _write_in("If you chose ‘Other sexual orientation’, you can write it in (optional)")
    ethnic_group = EthnicGroupChoiceField(
        label="What is your ethnic group?",
        # The detail only: each answer is shown under its high-level group.
        choices=[(group.value, ethnic_group_detail(group)) for group in EthnicGroup],
        required=False,
        widget=forms.RadioSelect,
        help_text="Choose the one option that best describes your ethnic group or background.",
    )
    religion = _question("What is your religion?", Religion)
    long_term_condition = _question(
        "Do you have any physical or mental health conditions or illnesses lasting or expected to last "
        "12 months or more?",
        LongTermCondition,
    )
    activities_reduced = _question(
        "Do any of your conditions or illnesses reduce your ability to carry out day-to-day activities?",
        ActivitiesReduced,
        hint="Only answer if you chose ‘Yes’ to the question about conditions or illnesses.",
    )
    disabled_identity = _question(
        "Do you consider yourself to be a disabled person?",
        YesNo,
        hint="Many people who face barriers in society call themselves disabled people. Answer in the way "
        "that is right for you.",
    )
    unpaid_care = _question(
        "Do you look after, or give any help or support to, anyone because they have long-term physical or "
        "mental health conditions or illnesses, or problems related to old age?",
        UnpaidCare,
        hint="Do not count anything you do as part of your paid work.",
    )

    class Meta:
        model = EqualityResponse
        fields = [
            "age_band",
            "sex",
            "gender_identity",
            "gender_identity_write_in",
            "sexual_orientation",
            "sexual_orientation_write_in",
            "ethnic_group",
            "religion",
            "long_term_condition",
            "activities_reduced",
            "disabled_identity",
            "unpaid_care",
        ]

    def __init__(self, *args: Any, needs_consent: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if needs_consent:
            self.fields["agree"] = forms.BooleanField(
                label="I agree to Coproduce keeping and using my answers in the way described above",
                error_messages={
                    "required": "You need to agree to us keeping your answers before we can save them. "
                    "Tick the box to agree, or leave this page and nothing will be saved."
                },
            )

    @property
    def questions(self) -> list[BoundField]:
        """The questions without the "I agree" box, which the page shows after the notice."""
        return [self[name] for name in self.fields if name != "agree"]

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("age_band") in UNDER_16:
            for field in ("gender_identity", "sexual_orientation"):
                if cleaned.get(field):
                    self.add_error(field, ONLY_16_AND_OVER)
            for field in ("gender_identity_write_in", "sexual_orientation_write_in"):
                if cleaned.get(field):
                    self.add_error(field, "Leave this box empty. It is only for people aged 16 or over.")
        # add_error takes a field out of cleaned_data, so each problem is reported only once.
        if cleaned.get("gender_identity_write_in") and cleaned.get("gender_identity") != YesNo.NO:
            self.add_error(
                "gender_identity_write_in",
                "Choose ‘No’ if you want to write in your gender identity, or clear the box.",
            )
        if cleaned.get("sexual_orientation_write_in") and cleaned.get("sexual_orientation") != SexualOrientation.OTHER:
            self.add_error(
                "sexual_orientation_write_in",
                "Choose ‘Other sexual orientation’ if you want to write it in, or clear the box.",
            )
        if cleaned.get("activities_reduced") and cleaned.get("long_term_condition") != LongTermCondition.YES:
            self.add_error(
                "activities_reduced",
                "Leave this question blank, or choose ‘Yes’ to the question about conditions or illnesses.",
            )
        return cleaned

    @classmethod
    def initial_from(cls, response: EqualityResponse | None) -> dict[str, str]:
        """The person's last answers, so that changing one answer does not mean giving them all again."""
        if response is None:
            return {}
        fields = [question.field for question in QUESTIONS]
        fields += ["gender_identity_write_in", "sexual_orientation_write_in"]
        return {field: getattr(response, field) for field in fields}
