"""The decisions pages in the page inventory (merged by coproduce/tests/inventory.py).

ACCESS: url name -> personas who may use it (or ANYONE). object_kwargs: the URL kwargs for one of this
app's url names (None for names of other apps). STATE_VISITS: pages in particular states. DOWNLOADS:
files, not pages. NOT_PAGES: POST-only endpoints, each naming the page whose form sends to it.
PERMISSIONS_TESTED_ELSEWHERE: url names whose permissions have their own tests (POST-only, 404 unless
something exists), left out of the generic matrix test.

The world's project "Step-free bus stops" gets a steering group: Grace (chair), Dev (member), Priya
(member, from the partner council) and Amina (staff adviser). Dev is the project's co-lead and Amina
its staff lead, so both lead; Priya sees the group's pages through her seat, not the whole project.
"""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.utils import timezone
from playwright.sync_api import Page, expect

from coproduce.decisions.choices import (
    ConcernAbout,
    ConcernStatus,
    DecisionMethod,
    DecisionStatus,
    GroupKind,
    GroupRole,
    Method,
    Stance,
)
from coproduce.decisions.models import AgendaItem, Concern, Decision, GroupMember, ProjectGroup, Proposal, Response
from coproduce.decisions.references import hash_reference
from coproduce.tests.inventory_types import ANYONE, PERSONAS, Visit, World, submit_empty_form

LEADS = ("amina", "morgan", "dev")  # coordinators and the project's co-lead
PROJECT_VIEWERS = ("amina", "sam", "morgan", "dev", "grace")
GROUP_SEATS = ("amina", "dev", "grace", "priya")
GROUP_VIEWERS = ("amina", "morgan", "dev", "sam", "grace", "priya")
GROUP_ACTORS = ("amina", "morgan", "dev", "grace", "priya")  # leads and the group's members

ACCESS: dict[str, tuple[str, ...] | str] = {
    "decisions:register": PERSONAS,
    "decisions:project": PROJECT_VIEWERS,
    "decisions:group_create": LEADS,
    "decisions:decision_create": LEADS,
    "decisions:group": GROUP_VIEWERS,
    "decisions:group_add_member": LEADS,
    "decisions:ground_rules": GROUP_ACTORS,
    "decisions:proposal_create": GROUP_ACTORS,
    "decisions:agenda_propose": GROUP_ACTORS,
    "decisions:agenda_status": LEADS,
    "decisions:proposal": GROUP_VIEWERS,
    "decisions:respond": GROUP_SEATS,
    "decisions:record_response": ("amina", "morgan"),
    "decisions:withdraw_response": GROUP_SEATS,
    "decisions:extend": LEADS,
    "decisions:decision": PROJECT_VIEWERS,
    "decisions:decision_edit": LEADS,
    "decisions:publish": LEADS,
    "decisions:concerns": ("amina", "morgan"),
    "decisions:concern_create": PERSONAS,
    "decisions:your_concerns": PERSONAS,
    "decisions:concern_answer": ("amina", "morgan"),
    "decisions:concern_reference": ANYONE,
}
DOWNLOADS: dict[str, str] = {}
NOT_PAGES: dict[str, str] = {}
PERMISSIONS_TESTED_ELSEWHERE: tuple[str, ...] = ()


def steering_group(world: World) -> ProjectGroup:
    group, created = ProjectGroup.objects.get_or_create(
        project=world.project,
        name="Bus stops steering group",
        defaults={"kind": GroupKind.STEERING, "created_by": world.users["amina"]},
    )
    if created:
        for persona, role in (
            ("grace", GroupRole.CHAIR),
            ("dev", GroupRole.MEMBER),
            ("priya", GroupRole.MEMBER),
            ("amina", GroupRole.STAFF_ADVISER),
        ):
            GroupMember.objects.create(group=group, person=world.users[persona].person, role=role)
    return group


