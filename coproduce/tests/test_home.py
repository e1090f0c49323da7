"""The home page for each persona: their next useful things, and no list meant for someone else."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from coproduce.contributions.models import Contribution, ContributionKind, ContributionResponse, Outcome
from coproduce.decisions.models import Concern
from coproduce.involvement.tests.factories import ActivityFactory, AttendanceFactory, RegistrationFactory, in_days
from coproduce.learning.models import Recommendation
from coproduce.learning.services.charter import Commitment, ensure_learning_defaults, sign_for_organisation
from coproduce.payments.choices import ClaimStatus, RateBasis
from coproduce.payments.models import Claim
from coproduce.payments.services.offers import make_offers
from coproduce.payments.services.rates import RateLine, create_rate_card
from coproduce.people.models import Organisation
from coproduce.surveys.models import SurveyRound

STAFF_LISTS = ("contributions:overdue", "payments:claims", "decisions:concerns", "learning:recommendations")


def said(person, project, *, days_ago, by, kind=ContributionKind.IDEA, summary="Lower the kerbs."):
    return Contribution.objects.create(
        person=person,
        project=project,
        kind=kind,
        summary=summary,
        recorded_by=by,
        recorded_at=timezone.now() - timedelta(days=days_ago),
    )


def recommend(organisation, project, *, text, sent_on, due, by) -> Recommendation:
    return Recommendation.objects.create(
        project=project, organisation=organisation, text=text, sent_on=sent_on, response_due=due, recorded_by=by
    )


def home(client_for, user) -> str:
    return client_for(user).get(reverse("home")).content.decode()


def test_member_home_shows_his_own_late_idea_not_the_staff_list_of_waiting_contributions(
    dev, amina, bus_stops, client_for
):
    """Dev co-leads a project, so his home once linked to the staff list "Contributions waiting for an
    answer", which said all were answered in time while his own idea had waited 35 days."""
    said(dev.person, bus_stops, days_ago=35, by=dev, summary="Put a bench at every stop.")
    answered = said(dev.person, bus_stops, days_ago=3, by=dev, summary="Make the timetable bigger.")
    ContributionResponse.objects.create(contribution=answered, outcome=Outcome.ADOPTED, responded_by=amina)

    html = home(client_for, dev)

    assert f'href="{reverse("contributions:overdue")}"' not in html
    assert "Lists to work through" not in html
    assert "Your contributions</a>: <strong>1 answered, 1 waiting for an answer, 1 of them late</strong>" in html
    assert "Put a bench at every stop." in html
    assert "Late: no answer after 35 days (answers are due within 28 days)" in html
    assert "Answered: adopted" in html


def test_member_home_counts_activities_payments_and_surveys(dev, amina, morgan, bus_stops, client_for):
    RegistrationFactory.create(activity=ActivityFactory.create(project=bus_stops, created_by=amina), person=dev.person)
    past = ActivityFactory.create(project=bus_stops, starts_at=in_days(-3), is_open=False, created_by=amina)
    AttendanceFactory.create(activity=past, person=dev.person, recorded_by=amina)
    create_rate_card(
        name="Rates",
        effective_from=date(2020, 1, 1),
        expenses_covered="Travel",
        rates=[RateLine("workshop", RateBasis.HOURLY, Decimal("20.00"))],
        by=morgan,
    )
    make_offers(past, by=amina)
    now = timezone.now()
    SurveyRound.objects.create(
        project=bus_stops,
        activity=past,
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=13),
        opened_by=amina,
    )

    html = home(client_for, dev)

    assert "Your activities</a>: <strong>1 coming up</strong>" in html
    assert "Your payments</a>: <strong>1 waiting for your choice</strong>" in html
    assert "Surveys to answer</a>: <strong>1 to answer</strong>" in html
    assert "Your contributions</a>: <strong>none yet</strong>" in html


def test_coordinator_home_counts_the_work_waiting_and_offers_the_two_starting_points(
    amina, dev, grace, bus_stops, client_for
):
    said(dev.person, bus_stops, days_ago=35, by=dev)
    said(grace.person, bus_stops, days_ago=2, by=grace)
    said(grace.person, bus_stops, days_ago=1, by=grace)
    Concern.objects.create(
        project=bus_stops, text="The room was too loud.", raised_by=grace.person, raised_on=timezone.localdate()
    )

    html = home(client_for, amina)

    assert "Contributions waiting for an answer</a>: <strong>3, 1 late</strong>" in html
    assert "Concerns raised</a>: <strong>1 waiting for a response</strong>" in html
    assert f'href="{reverse("projects:create")}" role="button"' in html
    assert ">Start a project</a>" in html
    assert f'href="{reverse("involvement:activity_create")}" role="button"' in html
    assert ">Plan an activity</a>" in html
    assert "Waiting for you" not in html


def test_coordinator_home_counts_in_a_bounded_number_of_queries(
    amina, dev, grace, priya, bus_stops, client_for, django_assert_max_num_queries
):
    client = client_for(amina)
    client.get(reverse("home"))  # the first visit loads what every page caches
    riverside = Organisation.objects.get(name="Riverside Council")
    for days in range(20):
        said(dev.person, bus_stops, days_ago=days * 3, by=dev)
        Concern.objects.create(
            project=bus_stops, text=f"Concern {days}", raised_by=grace.person, raised_on=timezone.localdate()
        )
        start = date(2026, 1, 1)
        recommend(riverside, bus_stops, text=f"No. {days}", sent_on=start, due=start + timedelta(days=days), by=amina)

    with django_assert_max_num_queries(25):
        html = client.get(reverse("home")).content.decode()

    assert "Contributions waiting for an answer</a>: <strong>20, 10 late</strong>" in html


