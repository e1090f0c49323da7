"""Forms for project groups: setting one up, adding a member, its ground rules."""

from typing import Any, cast

from django import forms

from coproduce.decisions.choices import GroupKind, GroupRole
from coproduce.decisions.models import ProjectGroup
from coproduce.people.fields import PersonChoiceField
from coproduce.people.models import Person


class GroupForm(forms.Form):
    name = forms.CharField(
        label="Name of the group",
        max_length=200,
        help_text="For example, Bus stops steering group",
        error_messages={"required": "Enter the name of the group"},
    )
    kind = forms.ChoiceField(
        label="What kind of group is it?",
        choices=GroupKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what kind of group it is"},
    )
    min_member_share = forms.IntegerField(
        label="Least share of seats for people with lived experience, in % (optional)",
        required=False,
        min_value=0,
        max_value=100,
        help_text="Members and carers. Leave empty to use the organisation's usual share. 0 means no minimum.",
        error_messages={
            "invalid": "Enter the share as a whole number, like 50",
            "min_value": "The share must be between 0 and 100",
            "max_value": "The share must be between 0 and 100",
        },
    )
    members_can_propose = forms.BooleanField(
        label="Any member of the group can put a proposal to it", required=False, initial=True
    )


class GroupMemberForm(forms.Form):
    person = PersonChoiceField(
        queryset=Person.objects.none(),
        label="Who joins the group?",
        empty_label="Choose a person",
        error_messages={"required": "Choose who joins the group", "invalid_choice": "Choose a person from the list"},
    )
    role = forms.ChoiceField(
        label="Their role in the group",
        choices=GroupRole.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose their role in the group"},
    )

    def __init__(self, *args: Any, group: ProjectGroup, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(PersonChoiceField, self.fields["person"])
        field.queryset = Person.objects.filter(anonymised_at__isnull=True).exclude(group_seats__group=group)


class GroundRulesForm(forms.Form):
    ground_rules = forms.CharField(
        label="Our ground rules",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="How we treat each other and how we decide. For example: one person speaks at a time.",
        error_messages={"required": "Write the ground rules the group agreed"},
    )
