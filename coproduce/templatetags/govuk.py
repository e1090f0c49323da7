"""Template filters that render Django form fields as GOV.UK Frontend markup.

Loaded as a template builtin (see TEMPLATES in settings), so no `{% load %}` is needed.
"""

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

register = template.Library()

INPUT_CLASSES = {
    "textarea": "govuk-textarea",
    "select": "govuk-select",
}
# Widgets rendered item by item in a fieldset rather than as one control.
GROUPED_WIDGETS = {"radioselect", "checkboxselectmultiple"}


def _described_by(field: BoundField) -> str:
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.filter
def govuk_control(field: BoundField) -> SafeString:
    """Render a single control (input, textarea or select) with GOV.UK classes and ARIA links."""
    widget_type = field.widget_type
    css = INPUT_CLASSES.get(widget_type, "govuk-input")
    if field.errors:
        css += f" {css}--error"
    existing = field.field.widget.attrs.get("class")
    attrs: dict[str, str | bool] = {"class": f"{css} {existing}" if existing else css}
    described_by = _described_by(field)
    if described_by:
        attrs["aria-describedby"] = described_by
    return field.as_widget(attrs=attrs)


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