def consent_proposal(world: World, *, closed: bool = False) -> Proposal:
    title = "Which bus stops do we change first?" + (" (closed)" if closed else "")
    proposal, created = Proposal.objects.get_or_create(
        group=steering_group(world),
        title=title,
        defaults={
            "text": "We change the three stops near the hospital first.",
            "method": Method.CONSENT,
            "closes_at": timezone.now() + timedelta(days=-1 if closed else 7),
            "created_by": world.users["dev"],
        },
    )
    if created and not closed:
        Response.objects.create(
            proposal=proposal,
            person=world.users["grace"].person,
            stance=Stance.AGREE,
            recorded_by=world.users["grace"],
        )
    return proposal


def decision(world: World, *, published: bool = True, rationale: str = "Most people use these stops.") -> Decision:
    question = "Change the hospital stops first" if published else f"Draft: {rationale or 'no reasons yet'}"
    found, _ = Decision.objects.get_or_create(
        project=world.project,
        question=question,
        defaults={
            "stage": world.project.stage,
            "options_considered": "Hospital stops\nTown centre stops",
            "method": DecisionMethod.CONSENT,
            "rationale": rationale,
            "lived_experience_count": 3,
            "status": DecisionStatus.PUBLISHED if published else DecisionStatus.DRAFT,
            "published_at": timezone.now() if published else None,
            "published_by": world.users["amina"] if published else None,
            "created_by": world.users["amina"],
            "review_on": timezone.localdate() + timedelta(days=7),
        },
    )
    return found


def concern(world: World) -> Concern:
    found, _ = Concern.objects.get_or_create(
        project=world.project,
        text="Meetings start before the accessible bus arrives.",
        defaults={"is_anonymous": True, "raised_on": timezone.localdate(), "status": ConcernStatus.OPEN},
    )
    return found


# The reference of the world's anonymous concerns about the organisation and about a person; only
# their hashes are stored, as for every reference.
ANSWERED_REFERENCE = "K7QM-4RTX-9HCP"
WAITING_REFERENCE = "W3NX-8PDA-6JRV"


def concern_with_reference(world: World, reference: str) -> Concern:
    answered = reference == ANSWERED_REFERENCE
    found, _ = Concern.objects.get_or_create(
        reference_hash=hash_reference(reference),
        defaults={
            "about": ConcernAbout.ORGANISATION if answered else ConcernAbout.PERSON,
            "about_person": "" if answered else "The receptionist at the community centre",
            "text": "Expenses take too long to be paid." if answered else "I was not given the quiet room I asked for.",
            "is_anonymous": True,
            "raised_on": timezone.localdate(),
            "status": ConcernStatus.ANSWERED if answered else ConcernStatus.OPEN,
            "response": "We now pay expenses within 14 days of the claim." if answered else "",
            "responded_by": world.users["amina"] if answered else None,
            "responded_at": timezone.now() if answered else None,
        },
    )
    return found


def read_by_reference(reference: str) -> Callable[[Page], None]:
    """An action: type ``reference`` (as people might: lower case, spaces) and ask for the answer."""

    def action(page: Page) -> None:
        page.fill("#id_reference", reference.lower().replace("-", " "))
        submit_empty_form(page)

    return action


def send_anonymously_about_the_organisation(page: Page) -> None:
    page.check("#id_about_2")
    page.fill("#id_text", "Letters from the office are hard to read.")
    page.check("#id_anonymous_1")
    submit_empty_form(page)


def send_the_same_form_twice(page: Page) -> None:
    """The concern sent once behind the scenes, then the same copy of the form sent again by its button."""
    page.check("#id_about_2")
    page.fill("#id_text", "The lift at the office was broken again.")
    page.check("#id_anonymous_1")
    page.evaluate(
        "form => fetch(location.href, {method: 'POST', body: new FormData(form)}).then(response => response.ok)",
        page.locator("form:has(#id_text)").element_handle(),
    )
    submit_empty_form(page)
    expect(page.locator("h1")).to_have_text("Your concern was sent already")


def agenda_item(world: World) -> AgendaItem:
    found, _ = AgendaItem.objects.get_or_create(
        group=steering_group(world), title="Lighting at bus stops", defaults={"proposed_by": world.users["dev"].person}
    )
    return found


