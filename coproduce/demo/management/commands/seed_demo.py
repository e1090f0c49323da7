"""Create the demo personas and a few projects at different stages. Safe to run again."""

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.analytics import demo as analytics_demo
from coproduce.communications import demo as communications_demo
from coproduce.contributions import demo as contributions_demo
from coproduce.decisions import demo as decisions_demo
from coproduce.demo import journeys, showcase
from coproduce.demo.personas import DEMO_PASSWORD, PERSONAS
from coproduce.easyread import demo as easyread_demo
from coproduce.involvement.models import Activity, Outreach, Registration
from coproduce.learning import demo as learning_demo
from coproduce.model import Stage
from coproduce.newsletters import demo as newsletters_demo
from coproduce.payments import demo as payments_demo
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
from coproduce.projects.models import Lifecycle, Membership, Project, ProjectRole
from coproduce.projects.services import create_project, propose_project
from coproduce.reports import demo as reports_demo
from coproduce.reviews import demo as reviews_demo
from coproduce.surveys import demo as surveys_demo

# Told once by each persona, and shown wherever it matters.
ACCESS_NEEDS: dict[str, tuple[list[Need], dict[str, Any]]] = {
    "dev": ([Need.EASY_READ, Need.PAPERS_IN_ADVANCE, Need.SUPPORT_WORKER], {"papers_days_before": 7}),
    "grace": (
        [Need.PLAIN_ENGLISH, Need.SCREEN_READER, Need.PAPERS_BY_EMAIL, Need.BREAKS, Need.STEP_FREE],
        {"other_needs": "Please send papers as Word documents, not scanned PDFs."},
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

        # A workshop open for registration, with Dev (who needs Easy Read) already registered.
        workshop_title = "Design workshop: Easy Read GP letters"
        if not Activity.objects.filter(title=workshop_title).exists():
            starts = (timezone.localtime() + timedelta(days=14)).replace(hour=10, minute=30, second=0, microsecond=0)
            workshop = Activity.objects.create(
                project=Project.objects.get(title="Easy Read letters from GP surgeries"),
                stage=Lifecycle.DESIGN,
                kind="workshop",
                title=workshop_title,
                description="Help us design letters from GP surgeries that everyone can read. We will look at real "
                "letters together and write better ones.",
                easy_read_summary="We will look at letters from the doctor.\nWe will make them easy to read.\n"
                "You will be paid for your time.",
                format="in_person",
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
                venue="Riverside Community Centre, 12 Mill Lane",
                venue_access="Step-free entrance and an accessible toilet. A quiet room is available.",
                capacity=12,
                planned_rung="co_design",
                is_open=True,
                created_by=coordinator,
            )
            Outreach.objects.bulk_create(
                Outreach(activity=workshop, channel=channel)
                for channel in ("email_list", "partner_organisations", "community_venues")
            )
            Registration.objects.create(activity=workshop, person=people["dev"], status="registered")

        # An idea Dev proposed, waiting in the coordinator's intake queue.
        idea_title = "Quiet hours at the library"
        if not Project.objects.filter(title=idea_title).exists():
            dev = User.objects.get(email="dev@example.org")
            propose_project(
                Project(title=idea_title, summary="Autistic people like me need quiet times at the library."), by=dev
            )

        # Each app adds its own part: contributions and payments after the workshop, decisions,
        # the charter and training.
        # Fictional people first, so that every count below includes them.
        showcase.seed(people, coordinator)
        apps = (
            contributions_demo,
            payments_demo,
            surveys_demo,
            decisions_demo,
            learning_demo,
            analytics_demo,
            easyread_demo,
            communications_demo,
            reviews_demo,
            reports_demo,
            newsletters_demo,
        )
        for app in apps:
            app.seed(people, coordinator)
        journeys.seed(people, coordinator)

        self.stdout.write(self.style.SUCCESS("Demo data is ready. Sign in at http://127.0.0.1:8000 as:"))
        for persona in PERSONAS:
            self.stdout.write(f"  {persona.email:<22} {persona.preferred_name}, {persona.about}")
        self.stdout.write(f"Password for every demo account: {DEMO_PASSWORD}")
        self.stdout.write("Or ask for an emailed sign-in link: the email is printed in this terminal.")
        self.stdout.write(
            "Read the answer to an anonymous concern, without signing in, at "
            f"http://127.0.0.1:8000{reverse('decisions:concern_reference')} with the reference "
            f"{decisions_demo.DEMO_REFERENCE}"
        )
