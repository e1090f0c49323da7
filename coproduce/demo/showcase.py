"""Fictional demo members, carers and staff, so the pages that count people have figures to show.

Every count about people passes through disclosure control, which hides small numbers. With only the
seven personas every such page would show "[c]" or "too few". So the demo adds a crowd of fictional
people (each surname is "Example", so nobody mistakes them for real), all made once and in bulk:

- a "Chairing inclusive meetings" training day 40 days ago, attended by the crowd, Dev and Grace,
  with the course completed by most of them (the coverage page, and certificates to download);
- equality monitoring answers from the members and carers, given 60 days ago under consent, in the
  Census categories, so the representation page has figures for some groups;
- a survey after the training day, now closed, answered by 12 of them: enough for its results to be shown.

Running it again changes nothing: the training day is made once, with everything that hangs on it.
"""

from collections.abc import Iterator
from datetime import timedelta

from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.equality.models import EqualityResponse
from coproduce.equality.queries import current_equality_notice
from coproduce.involvement.models import Activity, Attendance
from coproduce.learning.models import Course, CourseSession, TrainingRecord
from coproduce.learning.services.training import learning_programme
from coproduce.people.models import Consent, ConsentMethod, Person, PersonKind
from coproduce.projects.models import Project
from coproduce.surveys.choices import Answer, Item
from coproduce.surveys.services import answer_round, open_round_for_activity

SURNAME = "Example"
TRAINING_DAY_TITLE = "Chairing inclusive meetings: training day"
TRAINING_COURSE = "Chairing inclusive meetings"
MEMBERS = (
    "Alex", "Bailey", "Charlie", "Dana", "Eden", "Frankie", "Harper", "Indigo", "Jesse", "Kai", "Lee", "Mo",
    "Nico", "Oakley", "Parker", "Quinn",
)  # fmt: skip
CARERS = ("Remy", "Sasha", "Tegan", "Umar", "Vic", "Wren", "Yael", "Zola")
STAFF = ("Ari", "Blair", "Cameron", "Drew", "Ellis", "Finley", "Gale", "Hollis", "Indy")

# How many of the 24 members and carers gave each answer: every group shown is 5 or more people,
# so disclosure control can show it; a few groups are deliberately small, to show "[c]" as well.
EQUALITY: dict[str, dict[str, int]] = {
    "age_band": {"25_to_34": 5, "35_to_49": 7, "50_to_64": 7, "65_to_74": 5},
    "sex": {"female": 13, "male": 11},
    "gender_identity": {"yes": 22, "prefer_not_to_say": 2},
    "sexual_orientation": {"straight": 17, "gay_or_lesbian": 5, "bisexual": 2},
    "ethnic_group": {"white_british": 12, "asian_indian": 5, "black_caribbean": 5, "mixed_other": 2},
    "religion": {"no_religion": 10, "christian": 9, "muslim": 5},
    "disabled_identity": {"yes": 17, "no": 7},
    "unpaid_care": {"no": 14, "up_to_9": 5, "20_to_34": 5},
}
# Part 1 and part 2 of the disability question together: (long-term condition, activities reduced).
DISABILITY = {("yes", "a_lot"): 11, ("yes", "a_little"): 6, ("yes", "not_at_all"): 2, ("no", ""): 5}

SURVEY_ANSWERS: tuple[dict[str, str], ...] = (
    {
        Item.LISTENED: Answer.STRONGLY_AGREE,
        Item.SAY: Answer.AGREE,
        Item.FORMAT: Answer.STRONGLY_AGREE,
        Item.NEXT_STEPS: Answer.AGREE,
        Item.SUPPORT: Answer.AGREE,
    },
    {
        Item.LISTENED: Answer.AGREE,
        Item.SAY: Answer.AGREE,
        Item.FORMAT: Answer.NEITHER,
        Item.NEXT_STEPS: Answer.DISAGREE,
        Item.SUPPORT: Answer.STRONGLY_AGREE,
    },
)
SURVEY_ANSWERERS = 12


def spread(counts: dict[str, int]) -> list[str]:
    """The answers as a list, one for each person, in a fixed order."""
    return [answer for answer, people in counts.items() for _ in range(people)]


def crowd_names() -> Iterator[tuple[str, str]]:
    for names, kind in ((MEMBERS, PersonKind.MEMBER), (CARERS, PersonKind.CARER), (STAFF, PersonKind.STAFF)):
        for name in names:
            yield f"{name} {SURNAME}", kind


