"""Where each demo project has been, and a review both sides answered (called by `seed_demo`).

Each demo project gets its opportunity assessment (so the planned rungs show, stage by stage), the
stages it went through with their dates, and people taking part at some stages but not others, so
the checklist "Before the project moves on" shows both done and not-yet items. The short breaks
project moved on from development without people, with the reason written down. On the bus stops
project's quarterly review enough fictional members and staff (see ``showcase``) answered the
self-assessment for both sides' figures to get through disclosure control.

Running it again changes nothing: each part is made only when it is missing.
"""

from datetime import timedelta

from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.contributions.demo import PROJECT_TITLE as BUS_STOPS
from coproduce.demo.showcase import fictional_members, fictional_staff, past_activity
from coproduce.involvement.models import Activity, Attendance
from coproduce.model import LadderRung
from coproduce.people.models import Person
from coproduce.projects.models import Lifecycle, OpportunityAssessment, Project, StageChange
from coproduce.reviews.choices import ReviewKind
from coproduce.reviews.models import Review, SelfAssessment
from coproduce.reviews.services import Answers, record_self_assessment

GP_LETTERS = "Easy Read letters from GP surgeries"
SHORT_BREAKS = "Short breaks for carers"
DAY_CENTRE = "Day centre activities review"
LISTENING_TITLE = "Day centre: what worked? A listening afternoon"
NO_PEOPLE_REASON = (
    "The council had to choose the booking system before its contract ended, with no time for a session. "
    "Carers will test the booking service with us at the implementation stage instead."
)

# Who the project affects, what is fixed, who to involve, and the planned rung at design,
# development, implementation and evaluation.
ASSESSMENTS: dict[str, tuple[str, str, str, tuple[str, str, str, str]]] = {
    GP_LETTERS: (
        "People who get letters from GP surgeries, above all people with a learning disability.",
        "The NHS logo and the legal wording about data must stay.",
        "Members who use Easy Read, carers and two GP practice managers.",
        (LadderRung.CO_PRODUCTION, LadderRung.CO_DESIGN, LadderRung.ENGAGEMENT, LadderRung.CO_PRODUCTION),
    ),
    BUS_STOPS: (
        "Wheelchair users, people with walking frames and their carers in Riverside.",
        "The council's budget this year pays for 12 stops.",
        "Members who use the buses, the council's highways team and the bus company.",
        (LadderRung.CO_DESIGN, LadderRung.CO_DESIGN, LadderRung.CONSULTATION, LadderRung.ENGAGEMENT),
    ),
    SHORT_BREAKS: (
        "Unpaid carers who need a short break, and the people they care for.",
        "The council runs the booking system; its supplier is chosen.",
        "Carers who have booked breaks before, and carers who could not find one.",
        (LadderRung.CO_DESIGN, LadderRung.CONSULTATION, LadderRung.CO_PRODUCTION, LadderRung.ENGAGEMENT),
    ),
    DAY_CENTRE: (
        "People who go to the day centre, their families and the centre's staff.",
        "The centre's opening hours are set by its funding.",
        "People who go to the centre, with their support workers if they wish.",
        (LadderRung.ENGAGEMENT, LadderRung.CONSULTATION, LadderRung.ENGAGEMENT, LadderRung.CO_PRODUCTION),
    ),
}

STAGES = ("design", "development", "implementation", "evaluation")
# The rungs where people shape a stage, rather than being asked about it.
SHAPED = (LadderRung.CO_DESIGN, LadderRung.CO_PRODUCTION)

MEMBER_ANSWERS = (
    Answers(rung=LadderRung.CONSULTATION.value, voice=2, ways=3, concerns=2, change=3),
    Answers(rung=LadderRung.ENGAGEMENT.value, voice=3, ways=4, concerns=3, change=3),
)
STAFF_ANSWERS = (
    Answers(rung=LadderRung.CO_DESIGN.value, voice=4, ways=4, concerns=4, change=5),
    Answers(rung=LadderRung.CO_PRODUCTION.value, voice=5, ways=4, concerns=4, change=4),
)


