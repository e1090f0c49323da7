"""The reports part of the demo data (called by `seed_demo`; running it again changes nothing).

The demo project's "We asked, you said, we did" page, published by Amina, and the words for this
quarter's report on it: its aim, how far involvement changed the work, and reflections.
"""

from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.contributions.demo import PROJECT_TITLE
from coproduce.people.models import Person
from coproduce.projects.models import Project
from coproduce.reports.models import ReportNarrative, YouSaidWeDidPage
from coproduce.reports.periods import current_quarter


def seed(people: dict[str, Person], coordinator: User) -> None:
    project = Project.objects.filter(title=PROJECT_TITLE).first()
    if project is None:
        return
    YouSaidWeDidPage.objects.get_or_create(
        project=project,
        defaults={
            "intro": "We asked people what would make the bus stops on Mill Lane easier to use. "
            "Here is what they said and what we did.",
            "published_at": timezone.now(),
            "published_by": coordinator,
        },
    )
    period = current_quarter()
    ReportNarrative.objects.get_or_create(
        project=project,
        period_start=period.start,
        period_end=period.end,
        defaults={
            "aim": "Disabled people who use the buses shape the new stops from the start.",
            "influence": "Members chose where the benches go. We could not pay for shelters at every stop.",
            "reflections": "The walkabout worked well. We should have sent the papers out sooner.",
            "written_by": coordinator,
        },
    )
