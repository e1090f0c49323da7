"""The decisions part of the demo data (called by `seed_demo`; running it again changes nothing)."""

from datetime import timedelta

from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.contributions.models import Contribution
from coproduce.decisions.choices import Channel, ConcernAbout, DecisionMethod, GroupKind, GroupRole, Method, Stance
from coproduce.decisions.models import Concern, Decision, ProjectGroup
from coproduce.decisions.references import hash_reference
from coproduce.decisions.services.concerns import answer_concern, raise_concern
from coproduce.decisions.services.groups import add_group_member, create_group, update_ground_rules
from coproduce.decisions.services.proposals import put_proposal
from coproduce.decisions.services.register import publish_decision, save_decision
from coproduce.decisions.services.responses import respond
from coproduce.people.models import Person
from coproduce.projects.models import Project

PROJECT_TITLE = "Step-free bus stops in Riverside"
GROUP_NAME = "Bus stops steering group"
GROUND_RULES = (
    "We listen to each other. One person speaks at a time.\n"
    "Papers go out a week before, in Easy Read and large print for those who need them.\n"
    "Anyone can ask for a break.\n"
    "We say what cannot change, and why."
)


# The reference of the demo's anonymous concern, printed with the demo sign-ins. A real reference is
# random and shown once; this one is fixed so that the demo can tell it every time it is set up.
DEMO_REFERENCE = "RVSD-7KQM-4HXP"


def seed(people: dict[str, Person], coordinator: User) -> None:
    """``people`` maps each persona's key (amina, dev, grace, tom, priya, sam, morgan) to their record."""
    seed_anonymous_concern(people, coordinator)
    project = Project.objects.filter(title=PROJECT_TITLE).first()
    if project is None or ProjectGroup.objects.filter(project=project, name=GROUP_NAME).exists():
        return
    group = create_group(project, name=GROUP_NAME, kind=GroupKind.STEERING, by=coordinator)
    for key, role in (
        ("grace", GroupRole.CHAIR),
        ("dev", GroupRole.MEMBER),
        ("priya", GroupRole.MEMBER),
        ("amina", GroupRole.STAFF_ADVISER),
    ):
        add_group_member(group, person=people[key], role=role, by=coordinator)
    grace = people["grace"].user
    assert grace is not None  # noqa: S101 - Grace is a persona with a sign-in
    update_ground_rules(group, text=GROUND_RULES, by=grace)

    proposal = put_proposal(
        group,
        title="Which bus stops do we change first?",
        text=(
            "We propose to change the three stops near Riverside Hospital first. Most people who told us about "
            "problems use them. The council can change three stops this year; that number cannot change."
        ),
        easy_read_text="We want to fix 3 bus stops first.\nThey are near the hospital.\nDo you agree?",
        method=Method.CONSENT,
        closes_at=timezone.now() + timedelta(days=14),
        quorum=3,
        by=grace,
    )
    respond(proposal, person=people["grace"], stance=Stance.AGREE, by=grace)
    respond(
        proposal,
        person=people["dev"],
        stance=Stance.CONCERNS,
        reason="The stop by the market is hard too. Please do it next.",
        channel=Channel.PHONE,
        by=coordinator,
    )

    decision = save_decision(
        Decision(
            project=project,
            question="Meet at the community centre, not the council offices",
            options_considered="Riverside Community Centre\nCouncil offices\nOnline only",
            method=DecisionMethod.CONSENSUS,
            lived_experience_count=4,
            rationale=(
                "The community centre is step-free, on the accessible bus route and has a quiet room. "
                "Meeting online only would leave out people without the internet."
            ),
            cannot_change="Meetings must end by 3pm, when the community centre closes.",
            review_on=timezone.localdate() + timedelta(days=90),
        ),
        contributions=Contribution.objects.filter(project=project)[:2],
        by=coordinator,
    )
    publish_decision(decision, by=coordinator)


def seed_anonymous_concern(people: dict[str, Person], coordinator: User) -> None:
    """An anonymous concern about the organisation, answered, that anyone can read with DEMO_REFERENCE."""
    if Concern.objects.filter(reference_hash=hash_reference(DEMO_REFERENCE)).exists():
        return
    tom = people["tom"].user
    assert tom is not None  # noqa: S101 - Tom is a persona with a sign-in
    concern, _ = raise_concern(
        None,
        about=ConcernAbout.ORGANISATION,
        text=(
            "Expenses take weeks to be paid back. Some of us cannot afford to wait that long for our bus fares, "
            "so we stop coming."
        ),
        anonymous=True,
        by=tom,
    )
    Concern.objects.filter(pk=concern.pk).update(reference_hash=hash_reference(DEMO_REFERENCE))
    answer_concern(
        concern,
        response=(
            "Thank you for telling us. From next month we pay expenses within 14 days of the claim, and you can "
            "ask for bus fares before the meeting instead of after it."
        ),
        by=coordinator,
    )
