"""Template filters that render Django form fields as GOV.UK Frontend markup.

Loaded as a template builtin (see TEMPLATES in settings), so no `{% load %}` is needed.
"""

from django import template
from django.forms import BoundField
from django.forms.utils import ErrorList, flatatt
from django.utils.safestring import SafeString

register = template.Library()

INPUT_CLASSES = {
    "textarea": "govuk-textarea",
    "select": "govuk-select",
}
# Widgets rendered item by item in a fieldset rather than as one control.
GROUPED_WIDGETS = {"radioselect", "checkboxselectmultiple"}


def _fields_whole_form_errors_mark(field: BoundField) -> tuple[str, ...]:
    """The fields an error about the whole form marks, when there is one: those a form names in
    ``whole_form_errors_mark`` (see coproduce.forms.WholeFormErrorsMarkFields, which this layer cannot import)."""
    form = field.form
    marked: tuple[str, ...] = getattr(form, "whole_form_errors_mark", ())
    return marked if form.non_field_errors() else ()


@register.filter
def govuk_errors(field: BoundField) -> ErrorList:
    """The messages shown beside a field: its own, and the whole form's if it is the first field they mark."""
    marked = _fields_whole_form_errors_mark(field)
    if marked and marked[0] == field.name:
        return ErrorList([*field.form.non_field_errors(), *field.errors])
    return field.errors


@register.filter
def govuk_in_error(field: BoundField) -> bool:
    """Whether a field is shown in error: it has errors, or an error about the whole form marks it."""
    return bool(field.errors) or field.name in _fields_whole_form_errors_mark(field)


def _described_by(field: BoundField) -> str:
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    marked = _fields_whole_form_errors_mark(field)
    if field.name in marked[1:]:
        # The whole form's message is shown once, beside the first field it marks.
        ids.append(f"{field.form[marked[0]].auto_id}-error")
    if govuk_errors(field):
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


def _state(field: BoundField) -> dict[str, str | bool]:
    """Django's own required and disabled attributes for the field's control, and aria-invalid when in error."""
    attrs = {name: value for name, value in field.build_widget_attrs({}).items() if name in ("required", "disabled")}
    if govuk_in_error(field):
        attrs["aria-invalid"] = "true"
    return attrs


@register.filter
def govuk_control(field: BoundField) -> SafeString:
    """Render a single control (input, textarea or select) with GOV.UK classes and ARIA links."""
    widget_type = field.widget_type
    css = INPUT_CLASSES.get(widget_type, "govuk-input")
    if govuk_in_error(field):
        css += f" {css}--error"
    existing = field.field.widget.attrs.get("class")
    attrs: dict[str, str | bool] = {"class": f"{css} {existing}" if existing else css, **_state(field)}
    described_by = _described_by(field)
    if described_by:
        attrs["aria-describedby"] = described_by
    return field.as_widget(attrs=attrs)


@register.filter
def govuk_state(field: BoundField) -> SafeString:
    """The required, disabled and aria-invalid attributes for a control written out in a template
    (a radio, a checkbox, a file upload), as Django would give a control it renders itself."""
    return flatatt(_state(field))


@register.filter
def govuk_described_by(field: BoundField) -> str:
    return _described_by(field)


@register.filter
def is_grouped(field: BoundField) -> bool:
    return field.widget_type in GROUPED_WIDGETS


@register.filter
def revealed_by(field: BoundField, value: object) -> list[BoundField]:
    """The follow-up fields shown under one option of a group: the form's ``reveals``, by field then option.

    They go in a GOV.UK conditional reveal, which GOV.UK Frontend's JavaScript hides until the option is
    chosen; without JavaScript every follow-up shows.
    """
    reveals: dict[str, dict[str, tuple[str, ...]]] = getattr(field.form, "reveals", {})
    names = reveals.get(field.name, {}).get(str(value), ())
    return [field.form[name] for name in names if name in field.form.fields]


@register.filter
def error_anchor(field: BoundField) -> str:
    """The id an error-summary link should point to: the first option of a group, else the control."""
    if field.widget_type in GROUPED_WIDGETS:
        return f"{field.auto_id}_0"
    return str(field.auto_id)
