"""Every form field, as the shared GOV.UK field template renders it, tells a screen reader when it is in error."""

import re

from django import forms

from coproduce.forms import WholeFormErrorsMarkFields


class EveryKindOfField(forms.Form):
    name = forms.CharField(label="Name")
    how = forms.ChoiceField(label="How", choices=[("email", "Email"), ("post", "Post")], widget=forms.RadioSelect)
    days = forms.MultipleChoiceField(
        label="Days", choices=[("mon", "Monday"), ("tue", "Tuesday")], widget=forms.CheckboxSelectMultiple
    )
    agreed = forms.BooleanField(label="I agree")
    receipt = forms.FileField(label="Receipt")


class WithAPair(WholeFormErrorsMarkFields, forms.Form):
    whole_form_errors_mark = ("first", "second")

    first = forms.CharField(label="First")
    second = forms.CharField(label="Second")
    other = forms.CharField(label="Other", required=False)

    def clean(self):
        raise forms.ValidationError("These two do not go together")


def controls(html: str) -> dict[str, str]:
    """Each input, by its id."""
    return {match[1]: match[0] for match in re.finditer(r'<input[^>]* id="([^"]+)"[^>]*>', html)}


def test_every_kind_of_field_with_an_error_is_marked_invalid():
    form = EveryKindOfField(data={})

    inputs = controls(str(form))

    assert set(inputs) == {"id_name", "id_how_0", "id_how_1", "id_days_0", "id_days_1", "id_agreed", "id_receipt"}
    for control in inputs.values():
        assert 'aria-invalid="true"' in control
    assert str(form).count("govuk-form-group--error") == 5


def test_every_kind_of_field_without_an_error_is_not_marked_invalid():
    form = EveryKindOfField()

    assert "aria-invalid" not in str(form)


def test_required_fields_say_so_as_django_would():
    inputs = controls(str(EveryKindOfField()))

    required = {control_id for control_id, control in inputs.items() if re.search(r"\srequired[\s>]", control)}
    # Ticking every day cannot be required, so the days are not marked (as Django's own checkboxes).
    assert required == {"id_name", "id_how_0", "id_how_1", "id_agreed", "id_receipt"}


def test_an_error_about_the_whole_form_marks_the_fields_it_concerns():
    form = WithAPair(data={"first": "a", "second": "b"})

    html = str(form)
    inputs = controls(html)

    assert 'aria-invalid="true"' in inputs["id_first"]
    assert 'aria-invalid="true"' in inputs["id_second"]
    assert "aria-invalid" not in inputs["id_other"]
    assert 'aria-describedby="id_first-error"' in inputs["id_first"]
    assert 'aria-describedby="id_first-error"' in inputs["id_second"]
    assert html.count("These two do not go together") == 1
    assert html.count("govuk-form-group--error") == 2
