"""The form renderer: every Django form renders its fields as GOV.UK Frontend components."""

from django import forms
from django.forms.renderers import TemplatesSetting
from django.http import HttpRequest, QueryDict

from coproduce.refusals import WHOLE_FORM, Refused


class GovUKFormRenderer(TemplatesSetting):
    form_template_name = "components/form_fields.html"
    field_template_name = "components/field.html"


def submitted(request: HttpRequest) -> QueryDict | None:
    """The form data if the form was sent, else None (an unbound form).

    Unlike ``request.POST or None``, a sent form with no fields in it still counts as sent, so it is
    validated and its errors shown rather than silently showing the empty form again.
    """
    return request.POST if request.method == "POST" else None


def show_refusal(form: forms.BaseForm, refusal: Refused) -> None:
    """Show a service's refusal on the form: each message beside its field, the rest above the form."""
    for field, message in refusal.errors.items():
        form.add_error(field if field != WHOLE_FORM and field in form.fields else None, message)


class WholeFormErrorsMarkFields:
    """A form whose errors about the whole form concern some of its fields, named here.

    A wrong email address and password together are one error about the form, not about either
    field, yet both fields are where it must be put right: each is marked in error (so a screen
    reader says "invalid entry"), and the message is shown beside the first and linked to both.
    """

    whole_form_errors_mark: tuple[str, ...] = ()


class ConfirmForm(forms.Form):
    """A form with only a button: pressing it is the whole answer (register, publish, open a round)."""
