"""Forms for loading reference figures and recording outreach actions."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone

from coproduce.analytics import conf
from coproduce.analytics.census import FiguresRefused, parse_figures
from coproduce.involvement.fields import GovUKDateField
from coproduce.projects.models import Project


class FiguresFileField(forms.FileField):
    """A CSV of reference figures, smaller than the size limit, in UTF-8."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": ".csv,text/csv"}))
        kwargs.setdefault("template_name", "analytics/components/file_field.html")
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
                ["Nothing was loaded. Fix these rows and upload the file again.", *refused.problems[:20]]
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


class RepresentationFilterForm(forms.Form):
    """Which project to look at (all activities when none is chosen)."""

    project = forms.ModelChoiceField(
        label="Project", queryset=Project.objects.order_by("title"), required=False, empty_label="All projects"
    )