def _assessments(coordinator: User) -> None:
    projects = {project.title: project for project in Project.objects.filter(title__in=list(ASSESSMENTS))}
    assessed = set(
        OpportunityAssessment.objects.filter(project__in=projects.values()).values_list("project", flat=True)
    )
    OpportunityAssessment.objects.bulk_create(
        OpportunityAssessment(
            project=project,
            who_is_affected=affected,
            what_is_fixed=fixed,
            people_to_involve=involve,
            **{f"can_coproduce_{stage}": rung in SHAPED for stage, rung in zip(STAGES, rungs, strict=True)},
            **{f"planned_rung_{stage}": rung for stage, rung in zip(STAGES, rungs, strict=True)},
            recorded_by=coordinator,
            updated_at=timezone.now() - timedelta(days=200),
        )
        for title, (affected, fixed, involve, rungs) in ASSESSMENTS.items()
        if (project := projects.get(title)) is not None and project.pk not in assessed
    )


def _stage_history(coordinator: User) -> None:
    """Each demo project's moves from idea to where it is now, a season apart, ending 20 days ago."""
    order = [Lifecycle.IDEA, Lifecycle.DESIGN, Lifecycle.DEVELOPMENT, Lifecycle.IMPLEMENTATION, Lifecycle.EVALUATION]
    now = timezone.now()
    for project in Project.objects.filter(title__in=list(ASSESSMENTS)).exclude(stage_changes__from_stage__gt=""):
        reached = order[: order.index(Lifecycle(project.stage)) + 1]
        dates = [now - timedelta(days=20 + 90 * (len(reached) - 1 - step)) for step in range(len(reached))]
        StageChange.objects.filter(project=project, from_stage="").update(changed_at=dates[0])
        StageChange.objects.bulk_create(
            StageChange(
                project=project,
                from_stage=before,
                to_stage=after,
                changed_at=at,
                changed_by=coordinator,
                reason_without_involvement=NO_PEOPLE_REASON
                if project.title == SHORT_BREAKS and before == Lifecycle.DEVELOPMENT
                else "",
            )
            for before, after, at in zip(reached[:-1], reached[1:], dates[1:], strict=True)
        )
        # A project past design had its design approved the day it moved to development.
        approved = dates[2] if len(dates) > 2 else None
        Project.objects.filter(pk=project.pk).update(
            stage_changed_at=dates[-1],
            design_approved_at=approved,
            design_approved_by=coordinator if approved is not None else None,
        )


def _listening_afternoon(people: dict[str, Person], coordinator: User) -> None:
    """People took part at the day centre project's evaluation stage: its checklist item is done."""
    project = Project.objects.filter(title=DAY_CENTRE).first()
    if project is None or Activity.objects.filter(title=LISTENING_TITLE).exists():
        return
    activity = past_activity(
        project,
        Lifecycle.EVALUATION,
        "workshop",
        LISTENING_TITLE,
        "People who go to the day centre told us which of last year's changes worked for them.",
        days_ago=10,
        hours=2,
        venue="Riverside Day Centre",
        planned_rung="co_production",
        created_by=coordinator,
    )
    Attendance.objects.bulk_create(
        Attendance(activity=activity, person=person, minutes=120, recorded_by=coordinator)
        for person in (people["dev"], *fictional_members()[:5])
    )


def _review_sides(coordinator: User) -> None:
    quarter = (
        Review.objects.filter(project__title=BUS_STOPS, kind=ReviewKind.QUARTERLY, status="open")
        .order_by("-period_start")
        .first()
    )
    if quarter is None:
        return
    done = set(SelfAssessment.objects.filter(participant__review=quarter).values_list("participant__person", flat=True))
    # Dev and Amina answered the first way (the reviews demo): four more of each side do too, and
    # five of each side the second way, so every figure is five people or more.
    for people, answers in ((fictional_members(), MEMBER_ANSWERS), (fictional_staff(), STAFF_ANSWERS)):
        for index, person in enumerate(people[:9]):
            if person.pk not in done:
                record_self_assessment(quarter, person=person, answers=answers[0 if index < 4 else 1], by=coordinator)


def seed(people: dict[str, Person], coordinator: User) -> None:
    """``people`` maps each persona's key (amina, dev, grace, tom, priya, sam, morgan) to their record."""
    _assessments(coordinator)
    _stage_history(coordinator)
    _listening_afternoon(people, coordinator)
    _review_sides(coordinator)