def fictional_staff() -> list[Person]:
    """The crowd's staff, who take part in reviews from the staff side."""
    return list(Person.objects.filter(full_name__endswith=f" {SURNAME}", kind=PersonKind.STAFF).order_by("id"))


def fictional_members() -> list[Person]:
    """The crowd's members and carers."""
    return list(
        Person.objects.filter(
            full_name__endswith=f" {SURNAME}", kind__in=[PersonKind.MEMBER, PersonKind.CARER]
        ).order_by("id")
    )


def past_activity(
    project: Project,
    stage: str,
    kind: str,
    title: str,
    description: str,
    *,
    days_ago: int,
    hours: int,
    **details: object,
) -> Activity:
    """An in-person activity held ``days_ago``, for ``hours``; ``details`` name the venue, the planned
    rung and who made it (``created_by``)."""
    starts = (timezone.localtime() - timedelta(days=days_ago)).replace(hour=10, minute=0, second=0, microsecond=0)
    return Activity.objects.create(
        project=project,
        stage=stage,
        kind=kind,
        title=title,
        description=description,
        format="in_person",
        starts_at=starts,
        ends_at=starts + timedelta(hours=hours),
        **details,
    )


def _training_day(coordinator: User) -> Activity:
    programme = learning_programme(by=coordinator)
    activity = past_activity(
        programme,
        programme.stage,
        "training",
        TRAINING_DAY_TITLE,
        "How to run a meeting where everyone can take part: breaks, plain words and time to think.",
        days_ago=40,
        hours=5,
        venue="Riverside Community Centre, 12 Mill Lane",
        planned_rung="educating",
        created_by=coordinator,
    )
    CourseSession.objects.create(course=Course.objects.get(title=TRAINING_COURSE), activity=activity)
    return activity


def _equality_answers(members: list[Person]) -> None:
    notice = current_equality_notice()
    given_at = timezone.now() - timedelta(days=60)
    consents = Consent.objects.bulk_create(
        Consent(person=person, notice=notice, method=ConsentMethod.ONLINE, given_at=given_at) for person in members
    )
    columns = {field: spread(counts) for field, counts in EQUALITY.items()}
    disability = [pair for pair, people in DISABILITY.items() for _ in range(people)]
    responses = []
    for index, (person, consent) in enumerate(zip(members, consents, strict=True)):
        # Each question's answers are turned round by a different step, so that no two questions line up
        # (turning keeps each answer's count as it is).
        answers = {
            field: values[(index + 7 * turn) % len(values)] for turn, (field, values) in enumerate(columns.items())
        }
        condition, reduced = disability[(index * 5) % len(disability)]
        responses.append(
            EqualityResponse(
                person=person,
                consent=consent,
                answered_at=given_at,
                long_term_condition=condition,
                activities_reduced=reduced,
                **answers,
            )
        )
    EqualityResponse.objects.bulk_create(responses)


def seed(people: dict[str, Person], coordinator: User) -> None:
    """Make the crowd and everything that hangs on the training day, once."""
    if Activity.objects.filter(title=TRAINING_DAY_TITLE).exists():
        return
    Person.objects.bulk_create(
        Person(full_name=full_name, preferred_name=full_name.split()[0], kind=kind, recorded_by=coordinator)
        for full_name, kind in crowd_names()
    )
    members = fictional_members()
    activity = _training_day(coordinator)
    attended = [*members, people["dev"], people["grace"]]
    Attendance.objects.bulk_create(
        Attendance(activity=activity, person=person, minutes=300, recorded_by=coordinator) for person in attended
    )
    # Most of them completed the course: every third crowd member left early, Dev and Grace finished it.
    completed = [person for index, person in enumerate(attended) if index % 3 != 2 or person.user_id is not None]
    TrainingRecord.objects.bulk_create(
        TrainingRecord(
            person=person,
            course=activity.course_session.course,
            session=activity.course_session,
            completed_on=timezone.localdate(activity.starts_at),
            recorded_by=coordinator,
        )
        for person in completed
    )
    _equality_answers(members)
    # Opened the day after the training day and closed since, with its results there to read.
    opened = activity.ends_at + timedelta(days=1)
    survey_round = open_round_for_activity(activity, by=coordinator, now=opened)
    for index, person in enumerate(members[:SURVEY_ANSWERERS]):
        answer_round(
            survey_round, person=person, answers=SURVEY_ANSWERS[index % 2], now=opened + timedelta(days=index % 5)
        )
