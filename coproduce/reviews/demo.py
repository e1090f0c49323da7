"""The reviews part of the demo data (called by `seed_demo`; running it again changes nothing).

The daily sweep's reviews as of today (a quarterly review for each active project, end of stage
reviews, this year's annual review). On the bus stops project's quarterly review Dev (member side)
and Amina (staff side) have answered the self-assessment two ladder rungs apart, so the review page
shows the gap. Last year's annual organisation review is closed, with its standards rated.
"""

from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.contributions.demo import PROJECT_TITLE
from coproduce.dates import add_months
from coproduce.model import LadderRung
from coproduce.people.models import Person
from coproduce.reviews.choices import Rating, ReviewKind, Standard
from coproduce.reviews.models import Review, SelfAssessment
from coproduce.reviews.services import (
    Answers,
    ReviewRefused,
    annual_period,
    close_review,
    rate_standards,
    record_self_assessment,
    schedule_reviews,
)

MEMBER_ANSWERS = Answers(rung=LadderRung.CONSULTATION.value, voice=2, ways=3, concerns=2, change=3)
STAFF_ANSWERS = Answers(rung=LadderRung.CO_DESIGN.value, voice=4, ways=4, concerns=4, change=5)
LAST_YEAR_MEMBER = Answers(rung=LadderRung.ENGAGEMENT.value, voice=3, ways=3, concerns=3, change=4)
LAST_YEAR_STAFF = Answers(rung=LadderRung.CO_DESIGN.value, voice=4, ways=3, concerns=4, change=4)
EVIDENCE: dict[str, tuple[str, str]] = {
    Standard.INCLUSIVE: (
        Rating.DEVELOPING,
        "Workshops moved to step-free venues. Easy Read invitations for every activity.",
    ),
    Standard.WORKING_TOGETHER: (Rating.DEVELOPING, "Ground rules agreed by each project group."),
    Standard.SUPPORT: (Rating.STARTING, "Induction for new members started in the spring."),
    Standard.COMMUNICATIONS: (Rating.DEVELOPING, "Every published text is checked for plain language."),
    Standard.GOVERNANCE: (Rating.STARTING, "Two members now sit on the board."),
    Standard.IMPACT: (Rating.STARTING, "We began telling people what happened to their ideas."),
}


def _assess(review: Review, person: Person, answers: Answers, by: User) -> None:
    if SelfAssessment.objects.filter(participant__review=review, participant__person=person).exists():
        return
    try:
        record_self_assessment(review, person=person, answers=answers, by=by)
    except ReviewRefused:
        return


def seed(people: dict[str, Person], coordinator: User) -> None:
    """``people`` maps each persona's key (amina, dev, grace, tom, priya, sam, morgan) to their record."""
    today = timezone.localdate()
    schedule_reviews(today)
    dev, amina = people.get("dev"), people.get("amina")
    if dev is None or amina is None:
        return
    quarter = (
        Review.objects.filter(project__title=PROJECT_TITLE, kind=ReviewKind.QUARTERLY, status="open")
        .order_by("-period_start")
        .first()
    )
    if quarter is not None:
        _assess(quarter, dev, MEMBER_ANSWERS, coordinator)
        _assess(quarter, amina, STAFF_ANSWERS, coordinator)
    start, end = annual_period(add_months(today, -12))
    last_year, _ = Review.objects.get_or_create(
        kind=ReviewKind.ANNUAL, period_start=start, defaults={"period_end": end, "due_on": add_months(end, 1)}
    )
    if not last_year.is_open:
        return
    _assess(
        last_year, dev, Answers(rung=LadderRung.ENGAGEMENT.value, voice=3, ways=3, concerns=3, change=4), coordinator
    )
    _assess(
        last_year, amina, Answers(rung=LadderRung.CO_DESIGN.value, voice=4, ways=3, concerns=4, change=4), coordinator
    )
    rate_standards(
        last_year, {standard: (rating, text) for standard, (rating, text) in EVIDENCE.items()}, by=coordinator
    )
    try:
        close_review(
            last_year,
            by=coordinator,
            learned="Members said meetings were easier to reach. They want more say in how money is spent.",
            actions_agreed="Invite members to set next year's budget priorities. Amina arranges it by June.",
        )
    except ReviewRefused:
        return
