"""Suggesting a project, following your ideas, and the coordinators' intake queue."""

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coproduce.accounts.models import Role, User
from coproduce.accounts.tests.factories import UserFactory
from coproduce.audit.models import AuditEvent
from coproduce.projects.models import IntakeStatus, Lifecycle, Membership, Project, ProjectRole, StageChange
from coproduce.projects.tests.factories import IdeaFactory

ClientFor = Callable[[User], Client]

ERROR_SUMMARY = '<h2 class="govuk-error-summary__title">There is a problem</h2>'
# The most queries the intake queue and "Your ideas" may make, however many ideas there are.
INTAKE_MAX_QUERIES = 5
MY_IDEAS_MAX_QUERIES = 6
EVERYONE = ["amina", "dev", "grace", "tom", "priya", "sam", "morgan"]
NOT_COORDINATORS = ["dev", "grace", "tom", "priya", "sam"]
SENT_ON = datetime(2026, 2, 9, 11, 0, tzinfo=UTC)


def counts() -> tuple[int, int, int, int]:
    return (
        Project.objects.count(),
        Membership.objects.count(),
        StageChange.objects.count(),
        AuditEvent.objects.count(),
    )


# --- Suggesting a project ------------------------------------------------------------------


def test_project_propose_asks_what_should_change_and_for_whom(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).get("/projects/propose/")

    assertContains(response, '<h1 class="govuk-heading-l">Suggest a project</h1>')
    assertContains(
        response, '<label class="govuk-label govuk-label--s" for="id_title">Give your idea a short name</label>'
    )
    assertContains(
        response, '<label class="govuk-label govuk-label--s" for="id_summary">What should change, and for whom?</label>'
    )
    assertContains(response, ">Send your idea</button>")
    assertNotContains(response, ERROR_SUMMARY)


@pytest.mark.parametrize("persona", EVERYONE)
def test_project_propose_puts_the_idea_in_the_queue_and_shows_it_to_the_proposer(
    request: pytest.FixtureRequest, client_for: ClientFor, persona: str
) -> None:
    user = request.getfixturevalue(persona)

    response = client_for(user).post(
        "/projects/propose/",
        {"title": "Quiet hours at the library", "summary": "Autistic people need quiet times to visit."},
        follow=True,
    )

    assertRedirects(response, "/projects/your-ideas/")
    idea = Project.objects.get(title="Quiet hours at the library")
    assert (idea.stage, idea.intake_status, idea.proposed_by) == (
        Lifecycle.IDEA,
        IntakeStatus.SUBMITTED,
        user.person,
    )
    assertContains(
        response,
        '<p class="govuk-notification-banner__heading">'
        "Thank you for your idea. A coordinator will read it and decide what happens next.</p>",
    )
    assertContains(response, '<strong class="govuk-tag govuk-tag--blue">Waiting for a decision</strong>')


def test_project_propose_with_nothing_filled_in_shows_the_errors_and_writes_nothing(
    dev: User, client_for: ClientFor
) -> None:
    counts_before = counts()

    response = client_for(dev).post("/projects/propose/", {"title": "", "summary": ""})

    assertContains(response, ERROR_SUMMARY)
    assertContains(response, '<li><a href="#id_title">Give your idea a short name</a></li>')
    assertContains(response, '<li><a href="#id_summary">Say what should change, and for whom</a></li>')
    assertContains(response, "<title>Error: Suggest a project – Coproduce</title>")
    assert counts() == counts_before


def test_project_propose_is_forbidden_to_someone_without_a_record(db: None, client_for: ClientFor) -> None:
    no_record = UserFactory.create(role=Role.MEMBER)

    get_response = client_for(no_record).get("/projects/propose/")
    post_response = client_for(no_record).post("/projects/propose/", {"title": "Idea", "summary": "Change."})

    assert (get_response.status_code, post_response.status_code) == (403, 403)
    assert Project.objects.exists() is False


# --- Your ideas ----------------------------------------------------------------------------


