"""Forms for loading reference figures and recording outreach actions."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.utils import timezone

from coproduce.analytics import conf
from coproduce.analytics.census import FiguresRefused, parse_figures
from coproduce.analytics.indicators.quarters import Quarter, current_quarter, last_quarters
from coproduce.involvement.fields import GovUKDateField
from coproduce.projects.models import Project


class FiguresFileField(forms.FileField):
    """A CSV of reference figures, smaller than the size limit, in UTF-8."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": ".csv,text/csv"}))
        kwargs.setdefault(
            "error_messages",
            {"required": "Choose a CSV file", "empty": "The file is empty", "invalid": "Choose a CSV file"},
        )
        super().__init__(**kwargs)

    def to_python(self, data: Any) -> Any:
        upload = super().to_python(data)
        if upload is None:
            return None
        limit = conf.reference_upload_max_bytes()
        if isinstance(upload, UploadedFile) and (upload.size or 0) > limit:
            raise ValidationError(f"The file must be smaller than {max(limit // 1024, 1)} KB", code="too_big")
        upload.seek(0)
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as problem:
            raise ValidationError("The file must be a CSV saved as UTF-8", code="encoding") from problem


class ReferenceFiguresForm(forms.Form):
    name = forms.CharField(
        label="Name of these figures",
        max_length=200,
        help_text="For example, Census 2021 for Riverside.",
        error_messages={"required": "Enter a name for these figures"},
    )
    area = forms.CharField(
        label="Area they cover",
        max_length=200,
        error_messages={"required": "Enter the area these figures cover"},
    )
    source = forms.CharField(
        label="Where the figures come from",
        help_text="Name the publisher and table, so that others can check them.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say where the figures come from"},
    )
    figures = FiguresFileField(
        label="CSV file of figures",
        help_text="Columns: dimension, category, count, universe (as in the Census 2021 file). Every row is checked.",
    )
    make_default = forms.BooleanField(label="Use these figures in the representation view", required=False)

    def clean_figures(self) -> str:
        text: str = self.cleaned_data["figures"]
        try:
            parse_figures(text)
        except FiguresRefused as refused:
            raise ValidationError(
                ["Nothing was loaded. Fix these rows and upload the file again.", *list(refused.errors.values())[:20]]
            ) from refused
        return text


class OutreachActionForm(forms.Form):
    action = forms.CharField(
        label="What will be done",
        help_text="For example, which groups you will contact, where you will go, what you will change.",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": "Say what will be done"},
    )
    due_on = GovUKDateField(
        label="By when",
        help_text="For example, 27 3 2027.",
        error_messages={"required": "Enter the date it will be done by"},
    )

    def clean_due_on(self) -> Any:
        due_on = self.cleaned_data["due_on"]
        if due_on is not None and due_on < timezone.localdate():
            raise ValidationError("The date must be today or in the future")
        return due_on


LAST_12_MONTHS = "last-12-months"
PERIOD_CHOICES_QUARTERS = 8


def quarter_choices(count: int = PERIOD_CHOICES_QUARTERS) -> list[tuple[str, str]]:
    """The last ``count`` quarters, newest first, as ("2026-Q4", "October to December 2026")."""
    return [(quarter.key, quarter.label) for quarter in reversed(last_quarters(count))]


def offer_only(field: forms.Field, listed: QuerySet[Project]) -> None:
    """List only ``listed`` projects (and the empty choice, if the field has one) in a project field.

    A national network has thousands of projects, too many for one list: the list offers a person's
    own projects and the one chosen, and other projects are reached from their own page. Any project
    in the field's queryset is still accepted when the form is sent.
    """
    if isinstance(field, forms.ModelChoiceField):
        empty = [("", field.empty_label)] if field.empty_label is not None else []
        field.widget.choices = empty + list(listed.order_by("title", "pk").values_list("pk", "title"))


class RepresentationFilterForm(forms.Form):
    """Which period and project to look at (the last 12 months and all activities when none is chosen).
    ``listed`` are the projects offered in the list (see ``offer_only``)."""

    period = forms.ChoiceField(label="Period", required=False)
    project = forms.ModelChoiceField(
        label="Project", queryset=Project.objects.order_by("title"), required=False, empty_label="All projects"
    )

    def __init__(self, *args: Any, listed: QuerySet[Project] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        period_field = self.fields["period"]
        if isinstance(period_field, forms.ChoiceField):
            period_field.choices = [(LAST_12_MONTHS, "The last 12 months"), *quarter_choices()]
        if listed is not None:
            offer_only(self.fields["project"], listed)

    def chosen_quarter(self) -> Quarter | None:
        """The quarter chosen, or None for the last 12 months."""
        if not self.is_bound or not self.is_valid():
            return None
        return Quarter.from_key(self.cleaned_data.get("period") or "")


class DashboardFilterForm(forms.Form):
    """Which quarter and project the dashboard shows: the current quarter and the organisation by default.

    ``projects`` are the ones this person may choose (checked when the form is sent); ``listed`` are
    the ones offered in the list (see ``offer_only``).
    """

    period = forms.ChoiceField(label="Period", required=False)
    project = forms.ModelChoiceField(label="Project", queryset=Project.objects.none(), required=False)

    def __init__(
        self,
        *args: Any,
        projects: QuerySet[Project],
        listed: QuerySet[Project] | None = None,
        allow_all: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        period_field, project_field = self.fields["period"], self.fields["project"]
        if isinstance(period_field, forms.ChoiceField):
            period_field.choices = quarter_choices()
        if isinstance(project_field, forms.ModelChoiceField):
            project_field.queryset = projects.order_by("title", "pk")
            project_field.empty_label = "The whole organisation" if allow_all else None
            project_field.required = not allow_all
        if listed is not None:
            offer_only(project_field, listed)

    def chosen(self) -> tuple[Quarter, Project | None]:
        quarter, project = current_quarter(), None
        if self.is_bound and self.is_valid():
            quarter = Quarter.from_key(self.cleaned_data.get("period") or "") or quarter
            project = self.cleaned_data.get("project")
        return quarter, project