def object_kwargs(url_name: str, world: World) -> dict[str, Any] | None:
    if url_name in ("decisions:project", "decisions:group_create", "decisions:decision_create"):
        return {"pk": world.project.pk}
    if url_name in (
        "decisions:group",
        "decisions:group_add_member",
        "decisions:ground_rules",
        "decisions:proposal_create",
        "decisions:agenda_propose",
    ):
        return {"pk": steering_group(world).pk}
    if url_name == "decisions:agenda_status":
        return {"pk": agenda_item(world).pk}
    if url_name in (
        "decisions:proposal",
        "decisions:respond",
        "decisions:record_response",
        "decisions:withdraw_response",
        "decisions:extend",
    ):
        return {"pk": consent_proposal(world).pk}
    if url_name in ("decisions:decision", "decisions:decision_edit"):
        return {"pk": decision(world).pk}
    if url_name == "decisions:publish":
        return {"pk": decision(world, published=False).pk}
    if url_name == "decisions:concern_answer":
        return {"pk": concern(world).pk}
    if url_name.startswith("decisions:"):
        return {}
    return None


def _on(url_name: str) -> Any:
    return lambda world: object_kwargs(url_name, world)


def no_kwargs(*made: object) -> dict[str, Any]:
    """For pages without URL kwargs whose state needs ``made`` to exist first."""
    return {}


STATE_VISITS: tuple[Visit, ...] = (
    *(
        Visit(name, persona, kwargs=_on(name), state="errors", action=submit_empty_form)
        for name, persona in (
            ("decisions:group_create", "amina"),
            ("decisions:decision_create", "dev"),
            ("decisions:group_add_member", "amina"),
            ("decisions:ground_rules", "grace"),
            ("decisions:proposal_create", "dev"),
            ("decisions:agenda_propose", "priya"),
            ("decisions:agenda_status", "amina"),
            ("decisions:respond", "dev"),
            ("decisions:record_response", "amina"),
            ("decisions:extend", "amina"),
            ("decisions:concern_create", "grace"),
            ("decisions:concern_answer", "amina"),
        )
    ),
    # Publishing a draft without its reasons is refused with a message.
    Visit(
        "decisions:publish",
        "amina",
        kwargs=lambda world: {"pk": decision(world, published=False, rationale="").pk},
        state="refused",
        action=submit_empty_form,
    ),
    # A response after the closing date: the page says so, and sending is refused.
    Visit(
        "decisions:respond",
        "grace",
        kwargs=lambda world: {"pk": consent_proposal(world, closed=True).pk},
        state="closed",
        action=submit_empty_form,
    ),
    Visit("decisions:withdraw_response", "grace", kwargs=_on("decisions:withdraw_response"), state="has-response"),
    Visit("decisions:register", "grace", state="with-decisions", kwargs=lambda world: no_kwargs(decision(world))),
    # An anonymous sender is shown their reference once, then reads the answer with it, signed in or not.
    Visit("decisions:concern_create", "dev", state="sent-anonymously", action=send_anonymously_about_the_organisation),
    Visit("decisions:concern_create", "dev", state="sent-again", action=send_the_same_form_twice),
    Visit("decisions:concern_reference", None, state="errors", action=submit_empty_form),
    Visit("decisions:concern_reference", None, state="not-found", action=read_by_reference("AAAA-BBBB-CCCC")),
    Visit(
        "decisions:concern_reference",
        None,
        kwargs=lambda world: no_kwargs(concern_with_reference(world, ANSWERED_REFERENCE)),
        state="answered",
        action=read_by_reference(ANSWERED_REFERENCE),
    ),
    Visit(
        "decisions:concern_reference",
        "grace",
        kwargs=lambda world: no_kwargs(concern_with_reference(world, WAITING_REFERENCE)),
        state="waiting",
        action=read_by_reference(WAITING_REFERENCE),
    ),
    Visit(
        "decisions:concern_answer",
        "amina",
        kwargs=lambda world: {"pk": concern_with_reference(world, WAITING_REFERENCE).pk},
        state="about-a-person",
    ),
)