def test_my_ideas_shows_each_idea_and_what_happened_to_it(dev: User, grace: User, client_for: ClientFor) -> None:
    accepted = IdeaFactory.create(title="Accessible leaflets", proposed_by=dev.person)
    Project.objects.filter(pk=accepted.pk).update(intake_status=IntakeStatus.ACCEPTED, created_at=SENT_ON)
    IdeaFactory.create(
        title="A new day centre",
        proposed_by=dev.person,
        intake_status=IntakeStatus.DECLINED,
        decline_reason="The council has no money for buildings this year.",
    )
    IdeaFactory.create(title="Quiet hours", proposed_by=dev.person)
    IdeaFactory.create(title="Grace's idea", proposed_by=grace.person)

    response = client_for(dev).get("/projects/your-ideas/")

    assertContains(
        response,
        '<caption id="projects-my-ideas-caption" '
        'class="govuk-table__caption govuk-table__caption--m">3 ideas</caption>',
    )
    assertContains(response, f'<a class="govuk-link" href="/projects/{accepted.pk}/">Accessible leaflets</a>')
    assertContains(response, '<td class="govuk-table__cell">9 February 2026</td>')
    assertContains(response, "It is a project now, and you are in its project group.")
    assertContains(response, "The reason: The council has no money for buildings this year.")
    assertContains(response, '<strong class="govuk-tag govuk-tag--grey">Not taken forward</strong>')
    assertContains(response, '<strong class="govuk-tag govuk-tag--blue">Waiting for a decision</strong>', count=1)
    assertNotContains(response, "Grace&#x27;s idea")


def test_my_ideas_with_no_ideas_says_how_to_suggest_one(tom: User, client_for: ClientFor) -> None:
    response = client_for(tom).get("/projects/your-ideas/")

    assertContains(response, "You have not suggested a project yet.")
    assertContains(response, '<a href="/projects/propose/" role="button"')


def test_my_ideas_query_count_stays_bounded(dev: User, client_for: ClientFor, django_assert_max_num_queries) -> None:
    IdeaFactory.create_batch(30, proposed_by=dev.person)
    client = client_for(dev)

    with django_assert_max_num_queries(MY_IDEAS_MAX_QUERIES):
        response = client.get("/projects/your-ideas/")

    assert response.context["page"].paginator.count == 30


# --- The intake queue ----------------------------------------------------------------------


def test_intake_lists_the_ideas_waiting_with_who_suggested_each(amina: User, dev: User, client_for: ClientFor) -> None:
    waiting = IdeaFactory.create(title="Quiet hours", proposed_by=dev.person)
    Project.objects.filter(pk=waiting.pk).update(created_at=SENT_ON)
    IdeaFactory.create(title="Already accepted", intake_status=IntakeStatus.ACCEPTED)

    response = client_for(amina).get("/projects/intake/")

    assertContains(response, '<h1 class="govuk-heading-l">Ideas waiting for a decision</h1>')
    assertContains(
        response,
        '<caption id="projects-intake-caption" class="govuk-table__caption govuk-table__caption--m">1 idea</caption>',
    )
    assertContains(response, f'<a class="govuk-link" href="/projects/{waiting.pk}/intake/">Quiet hours</a>')
    assertContains(response, "Dev")
    assertContains(response, '<td class="govuk-table__cell">9 February 2026</td>')
    assertNotContains(response, "Already accepted")


def test_intake_with_nothing_waiting_says_so(amina: User, client_for: ClientFor) -> None:
    response = client_for(amina).get("/projects/intake/")

    assertContains(response, "There are no ideas waiting for a decision.")


@pytest.mark.parametrize("how_many", [3, 60])
def test_intake_query_count_does_not_grow_with_the_queue(
    amina: User, client_for: ClientFor, django_assert_max_num_queries, how_many: int
) -> None:
    IdeaFactory.create_batch(how_many)
    client = client_for(amina)

    with django_assert_max_num_queries(INTAKE_MAX_QUERIES):
        response = client.get("/projects/intake/")

    assert response.context["page"].paginator.count == how_many


@pytest.mark.parametrize("persona", NOT_COORDINATORS)
def test_intake_pages_are_forbidden_to_everyone_but_coordinators(
    request: pytest.FixtureRequest, client_for: ClientFor, persona: str
) -> None:
    idea = IdeaFactory.create()
    client = client_for(request.getfixturevalue(persona))

    queue = client.get("/projects/intake/")
    decide = client.get(f"/projects/{idea.pk}/intake/")
    post = client.post(f"/projects/{idea.pk}/intake/", {"decision": "accept"})

    assert (queue.status_code, decide.status_code, post.status_code) == (403, 403, 403)
    idea.refresh_from_db()
    assert idea.intake_status == IntakeStatus.SUBMITTED


# --- Deciding about an idea ------------------------------------------------------------------


def test_decide_intake_shows_the_idea_and_the_choices(amina: User, dev: User, client_for: ClientFor) -> None:
    idea = IdeaFactory.create(title="Quiet hours", summary="Autistic people need quiet times.", proposed_by=dev.person)

    response = client_for(amina).get(f"/projects/{idea.pk}/intake/")

    assertContains(response, '<h1 class="govuk-heading-l">Quiet hours</h1>')
    assertContains(response, '<dd class="govuk-summary-list__value">Autistic people need quiet times.</dd>')
    assertContains(
        response, '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">What have you decided?</legend>'
    )
    assertContains(response, 'name="decision" type="radio" value="accept"')
    assertContains(response, 'name="decision" type="radio" value="decline"')
    assertContains(response, ">Save your decision</button>")


