import factory
from django.utils import timezone

from coproduce.accounts.models import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.model import LadderRung
from coproduce.people.tests.factories import PersonFactory
from coproduce.projects.models import (
    IntakeStatus,
    Lifecycle,
    Membership,
    OpportunityAssessment,
    Project,
    ProjectRole,
    StageChange,
)


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    title = factory.Sequence(lambda n: f"Project {n}")
    summary = "A project to test with."
    stage = Lifecycle.DESIGN
    created_by = factory.SubFactory(UserFactory, role=Role.COORDINATOR)


class IdeaFactory(ProjectFactory):
    """An idea someone proposed, waiting in the intake queue."""

    title = factory.Sequence(lambda n: f"Idea {n}")
    summary = "Something that should change."
    stage = Lifecycle.IDEA
    intake_status = IntakeStatus.SUBMITTED
    proposed_by = factory.SubFactory(PersonFactory)
    created_by = factory.SubFactory(UserFactory)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    project = factory.SubFactory(ProjectFactory)
    person = factory.SubFactory(PersonFactory)
    role = ProjectRole.MEMBER


class StageChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StageChange

    project = factory.SubFactory(ProjectFactory)
    from_stage = ""
    to_stage = Lifecycle.DESIGN
    changed_at = factory.LazyFunction(timezone.now)
    changed_by = factory.SubFactory(UserFactory, role=Role.COORDINATOR)


class OpportunityAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpportunityAssessment

    project = factory.SubFactory(ProjectFactory)
    who_is_affected = "Wheelchair users who take the bus, and their carers."
    can_coproduce_design = True
    can_coproduce_development = True
    can_coproduce_implementation = False
    can_coproduce_evaluation = True
    what_is_fixed = "The budget is set by the council for this year."
    planned_rung_design = LadderRung.CO_PRODUCTION
    planned_rung_development = LadderRung.CO_DESIGN
    planned_rung_implementation = LadderRung.INFORMING
    planned_rung_evaluation = LadderRung.ENGAGEMENT
    people_to_involve = "Members who use wheelchairs; carers; the council's transport team."
    recorded_by = factory.SubFactory(UserFactory, role=Role.COORDINATOR)
    updated_at = factory.LazyFunction(timezone.now)
