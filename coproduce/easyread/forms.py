"""Forms for writing Easy Read documents."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from PIL import Image, UnidentifiedImageError

from coproduce.easyread.choices import Pictogram
from coproduce.easyread.conf import image_max_bytes
from coproduce.easyread.models import EasyReadDocument, EasyReadRow
from coproduce.easyread.services import ALT_TEXT_NEEDED
from coproduce.projects.models import Project

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
NOT_AN_IMAGE = "The picture must be a PNG or JPEG file"


def _size_in_words(size: int) -> str:
    megabytes = size / (1024 * 1024)
    return f"{megabytes:g} MB" if megabytes >= 1 else f"{size // 1024} KB"


class PictureUploadField(forms.FileField):
    """A PNG or JPEG upload, checked by its content (not its name), up to COPRODUCE_EASY_READ_IMAGE_MAX_BYTES."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": "image/png,image/jpeg"}))
        kwargs.setdefault("error_messages", {"invalid": NOT_AN_IMAGE, "empty": "The picture file is empty"})
        super().__init__(**kwargs)

    def to_python(self, data: Any) -> Any:
        upload = super().to_python(data)
        if upload is None:
            return None
        limit = image_max_bytes()
        if upload.size is not None and upload.size > limit:
            raise ValidationError(f"The picture must be smaller than {_size_in_words(limit)}", code="too_big")
        upload.seek(0)
        head = upload.read(8)
        upload.seek(0)
        if head.startswith(PNG_MAGIC):
            kind, suffix = "PNG", ".png"
        elif head.startswith(JPEG_MAGIC):
            kind, suffix = "JPEG", ".jpg"
        else:
            raise ValidationError(NOT_AN_IMAGE, code="not_image")
        try:
            with Image.open(upload) as image:
                image.verify()
                if image.format != kind:
                    raise ValidationError(NOT_AN_IMAGE, code="not_image")
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as broken:
            raise ValidationError(NOT_AN_IMAGE, code="not_image") from broken
        upload.seek(0)
        if isinstance(upload, UploadedFile):
            upload.name = f"picture{suffix}"
        return upload


class DocumentForm(forms.ModelForm[EasyReadDocument]):
    project = forms.ModelChoiceField(
        queryset=Project.objects.order_by("title"),
        required=False,
        label="Project (optional)",
        empty_label="Not about one project",
        error_messages={"invalid_choice": "Choose a project from the list"},
    )

    class Meta:
        model = EasyReadDocument
        fields = ["title", "project"]
        labels = {"title": "Title"}
        help_texts = {"title": "Short and plain, for example: What is co-production?"}
        error_messages = {"title": {"required": "Enter a title"}}


class RowForm(forms.ModelForm[EasyReadRow]):
    pictogram = forms.ChoiceField(
        label="Pictogram (optional)",
        required=False,
        choices=[("", "No pictogram"), *Pictogram.choices],
        help_text="Choose one of our pictograms, or upload a picture below.",
        error_messages={"invalid_choice": "Choose a pictogram from the list"},
    )
    upload = PictureUploadField(
        label="Upload a picture (optional)",
        required=False,
        help_text="A PNG or JPEG file, smaller than 2 MB.",
    )

    class Meta:
        model = EasyReadRow
        fields = ["text", "pictogram", "alt_text"]
        labels = {"text": "Text", "alt_text": "Describe the picture"}
        help_texts = {
            "text": "One short idea. Use short sentences of 15 words or fewer.",
            "alt_text": "Say what the picture shows, for people who cannot see it. Needed for every picture.",
        }
        error_messages = {"text": {"required": "Enter the text for this row"}}
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    field_order = ["text", "pictogram", "upload", "alt_text"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.image:
            self.fields[
                "upload"
            ].help_text = (
                "This row has an uploaded picture. Upload another to replace it. A PNG or JPEG file, smaller than 2 MB."
            )
        self.fields["upload"].help_text = self.fields["upload"].help_text.replace(
            "2 MB", _size_in_words(image_max_bytes())
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        pictogram, upload = data.get("pictogram"), data.get("upload")
        if pictogram and upload:
            self.add_error("pictogram", "Choose a pictogram or upload a picture, not both")
        has_picture = bool(
            pictogram or upload or (self.instance.pk and self.instance.image and "upload" not in self.errors)
        )
        if has_picture and not data.get("alt_text", "").strip() and "alt_text" not in self.errors:
            self.add_error("alt_text", ALT_TEXT_NEEDED)
        return data

    def apply(self) -> tuple[EasyReadRow, str]:
        """The row with the form's changes (not saved) and the stored image it had before."""
        row = self.save(commit=False)
        old_image = (row.image.name or "") if row.image else ""
        upload = self.cleaned_data.get("upload")
        if upload:
            row.image = upload
            row.pictogram = ""
        elif row.pictogram:
            row.image = ""
        return row, old_image


class PublishForm(forms.Form):
    """Nothing to fill in: the button confirms."""
