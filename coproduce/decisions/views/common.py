"""What the decisions pages share: finding the object a page is about, and the length of a page of a list."""

from django.shortcuts import get_object_or_404

from coproduce.accounts.models import User
from coproduce.decisions.models import Decision, ProjectGroup, Proposal
from coproduce.people.models import Person
from coproduce.projects.models import Project

PAGE_SIZE = 25


def project_or_404(pk: int) -> Project:
    return get_object_or_404(Project, pk=pk)


def group_or_404(pk: int) -> ProjectGroup:
    return get_object_or_404(ProjectGroup.objects.select_related("project"), pk=pk)


def proposal_or_404(pk: int) -> Proposal:
    return get_object_or_404(Proposal.objects.select_related("group__project", "created_by__person"), pk=pk)


def decision_or_404(pk: int) -> Decision:
    return get_object_or_404(Decision.objects.select_related("project", "proposal", "meeting"), pk=pk)


def own_person(user: User) -> Person | None:
    return Person.objects.filter(user=user).first()
