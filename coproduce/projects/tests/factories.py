import factory

from coproduce.accounts.models import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.model import Stage
from coproduce.people.tests.factories import PersonFactory
from coproduce.projects.models import Membership, Project, ProjectRole


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    title = factory.Sequence(lambda n: f"Project {n}")
    summary = "A project to test with."
    stage = Stage.DESIGN
    created_by = factory.SubFactory(UserFactory, role=Role.COORDINATOR)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    project = factory.SubFactory(ProjectFactory)
    person = factory.SubFactory(PersonFactory)
    role = ProjectRole.MEMBER
