"""The contributions part of the demo data (called by `seed_demo`; running it again changes nothing).

The bus stop walkabout a week ago (shared with the payments demo, found by its title) with Dev and Grace
attending; what they said, with answers (one adopted, one not adopted with its reason); an older idea
still waiting for an answer, so the overdue list has something on it; and one thank-you letter.
"""

from datetime import timedelta

from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.contributions.models import Contribution, ContributionKind, ContributionResponse, Outcome, Thanks
from coproduce.involvement.models import Activity, Attendance
from coproduce.people.models import CreditPreference, Person
from coproduce.projects.models import Project

WALKABOUT_TITLE = "Bus stop walkabout: what needs to change"
PROJECT_TITLE = "Step-free bus stops in Riverside"


def walkabout(project: Project, coordinator: User) -> Activity:
    starts = (timezone.localtime() - timedelta(days=7)).replace(hour=10, minute=0, second=0, microsecond=0)
    activity, _ = Activity.objects.get_or_create(
        title=WALKABOUT_TITLE,
        defaults={
            "project": project,
            "stage": "development",
            "kind": "workshop",
            "description": "We walk to the bus stops on Mill Lane together and say what needs to change.",
            "format": "in_person",
            "starts_at": starts,
            "ends_at": starts + timedelta(hours=2),
            "venue": "Riverside Community Centre",
            "planned_rung": "co_design",
            "created_by": coordinator,
        },
    )
    return activity


def contribution(
    person: Person, project: Project, activity: Activity | None, kind: str, summary: str, by: User, **extra: object
) -> Contribution:
    return Contribution.objects.get_or_create(
        person=person,
        project=project,
        summary=summary,
        defaults={"activity": activity, "kind": kind, "recorded_by": by, **extra},
    )[0]


def answer(item: Contribution, outcome: Outcome, explanation: str, by: User) -> None:
    if not item.responses.exists():
        ContributionResponse.objects.create(
            contribution=item, outcome=outcome, explanation=explanation, responded_by=by
        )


def seed(people: dict[str, Person], coordinator: User) -> None:
    """``people`` maps each persona's key (amina, dev, grace, tom, priya, sam, morgan) to their record."""
    project = Project.objects.filter(title=PROJECT_TITLE).first()
    if project is None:
        return
    activity = walkabout(project, coordinator)
    dev, grace = people["dev"], people["grace"]
    attendances = {
        key: Attendance.objects.get_or_create(
            activity=activity, person=people[key], defaults={"minutes": 120, "recorded_by": coordinator}
        )[0]
        for key in ("dev", "grace")
    }
    kerb = contribution(
        dev,
        project,
        activity,
        ContributionKind.IDEA,
        "Raise the kerb at the Mill Lane stop so the bus ramp is not so steep.",
        coordinator,
        credit=CreditPreference.FULL_NAME,
    )
    answer(kerb, Outcome.ADOPTED, "The council will raise the kerb at Mill Lane and at 11 other stops.", coordinator)
    shelter = contribution(
        grace,
        project,
        activity,
        ContributionKind.CONCERN,
        "Move the shelter at the station stop: a wheelchair cannot get past it.",
        coordinator,
        credit=CreditPreference.ANONYMOUS,
    )
    answer(
        shelter,
        Outcome.NOT_ADOPTED,
        "The pavement is too narrow to move the shelter. The council will add a second boarding point instead.",
        coordinator,
    )
    # An older idea that nobody has answered yet: it shows on the overdue list.
    contribution(
        dev,
        project,
        None,
        ContributionKind.IDEA,
        "Say the name of each stop out loud on the bus.",
        coordinator,
        recorded_at=timezone.now() - timedelta(days=35),
    )
    Thanks.objects.get_or_create(attendance=attendances["dev"], method="letter", defaults={"thanked_by": coordinator})