def test_decide_intake_accept_adds_the_proposer_and_goes_back_to_the_queue(
    amina: User, dev: User, client_for: ClientFor
) -> None:
    idea = IdeaFactory.create(title="Quiet hours", proposed_by=dev.person)

    response = client_for(amina).post(f"/projects/{idea.pk}/intake/", {"decision": "accept"}, follow=True)

    assertRedirects(response, "/projects/intake/")
    assertContains(
        response,
        '<p class="govuk-notification-banner__heading">'
        "You took on “Quiet hours”. It is a project at the idea stage now.</p>",
    )
    idea.refresh_from_db()
    assert idea.intake_status == IntakeStatus.ACCEPTED
    assert list(idea.memberships.values_list("person_id", "role")) == [(dev.person.pk, ProjectRole.MEMBER)]


def test_decide_intake_decline_with_a_reason_shows_it_to_the_proposer(
    amina: User, dev: User, client_for: ClientFor
) -> None:
    idea = IdeaFactory.create(title="Quiet hours", proposed_by=dev.person)

    client_for(amina).post(
        f"/projects/{idea.pk}/intake/", {"decision": "decline", "reason": "The library already has quiet hours."}
    )
    ideas_page = client_for(dev).get("/projects/your-ideas/")

    idea.refresh_from_db()
    assert (idea.intake_status, idea.decline_reason) == (IntakeStatus.DECLINED, "The library already has quiet hours.")
    assertContains(ideas_page, "The reason: The library already has quiet hours.")


def test_decide_intake_decline_without_a_reason_shows_the_error_and_writes_nothing(
    amina: User, client_for: ClientFor
) -> None:
    idea = IdeaFactory.create(title="Quiet hours")
    counts_before = counts()

    response = client_for(amina).post(f"/projects/{idea.pk}/intake/", {"decision": "decline", "reason": "  "})

    assertContains(response, ERROR_SUMMARY)
    assertContains(
        response,
        '<li><a href="#id_reason">Say why the idea is not being taken forward. '
        "The person who suggested it will see this.</a></li>",
    )
    assertContains(response, "<title>Error: Decide about an idea – Quiet hours – Coproduce</title>")
    idea.refresh_from_db()
    assert idea.intake_status == IntakeStatus.SUBMITTED
    assert counts() == counts_before


def test_decide_intake_without_a_decision_asks_for_one(amina: User, client_for: ClientFor) -> None:
    idea = IdeaFactory.create()

    response = client_for(amina).post(f"/projects/{idea.pk}/intake/", {})

    assertContains(response, '<li><a href="#id_decision_0">Select whether to take the idea on</a></li>')
    idea.refresh_from_db()
    assert idea.intake_status == IntakeStatus.SUBMITTED


def test_decide_intake_on_an_idea_already_decided_shows_what_happened(amina: User, client_for: ClientFor) -> None:
    idea = IdeaFactory.create(intake_status=IntakeStatus.DECLINED, decline_reason="No budget this year.")
    Project.objects.filter(pk=idea.pk).update(intake_decided_at=SENT_ON)

    page = client_for(amina).get(f"/projects/{idea.pk}/intake/")
    response = client_for(amina).post(f"/projects/{idea.pk}/intake/", {"decision": "accept"})

    assertContains(page, "This idea was not taken forward on 9 February 2026. The reason: No budget this year.")
    assertNotContains(page, 'name="decision"')
    assertContains(
        response,
        '<li><a href="#decide-idea">Someone has already decided about this idea. It was not taken forward.</a></li>',
    )
    idea.refresh_from_db()
    assert idea.intake_status == IntakeStatus.DECLINED


def test_decide_intake_on_a_project_that_did_not_come_through_intake_says_so(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    response = client_for(amina).get(f"/projects/{bus_stops.pk}/intake/")

    assertContains(response, "This project did not come through the intake queue. There is nothing to decide.")


def test_decide_intake_of_no_project_is_not_found(amina: User, client_for: ClientFor) -> None:
    assert client_for(amina).get("/projects/999999/intake/").status_code == 404


@pytest.mark.parametrize(
    "path", ["/projects/propose/", "/projects/your-ideas/", "/projects/intake/", "/projects/1/intake/"]
)
def test_intake_pages_send_someone_signed_out_to_sign_in(db: None, client: Client, path: str) -> None:
    response = client.get(path)

    assertRedirects(response, f"/accounts/sign-in/?next={path}", fetch_redirect_response=False)
