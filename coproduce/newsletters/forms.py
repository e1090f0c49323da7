"""The form for writing a newsletter, and the choice of a sample recipient for its preview."""

from typing import Any, cast

from django import forms

from coproduce.decisions.models import ProjectGroup
from coproduce.newsletters import placeholders
from coproduce.newsletters.choices import Audience
from coproduce.newsletters.models import Newsletter
from coproduce.people.fields import PersonChoiceField
from coproduce.people.models import Person
from coproduce.projects.models import Project

PLACEHOLDER_HINT = "To put in each person's name, type {first_name}, {name} or {full_name}."


class GroupChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.project.title})"


class NewsletterForm(forms.Form):
    title = forms.CharField(
        label="Title",
        max_length=200,
        help_text="This is also the subject of the email. For example: News from the bus stops project",
        error_messages={"required": "Enter a title"},
    )
    body = forms.CharField(
        label="What do you want to say?",
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Leave an empty line between paragraphs. " + PLACEHOLDER_HINT,
        error_messages={"required": "Enter what you want to say"},
    )
    easy_read_body = forms.CharField(
        label="Easy Read version (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="One short idea on each line. If you leave it empty, people who use Easy Read get the "
        "text above. " + PLACEHOLDER_HINT,
    )
    audience = forms.ChoiceField(
        label="Who is it for?",
        choices=Audience.choices,
        widget=forms.RadioSelect,
        help_text="Only people who said we may keep in touch with them get it.",
        error_messages={"required": "Choose who it is for"},
    )
    group = GroupChoiceField(
        queryset=ProjectGroup.objects.none(),
        label="Which project group? (if it is for a project group)",
        required=False,
        empty_label="Choose a project group",
        error_messages={"invalid_choice": "Choose a project group from the list"},
    )
    project = forms.ModelChoiceField(
        queryset=Project.objects.none(),
        label="Which project? (if it is for the people in one project)",
        required=False,
        empty_label="Choose a project",
        error_messages={"invalid_choice": "Choose a project from the list"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        group = cast(forms.ModelChoiceField, self.fields["group"])
        group.queryset = ProjectGroup.objects.select_related("project").order_by("project__title", "name", "id")
        project = cast(forms.ModelChoiceField, self.fields["project"])
        project.queryset = Project.objects.order_by("title", "id")

    @classmethod
    def for_newsletter(cls, newsletter: Newsletter, data: Any = None) -> "NewsletterForm":
        initial = {
            "title": newsletter.title,
            "body": newsletter.body,
            "easy_read_body": newsletter.easy_read_body,
            "audience": newsletter.audience,
            "group": newsletter.group_id,
            "project": newsletter.project_id,
        }
        return cls(data, initial=initial)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in ("body", "easy_read_body"):
            found = placeholders.problems(data.get(name) or "")
            if found:
                self.add_error(name, ". ".join(found))
        audience = data.get("audience")
        if audience == Audience.GROUP and not data.get("group") and "group" not in self.errors:
            self.add_error("group", "Choose the project group")
        if audience == Audience.PROJECT and not data.get("project") and "project" not in self.errors:
            self.add_error("project", "Choose the project")
        return data


class SampleForm(forms.Form):
    """Whose copy the preview shows: someone in the audience, or no one in particular."""

    person = PersonChoiceField(
        queryset=Person.objects.none(),
        label="Show the copy for",
        required=False,
        empty_label="No one in particular (sample names)",
    )

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["person"]).queryset = people
