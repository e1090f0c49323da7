"""The equality monitoring form: every question optional, the Census age rules, and the "I agree" box."""

import pytest

from coproduce.equality.choices import EthnicGroup, EthnicGroupHighLevel
from coproduce.equality.forms import EqualityForm, EthnicGroupField
from coproduce.equality.models import EqualityResponse

UNDER_16 = "10_to_15"

# The model form checks the database constraints too, and they are checked by a query.
pytestmark = pytest.mark.django_db


def test_equality_form_accepts_every_question_left_blank() -> None:
    form = EqualityForm({}, needs_consent=False)

    assert form.is_valid(), form.errors
    assert all(value == "" for value in form.cleaned_data.values())


def test_equality_form_needs_the_box_ticked_when_the_person_has_not_agreed() -> None:
    form = EqualityForm({"sex": "female"}, needs_consent=True)

    assert not form.is_valid()
    assert form.errors == {
        "agree": [
            "You need to agree to us keeping your answers before we can save them. Tick the box to agree, "
            "or leave this page and nothing will be saved."
        ]
    }


def test_equality_form_asks_for_agreement_only_when_needed() -> None:
    assert "agree" in EqualityForm(needs_consent=True).fields
    assert "agree" not in EqualityForm(needs_consent=False).fields
    assert [field.name for field in EqualityForm(needs_consent=True).questions][-1] == "unpaid_care"


@pytest.mark.parametrize(
    ("field", "value"),
    [("gender_identity", "yes"), ("sexual_orientation", "prefer_not_to_say")],
)
def test_equality_form_refuses_16_plus_questions_answered_by_someone_under_16(field: str, value: str) -> None:
    form = EqualityForm({"age_band": UNDER_16, field: value}, needs_consent=False)

    assert not form.is_valid()
    assert form.errors == {field: ["Leave this question blank. It is only for people aged 16 or over."]}


def test_equality_form_refuses_write_ins_from_someone_under_16() -> None:
    form = EqualityForm(
        {"age_band": UNDER_16, "gender_identity_write_in": "Non-binary", "sexual_orientation_write_in": "Asexual"},
        needs_consent=False,
    )

    assert not form.is_valid()
    assert form.errors == {
        "gender_identity_write_in": ["Leave this box empty. It is only for people aged 16 or over."],
        "sexual_orientation_write_in": ["Leave this box empty. It is only for people aged 16 or over."],
    }


@pytest.mark.parametrize("age_band", ["16_to_19", "prefer_not_to_say", ""])
def test_equality_form_accepts_16_plus_questions_unless_under_16(age_band: str) -> None:
    form = EqualityForm(
        {"age_band": age_band, "gender_identity": "no", "gender_identity_write_in": "Non-binary"},
        needs_consent=False,
    )

    assert form.is_valid(), form.errors


@pytest.mark.parametrize("gender_identity", ["yes", "prefer_not_to_say", ""])
def test_equality_form_refuses_a_gender_write_in_without_no(gender_identity: str) -> None:
    form = EqualityForm(
        {"gender_identity": gender_identity, "gender_identity_write_in": "Non-binary"}, needs_consent=False
    )

    assert not form.is_valid()
    assert form.errors == {
        "gender_identity_write_in": ["Choose ‘No’ if you want to write in your gender identity, or clear the box."]
    }


def test_equality_form_refuses_a_sexual_orientation_write_in_without_other() -> None:
    form = EqualityForm(
        {"sexual_orientation": "bisexual", "sexual_orientation_write_in": "Asexual"}, needs_consent=False
    )

    assert not form.is_valid()
    assert form.errors == {
        "sexual_orientation_write_in": [
            "Choose ‘Other sexual orientation’ if you want to write it in, or clear the box."
        ]
    }


@pytest.mark.parametrize("long_term_condition", ["no", "prefer_not_to_say", ""])
def test_equality_form_refuses_the_second_disability_part_without_yes_to_the_first(long_term_condition: str) -> None:
    form = EqualityForm(
        {"long_term_condition": long_term_condition, "activities_reduced": "a_lot"}, needs_consent=False
    )

    assert not form.is_valid()
    assert form.errors == {
        "activities_reduced": [
            "Leave this question blank, or choose ‘Yes’ to the question about conditions or illnesses."
        ]
    }


def test_equality_form_refuses_an_answer_that_is_not_offered() -> None:
    form = EqualityForm({"religion": "Not answered"}, needs_consent=False)

    assert not form.is_valid()
    assert list(form.errors) == ["religion"]


def test_equality_form_groups_ethnic_groups_under_their_high_level_group() -> None:
    field = EqualityForm(needs_consent=False)["ethnic_group"]
    assert isinstance(field, EthnicGroupField)

    groups = [(group.legend, [option.choice_label for option in group.options]) for group in field.option_groups]

    assert [legend for legend, _ in groups] == [
        str(group.label) for group in EthnicGroupHighLevel if group != EthnicGroupHighLevel.PREFER_NOT_TO_SAY
    ]
    assert groups[3] == (
        "White",
        [
            "English, Welsh, Scottish, Northern Irish or British",
            "Irish",
            "Gypsy or Irish Traveller",
            "Roma",
            "Other White",
        ],
    )
    assert field.prefer_not_to_say.data["value"] == EthnicGroup.PREFER_NOT_TO_SAY


def test_equality_form_initial_from_gives_the_last_answers() -> None:
    response = EqualityResponse(sex="male", gender_identity="no", gender_identity_write_in="Non-binary")

    initial = EqualityForm.initial_from(response)

    assert initial["sex"] == "male"
    assert initial["gender_identity_write_in"] == "Non-binary"
    assert initial["religion"] == ""
    assert EqualityForm.initial_from(None) == {}
