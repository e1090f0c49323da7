"""On a first visit to the demo, the pages that count people show figures, not only "[c]" (issue 17).

The demo is seeded once for the module (inside a transaction rolled back at the end); each test reads
one page through its real view, as the persona who would look at it.
"""

import re
from collections.abc import Iterator
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse

from coproduce.accounts.models import User
from coproduce.analytics.disclosure import SUPPRESSED
from coproduce.demo.journeys import NO_PEOPLE_REASON
from coproduce.demo.showcase import TRAINING_DAY_TITLE
from coproduce.equality.models import EqualityResponse
from coproduce.learning.models import TrainingRecord
from coproduce.projects.models import OpportunityAssessment, Project, StageChange
from coproduce.reviews.models import Review, SelfAssessment
from coproduce.surveys.models import SurveyAnswer, SurveyRound


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker) -> Iterator[None]:
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(seeded: None, db: None) -> None:
    cache.clear()  # the representation page keeps its counts for an hour


def page(email: str, url: str) -> str:
    client = Client()
    client.force_login(User.objects.get(email=email))
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def row(html: str, label: str) -> list[str]:
    """The cells of the table row headed ``label``."""
    found = re.search(rf"<t[hd][^>]*>{re.escape(label)}</t[hd]>(.*?)</tr>", html, re.S)
    assert found, f"No row headed {label!r}"
    return [cell.strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", found.group(1), re.S)]


def test_the_representation_page_shows_the_data_lead_figures_for_some_groups(demo):
    html = page("sam@example.org", reverse("analytics:representation"))

    assert row(html, "Female")[0] == "13"
    assert row(html, "Male")[0] == "11"


def test_every_demo_project_shows_its_planned_rungs(demo):
    for project in Project.objects.filter(assessment__isnull=False):
        html = page("amina@example.org", reverse("projects:detail", args=[project.pk]))

        assert "Not planned yet" not in html
    gp_letters = Project.objects.get(title="Easy Read letters from GP surgeries")
    html = page("amina@example.org", reverse("projects:detail", args=[gp_letters.pk]))
    assert row(html, "Design")[1] == "Co-production"  # can people shape it, planned level, actual level
    assert OpportunityAssessment.objects.count() == 4


def test_the_checklists_show_done_and_not_yet_items_and_one_move_without_people_says_why(demo):
    pages = {
        title: page("amina@example.org", reverse("projects:detail", args=[pk]))
        for pk, title in Project.objects.filter(assessment__isnull=False).values_list("pk", "title")
    }

    checklists = [html.split('id="before-moving"', 1)[1].split("</ul>", 1)[0] for html in pages.values()]
    assert any("Done" in checklist for checklist in checklists)
    assert any("Not yet" in checklist for checklist in checklists)
    assert "Moved on without people with lived experience" in pages["Short breaks for carers"]
    assert NO_PEOPLE_REASON in pages["Short breaks for carers"]
    assert StageChange.objects.exclude(reason_without_involvement="").count() == 1


def test_the_coverage_page_shows_completed_training_and_dev_can_download_his_certificate(demo):
    html = page("amina@example.org", reverse("learning:coverage"))

    assert int(row(html, "Members and carers")[-1]) >= 10
    record = TrainingRecord.objects.filter(person__user__email="dev@example.org").get()
    client = Client()
    client.force_login(User.objects.get(email="dev@example.org"))
    response = client.get(reverse("learning:certificate", args=[record.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_a_survey_summary_shows_its_results(demo):
    survey_round = SurveyRound.objects.get(activity__title=TRAINING_DAY_TITLE)

    html = page("amina@example.org", reverse("surveys:summary", args=[survey_round.pk]))

    assert "Closed on" in html
    table = html.split("<tbody", 1)[1].split("</tbody>", 1)[0]
    assert SUPPRESSED not in table
    assert "100%" in table  # everyone felt listened to, and the share is shown


def test_a_review_shows_both_sides_figures(demo):
    review = Review.objects.get(project__title="Step-free bus stops in Riverside", kind="quarterly", status="open")

    html = page("amina@example.org", reverse("reviews:review", args=[review.pk]))

    assert row(html, "Member side")[-1] == "10"
    assert row(html, "Staff side")[-1] == "10"
    assert SUPPRESSED not in html.split(">Member side</th>", 1)[1].split("</table>", 1)[0]


def test_seeding_the_demo_again_adds_no_showcase_data(demo):
    def counts() -> tuple[int, ...]:
        return tuple(
            model.objects.count()
            for model in (
                EqualityResponse,
                TrainingRecord,
                SurveyAnswer,
                SelfAssessment,
                StageChange,
                OpportunityAssessment,
            )
        )

    before = counts()
    call_command("seed_demo", stdout=StringIO())

    assert counts() == before
