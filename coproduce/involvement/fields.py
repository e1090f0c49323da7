"""Form fields that render as GOV.UK components our shared field template does not cover.

Each field passes its own ``template_name`` to Django's Field, so ``{{ form }}`` still renders the
whole form: a GOV.UK date input (day, month, year, and a time for date-times), a file upload for
pictures, and a honeypot for spam robots that people never see or reach.
"""

import re
from datetime import date, datetime, time
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone

TIME_PATTERN = re.compile(r"^(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<half>am|pm|a\.m\.|p\.m\.)?$")


def parse_time(text: str) -> time | None:
    """Read a time as people write it: "10:30am", "2pm", "14:00", "9.15". None if it is not a time."""
    match = TIME_PATTERN.match(text.strip().lower().replace(" ", ""))
    if match is None:
        return None
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    half = (match["half"] or "").replace(".", "")
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def format_time(value: time) -> str:
    """A time as people write it in the UK: "10am", "2:30pm"."""
    hour = value.hour % 12 or 12
    half = "am" if value.hour < 12 else "pm"
    return f"{hour}{half}" if value.minute == 0 else f"{hour}:{value.minute:02d}{half}"


class DatePartsWidget(forms.MultiWidget):
    """Day, month and year boxes (and a time box for date-times), named ``<name>_day`` and so on."""

    PARTS: tuple[tuple[str, str, str], ...] = (
        ("day", "Day", "govuk-input--width-2"),
        ("month", "Month", "govuk-input--width-2"),
        ("year", "Year", "govuk-input--width-4"),
    )

    def __init__(self, *, with_time: bool = False) -> None:
        self.with_time = with_time
        parts = self.PARTS + ((("time", "Time", "govuk-input--width-5"),) if with_time else ())
        self.labels = [(name, label, width) for name, label, width in parts]
        super().__init__(widgets={name: forms.TextInput for name, _, _ in parts})

    def decompress(self, value: Any) -> list[str]:
        if isinstance(value, datetime):
            local = timezone.localtime(value)
            return [str(local.day), str(local.month), str(local.year), format_time(local.time())]
        if isinstance(value, date):
            return [str(value.day), str(value.month), str(value.year)]
        return ["" for _ in self.labels]

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        base_id = context["widget"]["attrs"].get("id", f"id_{name}")
        # The first box takes the field's own id, so the error summary's link lands on it.
        context["widget"]["parts"] = [
            {
                "id": base_id if index == 0 else f"{base_id}_{part_name}",
                "name": subwidget["name"],
                "value": subwidget["value"] or "",
                "label": label,
                "width": width,
                "numeric": part_name != "time",
            }
            for index, ((part_name, label, width), subwidget) in enumerate(
                zip(self.labels, context["widget"]["subwidgets"], strict=True)
            )
        ]
        return context


class GovUKDateField(forms.Field):
    """A date typed into GOV.UK day, month and year boxes."""

    default_error_messages = {
        "required": "Enter a date",
        "invalid": "Enter a real date, for example 27 3 2027",
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", DatePartsWidget())
        kwargs.setdefault("template_name", "involvement/components/date_field.html")
        super().__init__(**kwargs)

    def _parts(self, value: Any) -> list[str]:
        if isinstance(value, list | tuple):
            return [str(part or "").strip() for part in value]
        return []

    def _date(self, day: str, month: str, year: str) -> date:
        if not (day.isdigit() and month.isdigit() and year.isdigit() and len(year) == 4):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            return date(int(year), int(month), int(day))
        except ValueError as problem:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from problem

    def to_python(self, value: Any) -> date | None:
        parts = self._parts(value)
        if not any(parts):
            return None
        return self._date(*parts[:3])

    def validate(self, value: Any) -> None:
        if value is None and self.required:
            raise ValidationError(self.error_messages["required"], code="required")


class GovUKDateTimeField(GovUKDateField):
    """A date in GOV.UK day, month and year boxes, with a time, as a moment in the site's time zone."""

    default_error_messages = {
        "required": "Enter a date and time",
        "invalid": "Enter a real date, for example 27 3 2027",
        "invalid_time": "Enter a time, for example 10:30am or 2pm",
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", DatePartsWidget(with_time=True))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> datetime | None:
        parts = self._parts(value)
        if not any(parts):
            return None
        day = self._date(*parts[:3])
        moment = parse_time(parts[3]) if len(parts) > 3 else None
        if moment is None:
            raise ValidationError(self.error_messages["invalid_time"], code="invalid_time")
        return timezone.make_aware(datetime.combine(day, moment))


class PictureField(forms.ImageField):
    """A picture upload (PNG, JPEG, GIF or WebP, up to a size limit) rendered as a GOV.UK file upload."""

    FORMATS = frozenset({"PNG", "JPEG", "GIF", "WEBP"})
    MAX_BYTES = 5 * 1024 * 1024

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": "image/png,image/jpeg,image/gif,image/webp"}))
        kwargs.setdefault(
            "error_messages",
            {
                "invalid_image": "The picture must be a PNG, JPEG, GIF or WebP file",
                "invalid": "The picture must be a PNG, JPEG, GIF or WebP file",
                "empty": "The picture file is empty",
            },
        )
        super().__init__(**kwargs)

    def to_python(self, data: Any) -> Any:
        picture = super().to_python(data)
        if picture is None:
            return None
        if isinstance(picture, UploadedFile) and picture.size is not None and picture.size > self.MAX_BYTES:
            raise ValidationError("The picture must be smaller than 5 MB", code="too_big")
        image = getattr(picture, "image", None)
        if image is not None and image.format not in self.FORMATS:
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image")
        return picture


class HoneypotField(forms.CharField):
    """A box that people never see or reach, but that robots filling in every box will fill in."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", "Leave this empty")
        kwargs.setdefault("template_name", "involvement/components/honeypot_field.html")
        kwargs.setdefault("widget", forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))
        super().__init__(**kwargs)
