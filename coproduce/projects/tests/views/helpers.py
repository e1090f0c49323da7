"""What the page tests share: query budgets, texts looked for, and a project put at a stage."""

from collections.abc import Callable

from django.test import Client

from coproduce.accounts.models import User
from coproduce.projects.models import Lifecycle, Project

ClientFor = Callable[[User], Client]

# The most queries the project list may make, however many projects there are.
PROJECT_LIST_MAX_QUERIES = 5
# The most queries a project page may make, however big its project group (and however many recommendations).
PROJECT_DETAIL_MAX_QUERIES = 14

MOVE_BUTTON = "Move to the development stage</a>"
ERROR_SUMMARY = '<h2 class="govuk-error-summary__title">There is a problem</h2>'


def at_stage(project: Project, stage: Lifecycle) -> None:
    Project.objects.filter(pk=project.pk).update(stage=stage)
    project.refresh_from_db()
