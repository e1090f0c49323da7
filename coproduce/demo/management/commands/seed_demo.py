"""Create the demo personas and a few projects at different stages. Safe to run again."""

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from coproduce.accounts.models import User
from coproduce.demo.personas import DEMO_PASSWORD, PERSONAS
from coproduce.model import Stage
from coproduce.people.models import (
    AccessNeed,
    AccessProfile,
    Consent,
    ConsentMethod,
    Need,
    Notice,
    Organisation,
    OrganisationKind,
    Person,
    Purpose,
)
from coproduce.projects.models import Membership, Project, ProjectRole
from coproduce.projects.services import create_project, propose_project

# Told once by each persona, and shown wherever it matters.
ACCESS_NEEDS: dict[str, tuple[list[Need], dict[str, Any]]] = {
    "dev": ([Need.EASY_READ, Need.PAPERS_IN_ADVANCE, Need.SUPPORT_WORKER], {"papers_days_before": 7}),
    "grace": (
        [Need.PLAIN_ENGLISH, Need.BREAKS, Need.STEP_FREE],
        {"other_needs": "I use a screen reader. Please send papers as Word documents, not scanned PDFs."},
    ),
}

PROJECTS = (
    (
        "Easy Read letters from GP surgeries",
        "Letters from GP surgeries are hard to read. We will design Easy Read letters with the people who get them.",
        Stage.DESIGN,
        {"dev": ProjectRole.CO_LEAD, "amina": ProjectRole.STAFF_LEAD, "tom": ProjectRole.CHAMPION},
    ),
    (
        "Step-free bus stops in Riverside",
        "Many bus stops are hard to use with a wheelchair or a walking frame. Together with the council we are "
        "working out which stops to change first and how.",
        Stage.DEVELOPMENT,
        {
            "grace": ProjectRole.CO_LEAD,
            "amina": ProjectRole.STAFF_LEAD,
            "priya": ProjectRole.MEMBER,
            "dev": ProjectRole.MEMBER,
        },
    ),
    (
        "Short breaks for carers",
        "Carers told us they cannot find short breaks. We are putting the new booking service in place together.",
        Stage.IMPLEMENTATION,
        {"grace": ProjectRole.CO_LEAD, "amina": ProjectRole.STAFF_LEAD, "tom": ProjectRole.MEMBER},
    ),
    (
        "Day centre activities review",
        "We changed the activities at the day centre last year. Now we are finding out, with the people who go "
        "there, what worked.",
        Stage.EVALUATION,
        {"dev": ProjectRole.CO_LEAD, "amina": ProjectRole.STAFF_LEAD, "sam": ProjectRole.MEMBER},
    ),
)


def organisation_named(name: str) -> Organisation | None:
    if not name:
        return None
    organisation, _ = Organisation.objects.get_or_create(name=name, defaults={"kind": OrganisationKind.COUNCIL})
    return organisation


class Command(BaseCommand):
    help = "Create the demo personas (with sign-ins) and projects. Running it again changes nothing."

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        people: dict[str, Person] = {}
        for persona in PERSONAS:
            user = User.objects.filter(email=persona.email).first()
            if user is None:
                user = User.objects.create_user(persona.email, DEMO_PASSWORD, role=persona.role)
            person, _ = Person.objects.get_or_create(
                user=user,
                defaults={
                    "full_name": persona.full_name,
                    "preferred_name": persona.preferred_name,
                    "kind": persona.kind,
                    "email": persona.email,
                    "organisation": organisation_named(persona.organisation),
                },
            )
            people[persona.key] = person

        for key, (needs, details) in ACCESS_NEEDS.items():
            person = people[key]
            if AccessProfile.objects.filter(person=person).exists():
                continue
            Consent.objects.create(
                person=person, notice=Notice.objects.current(Purpose.ACCESS_NEEDS), method=ConsentMethod.ONLINE
            )
            profile = AccessProfile.objects.create(person=person, **details)
            AccessNeed.objects.bulk_create(AccessNeed(profile=profile, need=need) for need in needs)

        coordinator = User.objects.get(email="amina@example.org")
        for title, summary, stage, group in PROJECTS:
            if Project.objects.filter(title=title).exists():
                continue
            project = create_project(
                Project(title=title, summary=summary), by=coordinator, co_lead=None, staff_lead=None, champion=None
            )
            # The demo starts projects part-way through their life, as a real organisation would have them.
            Project.objects.filter(pk=project.pk).update(stage=stage)
            for key, role in group.items():
                Membership.objects.create(project=project, person=people[key], role=role)

        # An idea Dev proposed, waiting in the coordinator's intake queue.
        idea_title = "Quiet hours at the library"
        if not Project.objects.filter(title=idea_title).exists():
            dev = User.objects.get(email="dev@example.org")
            propose_project(
                Project(title=idea_title, summary="Autistic people like me need quiet times at the library."), by=dev
            )

        self.stdout.write(self.style.SUCCESS("Demo data is ready. Sign in at http://127.0.0.1:8000 as:"))
        for persona in PERSONAS:
            self.stdout.write(f"  {persona.email:<22} {persona.preferred_name}, {persona.about}")
        self.stdout.write(f"Password for every demo account: {DEMO_PASSWORD}")
        self.stdout.write("Or ask for an emailed sign-in link: the email is printed in this terminal.")