@pytest.mark.parametrize(
    ("persona", "present", "absent"),
    [
        (
            "amina",
            ["Lists to work through", "Start a project", "Contributions waiting for an answer"],
            ["Waiting for you"],
        ),
        ("morgan", ["Lists to work through", "Start a project", "Payment rate cards"], ["Waiting for you"]),
        ("dev", ["Waiting for you", "Your contributions", "Surveys to answer"], ["Lists to work through"]),
        ("grace", ["Waiting for you", "Your payments"], ["Lists to work through", "Start a project"]),
        ("tom", ["Waiting for you", "Your activities"], ["Lists to work through", "Start a project"]),
        (
            "priya",
            ["What Riverside Council committed to", "Recommendations to Riverside Council"],
            ["Waiting for you", "Lists to work through", "Start a project"],
        ),
        (
            "sam",
            ["Lists to work through", "Who is involved"],
            ["Waiting for you", "Start a project", "Expense and payment claims", "Concerns raised"],
        ),
    ],
)
def test_home_shows_each_persona_their_own_lists_and_nobody_elses(persona, present, absent, everyone, client_for):
    html = home(client_for, everyone[persona])

    for text in present:
        assert text in html, text
    for text in absent:
        assert text not in html, text
    if persona not in ("amina", "morgan"):
        for name in STAFF_LISTS:
            if not (persona == "priya" and name == "learning:recommendations"):
                assert f'href="{reverse(name)}"' not in html, name


def test_partner_home_shows_her_organisations_commitments_and_recommendations_with_due_dates(
    priya, amina, bus_stops, client_for
):
    ensure_learning_defaults()
    riverside = Organisation.objects.get(name="Riverside Council")
    sign_for_organisation(riverside, commitments=[Commitment("We answer within 8 weeks.", 56)], by=priya)
    today = timezone.localdate()
    due = today - timedelta(days=14)
    recommend(riverside, bus_stops, text="Lower the kerbs.", sent_on=today - timedelta(days=70), due=due, by=amina)
    elsewhere = Organisation.objects.create(name="Northgate NHS Trust")
    recommend(elsewhere, bus_stops, text="Open the clinic on Saturdays.", sent_on=today, due=today, by=amina)

    html = home(client_for, priya)

    assert "Riverside Council signed the co-production charter on" in html
    assert "We answer within 8 weeks. (answering recommendations within 56 days)" in html
    assert "Lower the kerbs." in html
    assert escape(f"Overdue: the answer was due on {due:%-d %B %Y}") in html
    assert "1 waiting for your answer, 1 overdue." in html
    assert "Open the clinic on Saturdays." not in html


def test_coordinator_home_gives_each_project_the_next_thing_the_model_asks_for(amina, dev, bus_stops, client_for):
    """Amina's home listed her projects by name and stage only; the next step was a click away on each
    project's page (issue 17: the home page shows each persona's next useful action)."""
    project_page = client_for(amina).get(reverse("projects:detail", args=[bus_stops.pk])).content.decode()
    main_button = project_page.split('role="button"', 1)[0].rsplit("<a ", 1)[1]
    step_url = main_button.split('href="', 1)[1].split('"', 1)[0]

    html = home(client_for, amina)

    assert f'Next: <a class="govuk-link" href="{step_url}">' in html
    assert f'<span class="govuk-visually-hidden"> ({escape(bus_stops.title)})</span>' in html
    assert "Next:" not in home(client_for, dev)
    # Staff see every project, so the heading does not call them hers.
    assert '<h2 class="govuk-heading-m">Projects</h2>' in html
    assert '<h2 class="govuk-heading-m">Your projects</h2>' in home(client_for, dev)


@pytest.mark.parametrize("persona", ["sam", "morgan"])
def test_data_lead_and_trustee_homes_say_how_the_organisation_is_doing(persona, everyone, client_for):
    """Sam's and a trustee's homes listed reports and figures but not the one screen that says how the
    organisation is doing, nor its one sentence."""
    html = home(client_for, everyone[persona])

    main = html.split('id="main-content"', 1)[1]
    assert f'<a class="govuk-link" href="{reverse("analytics:dashboard")}">How are we doing?</a>' in main
    assert "0 of 11 targets met; not worked out yet for 11" in main


def test_member_home_payments_link_counts_claims_not_paid_yet_not_only_offers(grace, amina, bus_stops, client_for):
    """Grace's claim for her bus fare waited for approval while her home said only "Payments to choose:
    none", so nothing on it said where her claim was."""
    past = ActivityFactory.create(project=bus_stops, starts_at=in_days(-3), is_open=False, created_by=amina)
    attendance = AttendanceFactory.create(activity=past, person=grace.person, recorded_by=amina)
    Claim.objects.create(
        attendance=attendance,
        status=ClaimStatus.SUBMITTED,
        created_by=grace,
        submitted_at=timezone.now(),
        submitted_by=grace,
    )

    html = home(client_for, grace)

    assert "Your payments</a>: <strong>1 claim not paid yet</strong>" in html
    assert "Choose how to be paid, or say no. See where your claims are up to" in html
