"""The form renderer: every Django form renders its fields as GOV.UK Frontend components."""

from django.forms.renderers import TemplatesSetting


class GovUKFormRenderer(TemplatesSetting):
    form_template_name = "components/form_fields.html"
    field_template_name = "components/field.html"
